import { Link, redirect } from 'react-router';
import type { ReactNode } from 'react';
import type { Route } from './+types/entry';
import { ValidationError } from '../../../shared/errors.ts';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import {
  DataTable,
  DoneNotice,
  IntentField,
  IntentForm,
  Notice,
  PageHeader,
  Section,
  StatusBadge,
  UploadForm,
  useFormResult,
  useI18n,
} from '../../../shared/ui/kit.ts';
import { describeIssue, reviewEntry, saveEntry, uploadEntryFile } from '../collection.commands.ts';
import { can } from '../collection.policy.ts';
import { getEntryPage } from '../collection.queries.ts';
import {
  BLANK_ROWS,
  declaredFte,
  type CollectionItem,
  type EntryState,
  type IndicatorValues,
  type SpendingValues,
  type StaffValues,
  type UsersValues,
} from '../collection.rules.ts';
import { openEntry } from '../collection.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, ambito, request: req, comune } = await openEntry(context, request, params);
  const page = await getEntryPage(db, req, comune.id);
  if (!page) throw new Response(tr('coll.cmd.notFound.entry'), { status: 404 });
  const scope = { ...ambito, comuneId: comune.id };
  const extra = Number(new URL(request.url).searchParams.get('righe')) || 0;
  return {
    ambito: { code: ambito.code, name: ambito.name },
    request: { id: req.id, title: req.title, year: req.year, deadline: req.deadline, message: req.message, status: req.status },
    comune: { name: comune.name, istat: comune.istatCode },
    entries: page.entries.map((e) => ({ ...e, issues: e.issues.map((i) => ({ ...i, text: describeIssue(i) })) })),
    catalogue: page.catalogue,
    slots: page.slots.map((x) => ({
      indicatorId: x.indicatorId,
      objectiveCode: x.objectiveCode,
      code: x.code,
      label: x.label,
      kind: x.kind,
      period: x.period,
      periodLabel: x.periodLabel,
      locked: x.locked,
      current: x.current,
    })),
    extraRows: Math.min(Math.max(extra, 0), 30),
    can: { fill: can(actor, 'entry.fill', scope) && req.status === 'aperta', review: can(actor, 'entry.review', scope) && req.status === 'aperta' },
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db, request: req, comune } = await openEntry(context, request, params);
  const here = `/ambiti/${params.code}/raccolte/${req.id}/comuni/${comune.istatCode}`;
  const entryHandler = (item: CollectionItem) => async (form: Record<string, FormDataEntryValue>) => {
    const r = await saveEntry({ db, actor, entryId: String(form.entryId ?? ''), form });
    if (r.pendingReasons) return done(`entry-${item}`, tr('coll.entry.saved'), tr('coll.entry.needReasons', { count: r.pendingReasons }));
    if (form.do === 'addRows') return redirect(`${here}?esito=righe&righe=${BLANK_ROWS + (Number(form.extra) || 0)}#voce-${item}`);
    return redirect(`${here}?esito=${r.state === 'inviato' ? 'inviato' : 'salvato'}#voce-${item}`);
  };
  const reviewHandler = (item: CollectionItem) => async (form: Record<string, FormDataEntryValue>) => {
    const decision = form.decision === 'return' ? 'return' : 'validate';
    await reviewEntry({ db, actor, entryId: String(form.entryId ?? ''), input: { version: form.version, decision, note: form.note } });
    return redirect(`${here}?esito=${decision === 'return' ? 'restituito' : 'validato'}#voce-${item}`);
  };
  return intentAction(
    request,
    {
      'entry-spesa': entryHandler('spesa'),
      'entry-utenti': entryHandler('utenti'),
      'entry-assistenti_sociali': entryHandler('assistenti_sociali'),
      'review-spesa': reviewHandler('spesa'),
      'review-utenti': reviewHandler('utenti'),
      'review-assistenti_sociali': reviewHandler('assistenti_sociali'),
      'entry-indicatori': entryHandler('indicatori'),
      'review-indicatori': reviewHandler('indicatori'),
      file: async (form, raw) => {
        const file = raw.get('file');
        if (!(file instanceof File) || file.size === 0) throw new ValidationError([{ path: 'file', message: tr('coll.cmd.required') }], tr('coll.file.empty'));
        if (file.size > 5 * 1024 * 1024) throw new ValidationError([{ path: 'file', message: tr('coll.file.kind') }], tr('coll.file.kind'));
        const r = await uploadEntryFile({
          db,
          actor,
          requestId: req.id,
          comuneId: comune.id,
          fileName: file.name || 'raccolta.xlsx',
          data: new Uint8Array(await file.arrayBuffer()),
          send: form.do === 'submit',
        });
        if (r.pendingReasons)
          return done('file', tr('coll.entry.file.doneShort'), [r.notice, tr('coll.entry.needReasons', { count: r.pendingReasons })].filter(Boolean).join(' '));
        // A CSV converted from Windows-1252 is said on the page (the redirect would lose it).
        if (r.notice) return done('file', tr('coll.entry.file.doneShort'), r.notice);
        return redirect(`${here}?esito=${form.do === 'submit' ? 'inviato' : 'file'}`);
      },
    },
    { echo: true },
  );
}

