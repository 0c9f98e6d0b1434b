// The fields of a table's form (create and edit): kind, name, theme, period, referent, objectives, method, calendar,
// places, and the policy areas (the Lombardy letters as boxes to tick, other areas one per line).
import { IntentField, useI18n, type FieldRows, type TFunction } from '../../../shared/ui/kit.ts';
import { LOMBARDY_POLICY_AREAS } from '../../planning/index.ts';
import { TABLE_KINDS } from '../participation.tables.rules.ts';
import { LOMBARDY_AREA_CODES, tablesLabel } from './tables-labels.ts';

/** The kinds of governance body a new table's body can be (governance's BODY_KINDS). */
export const BODY_KIND_CODES = ['coprogettazione', 'consultivo', 'tecnico', 'politico'] as const;

export function tableFieldRows(t: TFunction, people: readonly { id: string; name: string }[]): FieldRows {
  return [
    [
      { name: 'kind', label: t('part.tables.f.kind'), required: true, choices: TABLE_KINDS.map((k) => ({ value: k, label: tablesLabel(t, 'kind', k) })) },
      { name: 'name', label: t('part.tables.f.name'), required: true, maxLength: 200 },
    ],
    { name: 'theme', label: t('part.tables.f.theme'), maxLength: 500 },
    [
      { name: 'periodStartYear', label: t('part.tables.f.periodStart'), required: true, type: 'number', min: 2000, max: 2100, inputMode: 'numeric' },
      { name: 'periodEndYear', label: t('part.tables.f.periodEnd'), required: true, type: 'number', min: 2000, max: 2100, inputMode: 'numeric' },
    ],
    [
      {
        name: 'referentPersonId',
        label: t('part.tables.f.referentPerson'),
        choices: people.map((p) => ({ value: p.id, label: p.name, data: true })),
        empty: t('part.tables.f.none'),
      },
      { name: 'referentName', label: t('part.tables.f.referentName'), hint: t('part.tables.f.referentNameHint'), maxLength: 200 },
    ],
    { name: 'objectives', label: t('part.tables.f.objectives'), rows: 5 },
    { name: 'method', label: t('part.tables.f.method'), rows: 3 },
    [
      { name: 'calendar', label: t('part.tables.f.calendar'), rows: 2 },
      { name: 'places', label: t('part.tables.f.places'), rows: 2 },
    ],
  ];
}

/** The policy areas: the Lombardy areas of DGR XII/2167/2024 as boxes, and free areas one per line. */
export function TableAreasField({ intent, selected, error }: { intent: string; selected: readonly string[]; error?: string | undefined }) {
  const { t } = useI18n();
  const free = selected.filter((a) => !LOMBARDY_AREA_CODES.includes(a));
  return (
    <>
      <fieldset className="mb-3">
        <legend className="form-label fw-semibold fs-6">{t('part.tables.f.policyAreas')}</legend>
        {LOMBARDY_AREA_CODES.map((code) => (
          <div className="form-check" key={code}>
            <input
              className="form-check-input"
              type="checkbox"
              name="policyAreas"
              value={code}
              id={`field-${intent}.policyAreas.${code}`}
              defaultChecked={selected.includes(code)}
            />
            <label className="form-check-label" htmlFor={`field-${intent}.policyAreas.${code}`}>
              <span translate="no">
                {code} – {(LOMBARDY_POLICY_AREAS as Record<string, string>)[code]}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <IntentField intent={intent} name="otherAreas" label={t('part.tables.f.otherAreas')} hint={t('part.tables.f.otherAreasHint')} error={error}>
        {(p) => <textarea {...p} rows={2} defaultValue={free.join('\n')} />}
      </IntentField>
    </>
  );
}
