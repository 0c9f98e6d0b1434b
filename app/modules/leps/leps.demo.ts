import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { importAmbitoComposition, importPopulation, getAmbitoByCode, hasPopulationFacts } from '../territory/index.server.ts';
import { importPlan, listPlans } from '../planning/index.server.ts';
import { parseLepsCatalogue } from './leps-catalogue.ts';
import { hasCatalogueVersion, importLepsCatalogue } from './leps.commands.ts';
import { fanoLepsSteps } from './leps.fano.demo.ts';

/**
 * The LEPS catalogue (16 LEPS of the Lombardy guidelines 2025-2027) and the second demo Ambito, n. 5 Sebino
 * (12 comuni, capofila Iseo): composition, population at 01/01/2024 and the Piano di Zona 2025-2027 with its five
 * priority LEPS cards as objectives — all through the product's importers, from fixtures/.
 */
export const lepsSteps: DemoStep[] = [
  {
    name: 'catalogo dei LEPS',
    async run({ db, actor, file }) {
      const catalogue = file('leps/catalogo-leps.json');
      if (await hasCatalogueVersion(db, parseLepsCatalogue(catalogue.fileName, catalogue.text).version)) return;
      const r = await importLepsCatalogue({ db, actor, ...catalogue });
      log.info('demo: catalogo LEPS caricato', { ...r });
    },
  },
  {
    name: 'composizione dell’Ambito n. 5 – Sebino',
    async run({ db, actor, file }) {
      if (await getAmbitoByCode(db, 'sebino')) return;
      const r = await importAmbitoComposition({ db, actor, ...file('demo/sebino/ambito.csv') });
      log.info('demo: Ambito Sebino importato', { comuni: r[0]?.comuni });
    },
  },
  {
    name: 'popolazione dell’Ambito n. 5 – Sebino (01/01/2024)',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'sebino');
      if (!ambito || (await hasPopulationFacts(db, ambito.id))) return;
      const r = await importPopulation({ db, actor, ambitoId: ambito.id, ...file('demo/sebino/population/popolazione-2024.csv') });
      log.info('demo: popolazione del Sebino importata', { ...r });
    },
  },
  {
    name: 'Piano di Zona 2025-2027 del Sebino (LEPS prioritari)',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'sebino');
      if (!ambito || (await listPlans(db, ambito.id)).length > 0) return;
      const r = await importPlan({ db, actor, ambitoId: ambito.id, ...file('demo/sebino/plans/piano-2025-2027.json') });
      log.info('demo: piano del Sebino importato', { title: r.title, objectives: r.objectives });
    },
  },
  // The Marche demo Ambito (ATS n. 6 Fano).
  ...fanoLepsSteps,
];
