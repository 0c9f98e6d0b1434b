import { namedChoices, useI18n, type FieldRows } from '../../../shared/ui/kit.ts';
import { BODY_KINDS, BODY_TYPES, RULE_TYPES } from '../governance.constants.ts';
import type { VotingRule } from '../voting.rules.ts';
import { useVocabulary } from './labels.ts';
import { IntentFields } from './sections.tsx';

/** Name, type, kind, parent body and description of a governance body (create and edit forms). */
export function BodyFields({
  intent,
  values,
  parents,
}: {
  intent: string;
  values?: { name: string; type: string; kind: string; parentBodyId: string | null; description: string | null };
  parents: { id: string; name: string }[];
}) {
  const { t } = useI18n();
  const vocabulary = useVocabulary();
  const choose = { required: true, empty: t('gov.choose') };
  const fields: FieldRows = [
    { name: 'name', label: t('gov.body.name'), required: true, maxLength: 200, autoComplete: 'off' },
    [
      { name: 'type', label: t('gov.body.type'), ...choose, choices: vocabulary('bodyType', BODY_TYPES) },
      { name: 'kind', label: t('gov.body.kind'), ...choose, choices: vocabulary('bodyKind', BODY_KINDS) },
    ],
    { name: 'parentBodyId', label: t('gov.body.parent'), hint: t('gov.body.parent.hint'), empty: t('gov.none'), choices: namedChoices(parents) },
    { name: 'description', label: t('gov.body.description'), rows: 4 },
  ];
  return <IntentFields intent={intent} values={values} fields={fields} />;
}

/**
 * The voting rule and quorum of a body. Every field is always there (the form works without JavaScript); each rule
 * reads only its own fields, as the hints say.
 */
export function RuleFields({ intent, rule }: { intent: string; rule: VotingRule | null }) {
  const { t, f } = useI18n();
  const vocabulary = useVocabulary();
  const qualified = rule?.type === 'qualified_majority' ? rule : null;
  const params: FieldRows = [
    [
      { name: 'numerator', label: t('gov.rule.numerator'), inputMode: 'numeric', defaultValue: qualified ? String(qualified.numerator) : '' },
      { name: 'denominator', label: t('gov.rule.denominator'), inputMode: 'numeric', defaultValue: qualified ? String(qualified.denominator) : '' },
      {
        name: 'thresholdPercent',
        label: t('gov.rule.threshold'),
        hint: t('gov.rule.threshold.hint'),
        inputMode: 'decimal',
        defaultValue: rule?.type === 'population_weighted' ? f.numberUpTo(rule.thresholdPercent, 6) : '',
      },
    ],
    {
      name: 'base',
      label: t('gov.rule.base'),
      hint: t('gov.rule.base.hint'),
      defaultValue: rule && 'base' in rule ? rule.base : 'present',
      choices: [
        { value: 'present', label: t('gov.rule.base.present') },
        { value: 'members', label: t('gov.rule.base.members') },
      ],
    },
  ];
  const quorum: FieldRows = [
    [
      {
        name: 'quorumType',
        label: t('gov.rule.quorum.type'),
        defaultValue: rule?.quorum?.type ?? null,
        empty: t('gov.rule.quorum.none'),
        choices: [
          { value: 'members', label: t('gov.rule.quorum.members') },
          { value: 'weight', label: t('gov.rule.quorum.weight') },
        ],
      },
      {
        name: 'quorumPercent',
        label: t('gov.rule.quorum.percent'),
        inputMode: 'decimal',
        defaultValue: rule?.quorum ? f.numberUpTo(rule.quorum.percent, 6) : '',
      },
    ],
  ];
  const ruleType: FieldRows = [
    { name: 'ruleType', label: t('gov.rule.type'), defaultValue: rule?.type ?? null, empty: t('gov.rule.none'), choices: vocabulary('ruleType', RULE_TYPES) },
  ];
  return (
    <>
      <IntentFields intent={intent} fields={ruleType} />
      <fieldset className="mb-4">
        <legend className="h6">{t('gov.rule.params')}</legend>
        <div className="form-check mb-3">
          <input
            id={`field-${intent}.abstentionsCountAsAgainst`}
            name="abstentionsCountAsAgainst"
            type="checkbox"
            defaultChecked={rule?.type === 'majority_present' && !!rule.abstentionsCountAsAgainst}
            aria-describedby={`${intent}-abstentions-hint`}
          />
          <label htmlFor={`field-${intent}.abstentionsCountAsAgainst`}>{t('gov.rule.abstentions')}</label>
          <small id={`${intent}-abstentions-hint`} className="form-text d-block">
            {t('gov.rule.abstentions.hint')}
          </small>
        </div>
        <IntentFields intent={intent} fields={params} wide="sm" />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h6">{t('gov.rule.quorum')}</legend>
        <IntentFields intent={intent} fields={quorum} wide="sm" />
      </fieldset>
    </>
  );
}
