import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { questionnairesSteps } from './participation.questionnaires.demo.ts';

/** Participation's demo steps (after governance and planning): each loads fixture files through the module's importers. */
export const participationSteps: DemoStep[] = [
  // 5. questionnaires
  ...questionnairesSteps,
];
