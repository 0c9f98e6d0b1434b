import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importTables } from './participation.tables.commands.ts';
import { listTables } from './participation.tables.queries.ts';

/** This part's demo step (participation.demo.ts runs the parts in order). */
export const tablesDemoSteps: DemoStep[] = [
  // Part «tables» (second, after the path step): the Tavolo Locale Permanente and the 4 Tavoli Tematici of Gallarate
  // (fixtures/demo/gallarate/partecipazione/tavoli.json, seed 002) with the sessions of 9 and 18 October 2024, and the
  // demo cooperative as a member. The accounts' demo step runs before (registry.server.ts), so the third-sector
  // account's grant is linked to its organisation; the import itself is idempotent.
  {
    name: 'tavoli tematici dell’Ambito di Gallarate',
    async run(ctx) {
      const ambito = await getAmbitoByCode(ctx.db, 'gallarate');
      if (!ambito || (await listTables(ctx.db, ambito.id)).length > 0) return;
      const summary = await importTables({ db: ctx.db, actor: ctx.actor, ambitoId: ambito.id, file: ctx.file('demo/gallarate/partecipazione/tavoli.json') });
      log.info('demo: tavoli importati', { ...summary });
    },
  },
];
