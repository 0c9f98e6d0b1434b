import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importSpending } from './finance.commands.ts';
import { hasSpending } from './finance.queries.ts';

/**
 * The contributions to families of the ATS n. 6 Fano 2019-2022 (with disabled persons, with non-self-sufficient
 * elderly: seed 000, L679-L719) as spending of nature «contributi», through the spending importer. The series whose
 * years were lost in the seed's text are not loaded (fixtures/demo/fano/README.md).
 */
export const fanoFinanceSteps: DemoStep[] = [
  {
    name: 'contributi alle famiglie dell’ATS n. 6 Fano 2019-2022',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'fano');
      if (!ambito || (await hasSpending(db, ambito.id))) return;
      const r = await importSpending({ db, actor, ambitoId: ambito.id, upload: { kind: 'csv', spending: file('demo/fano/spesa-contributi-2019-2022.csv') } });
      log.info('demo: spesa dell’ATS n. 6 Fano importata', { ...r });
    },
  },
];
