import { eq } from 'drizzle-orm';
import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { listPlans } from '../planning/index.server.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importMeasurements } from './monitoring.commands.ts';
import { measurements } from './monitoring.schema.ts';

/**
 * The users of four services of the ATS n. 6 Fano in 2022 (SAD, autonomy of pupils with disability, SED, TIS), as
 * the report prints them, measured on the indicators of the plan 2022-2024 through the measurements importer.
 */
export const fanoMonitoringSteps: DemoStep[] = [
  {
    name: 'misure 2022 dell’ATS n. 6 Fano',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'fano');
      const plan = ambito ? (await listPlans(db, ambito.id)).find((p) => p.periodStartYear === 2022) : undefined;
      if (!plan) return;
      const [existing] = await db.select({ id: measurements.id }).from(measurements).where(eq(measurements.planId, plan.id)).limit(1);
      if (existing) return;
      const r = await importMeasurements({ db, actor, planId: plan.id, ...file('demo/fano/misure-2022.csv') });
      log.info('demo: misure dell’ATS n. 6 Fano importate', { rows: r.rows });
    },
  },
];
