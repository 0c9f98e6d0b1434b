// Cantiere's process entry: `npm start` builds the app and runs this file on Node 24.
// It loads the server build (build/server/index.js, made from server/app.ts) and starts it.
import { existsSync } from 'node:fs';

// Production unless told otherwise: React and React Router pick their fast production builds from this.
process.env.NODE_ENV ??= 'production';

const build = new URL(`./${process.env.CANTIERE_BUILD_DIR ?? 'build'}/server/index.js`, import.meta.url);
if (!existsSync(build)) {
  process.stderr.write('Manca la build del server: esegui prima `npm run build` (oppure usa `npm start`).\n');
  process.exit(1);
}

const { startServer } = (await import(build.href)) as typeof import('./server/app.ts');
try {
  const running = await startServer();
  let signals = 0;
  const shutdown = (signal: string) => {
    if (++signals > 1) process.exit(1);
    process.stderr.write(`\nRicevuto ${signal}: chiusura in corso…\n`);
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  const e = error as Error;
  process.stderr.write(`\nCantiere non può partire: ${e.message}\n`);
  if (e.name !== 'DataDirLockedError' && e.name !== 'ConfigError') process.stderr.write(`${e.stack ?? ''}\n`);
  process.exit(1);
}
