// The public face of planning (client-safe).
export {
  TARGET_RULE_FIELDS,
  TARGET_RULE_LABELS,
  TARGET_RULE_TYPES,
  targetRuleSchema,
  describeTargetRule,
  templateTargetRuleSchema,
  type TargetRule,
  type TargetRuleType,
} from './targets.vocabulary.ts';
