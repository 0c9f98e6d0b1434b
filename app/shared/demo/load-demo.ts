import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { systemActor, type Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { fromRoot } from '../paths.ts';

export interface DemoAccount {
  email: string;
  name: string;
  role: string;
}

/** What a demo step receives: the database, the system actor, and readers for files under fixtures/. */
export interface DemoContext {
  db: Db;
  actor: Actor;
  read: (relativePath: string) => string;
  /** A fixture file as an importer takes an upload: its name (the last part of the path) and its text. */
  file: (relativePath: string) => { fileName: string; text: string };
}

/**
 * One step of the demo: each module contributes the steps that load its fixture files through its own
 * importers. A step must be idempotent (check first, then import), so that a second start reuses the data.
 */
export interface DemoStep {
  name: string;
  run: (ctx: DemoContext) => Promise<void>;
}

/** The context the demo steps run in: the system actor and a reader of the fixture files under `root`. */
export function demoContext(db: Db, root = fromRoot('fixtures')): DemoContext {
  const read = (p: string) => readFileSync(`${root}/${p}`, 'utf8');
  return { db, actor: systemActor('caricamento dati dimostrativi'), read, file: (p) => ({ fileName: basename(p), text: read(p) }) };
}

/** Runs the given demo steps in order (the module registry, app/modules/demo.server.ts, gives them). */
export async function runDemoSteps(ctx: DemoContext, steps: readonly DemoStep[]): Promise<void> {
  for (const step of steps) await step.run(ctx);
}
