// A second Cantiere server for the specs that must not disturb the shared one (forty failed sign-ins from 127.0.0.1,
// outgoing mail to a test SMTP server…): the same build, its own empty data folder, started and stopped by the spec.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OwnServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Runs the command-line tool on the folder before the server starts (e.g. to create its first administrator). */
export type Setup = (cli: (...args: string[]) => void) => void;

export async function startOwnServer(port: number, env: Record<string, string> = {}, setup?: Setup): Promise<OwnServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cantiere-e2e-proprio-'));
  const base = { ...process.env, CANTIERE_DATA_DIR: dataDir, DATABASE_URL: '', CANTIERE_DEMO: '0', LOG_LEVEL: 'error', ...env };
  setup?.((...args) => {
    const r = spawnSync(process.execPath, ['bin/cantiere.ts', ...args], { env: base, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cantiere ${args.join(' ')}: ${r.stderr}`);
  });
  const child = spawn(process.execPath, ['server.ts'], { env: { ...base, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i === 239) throw new Error('il server della prova non è partito');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    process: child,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
