import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importPlan } from './planning.commands.ts';
import { listPlans } from './planning.queries.ts';
import { fanoPlanningSteps } from './planning.fano.demo.ts';

const FILES = ['demo/gallarate/plans/piano-2021-2023.json', 'demo/gallarate/plans/piano-2025-2027.json'];

/** The Gallarate plans 2021-2023 (closing) and 2025-2027 (adopted), through the plan importer. */
export const planningSteps: DemoStep[] = [
  {
    name: 'piani di zona di Gallarate',
    async run({ db, actor, read }) {
      const ambito = await getAmbitoByCode(db, 'gallarate');
      if (!ambito || (await listPlans(db, ambito.id)).length > 0) return;
      for (const file of FILES) {
        const r = await importPlan({ db, actor, ambitoId: ambito.id, fileName: file.split('/').pop()!, text: read(file) });
        log.info('demo: piano importato', { title: r.title, objectives: r.objectives });
      }
    },
  },
  // The Marche demo Ambito (ATS n. 6 Fano).
  ...fanoPlanningSteps,
];
