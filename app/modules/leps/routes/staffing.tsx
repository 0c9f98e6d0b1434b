import { Form, redirect } from 'react-router';
import type { Route } from './+types/staffing';
import { ValidationError } from '../../../shared/errors.ts';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { getServices, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { readUploadedText } from '../../../shared/imports/decode.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import {
  Chart,
  CsrfField,
  DataTable,
  DoneNotice,
  EmptyState,
  IntentField,
  IntentForm,
  Notice,
  PageHeader,
  Section,
  selectClass,
  UploadForm,
  useFormResult,
  useI18n,
  type Column,
  FilterField,
  FilterForm,
  columnsOf,
} from '../../../shared/ui/kit.ts';
import { listAmbitoComuni } from '../../territory/index.server.ts';
import { FUNDING_SOURCES, SOCIAL_WORKER_CSV_COLUMNS } from '../leps.vocabulary.ts';
import { addSocialWorkerPost, deleteSocialWorkerPost, importSocialWorkerStaff } from '../leps.commands.ts';
import { referentComuneIds } from '../../../shared/auth/actor.ts';
import { abilitiesFor, can as canLeps } from '../leps.policy.ts';
import { getStaffing } from '../leps.queries.ts';
import { CONTRACT_KINDS, EMPLOYER_KINDS, STAFF_BASES, type StaffBasis } from '../leps.rules.ts';
import { openAmbitoLeps, requireAmbito } from '../leps.server.ts';
import { contributionSentence, perWorkerSentence, requiredSentence, thresholdLabel, thresholdSentence } from '../leps.sentences.ts';
import { YearField } from '../leps.ui.tsx';

const STATUS_KEYS: Record<'raggiunto' | 'non_raggiunto' | 'dati_mancanti', MessageKey> = {
  raggiunto: 'leps.threshold.raggiunto',
  non_raggiunto: 'leps.threshold.non_raggiunto',
  dati_mancanti: 'leps.threshold.dati_mancanti',
};

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, ambito, year } = await openAmbitoLeps(context, request, params.code);
  const raw = new URL(request.url).searchParams.get('base');
  const basis: StaffBasis = (STAFF_BASES as readonly string[]).includes(raw ?? '') ? (raw as StaffBasis) : 'tempo_indeterminato_ambito_comuni';
  const staffing = await getStaffing(db, ambito.id, year, basis);
  const comuni = await listAmbitoComuni(db, ambito.id, `${year}-12-31`);
  // The Ufficio di Piano keeps the whole list; a comune referent only the rows of its own comune.
  const abilities = abilitiesFor(actor, ambito);
  const own = referentComuneIds(actor, ambito.id);
  const choices = abilities['staff.write'] ? comuni : comuni.filter((c) => own.includes(c.id) && canLeps(actor, 'staff.write', { ...ambito, comuneId: c.id }));
  return {
    ambito: { code: ambito.code, name: ambito.name },
    year,
    staffing: {
      ...staffing,
      history: staffing.history.map((h) => ({
        year: h.year,
        population: h.population,
        populationYear: h.populationYear,
        fte: h.fte,
        fteChange: h.fteChange,
        assessment: h.assessment,
      })),
    },
    comuni: choices.map((c) => ({ id: c.id, name: c.name })),
    ambitoEntry: abilities['staff.write'],
    editable: staffing.posts.filter((p) => canLeps(actor, 'staff.write', { ...ambito, comuneId: p.comuneId })).map((p) => p.id),
    can: { ...abilities, 'staff.write': abilities['staff.write'] || choices.length > 0 },
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const back = `/ambiti/${ambito.code}/leps/assistenti-sociali`;
  return intentAction(
    request,
    {
      import: async (_form, raw) => {
        const file = raw.get('file');
        if (!(file instanceof File) || file.size === 0)
          throw new ValidationError([{ path: 'file', message: tr('leps.staff.import.noFile.field') }], tr('leps.staff.import.noFile'));
        if (file.size > 2 * 1024 * 1024)
          throw new ValidationError([{ path: 'file', message: tr('leps.staff.import.tooLarge.field') }], tr('leps.staff.import.tooLarge'));
        const upload = await readUploadedText(file, 'assistenti-sociali.csv');
        await importSocialWorkerStaff({ db, actor, ambitoId: ambito.id, fileName: upload.name, text: upload.text });
        // A file converted from Windows-1252 is said on the page (the redirect would lose it).
        if (upload.notice) return done('import', tr('leps.staff.imported'), upload.notice);
        return redirect(`${back}?esito=importato`);
      },
      delete: async (form) => {
        await deleteSocialWorkerPost({ db, actor, postId: String(form.postId ?? ''), input: { version: form.version } });
        return redirect(`${back}?esito=eliminato`);
      },
      create: async (form, raw) => {
        await addSocialWorkerPost({ db, actor, ambitoId: ambito.id, input: { ...form, fundingSources: raw.getAll('fundingSources').map(String) } });
        return redirect(`${back}?esito=salvato`);
      },
    },
    { echo: true },
  );
}

