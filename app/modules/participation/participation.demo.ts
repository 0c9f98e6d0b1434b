import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { callDemoSteps } from './participation.call.demo.ts';
import { needsStep } from './participation.needs.demo.ts';
import { pathDemoSteps } from './participation.path.demo.ts';
import { projectsDemoSteps } from './participation.projects.demo.ts';
import { fanoParticipationSteps } from './participation.fano.demo.ts';
import { questionnairesSteps } from './participation.questionnaires.demo.ts';
import { tablesDemoSteps } from './participation.tables.demo.ts';

/**
 * Participation's demo steps (after governance and planning), in the order they depend on each other: the plan's path,
 * the tables (with their meetings and the demo cooperative), the calls (which name the tables), the needs (which name
 * the tables), the questionnaires, the co-designed projects. Each loads fixture files through the module's importers.
 */
export const participationSteps: DemoStep[] = [
  ...pathDemoSteps,
  ...tablesDemoSteps,
  ...callDemoSteps,
  needsStep,
  ...questionnairesSteps,
  ...projectsDemoSteps,
  ...fanoParticipationSteps,
];
