import { IntentField, useI18n } from '../../../shared/ui/kit.ts';
import { BODY_KINDS, BODY_TYPES, RULE_TYPES } from '../governance.constants.ts';
import type { VotingRule } from '../voting.rules.ts';
import { useVocabulary } from './labels.ts';
import { FieldGroup, type FieldRows, namedChoices } from './field-group.tsx';
import { SelectField } from './sections.tsx';

/** Name, type, kind, parent body and description of a governance body (create and edit forms). */
export function BodyFields({
  intent,
  errors,
  values,
  parents,
}: {
  intent: string;
  errors: Record<string, string | undefined>;
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
    {
      name: 'parentBodyId',
      label: t('gov.body.parent'),
      hint: t('gov.body.parent.hint'),
      empty: t('gov.none'),
      choices: namedChoices(parents),
    },
    { name: 'description', label: t('gov.body.description'), rows: 4 },
  ];
  return <FieldGroup intent={intent} errors={errors} values={values} fields={fields} />;
}

/**
 * The voting rule and quorum of a body. Every field is always there (the form works without JavaScript); each rule
 * reads only its own fields, as the hints say.
 */
export function RuleFields({ intent, errors, rule }: { intent: string; errors: Record<string, string | undefined>; rule: VotingRule | null }) {
  const { t, f } = useI18n();
  const vocabulary = useVocabulary();
  const numerator = rule?.type === 'qualified_majority' ? String(rule.numerator) : '';
  const denominator = rule?.type === 'qualified_majority' ? String(rule.denominator) : '';
  const threshold = rule?.type === 'population_weighted' ? f.numberUpTo(rule.thresholdPercent, 6) : '';
  const base = rule && 'base' in rule ? rule.base : 'present';
  return (
    <>
      <SelectField
        intent={intent}
        name="ruleType"
        label={t('gov.rule.type')}
        error={errors.ruleType}
        defaultValue={rule?.type}
        empty={t('gov.rule.none')}
        choices={vocabulary('ruleType', RULE_TYPES)}
      />
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
        <div className="row">
          <div className="col-12 col-sm-4">
            <IntentField intent={intent} name="numerator" label={t('gov.rule.numerator')} error={errors.numerator}>
              {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={numerator} />}
            </IntentField>
          </div>
          <div className="col-12 col-sm-4">
            <IntentField intent={intent} name="denominator" label={t('gov.rule.denominator')} error={errors.denominator}>
              {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={denominator} />}
            </IntentField>
          </div>
          <div className="col-12 col-sm-4">
            <IntentField
              intent={intent}
              name="thresholdPercent"
              label={t('gov.rule.threshold')}
              error={errors.thresholdPercent}
              hint={t('gov.rule.threshold.hint')}
            >
              {(p) => <input {...p} type="text" inputMode="decimal" defaultValue={threshold} />}
            </IntentField>
          </div>
        </div>
        <SelectField
          intent={intent}
          name="base"
          label={t('gov.rule.base')}
          error={errors.base}
          hint={t('gov.rule.base.hint')}
          defaultValue={base}
          choices={[
            { value: 'present', label: t('gov.rule.base.present') },
            { value: 'members', label: t('gov.rule.base.members') },
          ]}
        />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h6">{t('gov.rule.quorum')}</legend>
        <div className="row">
          <div className="col-12 col-sm-6">
            <SelectField
              intent={intent}
              name="quorumType"
              label={t('gov.rule.quorum.type')}
              error={errors.quorumType}
              defaultValue={rule?.quorum?.type}
              empty={t('gov.rule.quorum.none')}
              choices={[
                { value: 'members', label: t('gov.rule.quorum.members') },
                { value: 'weight', label: t('gov.rule.quorum.weight') },
              ]}
            />
          </div>
          <div className="col-12 col-sm-6">
            <IntentField intent={intent} name="quorumPercent" label={t('gov.rule.quorum.percent')} error={errors.quorumPercent}>
              {(p) => <input {...p} type="text" inputMode="decimal" defaultValue={rule?.quorum ? f.numberUpTo(rule.quorum.percent, 6) : ''} />}
            </IntentField>
          </div>
        </div>
      </fieldset>
    </>
  );
}
