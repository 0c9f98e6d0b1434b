import { useI18n } from '../../../shared/ui/i18n.tsx';
import { BODY_KIND_LABELS, BODY_KINDS, BODY_TYPE_LABELS, BODY_TYPES, RULE_TYPE_LABELS, RULE_TYPES } from '../governance.constants.ts';
import type { VotingRule } from '../voting.rules.ts';
import { GovField, selectClass } from './form-kit.tsx';

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
  return (
    <>
      <GovField intent={intent} name="name" label={`${t('gov.body.name')} (${t('form.required')})`} error={errors.name}>
        {(p) => <input {...p} type="text" required maxLength={200} defaultValue={values?.name ?? ''} autoComplete="off" />}
      </GovField>
      <div className="row">
        <div className="col-md-6">
          <GovField intent={intent} name="type" label={`${t('gov.body.type')} (${t('form.required')})`} error={errors.type}>
            {(p) => (
              <select {...p} className={selectClass(errors.type)} required defaultValue={values?.type ?? ''}>
                <option value="">{t('gov.choose')}</option>
                {BODY_TYPES.map((v) => (
                  <option key={v} value={v}>
                    {BODY_TYPE_LABELS[v]}
                  </option>
                ))}
              </select>
            )}
          </GovField>
        </div>
        <div className="col-md-6">
          <GovField intent={intent} name="kind" label={`${t('gov.body.kind')} (${t('form.required')})`} error={errors.kind}>
            {(p) => (
              <select {...p} className={selectClass(errors.kind)} required defaultValue={values?.kind ?? ''}>
                <option value="">{t('gov.choose')}</option>
                {BODY_KINDS.map((v) => (
                  <option key={v} value={v}>
                    {BODY_KIND_LABELS[v]}
                  </option>
                ))}
              </select>
            )}
          </GovField>
        </div>
      </div>
      <GovField intent={intent} name="parentBodyId" label={t('gov.body.parent')} error={errors.parentBodyId} hint={t('gov.body.parent.hint')}>
        {(p) => (
          <select {...p} className={selectClass(errors.parentBodyId)} defaultValue={values?.parentBodyId ?? ''}>
            <option value="">{t('gov.none')}</option>
            {parents.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        )}
      </GovField>
      <GovField intent={intent} name="description" label={t('gov.body.description')} error={errors.description}>
        {(p) => <textarea {...p} rows={4} defaultValue={values?.description ?? ''} />}
      </GovField>
    </>
  );
}

/**
 * The voting rule and quorum of a body. Every field is always there (the form works without JavaScript); each rule
 * reads only its own fields, as the hints say.
 */
export function RuleFields({ intent, errors, rule }: { intent: string; errors: Record<string, string | undefined>; rule: VotingRule | null }) {
  const { t } = useI18n();
  const numerator = rule?.type === 'qualified_majority' ? String(rule.numerator) : '';
  const denominator = rule?.type === 'qualified_majority' ? String(rule.denominator) : '';
  const threshold = rule?.type === 'population_weighted' ? String(rule.thresholdPercent).replace('.', ',') : '';
  const base = rule && 'base' in rule ? rule.base : 'present';
  return (
    <>
      <GovField intent={intent} name="ruleType" label={t('gov.rule.type')} error={errors.ruleType}>
        {(p) => (
          <select {...p} className={selectClass(errors.ruleType)} defaultValue={rule?.type ?? ''}>
            <option value="">{t('gov.rule.none')}</option>
            {RULE_TYPES.map((v) => (
              <option key={v} value={v}>
                {RULE_TYPE_LABELS[v]}
              </option>
            ))}
          </select>
        )}
      </GovField>
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
          <div className="col-sm-4">
            <GovField intent={intent} name="numerator" label={t('gov.rule.numerator')} error={errors.numerator}>
              {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={numerator} />}
            </GovField>
          </div>
          <div className="col-sm-4">
            <GovField intent={intent} name="denominator" label={t('gov.rule.denominator')} error={errors.denominator}>
              {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={denominator} />}
            </GovField>
          </div>
          <div className="col-sm-4">
            <GovField
              intent={intent}
              name="thresholdPercent"
              label={t('gov.rule.threshold')}
              error={errors.thresholdPercent}
              hint={t('gov.rule.threshold.hint')}
            >
              {(p) => <input {...p} type="text" inputMode="decimal" defaultValue={threshold} />}
            </GovField>
          </div>
        </div>
        <GovField intent={intent} name="base" label={t('gov.rule.base')} error={errors.base} hint={t('gov.rule.base.hint')}>
          {(p) => (
            <select {...p} className={selectClass(errors.base)} defaultValue={base}>
              <option value="present">{t('gov.rule.base.present')}</option>
              <option value="members">{t('gov.rule.base.members')}</option>
            </select>
          )}
        </GovField>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h6">{t('gov.rule.quorum')}</legend>
        <div className="row">
          <div className="col-sm-6">
            <GovField intent={intent} name="quorumType" label={t('gov.rule.quorum.type')} error={errors.quorumType}>
              {(p) => (
                <select {...p} className={selectClass(errors.quorumType)} defaultValue={rule?.quorum?.type ?? ''}>
                  <option value="">{t('gov.rule.quorum.none')}</option>
                  <option value="members">{t('gov.rule.quorum.members')}</option>
                  <option value="weight">{t('gov.rule.quorum.weight')}</option>
                </select>
              )}
            </GovField>
          </div>
          <div className="col-sm-6">
            <GovField intent={intent} name="quorumPercent" label={t('gov.rule.quorum.percent')} error={errors.quorumPercent}>
              {(p) => <input {...p} type="text" inputMode="decimal" defaultValue={rule?.quorum ? String(rule.quorum.percent).replace('.', ',') : ''} />}
            </GovField>
          </div>
        </div>
      </fieldset>
    </>
  );
}
