import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The project's root folder (the one holding Cantiere's package.json), found by walking up from this
 * module. Works from the sources (app/shared) and from the server build (build/server) alike.
 */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'cantiere') return (cached = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cartella del progetto Cantiere non trovata');
    dir = parent;
  }
}

export const fromRoot = (...parts: string[]) => resolve(projectRoot(), ...parts);