const TONE: Record<EntryState, 'secondary' | 'info' | 'primary' | 'warning' | 'success'> = {
  da_compilare: 'secondary',
  bozza: 'info',
  inviato: 'primary',
  restituito: 'warning',
  validato: 'success',
};

type Loader = Route.ComponentProps['loaderData'];
type Entry = Loader['entries'][number];

const euroInput = (cents: number | null | undefined) => (cents === null || cents === undefined ? '' : (cents / 100).toFixed(2).replace('.', ','));

/** The rows a form shows: what was typed (after a refused submission), else what is stored, plus blank rows. */
function formRows(entry: Entry, echo: Record<string, string>, extra: number): Record<string, string>[] {
  const typed = Object.keys(echo).some((k) => k.startsWith('r.'));
  let rows: Record<string, string>[];
  if (typed) {
    const n = Math.max(-1, ...Object.keys(echo).flatMap((k) => (/^r\.(\d+)\./.exec(k) ? [Number(/^r\.(\d+)\./.exec(k)![1])] : [])));
    rows = Array.from({ length: n }, (_, i) =>
      Object.fromEntries(
        Object.entries(echo)
          .filter(([k]) => k.startsWith(`r.${i + 1}.`))
          .map(([k, v]) => [k.slice(`r.${i + 1}.`.length), v]),
      ),
    );
  } else if (entry.item === 'spesa') {
    rows = ((entry.values as SpendingValues | null)?.rows ?? []).map((r) => ({
      area: r.area,
      channel: r.channel,
      committed: euroInput(r.committedCents),
      paid: euroInput(r.paidCents),
    }));
  } else if (entry.item === 'utenti') {
    rows = ((entry.values as UsersValues | null)?.rows ?? []).map((r) => ({ area: r.area, users: String(r.users) }));
  } else {
    rows = ((entry.values as StaffValues | null)?.posts ?? []).map((p) => ({
      code: p.code,
      employerKind: p.employerKind,
      employerName: p.employerName,
      contract: p.contract,
      fte: String(p.fte).replace('.', ','),
      from: p.from,
      to: p.to ?? '',
    }));
  }
  return [...rows, ...Array.from({ length: BLANK_ROWS + extra }, () => ({}))];
}

/**
 * The form of one item: save as draft, send (and, for free rows, add rows), the entry's id and version, and after the
 * fields the findings of the checks with a reason field for each warning.
 */
function EntryFormShell({ entry, actionData, addRows = false, children }: { entry: Entry; actionData: unknown; addRows?: boolean; children: ReactNode }) {
  const { t } = useI18n();
  const intent = `entry-${entry.item}`;
  const { errors, values: typed } = useFormResult(actionData, intent);
  return (
    <IntentForm
      intent={intent}
      actionData={actionData}
      submitLabel={t('coll.entry.save')}
      submitClassName="btn btn-outline-primary"
      noValidate
      footer={
        <>
          {addRows && (
            <button type="submit" name="do" value="addRows" className="btn btn-outline-secondary">
              {t('coll.entry.addRows')}
            </button>
          )}
          <button type="submit" name="do" value="submit" className="btn btn-primary">
            {t('coll.entry.submit')}
          </button>
        </>
      }
    >
      <input type="hidden" name="entryId" value={entry.id} />
      <input type="hidden" name="version" value={entry.version} />
      {children}
      <IssueList entry={entry} intent={intent} errors={errors} echo={(typed ?? {}) as Record<string, string>} />
    </IntentForm>
  );
}

