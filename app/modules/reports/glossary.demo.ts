import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importGlossary } from './glossary.commands.ts';
import { hasGlossary } from './glossary.queries.ts';

/** The essential social glossary (fixtures/glossary), loaded into the Gallarate demo Ambito through its importer. */
export const glossarySteps: DemoStep[] = [
  {
    name: 'glossario sociale essenziale dell’Ambito di Gallarate',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'gallarate');
      if (!ambito || (await hasGlossary(db, ambito.id))) return;
      const r = await importGlossary({ db, actor, ambitoId: ambito.id, ...file('glossary/glossario-sociale-essenziale.csv') });
      log.info('demo: glossario caricato', { ...r });
    },
  },
];
