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
  CANTIERE_MAIL_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  CANTIERE_PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'indirizzo http o https')
    .optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  NODE_ENV: z.string().default('production'),
  CANTIERE_OIDC_ISSUER: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'indirizzo http o https')
    .refine((u) => u.startsWith('https://') || isLoopback(u), 'l’emittente deve essere in https (http solo su localhost o 127.0.0.1, per le prove)')
    .optional(),
  CANTIERE_OIDC_CLIENT_ID: z.string().max(500).optional(),
  CANTIERE_OIDC_CLIENT_SECRET: z.string().max(2000).optional(),
  CANTIERE_OIDC_NAME: z.string().trim().min(1).max(60, 'al massimo 60 caratteri').optional(),
  CANTIERE_OIDC_SCOPES: z
    .string()
    .default('openid email profile')
    .refine((s) => s.split(/\s+/).includes('openid'), 'deve comprendere «openid»'),
  CANTIERE_OIDC_MATCH: z.enum(['email', 'fiscal_code'], { message: '«email» o «fiscal_code»' }).default('email'),
  CANTIERE_OIDC_FISCAL_CODE_CLAIM: z
    .string()
    .regex(/^[\w.:-]{1,100}$/, 'il nome di un claim')
    .default('fiscal_number'),
});

/** An address on this machine (http is acceptable there: a provider started by the tests, or a tunnel). */
export function isLoopback(url: string): boolean {
  try {
    return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Sign-in with an OpenID Connect identity provider (a regional identity provider, a SPID/CIE OIDC gateway, Keycloak…):
 * the identity it proves is mapped to an existing account, by verified e-mail or by fiscal code.
 */
export interface OidcConfig {
  /** The provider's issuer identifier; its metadata is read from `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** The client secret (sent with HTTP Basic); null for a public client, which proves itself with PKCE only. */
  clientSecret: string | null;
  /** The provider's name on the sign-in button («Accedi con …»); the issuer's host name when not given. */
  name: string;
  /** The scopes asked for, separated by spaces (always with `openid`). */
  scopes: string;
  /** How an identity finds its account: the verified e-mail, or the fiscal code. */
  match: 'email' | 'fiscal_code';
  /** The claim carrying the fiscal code (`fiscal_number` in SPID and CIE, as `TINIT-<codice fiscale>`). */
  fiscalCodeClaim: string;
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
  /** How often the outbox is delivered, in seconds (with SMTP configured). */
  mailIntervalSeconds: number;
  /**
   * The public address of the installation (`https://cantiere.example.it`, no trailing slash): the stable base of the
   * absolute URLs that leave Cantiere (the open-data catalogue). Null: the origin of the request.
   */
  publicUrl: string | null;
  /** Sign-in with an OpenID Connect provider (CANTIERE_OIDC_*); null when not configured. */
  oidc: OidcConfig | null;
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
    mailIntervalSeconds: e.CANTIERE_MAIL_INTERVAL_SECONDS,
    publicUrl: e.CANTIERE_PUBLIC_URL ? e.CANTIERE_PUBLIC_URL.replace(/\/+$/, '') : null,
    oidc: oidcConfig(e, present),
  };
}

/** The OpenID Connect settings: all or nothing — an issuer needs its client id and the other way round. */
function oidcConfig(e: z.infer<typeof Env>, present: Record<string, unknown>): OidcConfig | null {
  const given = Object.keys(present).filter((k) => k.startsWith('CANTIERE_OIDC_'));
  if (!given.length) return null;
  const missing = (['CANTIERE_OIDC_ISSUER', 'CANTIERE_OIDC_CLIENT_ID'] as const).filter((k) => !e[k]);
  if (missing.length) {
    const lines = missing.map(
      (k) =>
        `- ${k}: manca, ma è impostata ${given.join(', ')}: l’accesso con OpenID Connect richiede sia CANTIERE_OIDC_ISSUER sia CANTIERE_OIDC_CLIENT_ID (o nessuna variabile CANTIERE_OIDC_*)`,
    );
    throw new ConfigError(`Configurazione non valida:\n${lines.join('\n')}`);
  }
  const issuer = e.CANTIERE_OIDC_ISSUER!;
  return {
    issuer,
    clientId: e.CANTIERE_OIDC_CLIENT_ID!,
    clientSecret: e.CANTIERE_OIDC_CLIENT_SECRET ?? null,
    name: e.CANTIERE_OIDC_NAME ?? new URL(issuer).hostname,
    scopes: e.CANTIERE_OIDC_SCOPES.trim().split(/\s+/).join(' '),
    match: e.CANTIERE_OIDC_MATCH,
    fiscalCodeClaim: e.CANTIERE_OIDC_FISCAL_CODE_CLAIM,
  };
}