function ItemForm({ entry, loaderData, actionData }: { entry: Entry; loaderData: Loader; actionData: unknown }) {
  const { t } = useI18n();
  const intent = `entry-${entry.item}`;
  const { errors, values: typed } = useFormResult(actionData, intent);
  const echo = (typed ?? {}) as Record<string, string>;
  const rows = formRows(entry, echo, loaderData.extraRows);
  const { catalogue } = loaderData;
  const field = (
    n: number,
    name: string,
    label: string,
    input: (p: { id: string; name: string; className: string }) => ReactNode,
    col = 'col-sm-6 col-lg-3',
    hint?: string,
  ) => (
    <div className={col} key={name}>
      <IntentField intent={intent} name={`r.${n}.${name}`} label={label} error={errors[`r.${n}.${name}`]} hint={hint}>
        {(p) => input(p)}
      </IntentField>
    </div>
  );
  const select = (n: number, name: string, label: string, options: { code: string; name: string }[], value: string | undefined) =>
    field(n, name, label, (p) => (
      <select {...p} className="form-select" defaultValue={value ?? ''}>
        <option value="">{t('coll.entry.blank')}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code} translate="no">
            {o.code === o.name ? o.name : `${o.name} (${o.code})`}
          </option>
        ))}
      </select>
    ));
  const text = (n: number, name: string, label: string, value: string | undefined, type = 'text', col?: string, hint?: string) =>
    field(
      n,
      name,
      label,
      (p) => (
        <input {...p} type={type} defaultValue={value ?? ''} inputMode={type === 'text' && /committed|paid|users|fte/.test(name) ? 'decimal' : undefined} />
      ),
      col,
      hint,
    );
  const kinds = (list: string[], prefix: string) => list.map((k) => ({ code: k, name: t(`${prefix}${k}` as MessageKey) }));
  return (
    <EntryFormShell entry={entry} actionData={actionData} addRows>
      <input type="hidden" name="extra" value={loaderData.extraRows} />
      {rows.map((r, i) => {
        const n = i + 1;
        return (
          <fieldset key={n} className="border rounded p-2 mb-2">
            <legend className="fs-6 fw-semibold float-none w-auto px-1 mb-0">{t('coll.entry.row', { n })}</legend>
            <div className="row g-2">
              {entry.item === 'spesa' && [
                select(n, 'area', t('coll.entry.area'), catalogue.areas, r.area),
                select(n, 'channel', t('coll.entry.channel'), catalogue.channels, r.channel),
                text(n, 'committed', t('coll.entry.committed'), r.committed),
                text(n, 'paid', t('coll.entry.paid'), r.paid),
              ]}
              {entry.item === 'utenti' && [select(n, 'area', t('coll.entry.area'), catalogue.areas, r.area), text(n, 'users', t('coll.entry.users'), r.users)]}
              {entry.item === 'assistenti_sociali' && [
                text(n, 'code', t('coll.entry.code'), r.code, 'text', undefined, t('coll.entry.code.hint')),
                select(n, 'employerKind', t('coll.entry.employerKind'), kinds(catalogue.employerKinds, 'leps.employerKind.'), r.employerKind),
                text(n, 'employerName', t('coll.entry.employerName'), r.employerName),
                select(n, 'contract', t('coll.entry.contract'), kinds(catalogue.contracts, 'leps.contract.'), r.contract),
                text(n, 'fte', t('coll.entry.fte'), r.fte, 'text', undefined, t('coll.entry.fte.hint')),
                text(n, 'from', t('coll.entry.from'), r.from, 'date'),
                text(n, 'to', t('coll.entry.to'), r.to, 'date'),
              ]}
            </div>
          </fieldset>
        );
      })}
      {entry.item === 'spesa' && (
        <IntentField
          intent={intent}
          name="controlTotal"
          label={t('coll.entry.controlTotal')}
          hint={t('coll.entry.controlTotal.hint')}
          error={errors.controlTotal}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="decimal"
              defaultValue={echo.controlTotal ?? euroInput((entry.values as SpendingValues | null)?.controlTotalCents)}
            />
          )}
        </IntentField>
      )}
    </EntryFormShell>
  );
}

