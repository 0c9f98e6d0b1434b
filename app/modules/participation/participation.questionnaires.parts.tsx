// The questionnaire pages' shared parts: the settings' and a question's fields, the status badge's tone, and the
// answer form (members and public link) built from the questions. Radios and check boxes are grouped in a fieldset
// whose legend is the question; each question's error is linked to it (`field-<intent>.q-<id>`).
import type { ReactNode } from 'react';
import { FieldGroup, IntentForm, namedChoices, Notice, useFormResult, useI18n, type TFunction } from '../../shared/ui/kit.ts';

/** Where a questionnaire's pages are. */
export const questionnairePath = (code: string, id?: string) => `/ambiti/${code}/partecipazione/questionari${id ? `/${id}` : ''}`;

export const statusTone = (s: string) => (s === 'aperto' ? 'success' : s === 'chiuso' ? 'secondary' : 'primary');

/** The fields of a questionnaire's settings (new, or a draft being edited). */
export function questionnaireFields(t: TFunction, tables: { id: string; name: string }[]) {
  return [
    { name: 'title', label: t('part.quest.field.title'), required: true, maxLength: 200 },
    { name: 'intro', label: t('part.quest.field.intro'), rows: 3 },
    [
      {
        name: 'audience',
        label: t('part.quest.field.audience'),
        required: true,
        choices: [
          { value: 'membri', label: t('part.quest.audience.membri') },
          { value: 'pubblico', label: t('part.quest.audience.pubblico') },
        ],
        hint: t('part.quest.field.audience.hint'),
      },
      { name: 'tableId', label: t('part.quest.field.table'), choices: namedChoices(tables), empty: t('part.quest.field.table.all') },
      {
        name: 'respondent',
        label: t('part.quest.field.respondent'),
        required: true,
        choices: [
          { value: 'organizzazione', label: t('part.quest.respondent.organizzazione') },
          { value: 'persona', label: t('part.quest.respondent.persona') },
        ],
      },
    ],
    [
      { name: 'opensOn', label: t('part.quest.field.opensOn'), type: 'date' as const },
      { name: 'closesOn', label: t('part.quest.field.closesOn'), type: 'date' as const },
    ],
    { name: 'personalDataPurpose', label: t('part.quest.field.purpose'), rows: 2, hint: t('part.quest.field.purpose.hint') },
    { name: 'retention', label: t('part.quest.field.retention'), required: true, hint: t('part.quest.field.retention.hint') },
  ];
}

export const KINDS = ['scelta_singola', 'scelta_multipla', 'scala', 'numero', 'testo'] as const;

/** The fields of a question (new, or a draft's question being edited). */
export function questionFields(t: TFunction) {
  return [
    [
      {
        name: 'kind',
        label: t('part.quest.field.kind'),
        required: true,
        choices: KINDS.map((k) => ({ value: k, label: t(`part.quest.kind.${k}`) })),
      },
      { name: 'required', label: t('part.quest.field.required'), choices: [{ value: 'on', label: t('part.quest.yes') }], empty: t('part.quest.no') },
    ],
    { name: 'label', label: t('part.quest.field.label'), required: true, rows: 2 },
    { name: 'help', label: t('part.quest.field.help') },
    { name: 'options', label: t('part.quest.field.options'), rows: 4, hint: t('part.quest.field.options.hint') },
    [
      { name: 'scaleMin', label: t('part.quest.field.scaleMin'), inputMode: 'numeric' as const },
      { name: 'scaleMax', label: t('part.quest.field.scaleMax'), inputMode: 'numeric' as const },
    ],
    [
      { name: 'scaleMinLabel', label: t('part.quest.field.scaleMinLabel') },
      { name: 'scaleMaxLabel', label: t('part.quest.field.scaleMaxLabel') },
    ],
    { name: 'publishedShares', label: t('part.quest.field.publishedShares'), rows: 3, hint: t('part.quest.field.publishedShares.hint') },
  ];
}

export interface AnswerQuestion {
  id: string;
  kind: string;
  label: string;
  help: string | null;
  required: boolean;
  options: string[];
  scaleMin: number | null;
  scaleMax: number | null;
  scaleMinLabel: string | null;
  scaleMaxLabel: string | null;
}

function Choices({
  intent,
  q,
  n,
  error,
  type,
  items,
  value,
  hint,
}: {
  intent: string;
  q: AnswerQuestion;
  n: number;
  error?: string;
  type: 'radio' | 'checkbox';
  items: { value: string; label: ReactNode; data: boolean }[];
  value?: string;
  hint?: ReactNode;
}) {
  const { t } = useI18n();
  const base = `field-${intent}.q-${q.id}`;
  const describedBy = [error ? `${base}-error` : null, hint || q.help ? `${base}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="mb-4" aria-describedby={describedBy}>
      <legend className="form-label fw-semibold fs-6">
        {n}. <span translate="no">{q.label}</span>
        {q.required ? ` (${t('form.required')})` : ''}
      </legend>
      {(hint || q.help) && (
        <small id={`${base}-hint`} className="form-text d-block mb-2">
          {q.help ? <span translate="no">{q.help}</span> : null} {hint}
        </small>
      )}
      {items.map((item, i) => (
        <div className="form-check" key={item.value}>
          <input
            className={`form-check-input${error ? ' is-invalid' : ''}`}
            type={type}
            name={`q-${q.id}`}
            id={i === 0 ? base : `${base}-${i}`}
            value={item.value}
            defaultChecked={value === item.value}
            aria-invalid={error ? true : undefined}
          />
          <label className="form-check-label" htmlFor={i === 0 ? base : `${base}-${i}`} translate={item.data ? 'no' : undefined}>
            {item.label}
          </label>
        </div>
      ))}
      {error && (
        <div id={`${base}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </fieldset>
  );
}

