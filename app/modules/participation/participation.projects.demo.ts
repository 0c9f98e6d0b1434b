import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importProjects } from './participation.projects.commands.ts';

/** This part's demo step (participation.demo.ts runs the parts in order). */
export const projectsDemoSteps: DemoStep[] = [
  // Part «projects» (last): Gallarate's co-designed projects as far as the plan states them — none with partners, act
  // and resources (fixtures/demo/gallarate/partecipazione/README.md); the importer is idempotent (titles already there are kept).
  {
    name: 'progetti co-progettati dell’Ambito di Gallarate',
    async run({ db, actor, read }) {
      const ambito = await getAmbitoByCode(db, 'gallarate');
      if (!ambito) return;
      const fileName = 'progetti.json';
      const summary = await importProjects({ db, actor, ambitoId: ambito.id, fileName, text: read(`demo/gallarate/partecipazione/${fileName}`) });
      log.info('demo: progetti co-progettati importati', { ...summary });
    },
  },
];
