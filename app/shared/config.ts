import { resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  CANTIERE_DATA_DIR: z.string().default('./data'),
  CANTIERE_DEMO: z.enum(['0', '1', 'auto']).default('auto'),
  CANTIERE_SECURE_COOKIES: z.enum(['1', 'auto']).default('auto'),
  CANTIERE_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default('Cantiere <noreply@localhost>'),
  CANTIERE_PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'indirizzo http o https')
    .optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  NODE_ENV: z.string().default('production'),
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | null;
  databasePoolSize: number;
  dataDir: string;
  /** Load the demo Ambito at start (default: with the embedded database only). */
  demo: boolean;
  /** Always mark cookies Secure; otherwise they are Secure whenever the request came over HTTPS. */
  forceSecureCookies: boolean;
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of the process. */
  trustProxy: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  production: boolean;
  /** SMTP server for outgoing mail (smtp://user:pass@host:587 or smtps://…); without it mail stays in the outbox. */
  smtpUrl: string | null;
  smtpFrom: string;
  /**
   * The public address of the installation (`https://cantiere.example.it`, no trailing slash): the stable base of the
   * absolute URLs that leave Cantiere (the open-data catalogue). Null: the origin of the request.
   */
  publicUrl: string | null;
}

/** Reads the configuration from environment variables (documented in the README), refusing bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable means "not set" (as shells and .env files often leave them).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Configurazione non valida:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir: resolve(e.CANTIERE_DATA_DIR),
    demo: e.CANTIERE_DEMO === 'auto' ? !e.DATABASE_URL : e.CANTIERE_DEMO === '1',
    forceSecureCookies: e.CANTIERE_SECURE_COOKIES === '1',
    trustProxy: e.CANTIERE_TRUST_PROXY === '1',
    logLevel: e.LOG_LEVEL,
    production,
    smtpUrl: e.SMTP_URL ?? null,
    smtpFrom: e.SMTP_FROM,
    publicUrl: e.CANTIERE_PUBLIC_URL ? e.CANTIERE_PUBLIC_URL.replace(/\/+$/, '') : null,
  };
}
