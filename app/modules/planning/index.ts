// The public face of planning (client-safe): plan vocabulary and labels, policy, formats.
export {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  INDICATOR_AGGREGATION_LABELS,
  INDICATOR_KIND_LABELS,
  indicatorAggregation,
  LEPS_CODES,
  parsePlanDocument,
  PERIODICITY_LABELS,
  type ActionStatus,
  type IndicatorAggregation,
  type IndicatorKind,
  type PlanStatus,
} from './plan-document.schema.ts';
export { authorize, can } from './planning.policy.ts';
export { euro } from './planning.format.ts';
export { nav } from './planning.nav.ts';
