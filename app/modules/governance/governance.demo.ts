import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importGovernance } from './governance.commands.ts';
import { GOVERNANCE_FILES } from './governance.importers.ts';
import { listOrganisations } from './governance.queries.ts';

/**
 * The governance of the demo Ambito di Gallarate (fixtures/demo/gallarate/governance, from seed 002): organisations,
 * people, bodies with the 9 mayors in the Assemblea, the Accordo di programma 2025-2027 with its 11 signatures.
 * Loaded through the module's own importer; skipped when the Ambito already has organisations.
 */
export const governanceSteps: DemoStep[] = [
  {
    name: 'organi e Accordo di programma dell’Ambito di Gallarate',
    async run({ db, actor, read }) {
      const ambito = await getAmbitoByCode(db, 'gallarate');
      if (!ambito || (await listOrganisations(db, ambito.id)).length > 0) return;
      const files = Object.keys(GOVERNANCE_FILES).map((name) => ({ name, text: read(`demo/gallarate/governance/${name}`) }));
      const summary = await importGovernance({ db, actor, ambitoId: ambito.id, files });
      log.info('demo: governance importata', { ...summary });
    },
  },
];
