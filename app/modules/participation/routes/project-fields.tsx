// The fields of a co-designed project's form (new project and edit), and its Agenda 2030 goals as check boxes.
import { FieldGroup, namedChoices, useI18n, type Choice } from '../../../shared/ui/kit.ts';
import { PROJECT_PROCEDURES, PROJECT_STATUSES, SDG_GOALS } from '../participation.projects.rules.ts';

type Named = { id: string; name: string };

export const statusTone = (status: string) =>
  status === 'attivo' ? ('success' as const) : status === 'sospeso' ? ('warning' as const) : status === 'concluso' ? ('secondary' as const) : ('info' as const);

export function ProjectFields({
  intent,
  errors,
  values,
  choices,
}: {
  intent: string;
  errors: Record<string, string | undefined>;
  values: Readonly<Record<string, unknown>>;
  choices: { organisations: Named[]; plans: Named[]; tables: Named[] };
}) {
  const { t } = useI18n();
  const words = (keys: readonly string[], prefix: string): Choice[] => keys.map((k) => ({ value: k, label: t(`${prefix}.${k}` as never) }));
  return (
    <FieldGroup
      intent={intent}
      errors={errors}
      values={values}
      fields={[
        { name: 'title', label: t('part.projects.f.title'), required: true, maxLength: 300 },
        { name: 'summary', label: t('part.projects.f.summary'), rows: 4 },
        [
          {
            name: 'status',
            label: t('part.projects.f.status'),
            required: true,
            choices: words(PROJECT_STATUSES, 'part.projects.status'),
            empty: t('part.projects.choose'),
          },
          {
            name: 'procedure',
            label: t('part.projects.f.procedure'),
            required: true,
            choices: words(PROJECT_PROCEDURES, 'part.projects.procedure'),
            empty: t('part.projects.choose'),
          },
        ],
        { name: 'procedureAct', label: t('part.projects.f.act'), hint: t('part.projects.f.actHint'), maxLength: 500 },
        [
          { name: 'startsOn', label: t('part.projects.f.startsOn'), type: 'date' },
          { name: 'endsOn', label: t('part.projects.f.endsOn'), type: 'date' },
        ],
        [
          { name: 'leadOrganisationId', label: t('part.projects.f.lead'), choices: namedChoices(choices.organisations), empty: t('part.projects.none') },
          { name: 'tableId', label: t('part.projects.f.table'), choices: namedChoices(choices.tables), empty: t('part.projects.none') },
        ],
        { name: 'planId', label: t('part.projects.f.plan'), choices: namedChoices(choices.plans), empty: t('part.projects.none') },
        [
          { name: 'beneficiaries', label: t('part.projects.f.beneficiaries'), maxLength: 2000 },
          { name: 'beneficiariesCount', label: t('part.projects.f.beneficiariesCount'), inputMode: 'numeric' },
        ],
      ]}
    />
  );
}

/** The 17 Agenda 2030 goals as check boxes in a fieldset (their official Italian names are data: not translated). */
export function SdgGoalsField({ intent, error, selected }: { intent: string; error?: string | undefined; selected: readonly number[] }) {
  const { t } = useI18n();
  const id = `field-${intent}.sdgGoals`;
  return (
    <fieldset className="mb-4" id={id} aria-describedby={error ? `${id}-error` : `${id}-hint`}>
      <legend className="form-label fw-semibold fs-6">{t('part.projects.f.sdg')}</legend>
      <p className="small text-secondary" id={`${id}-hint`}>
        {t('part.projects.f.sdgHint')}
      </p>
      <div className="row">
        {SDG_GOALS.map((g) => (
          <div className="col-12 col-md-6" key={g.goal}>
            <div className="form-check">
              <input
                className={`form-check-input${error ? ' is-invalid' : ''}`}
                type="checkbox"
                name="sdgGoals"
                value={g.goal}
                id={`${intent}-sdg-${g.goal}`}
                defaultChecked={selected.includes(g.goal)}
              />
              <label className="form-check-label" htmlFor={`${intent}-sdg-${g.goal}`}>
                {t('part.projects.sdg', { goal: g.goal })} <span translate="no">{g.name}</span>
              </label>
            </div>
          </div>
        ))}
      </div>
      {error && (
        <p className="text-danger small" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