/** A number or free-text answer: its label is the question as entered (data, not translated). */
function TextAnswer({ intent, q, n, error, value }: { intent: string; q: AnswerQuestion; n: number; error?: string; value?: string }) {
  const { t } = useI18n();
  const id = `field-${intent}.q-${q.id}`;
  const describedBy = [error ? `${id}-error` : null, q.help ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const props = {
    id,
    name: `q-${q.id}`,
    className: `form-control${error ? ' is-invalid' : ''}`,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    defaultValue: value ?? '',
  };
  return (
    <div className="mb-4">
      <label htmlFor={id} className="form-label fw-semibold">
        {n}. <span translate="no">{q.label}</span>
        {q.required ? ` (${t('form.required')})` : ''}
      </label>
      {q.kind === 'numero' ? <input type="text" inputMode="decimal" {...props} /> : <textarea rows={4} maxLength={4000} {...props} />}
      {q.help && (
        <small id={`${id}-hint`} className="form-text d-block" translate="no">
          {q.help}
        </small>
      )}
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </div>
  );
}

/**
 * The answer form: one field per question, the organisation that answers (when the member acts for several), and the
 * personal data only when the questionnaire says why it asks them (with how long they are kept).
 */
export function AnswerForm({
  actionData,
  questions,
  organisations,
  personalDataPurpose,
  retention,
}: {
  actionData: unknown;
  questions: AnswerQuestion[];
  organisations?: { id: string; name: string }[];
  personalDataPurpose: string | null;
  retention: string;
}) {
  const { t } = useI18n();
  const intent = 'answer';
  const { errors, values } = useFormResult(actionData, intent);
  const v = values ?? {};
  return (
    <IntentForm intent={intent} actionData={actionData} submitLabel={t('part.quest.answer.submit')} noValidate>
      <Notice title={t('part.quest.answer.privacy')}>
        <p className="mb-1">{personalDataPurpose ? <span translate="no">{personalDataPurpose}</span> : t('part.quest.answer.noPersonalData')}</p>
        <p className="mb-0">
          {t('part.quest.field.retention')}: <span translate="no">{retention}</span>
        </p>
      </Notice>
      {organisations && organisations.length === 1 && <input type="hidden" name="organisationId" value={organisations[0]!.id} />}
      {organisations && organisations.length > 1 && (
        <FieldGroup
          intent={intent}
          errors={errors}
          values={v}
          fields={[{ name: 'organisationId', label: t('part.quest.answer.organisation'), required: true, choices: namedChoices(organisations) }]}
        />
      )}
      {questions.map((q, i) => {
        const error = errors[`q-${q.id}`];
        const n = i + 1;
        if (q.kind === 'scelta_singola' || q.kind === 'scelta_multipla')
          return (
            <Choices
              key={q.id}
              intent={intent}
              q={q}
              n={n}
              error={error}
              type={q.kind === 'scelta_singola' ? 'radio' : 'checkbox'}
              items={q.options.map((o) => ({ value: o, label: o, data: true }))}
              value={v[`q-${q.id}`]}
              hint={q.kind === 'scelta_multipla' ? t('part.quest.answer.several') : undefined}
            />
          );
        if (q.kind === 'scala') {
          const points: { value: string; label: ReactNode; data: boolean }[] = [];
          for (let p = q.scaleMin ?? 1; p <= (q.scaleMax ?? 5); p++) {
            const end = p === q.scaleMin ? q.scaleMinLabel : p === q.scaleMax ? q.scaleMaxLabel : null;
            points.push({
              value: String(p),
              data: false,
              label: (
                <>
                  {p}
                  {end ? (
                    <>
                      {' '}
                      (<span translate="no">{end}</span>)
                    </>
                  ) : null}
                </>
              ),
            });
          }
          return (
            <Choices
              key={q.id}
              intent={intent}
              q={q}
              n={n}
              error={error}
              type="radio"
              items={points}
              value={v[`q-${q.id}`]}
              hint={t('part.quest.answer.scale', { min: q.scaleMin ?? '', max: q.scaleMax ?? '' })}
            />
          );
        }
        return <TextAnswer key={q.id} intent={intent} q={q} n={n} error={error} value={v[`q-${q.id}`]} />;
      })}
      {personalDataPurpose && (
        <FieldGroup
          intent={intent}
          errors={errors}
          values={v}
          fields={[
            [
              { name: 'respondentName', label: t('part.quest.field.respondentName'), required: true, autoComplete: 'name' },
              { name: 'respondentEmail', label: t('part.quest.field.respondentEmail'), required: true, type: 'email', autoComplete: 'email' },
            ],
          ]}
        />
      )}
    </IntentForm>
  );
}
