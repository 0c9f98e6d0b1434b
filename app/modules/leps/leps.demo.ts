import type { DemoContext, DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { importAmbitoComposition, importPopulation, getAmbitoByCode, hasPopulationFacts } from '../territory/index.server.ts';
import { importPlan, listPlans } from '../planning/index.server.ts';
import { parseLepsCatalogue } from './leps-catalogue.ts';
import { hasCatalogueVersion, importLepsCatalogue } from './leps.commands.ts';

/** A file under fixtures/ as the importers take it: its name and its text. */
const fixture = (read: DemoContext['read'], path: string) => ({ fileName: path.slice(path.lastIndexOf('/') + 1), text: read(path) });

/**
 * The LEPS catalogue (16 LEPS of the Lombardy guidelines 2025-2027) and the second demo Ambito, n. 5 Sebino
 * (12 comuni, capofila Iseo): composition, population at 01/01/2024 and the Piano di Zona 2025-2027 with its five
 * priority LEPS cards as objectives — all through the product's importers, from fixtures/.
 */
export const lepsSteps: DemoStep[] = [
  {
    name: 'catalogo dei LEPS',
    async run({ db, actor, read }) {
      const file = fixture(read, 'leps/catalogo-leps.json');
      if (await hasCatalogueVersion(db, parseLepsCatalogue(file.fileName, file.text).version)) return;
      const r = await importLepsCatalogue({ db, actor, ...file });
      log.info('demo: catalogo LEPS caricato', { ...r });
    },
  },
  {
    name: 'composizione dell’Ambito n. 5 – Sebino',
    async run({ db, actor, read }) {
      if (await getAmbitoByCode(db, 'sebino')) return;
      const r = await importAmbitoComposition({ db, actor, ...fixture(read, 'demo/sebino/ambito.csv') });
      log.info('demo: Ambito Sebino importato', { comuni: r[0]?.comuni });
    },
  },
  {
    name: 'popolazione dell’Ambito n. 5 – Sebino (01/01/2024)',
    async run({ db, actor, read }) {
      const ambito = await getAmbitoByCode(db, 'sebino');
      if (!ambito || (await hasPopulationFacts(db, ambito.id))) return;
      const r = await importPopulation({ db, actor, ambitoId: ambito.id, ...fixture(read, 'demo/sebino/population/popolazione-2024.csv') });
      log.info('demo: popolazione del Sebino importata', { ...r });
    },
  },
  {
    name: 'Piano di Zona 2025-2027 del Sebino (LEPS prioritari)',
    async run({ db, actor, read }) {
      const ambito = await getAmbitoByCode(db, 'sebino');
      if (!ambito || (await listPlans(db, ambito.id)).length > 0) return;
      const r = await importPlan({ db, actor, ambitoId: ambito.id, ...fixture(read, 'demo/sebino/plans/piano-2025-2027.json') });
      log.info('demo: piano del Sebino importato', { title: r.title, objectives: r.objectives });
    },
  },
];
