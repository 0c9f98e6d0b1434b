import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { needsStep } from './participation.needs.demo.ts';

/** Participation's demo steps (after governance and planning): each loads fixture files through the module's importers. */
export const participationSteps: DemoStep[] = [
  // FOURTH (after path, tables, call): the needs register.
  needsStep,
];