/** The indicators' form: one row per indicator × period the comune owes, a value (or numerator and denominator). */
function IndicatorForm({ entry, loaderData, actionData }: { entry: Entry; loaderData: Loader; actionData: unknown }) {
  const { t } = useI18n();
  const intent = 'entry-indicatori';
  const { errors, values: typed } = useFormResult(actionData, intent);
  const echo = (typed ?? {}) as Record<string, string>;
  const stored = (entry.values as IndicatorValues | null)?.rows ?? [];
  const { slots } = loaderData;
  return (
    <EntryFormShell entry={entry} actionData={actionData}>
      {slots.length === 0 && <p>{t('coll.entry.indicator.none', { year: loaderData.request.year })}</p>}
      {slots.map((slot, i) => {
        const n = i + 1;
        const own = stored.find((r) => r.indicatorId === slot.indicatorId && r.period === slot.period);
        const value = (name: 'value' | 'numerator' | 'denominator') => echo[`r.${n}.${name}`] ?? own?.[name] ?? '';
        const input = (name: 'value' | 'numerator' | 'denominator', label: string) => (
          <div className="col-sm-4" key={name}>
            <IntentField intent={intent} name={`r.${n}.${name}`} label={label} error={errors[`r.${n}.${name}`]}>
              {(p) => <input {...p} type="text" inputMode="decimal" defaultValue={value(name)} disabled={slot.locked} />}
            </IntentField>
          </div>
        );
        return (
          <fieldset key={`${slot.indicatorId}|${slot.period}`} className="border rounded p-2 mb-2">
            <legend className="fs-6 fw-semibold float-none w-auto px-1 mb-0">
              {t('coll.entry.indicator.slot', { objective: slot.objectiveCode, code: slot.code, label: slot.label, period: slot.periodLabel })}
            </legend>
            <input type="hidden" name={`r.${n}.indicatorId`} value={slot.indicatorId} />
            <input type="hidden" name={`r.${n}.period`} value={slot.period} />
            <div className="row g-2">
              {slot.kind === 'ratio'
                ? [input('numerator', t('coll.entry.indicator.numerator')), input('denominator', t('coll.entry.indicator.denominator'))]
                : input('value', t('coll.entry.indicator.value'))}
            </div>
            {(slot.current || slot.locked) && (
              <p className="small text-secondary mb-0">
                {slot.current && t('coll.entry.indicator.current', { value: slot.current })} {slot.locked && t('coll.entry.indicator.locked')}
              </p>
            )}
          </fieldset>
        );
      })}
    </EntryFormShell>
  );
}

