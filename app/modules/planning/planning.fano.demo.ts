import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importPlan } from './planning.commands.ts';
import { listPlans } from './planning.queries.ts';

/** The Piano Territoriale Sociale 2022-2024 of the ATS n. 6 Fano on the Marche template, through the plan importer. */
export const fanoPlanningSteps: DemoStep[] = [
  {
    name: 'Piano Territoriale Sociale 2022-2024 dell’ATS n. 6 Fano',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'fano');
      if (!ambito || (await listPlans(db, ambito.id)).length > 0) return;
      const r = await importPlan({ db, actor, ambitoId: ambito.id, ...file('demo/fano/piano-sociale-territoriale.json') });
      log.info('demo: piano dell’ATS n. 6 Fano importato', { title: r.title, objectives: r.objectives });
    },
  },
];
