import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { refreshRegionalFigures } from './region.refresh.ts';

/** The years whose regional figures the demo computes (the demo's spending, plans and staff cover them). */
export const DEMO_YEARS = [2024, 2025, 2026];

/**
 * The regional figures of the demo Ambiti, computed through the same refresh the job runs (last, after every module
 * has loaded its data). Only the missing or stale ones: a second start finds them current.
 */
export const regionSteps: DemoStep[] = [
  {
    name: 'cifre regionali degli Ambiti dimostrativi',
    async run({ db }) {
      for (const year of DEMO_YEARS) {
        const r = await refreshRegionalFigures(db, { year, onlyStale: true });
        if (r.ambiti) log.info('demo: cifre regionali calcolate', { year, ambiti: r.ambiti });
      }
    },
  },
];
