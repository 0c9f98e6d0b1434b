import { AsyncLocalStorage } from 'node:async_hooks';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

interface RequestStore {
  requestId: string;
  /** The language of the person asking, once the root middleware knows it (for messages written on the server). */
  locale?: string;
}

const store = new AsyncLocalStorage<RequestStore>();

/** Runs `fn` with a request id that every log line and audit entry written inside it will carry. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return store.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return store.getStore()?.requestId;
}

/** Records the request's language for the code that runs inside it (see i18n/tr.server.ts). */
export function setRequestLocale(locale: string) {
  const s = store.getStore();
  if (s) s.locale = locale;
}

export function currentRequestLocale(): string | undefined {
  return store.getStore()?.locale;
}

let minLevel: Level = (process.env.LOG_LEVEL as Level) in order ? (process.env.LOG_LEVEL as Level) : 'info';
let sink: (line: string) => void = (line) => process.stdout.write(line + '\n');

export function configureLog(options: { level?: Level; sink?: (line: string) => void }) {
  if (options.level) minLevel = options.level;
  if (options.sink) sink = options.sink;
}

function write(level: Level, msg: string, fields?: Record<string, unknown>) {
  if (order[level] < order[minLevel]) return;
  const line: Record<string, unknown> = { time: new Date().toISOString(), level, msg };
  const requestId = currentRequestId();
  if (requestId) line.requestId = requestId;
  if (fields) {
    for (const [k, v] of Object.entries(fields)) {
      line[k] = v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v;
    }
  }
  sink(JSON.stringify(line));
}

/** Structured JSON logs, one object per line, with the request id of the current request when there is one. */
export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};
