// The public face of planning (client-safe): plan vocabulary and labels, the target-rule vocabulary, policy, formats.
export {
  ACTION_STATUSES,
  indicatorAggregation,
  LEPS_CODES,
  LOMBARDY_POLICY_AREAS,
  parsePlanDocument,
  type ActionStatus,
  type IndicatorAggregation,
  type IndicatorKind,
  type PlanStatus,
} from './plan-document.schema.ts';
export {
  describeTargetRule,
  TARGET_RULE_FIELDS,
  TARGET_RULE_LABELS,
  TARGET_RULE_TYPES,
  targetRuleSchema,
  templateTargetRuleSchema,
  type TargetRule,
  type TargetRuleType,
} from './targets.vocabulary.ts';
export { authorize, can } from './planning.policy.ts';
/** @deprecated use the shared formats (app/shared/format); kept for the modules still importing it. */
export { euro } from './planning.format.ts';
export * as messages from './planning.messages.ts';
export { nav } from './planning.nav.ts';
