/**
 * The interface's words. Italian is the reference language; every other language must translate every key
 * (the type makes a missing key a compile error).
 */
const shellIt = {
  'app.name': 'Cantiere',
  'app.tagline': 'Piani sociali di zona, dalla conoscenza alla rendicontazione',
  'skip.main': 'Vai al contenuto principale',
  'skip.nav': 'Vai alla navigazione',
  'skip.footer': 'Vai al piè di pagina',
  'header.signin': 'Accedi',
  'header.signout': 'Esci',
  'header.profile': 'Profilo',
  'header.language': 'Lingua',
  'header.switchAmbito': 'Cambia Ambito',
  'header.switchAmbito.go': 'Vai',
  'header.region': 'Regione',
  'nav.label': 'Navigazione principale',
  'nav.home': 'Ambito',
  'nav.territory': 'Territorio e popolazione',
  'nav.territoryAdmin': 'Amministrazione del territorio',
  'nav.plans': 'Piani di Zona',
  'nav.edit': 'Dati dell’Ambito',
  'nav.audit': 'Registro delle attività',
  'nav.api': 'API',
  'nav.leps': 'LEPS',
  'footer.accessibility': 'Dichiarazione di accessibilità',
  'footer.istat': 'Dati territoriali: Fonte ISTAT (CC BY 3.0 IT)',
  'footer.licence': 'Cantiere è software libero (EUPL 1.2)',
  'footer.api': 'API e documentazione OpenAPI',
  'form.errors': 'Il modulo contiene errori: correggi i campi indicati.',
  'form.conflict.reload': 'Ricarica la versione attuale',
  'form.required': 'obbligatorio',
  'error.title.400': 'Richiesta non valida',
  'error.title.401': 'Accesso richiesto',
  'error.title.403': 'Accesso negato',
  'error.title.404': 'Pagina non trovata',
  'error.title.409': 'Conflitto di modifica',
  'error.title.429': 'Troppe richieste',
  'error.title.500': 'Errore del sistema',
  'error.text.403': 'Il tuo profilo non ha i permessi per questa pagina o questa operazione.',
  'error.text.404': 'La pagina che cerchi non esiste o non è visibile con il tuo profilo.',
  'error.text.500':
    'Si è verificato un errore imprevisto. Riprova tra qualche istante; se il problema continua, comunica all’assistenza il codice della richiesta.',
  'error.requestId': 'Codice della richiesta',
  'error.back': 'Torna alla pagina iniziale',
  'a11y.title': 'Dichiarazione di accessibilità',
} as const;

/**
 * Every module's dictionary adds its keys to this interface (declaration merging in app/modules/registry.ts,
 * from the module registry), so that MessageKey is the union of all keys and a missing key stays a type error.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleMessages {}

export type MessageKey = keyof typeof shellIt | keyof ModuleMessages;

const shellEn: Record<keyof typeof shellIt, string> = {
  'app.name': 'Cantiere',
  'app.tagline': 'Territorial social plans, from knowledge to reporting',
  'skip.main': 'Skip to main content',
  'skip.nav': 'Skip to navigation',
  'skip.footer': 'Skip to footer',
  'header.signin': 'Sign in',
  'header.signout': 'Sign out',
  'header.profile': 'Profile',
  'header.language': 'Language',
  'header.switchAmbito': 'Switch Ambito',
  'header.switchAmbito.go': 'Go',
  'header.region': 'Region',
  'nav.label': 'Main navigation',
  'nav.home': 'Ambito',
  'nav.territory': 'Territory and population',
  'nav.territoryAdmin': 'Territory administration',
  'nav.plans': 'Zone plans',
  'nav.edit': 'Ambito details',
  'nav.audit': 'Activity log',
  'nav.api': 'API',
  'nav.leps': 'LEPS',
  'footer.accessibility': 'Accessibility statement',
  'footer.istat': 'Territorial data: source ISTAT (CC BY 3.0 IT)',
  'footer.licence': 'Cantiere is free software (EUPL 1.2)',
  'footer.api': 'API and OpenAPI description',
  'form.errors': 'The form has errors: correct the fields shown.',
  'form.conflict.reload': 'Reload the current version',
  'form.required': 'required',
  'error.title.400': 'Bad request',
  'error.title.401': 'Sign-in required',
  'error.title.403': 'Access denied',
  'error.title.404': 'Page not found',
  'error.title.409': 'Edit conflict',
  'error.title.429': 'Too many requests',
  'error.title.500': 'System error',
  'error.text.403': 'Your profile is not allowed to see this page or do this.',
  'error.text.404': 'The page you are looking for does not exist or is not visible with your profile.',
  'error.text.500': 'An unexpected error occurred. Try again in a moment; if it persists, give support the request code.',
  'error.requestId': 'Request code',
  'error.back': 'Back to the home page',
  'a11y.title': 'Accessibility statement',
};

const it = { ...shellIt } as Record<MessageKey, string>;
const en = { ...shellEn } as Record<MessageKey, string>;

/** Adds a module's dictionary (called by the module registry, app/modules/registry.ts, once per module). */
export function registerMessages(dictionary: { it: Record<string, string>; en: Record<string, string> }): void {
  Object.assign(it, dictionary.it);
  Object.assign(en, dictionary.en);
}

export const LOCALES = ['it', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const isLocale = (v: unknown): v is Locale => LOCALES.includes(v as Locale);

const dictionaries: Record<Locale, Record<MessageKey, string>> = { it, en };

/** Translates a key, filling {placeholders}. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  let text = dictionaries[locale][key] ?? it[key] ?? key;
  if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

/** Numbers and dates the Italian way (1.234, 26/11/2026) or the English way. Formatters are built once and reused. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}
const tag = (locale: Locale) => (locale === 'it' ? 'it-IT' : 'en-GB');

export const formatNumber = (locale: Locale, n: number, digits = 0) =>
  cached(
    `n:${locale}:${digits}`,
    () => new Intl.NumberFormat(tag(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: 'always' }),
  ).format(n);
export const formatDateTime = (locale: Locale, d: Date | string) =>
  cached(`dt:${locale}`, () => new Intl.DateTimeFormat(tag(locale), { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Rome' })).format(new Date(d));
export const formatDate = (locale: Locale, d: Date | string) =>
  cached(`d:${locale}`, () => new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeZone: 'Europe/Rome' })).format(new Date(d));
