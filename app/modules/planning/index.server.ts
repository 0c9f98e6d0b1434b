// The server face of planning: queries, commands, tables, template labels, demo.
export { carryIntoPlan, importPlan, linkContinuity, recordActionProgress } from './planning.commands.ts';
export { fundName, getObjectiveDetail, getPlanHeader, listObjectivesWithLinks, listPlans } from './planning.queries.ts';
export { planActions, planBudgetLines, planIndicators, planObjectives, plans, type PlanIndicator } from './planning.schema.ts';
export { planListEntry, statusLabel, templateParticipationPath } from './planning.templates.ts';
export type { PathStep as TemplatePathStep } from './template.schema.ts';
export { planningSteps as demoSteps } from './planning.demo.ts';
// For the plan document (reports module): the plan as an exchange document, its bytes, its template.
export { listAdoptedBaselines, loadPlanVersion, type PlanVersionSource } from './planning.documents.queries.ts';
export { serializePlanDocument, type PlanDocument } from './plan-document.schema.ts';
export { getTemplate } from './planning.templates.ts';
export type { PlanTemplate, TemplateField } from './template.schema.ts';
export { cardValueText } from './planning.card.ts';
// For the public portal (portal module): the plan overview (objectives by area, budget by fund and its chart).
export { getPlanOverview } from './planning.queries.ts';
export * as planningApi from './planning.api.queries.ts';
// For the open data (app/modules/opendata): the public plans with their objectives, actions, indicators and budget lines.
export { readPublicPlans, type PublicPlans } from './planning.opendata.queries.ts';
export { readPlanForRegion, type PlanRegionFigures } from './planning.region.queries.ts';
