import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importSocialWorkerStaff } from './leps.commands.ts';
import { listSocialWorkerPosts } from './leps.queries.ts';

/** The social workers of the ATS n. 6 Fano: 18 in 2020, 21 in 2022 (seed 000, L575-L580), through the staff importer. */
export const fanoLepsSteps: DemoStep[] = [
  {
    name: 'assistenti sociali dell’ATS n. 6 Fano',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'fano');
      if (!ambito || (await listSocialWorkerPosts(db, ambito.id)).length > 0) return;
      const r = await importSocialWorkerStaff({ db, actor, ambitoId: ambito.id, ...file('demo/fano/assistenti-sociali.csv') });
      log.info('demo: assistenti sociali dell’ATS n. 6 Fano importati', { ...r });
    },
  },
];