export default function Staffing({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, year, staffing, comuni, can, ambitoEntry, editable } = loaderData;
  const a = staffing.current.assessment;
  const basisLabel = t(`leps.basis.${staffing.basis}`);
  type Year = (typeof staffing.history)[number];
  const history = columnsOf(staffing.history);
  /** The two columns of a threshold of the year (the LEPS, the service objective): reached or not, and what is missing. */
  const threshold = (key: string, header: string, of: (h: Year) => Year['assessment']['leps']): Column<Year>[] => [
    { key, header, value: (h) => t(STATUS_KEYS[of(h).status]), data: false },
    {
      key: `mancanti-${key}`,
      header: t('leps.staff.history.missing'),
      numeric: true,
      value: (h) => of(h).gapFte,
      render: (h) => {
        const { gapFte, toHire } = of(h);
        return gapFte === null ? '—' : t('leps.staff.gap', { fte: f.fte(gapFte), persons: toHire ?? 0 });
      },
    },
  ];
  return (
    <>
      <PageHeader
        title={t('leps.staff.title')}
        context={ambito.name}
        lead={
          <>
            <span translate="no">{ambito.name}</span>: {t('leps.staff.lead')}
          </>
        }
        breadcrumb={[{ label: t('leps.dashboard.short'), to: `/ambiti/${ambito.code}/leps?anno=${year}` }]}
      />
      <DoneNotice messages={{ salvato: 'leps.staff.saved', importato: 'leps.staff.imported', eliminato: 'leps.staff.deleted' }} />
      <FilterForm label={t('leps.staff.choose')} submitLabel={t('leps.show')}>
        <YearField label={t('leps.staff.untilYear')} year={year} col="col-sm-3" />
        <FilterField id="base" label={t('leps.staff.basis')} col="col-sm-6">
          <select id="base" name="base" defaultValue={staffing.basis} className="form-select">
            {STAFF_BASES.map((b) => (
              <option key={b} value={b}>
                {t(`leps.basis.${b}`)}
              </option>
            ))}
          </select>
        </FilterField>
      </FilterForm>

      <Section id="situazione" title={t('leps.staff.situation', { date: f.date(`${year}-12-31`) })}>
        {!staffing.staffRecorded && <Notice tone="warning">{t('leps.staff.noneRecorded')}</Notice>}
        <p>
          {staffing.current.population === null
            ? t('leps.staff.populationNone')
            : t('leps.staff.population', { population: f.count(staffing.current.population), year: staffing.current.populationYear ?? '' })}{' '}
          {t('leps.staff.fteInService', { basis: basisLabel.toLowerCase(), fte: f.fte(staffing.current.fte) })}
        </p>
        {a.inhabitantsPerWorker && <p>{perWorkerSentence(t, f, a.inhabitantsPerWorker)}</p>}
        <ul>
          {[a.leps, a.serviceObjective].map((c) => (
            <li key={c.kind}>
              <strong>{thresholdLabel(t, f, c)}</strong>: {c.requiredFte ? `${requiredSentence(t, f, c)} ` : ''}
              {thresholdSentence(t, f, c)}
            </li>
          ))}
        </ul>
        <p className="small">{contributionSentence(t, f, staffing.contribution)}</p>
      </Section>

      <Section id="storico" title={t('leps.staff.history.title')}>
        <Chart svg={staffing.chartSvg ?? ''} caption={t('leps.staff.history.chart')} summary={t('leps.staff.history.summary')} tableOpen={!staffing.chartSvg}>
          <DataTable
            id="tabella-storico"
            caption={t('leps.staff.history.caption')}
            csv="assistenti-sociali-storico"
            rows={staffing.history}
            rowKey={(h) => String(h.year)}
            columns={[
              { key: 'anno', header: t('leps.year'), value: (h) => h.year, rowHeader: true, data: false },
              {
                key: 'popolazione',
                header: t('leps.staff.history.population'),
                numeric: true,
                value: (h) => h.population,
                render: (h) => (h.population === null ? '—' : `${f.count(h.population)} (${h.populationYear})`),
              },
              history.figure('etp', t('leps.fte'), (h) => h.fte, f.fte),
              history.figure(
                'variazione',
                t('leps.staff.history.change'),
                (h) => h.fteChange,
                (n) => `${n > 0 ? '+' : ''}${f.fte(n)}`,
              ),
              history.figure(
                'abitanti',
                t('leps.staff.history.perFte'),
                (h) => h.assessment.inhabitantsPerWorker?.value ?? null,
                (n) => f.numberUpTo(n, 1),
              ),
              ...threshold('leps', t('leps.staff.history.leps'), (h) => h.assessment.leps),
              ...threshold('obiettivo', t('leps.staff.history.objective'), (h) => h.assessment.serviceObjective),
            ]}
          />
        </Chart>
      </Section>

      <Section id="personale" title={t('leps.staff.posts.title')}>
        <DataTable
          id="tabella-personale"
          caption={t('leps.staff.posts.caption')}
          small
          rows={staffing.posts}
          rowKey={(p) => p.id}
          empty={<EmptyState title={t('leps.staff.posts.none')} />}
          columns={[
            { key: 'codice', header: t('leps.staff.code'), value: (p) => p.code, rowHeader: true },
            {
              key: 'datore',
              header: t('leps.staff.employer'),
              value: (p) => p.employerName,
              data: false,
              render: (p) => (
                <>
                  <span translate="no">{p.employerName}</span>
                  <span className="d-block small text-secondary">{t(`leps.employerKind.${p.employerKind}`)}</span>
                </>
              ),
            },
            { key: 'contratto', header: t('leps.staff.contract'), value: (p) => t(`leps.contract.${p.contract}`), data: false },
            columnsOf(staffing.posts).figure('etp', t('leps.fte'), (p) => p.fte, f.fte),
            { key: 'comune', header: t('leps.staff.comune'), value: (p) => p.comuneName ?? '—' },
            { key: 'funzione', header: t('leps.staff.assignment'), value: (p) => p.assignment ?? '—' },
            { key: 'finanziamento', header: t('leps.staff.funding'), value: (p) => p.fundingLabels.join('; ') || '—', className: 'small' },
            {
              key: 'periodo',
              header: t('leps.staff.period'),
              value: (p) => p.validFrom,
              data: false,
              render: (p) =>
                p.validTo
                  ? t('leps.staff.periodFromTo', { from: f.date(p.validFrom), to: f.date(p.validTo) })
                  : t('leps.staff.periodFrom', { from: f.date(p.validFrom) }),
            },
            ...(can['staff.write']
              ? [
                  {
                    key: 'azioni',
                    header: t('leps.staff.actions'),
                    data: false,
                    render: (p: (typeof staffing.posts)[number]) =>
                      editable.includes(p.id) ? (
                        // A row's own small form (the delete button names the row for screen readers).
                        <Form method="post">
                          <CsrfField />
                          <input type="hidden" name="intent" value="delete" />
                          <input type="hidden" name="postId" value={p.id} />
                          <input type="hidden" name="version" value={p.version} />
                          <button type="submit" className="btn btn-link btn-sm p-0">
                            {t('leps.staff.delete')}{' '}
                            <span className="visually-hidden">{t('leps.staff.deleteRow', { code: p.code, from: f.date(p.validFrom) })}</span>
                          </button>
                        </Form>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Section>

      {can['staff.write'] && (
        <div className="row g-5 my-4">
          <div className="col-12 col-lg-7">
            <Section id="nuovo" title={t('leps.staff.add.title')}>
              <PostForm actionData={actionData} comuni={comuni} ambitoEntry={ambitoEntry} />
            </Section>
          </div>
          {ambitoEntry && (
            <div className="col-12 col-lg-5">
              <Section id="importa" title={t('leps.staff.import.title')}>
                <p className="small">{t('leps.staff.import.lead', { columns: SOCIAL_WORKER_CSV_COLUMNS.join(', ') })}</p>
                <UploadForm
                  intent="import"
                  actionData={actionData}
                  label={t('leps.staff.import.file')}
                  accept=".csv,text/csv"
                  submitLabel={t('leps.staff.import.submit')}
                />
              </Section>
            </div>
          )}
        </div>
      )}
    </>
  );
}

/** The form of one social worker (or post): who employs them, how much, where, paid by what, since when. */
function PostForm({ actionData, comuni, ambitoEntry }: { actionData: unknown; comuni: { id: string; name: string }[]; ambitoEntry: boolean }) {
  const { t } = useI18n();
  const intent = 'create';
  const { errors: e, values: v } = useFormResult(actionData, intent);
  const text = (name: string, label: string, extra: { hint?: string; required?: boolean; placeholder?: string; inputMode?: 'decimal' } = {}) => (
    <IntentField intent={intent} name={name} label={label} hint={extra.hint} error={e[name]}>
      {(p) => <input {...p} type="text" required={extra.required} placeholder={extra.placeholder} inputMode={extra.inputMode} defaultValue={v?.[name]} />}
    </IntentField>
  );
  const choice = (name: string, label: string, options: { value: string; label: string }[], initial: string) => (
    <IntentField intent={intent} name={name} label={label} error={e[name]}>
      {(p) => (
        <select {...p} className={selectClass(e[name])} defaultValue={v?.[name] ?? initial}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </IntentField>
  );
  return (
    <IntentForm intent={intent} actionData={actionData} submitLabel={t('leps.staff.add.submit')} label={t('leps.staff.add.title')}>
      {text('code', t('leps.staff.add.code'), { required: true, placeholder: t('leps.staff.add.code.placeholder') })}
      {text('employerName', t('leps.staff.add.employer'), { required: true })}
      {choice(
        'employerKind',
        t('leps.staff.add.employerKind'),
        EMPLOYER_KINDS.map((k) => ({ value: k, label: t(`leps.employerKind.${k}`) })),
        'comune',
      )}
      {choice(
        'contract',
        t('leps.staff.contract'),
        CONTRACT_KINDS.map((k) => ({ value: k, label: t(`leps.contract.${k}`) })),
        'tempo_indeterminato',
      )}
      <div className="row">
        <div className="col-12 col-sm-6">{text('fte', t('leps.staff.add.fte'), { hint: t('leps.staff.add.fte.hint'), inputMode: 'decimal' })}</div>
        <div className="col-12 col-sm-6">{text('weeklyHours', t('leps.staff.add.hours'), { inputMode: 'decimal' })}</div>
      </div>
      <IntentField intent={intent} name="comuneId" label={ambitoEntry ? t('leps.staff.add.comuneOptional') : t('leps.staff.add.comune')} error={e.comuneId}>
        {(p) => (
          <select {...p} className={selectClass(e.comuneId)} defaultValue={v?.comuneId ?? (ambitoEntry ? '' : (comuni[0]?.id ?? ''))}>
            {ambitoEntry && <option value="">{t('leps.staff.add.wholeAmbito')}</option>}
            {comuni.map((c) => (
              <option key={c.id} value={c.id} translate="no">
                {c.name}
              </option>
            ))}
          </select>
        )}
      </IntentField>
      {text('assignment', t('leps.staff.add.assignment'))}
      <fieldset className="mb-4">
        <legend className="form-label fw-semibold fs-6">{t('leps.staff.add.funding')}</legend>
        {Object.entries(FUNDING_SOURCES).map(([k, label]) => (
          <div className="form-check" key={k}>
            <input className="form-check-input" type="checkbox" id={`fonte-${k}`} name="fundingSources" value={k} />
            <label className="form-check-label" htmlFor={`fonte-${k}`} translate="no">
              {label}
            </label>
          </div>
        ))}
      </fieldset>
      <div className="row">
        <div className="col-12 col-sm-6">
          <IntentField intent={intent} name="validFrom" label={t('leps.staff.add.from')} error={e.validFrom}>
            {(p) => <input {...p} type="date" required defaultValue={v?.validFrom} />}
          </IntentField>
        </div>
        <div className="col-12 col-sm-6">
          <IntentField intent={intent} name="validTo" label={t('leps.staff.add.to')} error={e.validTo}>
            {(p) => <input {...p} type="date" defaultValue={v?.validTo} />}
          </IntentField>
        </div>
      </div>
    </IntentForm>
  );
}
