import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { importAmbitoComposition, importIstatComuni, importPopulation } from './territory.commands.ts';
import { getAmbitoByCode, hasComuni, hasPopulationFacts } from './territory.queries.ts';
import { fanoTerritorySteps } from './territory.fano.demo.ts';

/** Territory's demo: the ISTAT comuni, the Ambiti's composition, the population of the Ambito di Gallarate. */
export const territorySteps: DemoStep[] = [
  {
    name: 'elenco ISTAT dei comuni',
    async run({ db, actor, file }) {
      if (await hasComuni(db)) return;
      const summary = await importIstatComuni({ db, actor, ...file('istat/comuni-2020.json') });
      log.info('demo: elenco ISTAT dei comuni importato', { ...summary });
    },
  },
  {
    name: 'composizione degli Ambiti',
    async run({ db, actor, file }) {
      if (await getAmbitoByCode(db, 'gallarate')) return;
      const result = await importAmbitoComposition({ db, actor, ...file('demo/ambiti.csv') });
      log.info('demo: composizione degli Ambiti importata', { ambiti: result.map((r) => r.code) });
    },
  },
  {
    name: 'popolazione dell’Ambito di Gallarate (Tabella 2.1)',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'gallarate');
      if (!ambito || (await hasPopulationFacts(db, ambito.id))) return;
      const summary = await importPopulation({ db, actor, ambitoId: ambito.id, ...file('demo/gallarate/population/ambito-serie.csv') });
      log.info('demo: popolazione importata', { ...summary });
    },
  },
  // The Marche demo Ambito (ATS n. 6 Fano).
  ...fanoTerritorySteps,
];
