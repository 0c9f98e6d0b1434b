import { eq } from 'drizzle-orm';
import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { listPlans } from '../planning/index.server.ts';
import { importEvaluation } from './monitoring.commands.ts';
import { objectiveEvaluations } from './monitoring.schema.ts';
import { fanoMonitoringSteps } from './monitoring.fano.demo.ts';

/**
 * The evaluation of the Gallarate plan 2021-2023 with the regional grid, through the grid importer (it must give
 * back every published grade and the mean 76,56 %). The monitoring of 2025-2027 starts empty: the seed publishes
 * no measured value of its indicators.
 */
export const monitoringSteps: DemoStep[] = [
  {
    name: 'valutazione del piano 2021-2023 di Gallarate',
    async run({ db, actor, read }) {
      const ambito = await getAmbitoByCode(db, 'gallarate');
      if (!ambito) return;
      const plan = (await listPlans(db, ambito.id)).find((p) => p.periodStartYear === 2021 && p.periodEndYear === 2023);
      if (!plan) return;
      const [existing] = await db.select({ id: objectiveEvaluations.id }).from(objectiveEvaluations).where(eq(objectiveEvaluations.planId, plan.id)).limit(1);
      if (existing) return;
      const r = await importEvaluation({
        db,
        actor,
        planId: plan.id,
        fileName: 'evaluation-2021-2023.json',
        text: read('demo/gallarate/evaluation-2021-2023.json'),
      });
      log.info('demo: valutazione importata', { objectives: r.objectives, publishedMean: r.publishedMean });
    },
  },
  // The Marche demo Ambito (ATS n. 6 Fano).
  ...fanoMonitoringSteps,
];
