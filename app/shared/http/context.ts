import { createContext } from 'react-router';
import type { Actor } from '../auth/actor.ts';
import type { AppConfig } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
import type { UiLocale } from '../i18n/messages.ts';

/** Process-wide services, set once at start by server/app.ts. */
export interface AppServices {
  db: Db;
  database: Database;
  config: AppConfig;
}
export const servicesContext = createContext<AppServices>();

/** Per-request facts, set by the HTTP pipeline and completed by the root middleware. */
export interface RequestState {
  requestId: string;
  /** CSP nonce for the inline scripts React Router writes. */
  nonce: string;
  clientIp: string;
  /** The request came over HTTPS (directly or through a trusted proxy): cookies are marked Secure. */
  https: boolean;
  actor: Actor;
  locale: UiLocale;
  csrfToken: string;
  /** Set-Cookie headers to add to the response. */
  cookies: string[];
  /** For a 429 answer: how long to wait before trying again (the Retry-After header). */
  retryAfterSeconds?: number;
}
export const requestContext = createContext<RequestState>();
