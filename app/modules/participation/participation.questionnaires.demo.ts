import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importQuestionnaires } from './participation.questionnaires.commands.ts';

/**
 * The questionnaires of the demo Ambito di Gallarate (fixtures/demo/gallarate/partecipazione, README there): the
 * preliminary needs questionnaire of 2024 (closed, with the figures published in the plan and no individual answers),
 * an open mid-term evaluation questionnaire for the tables' members (2026) and a public one with a fixed link. Through
 * the module's own importer (all or nothing; a questionnaire already there is left alone).
 */
export const questionnairesSteps: DemoStep[] = [
  {
    name: 'questionari dell’Ambito di Gallarate',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'gallarate');
      if (!ambito) return;
      const summary = await importQuestionnaires({ db, actor, ambitoId: ambito.id }, file('demo/gallarate/partecipazione/questionario-preliminare-2024.json'));
      if (summary.created) log.info('demo: questionari importati', summary);
    },
  },
];
