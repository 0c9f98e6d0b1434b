// The server face of planning: queries, commands, tables, template labels, demo.
export { carryIntoPlan, importPlan, linkContinuity, recordActionProgress } from './planning.commands.ts';
export { fundName, getObjectiveDetail, getPlanHeader, listObjectivesWithLinks, listPlans } from './planning.queries.ts';
export { planActions, planBudgetLines, planIndicators, planObjectives, plans, type PlanIndicator } from './planning.schema.ts';
export { planListEntry, statusLabel, templateParticipationPath } from './planning.templates.ts';
export type { PathStep as TemplatePathStep } from './template.schema.ts';
export { planningSteps as demoSteps } from './planning.demo.ts';