/** The findings of the checks on what is stored, with a reason field for each warning. */
function IssueList({
  entry,
  intent,
  errors,
  echo,
}: {
  entry: Entry;
  intent: string;
  errors: Record<string, string | undefined>;
  echo: Record<string, string>;
}) {
  const { t } = useI18n();
  if (entry.issues.length === 0) return null;
  return (
    <div className="mb-3">
      <h4 className="h6">{t('coll.entry.checks')}</h4>
      <ul className="list-unstyled">
        {entry.issues.map((i) => (
          <li key={i.id} className="mb-2">
            <StatusBadge tone={i.level === 'error' ? 'danger' : 'warning'}>{t(i.level === 'error' ? 'coll.entry.error' : 'coll.entry.warning')}</StatusBadge>{' '}
            <span translate="no">{i.field}</span>: {i.text}
            {i.level === 'warning' && (
              <IntentField intent={intent} name={`reason.${i.id}`} label={t('coll.entry.reason')} error={errors[`reason.${i.id}`]}>
                {(p) => <input {...p} type="text" defaultValue={echo[`reason.${i.id}`] ?? entry.reasons[i.id] ?? ''} />}
              </IntentField>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ItemValuesTable({ entry, slots }: { entry: Entry; slots: Loader['slots'] }) {
  const { t, f } = useI18n();
  if (!entry.values) return null;
  if (entry.item === 'spesa') {
    const v = entry.values as SpendingValues;
    return (
      <>
        <DataTable
          id={`valori-${entry.item}`}
          caption={t('coll.item.spesa')}
          rows={v.rows}
          rowKey={(r) => `${r.area}|${r.channel}`}
          columns={[
            { key: 'area', header: t('coll.entry.area'), value: (r) => r.area, rowHeader: true },
            { key: 'canale', header: t('coll.entry.channel'), value: (r) => r.channel },
            {
              key: 'impegnato',
              header: t('coll.entry.committed'),
              numeric: true,
              value: (r) => r.committedCents / 100,
              render: (r) => f.money(r.committedCents),
            },
            {
              key: 'liquidato',
              header: t('coll.entry.paid'),
              numeric: true,
              value: (r) => (r.paidCents === null ? null : r.paidCents / 100),
              render: (r) => f.money(r.paidCents),
            },
          ]}
        />
        <p>{t('coll.entry.summary', { sum: f.money(v.rows.reduce((s, r) => s + r.committedCents, 0)) })}</p>
      </>
    );
  }
  if (entry.item === 'utenti') {
    const v = entry.values as UsersValues;
    return (
      <DataTable
        id={`valori-${entry.item}`}
        caption={t('coll.item.utenti')}
        rows={v.rows}
        rowKey={(r) => r.area}
        columns={[
          { key: 'area', header: t('coll.entry.area'), value: (r) => r.area, rowHeader: true },
          { key: 'utenti', header: t('coll.entry.users'), numeric: true, value: (r) => r.users, render: (r) => f.count(r.users) },
        ]}
      />
    );
  }
  if (entry.item === 'indicatori') {
    const rows = (entry.values as IndicatorValues).rows;
    return (
      <DataTable
        id="valori-indicatori"
        caption={t('coll.entry.indicator.caption')}
        rows={rows}
        rowKey={(r) => `${r.indicatorId}|${r.period}`}
        columns={[
          {
            key: 'indicatore',
            header: t('coll.entry.indicator.col'),
            rowHeader: true,
            value: (r) => {
              const slot = slots.find((x) => x.indicatorId === r.indicatorId && x.period === r.period);
              return slot ? `${slot.objectiveCode} · ${slot.code} ${slot.label} — ${slot.periodLabel}` : r.period;
            },
          },
          {
            key: 'valore',
            header: t('coll.entry.indicator.value'),
            value: (r) => (r.numerator || r.denominator ? `${r.numerator ?? ''}/${r.denominator ?? ''}` : (r.value ?? '')),
          },
        ]}
      />
    );
  }
  const v = entry.values as StaffValues;
  return (
    <>
      <DataTable
        id={`valori-${entry.item}`}
        caption={t('coll.item.assistenti_sociali')}
        rows={v.posts}
        rowKey={(r) => r.code}
        columns={[
          { key: 'codice', header: t('coll.entry.code'), value: (r) => r.code, rowHeader: true },
          { key: 'datore', header: t('coll.entry.employerName'), value: (r) => r.employerName },
          { key: 'tipo', header: t('coll.entry.employerKind'), data: false, value: (r) => t(`leps.employerKind.${r.employerKind}` as MessageKey) },
          { key: 'contratto', header: t('coll.entry.contract'), data: false, value: (r) => t(`leps.contract.${r.contract}` as MessageKey) },
          { key: 'etp', header: t('coll.entry.fte'), numeric: true, value: (r) => r.fte, render: (r) => f.fte(r.fte) },
          { key: 'dal', header: t('coll.entry.from'), data: false, value: (r) => r.from, render: (r) => f.date(r.from) },
          { key: 'al', header: t('coll.entry.to'), data: false, value: (r) => r.to ?? '', render: (r) => (r.to ? f.date(r.to) : '—') },
        ]}
      />
      <p>{t('coll.entry.fteSummary', { count: f.count(v.posts.length), fte: f.fte(declaredFte(v)) })}</p>
    </>
  );
}

export default function EntryPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, request, comune, entries, can } = loaderData;
  const base = `/ambiti/${ambito.code}/raccolte/${request.id}/comuni/${comune.istat}`;
  const changeable = entries.some((e) => e.state !== 'validato');
  return (
    <>
      <PageHeader
        title={t('coll.entry.title', { comune: comune.name, request: request.title })}
        context={ambito.name}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('coll.list.title'), to: `/ambiti/${ambito.code}/raccolte` },
          { label: request.title, data: true, to: `/ambiti/${ambito.code}/raccolte/${request.id}` },
        ]}
        lead={t('coll.entry.lead', { year: request.year, deadline: f.date(request.deadline) })}
      />
      <DoneNotice
        messages={{
          salvato: 'coll.entry.saved',
          inviato: 'coll.entry.submitted',
          righe: 'coll.entry.rowsAdded',
          file: 'coll.entry.file.doneShort',
          validato: 'coll.entry.review.validated',
          restituito: 'coll.entry.review.returned',
        }}
      />
      {request.status === 'chiusa' && <Notice>{t('coll.request.closed')}</Notice>}
      {request.message && (
        <Notice title={t('coll.entry.message')}>
          <span translate="no">{request.message}</span>
        </Notice>
      )}
      {entries.map((entry) => (
        <Section key={entry.id} id={`voce-${entry.item}`} title={t(`coll.item.${entry.item}`)}>
          <p>
            <StatusBadge tone={TONE[entry.state]}>{t(`coll.state.${entry.state}`)}</StatusBadge>
          </p>
          {entry.state === 'restituito' && entry.returnNote && (
            <Notice tone="warning">
              {t('coll.entry.returned', { note: '' })}
              <span translate="no">{entry.returnNote}</span>
            </Notice>
          )}
          {entry.state === 'validato' && entry.validatedAt && (
            <p className="text-success fw-semibold">
              {t('coll.entry.validated', { who: entry.validatedBy ?? '—', when: f.date(entry.validatedAt.slice(0, 10)) })}
            </p>
          )}
          {entry.state === 'inviato' && entry.submittedAt && (
            <p>{t('coll.entry.sent', { who: entry.submittedBy ?? '—', when: f.date(entry.submittedAt.slice(0, 10)) })}</p>
          )}
          {can.fill && entry.state !== 'validato' ? (
            entry.item === 'indicatori' ? (
              <IndicatorForm entry={entry} loaderData={loaderData} actionData={actionData} />
            ) : (
              <ItemForm entry={entry} loaderData={loaderData} actionData={actionData} />
            )
          ) : (
            <ItemValuesTable entry={entry} slots={loaderData.slots} />
          )}
          {can.review && entry.state === 'inviato' && (
            <div className="border rounded p-3 my-3">
              <h3 className="h5">{t('coll.entry.review')}</h3>
              <ReviewForm entry={entry} actionData={actionData} />
            </div>
          )}
          <details className="my-2">
            <summary>{t('coll.entry.trail')}</summary>
            {entry.events.length === 0 ? (
              <p>{t('coll.entry.trail.empty')}</p>
            ) : (
              <DataTable
                id={`storia-${entry.item}`}
                caption={t('coll.entry.trail.caption')}
                rows={entry.events}
                rowKey={(e) => e.id}
                columns={[
                  { key: 'quando', header: t('coll.entry.trail.when'), data: false, value: (e) => e.at, render: (e) => f.dateTime(e.at), rowHeader: true },
                  { key: 'chi', header: t('coll.entry.trail.who'), value: (e) => e.by },
                  {
                    key: 'passaggio',
                    header: t('coll.entry.trail.change'),
                    data: false,
                    value: (e) => `${t(`coll.state.${e.from}`)} → ${t(`coll.state.${e.to}`)}`,
                  },
                  { key: 'nota', header: t('coll.entry.trail.note'), value: (e) => e.note ?? '' },
                ]}
              />
            )}
          </details>
        </Section>
      ))}
      {can.fill && changeable && (
        <Section id="file" title={t('coll.entry.file')} lead={t('coll.entry.file.lead')}>
          <ul>
            <li>
              <a href={`${base}/modello.xlsx`} download>
                {t('coll.entry.file.xlsx')}
              </a>
            </li>
            {entries.map((e) => (
              <li key={e.item}>
                <a href={`${base}/modello-${e.item}.csv`} download>
                  {t('coll.entry.file.csv', { item: t(`coll.item.${e.item}`) })}
                </a>
              </li>
            ))}
          </ul>
          <UploadForm
            intent="file"
            actionData={actionData}
            submitLabel={t('coll.entry.file.upload')}
            label={t('coll.entry.file.field')}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            footer={
              <button type="submit" name="do" value="submit" className="btn btn-primary">
                {t('coll.entry.file.uploadSubmit')}
              </button>
            }
          />
        </Section>
      )}
      {!can.fill && !can.review && <p className="text-secondary">{t('coll.entry.readOnly')}</p>}
      <p>
        <Link to={`/ambiti/${ambito.code}/raccolte/${request.id}`}>{t('coll.entry.back')}</Link>
      </p>
    </>
  );
}

function ReviewForm({ entry, actionData }: { entry: Entry; actionData: unknown }) {
  const { t } = useI18n();
  const intent = `review-${entry.item}`;
  const { errors, values } = useFormResult(actionData, intent);
  return (
    <IntentForm
      intent={intent}
      actionData={actionData}
      submitLabel={t('coll.entry.review.validate')}
      submitClassName="btn btn-success"
      noValidate
      footer={
        <button type="submit" name="decision" value="return" className="btn btn-outline-danger">
          {t('coll.entry.review.return')}
        </button>
      }
    >
      <input type="hidden" name="entryId" value={entry.id} />
      <input type="hidden" name="version" value={entry.version} />
      <IntentField intent={intent} name="note" label={t('coll.entry.review.note')} hint={t('coll.entry.review.note.hint')} error={errors.note}>
        {(p) => <textarea {...p} rows={3} defaultValue={values?.note ?? ''} />}
      </IntentField>
    </IntentForm>
  );
}
