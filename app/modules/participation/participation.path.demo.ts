import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { listPlans } from '../planning/index.server.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importPath } from './participation.path.commands.ts';
import { listPathSteps } from './participation.path.queries.ts';

const PATH_FILE = 'demo/gallarate/partecipazione/percorso-2025-2027.json';

/** This part's demo step (participation.demo.ts runs the parts in order). */
export const pathDemoSteps: DemoStep[] = [
  {
    // The path of the Gallarate 2025-2027 plan, through the path importer (skipped when the plan already has one).
    name: 'percorso del piano di Gallarate 2025-2027',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'gallarate');
      const plan = ambito ? (await listPlans(db, ambito.id)).find((p) => p.periodStartYear === 2025 && p.periodEndYear === 2027) : undefined;
      if (!ambito || !plan || (await listPathSteps(db, plan.id)).length > 0) return;
      const rows = await importPath({ db, actor, ambitoId: ambito.id }, { planId: plan.id, ...file(PATH_FILE) });
      log.info('demo: percorso del piano importato', { steps: rows.length });
    },
  },
];
