import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importCalls, missingTables } from './participation.call.commands.ts';

/** This part's demo step (participation.demo.ts runs the parts in order). */
export const callDemoSteps: DemoStep[] = [
  // Third (after the path and the tables): the calls (manifestazione di interesse) of Gallarate, with no applications
  // (the seed names none). fixtures/demo/gallarate/partecipazione/README-avviso.md says what is known and what is not.
  {
    name: 'avvisi di manifestazione di interesse dell’Ambito di Gallarate',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'gallarate');
      if (!ambito) return;
      const calls = file('demo/gallarate/partecipazione/avviso-2025-2027.json');
      const missing = await missingTables(db, ambito.id, calls.text);
      if (missing.length) {
        log.warn('demo: avvisi non caricati, mancano i tavoli', { missing: missing.join('; ') });
        return;
      }
      const summary = await importCalls({ db, actor, ambitoId: ambito.id, file: calls });
      log.info('demo: avvisi importati', { ...summary });
    },
  },
];
