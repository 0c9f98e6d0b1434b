import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importSpending, loadCatalogues } from './finance.commands.ts';
import { hasCatalogue } from './catalogue.queries.ts';
import { hasSpending } from './finance.queries.ts';
import { fanoFinanceSteps } from './finance.fano.demo.ts';

/**
 * The catalogues of funding sources and spending areas (fixtures/catalogues), then the Gallarate 2022 spending by
 * area and channel (Tabella 2.4) with the users of Tabella 4.2, through the spending importer.
 */
export const financeSteps: DemoStep[] = [
  {
    name: 'cataloghi delle fonti di finanziamento e delle aree di spesa',
    async run({ db, actor, file }) {
      if (await hasCatalogue(db)) return;
      const summary = await loadCatalogues({ db, actor, funding: file('catalogues/funding-sources.json'), areas: file('catalogues/spending-areas.json') });
      log.info('demo: cataloghi caricati', { ...summary });
    },
  },
  {
    name: 'spesa sociale dell’Ambito di Gallarate 2022 (Tabelle 2.4 e 4.2)',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'gallarate');
      if (!ambito || (await hasSpending(db, ambito.id))) return;
      const [spending, users] = [file('demo/gallarate/spending/spesa-2022.csv'), file('demo/gallarate/spending/utenti-2022.csv')];
      const summary = await importSpending({ db, actor, ambitoId: ambito.id, upload: { kind: 'csv', spending, users } });
      log.info('demo: spesa sociale importata', { ...summary });
    },
  },
  // The Marche demo Ambito (ATS n. 6 Fano).
  ...fanoFinanceSteps,
];
