import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { importAmbitoComposition, importPopulation } from './territory.commands.ts';
import { getAmbitoByCode, listComuniPopulation } from './territory.queries.ts';

/** The Marche demo Ambito: its code in fixtures/demo/ambiti.csv and its fixture folder (fixtures/demo/fano/README.md). */
export const FANO = 'fano';

/**
 * Territory's demo for the ATS n. 6 Fano (Marche): its composition (the nine comuni, capofila Fano) and the population
 * of its comuni at the 2011 census, through the product's importers.
 */
export const fanoTerritorySteps: DemoStep[] = [
  {
    // A fresh demo loads it with every other Ambito of ambiti.csv; a demo made before Fano was added gets it here, from
    // the same file's Fano rows only (the other Ambiti are left as they are).
    name: 'composizione dell’ATS n. 6 Fano',
    async run({ db, actor, file }) {
      if (await getAmbitoByCode(db, FANO)) return;
      const { fileName, text } = file('demo/ambiti.csv');
      const [header, ...rows] = text.split('\n');
      const own = rows.filter((r) => r.startsWith(`${FANO};`));
      const result = await importAmbitoComposition({ db, actor, fileName, text: [header, ...own].join('\n') });
      log.info('demo: ATS n. 6 Fano importato', { comuni: result[0]?.comuni });
    },
  },
  {
    name: 'popolazione dei comuni dell’ATS n. 6 Fano (censimento 2011)',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, FANO);
      if (!ambito || (await listComuniPopulation(db, ambito.id)).length > 0) return;
      const r = await importPopulation({ db, actor, ambitoId: ambito.id, ...file('demo/fano/popolazione-2011.csv') });
      log.info('demo: popolazione dell’ATS n. 6 Fano importata', { ...r });
    },
  },
];
