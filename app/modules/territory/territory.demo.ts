import type { DemoContext, DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { importAmbitoComposition, importIstatComuni, importPopulation } from './territory.commands.ts';
import { getAmbitoByCode, hasComuni, hasPopulationFacts } from './territory.queries.ts';

/** A file under fixtures/ as the importers take it: its name and its text. */
const fixture = (read: DemoContext['read'], path: string) => ({ fileName: path.slice(path.lastIndexOf('/') + 1), text: read(path) });

/** Territory's demo: the ISTAT comuni, the Ambiti's composition, the population of the Ambito di Gallarate. */
export const territorySteps: DemoStep[] = [
  {
    name: 'elenco ISTAT dei comuni',
    async run({ db, actor, read }) {
      if (await hasComuni(db)) return;
      const summary = await importIstatComuni({ db, actor, ...fixture(read, 'istat/comuni-2020.json') });
      log.info('demo: elenco ISTAT dei comuni importato', { ...summary });
    },
  },
  {
    name: 'composizione degli Ambiti',
    async run({ db, actor, read }) {
      if (await getAmbitoByCode(db, 'gallarate')) return;
      const result = await importAmbitoComposition({ db, actor, ...fixture(read, 'demo/ambiti.csv') });
      log.info('demo: composizione degli Ambiti importata', { ambiti: result.map((r) => r.code) });
    },
  },
  {
    name: 'popolazione dell’Ambito di Gallarate (Tabella 2.1)',
    async run({ db, actor, read }) {
      const ambito = await getAmbitoByCode(db, 'gallarate');
      if (!ambito || (await hasPopulationFacts(db, ambito.id))) return;
      const summary = await importPopulation({ db, actor, ambitoId: ambito.id, ...fixture(read, 'demo/gallarate/population/ambito-serie.csv') });
      log.info('demo: popolazione importata', { ...summary });
    },
  },
];
