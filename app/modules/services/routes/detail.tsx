import { data, Link, redirect } from 'react-router';
import type { Route } from './+types/detail';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import {
  DataTable,
  DoneNotice,
  EmptyState,
  Facts,
  FieldGroup,
  figureColumn,
  IntentForm,
  moneyColumn,
  PageHeader,
  Section,
  StatusBadge,
  useFormResult,
  useI18n,
  type Column,
} from '../../../shared/ui/kit.ts';
import { recordServiceYear, setServiceActive, updateService } from '../services.commands.ts';
import { abilitiesFor, authorize } from '../services.policy.ts';
import { getService, serviceReferences } from '../services.queries.ts';
import { fundTotal } from '../services.rules.ts';
import { requireAmbito } from '../services.server.ts';
import { managementLabel, ServiceFields, serviceFormInput } from '../services.ui.tsx';
import { FUND_LINES } from '../services.validation.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'services.read', ambito));
  const found = await getService(db, ambito.id, params.serviceCode);
  if (!found) throw data(tr('svc.notFound.service', { code: params.serviceCode }), { status: 404 });
  const refs = await serviceReferences(db, ambito.id);
  const { service: s, type, years } = found;
  const fundName = new Map(refs.funds.map((f) => [f.code, f.shortName]));
  const lepsName = new Map(refs.leps.map((l) => [l.code, l.name]));
  const editYear = Number(new URL(request.url).searchParams.get('anno')) || null;
  return {
    ambito: { code: ambito.code, name: ambito.name },
    service: {
      id: s.id,
      version: s.version,
      code: s.code,
      name: s.name,
      typeCode: s.typeCode,
      typeName: type?.name ?? null,
      macro: type ? `${type.macroCode} – ${type.macroName}` : null,
      areaCode: s.areaCode,
      areaName: refs.areas.find((a) => a.code === s.areaCode)?.name ?? s.areaCode,
      targetGroup: s.targetGroup,
      management: s.management,
      comuneId: s.comuneId,
      comuneName: refs.comuni.find((c) => c.id === s.comuneId)?.name ?? null,
      providerName: s.providerName,
      providerCode: s.providerCode,
      accessPoint: s.accessPoint,
      contact: s.contact,
      description: s.description,
      lepsCodes: s.lepsCodes,
      leps: s.lepsCodes.map((code) => ({ code, name: lepsName.get(code) ?? null })),
      active: s.active,
      source: s.source,
    },
    years: years.map((y) => ({
      id: y.id,
      version: y.version,
      year: y.year,
      users: y.users,
      spendCents: y.spendCents,
      fundedCents: y.funds.length ? fundTotal(y.funds) : null,
      funds: y.funds.map((f) => ({ code: f.fundCode, name: fundName.get(f.fundCode) ?? f.fundCode, amountCents: f.amountCents, users: f.users })),
      note: y.note,
      source: y.source,
    })),
    editYear: years.some((y) => y.year === editYear) ? editYear : null,
    refs: { types: refs.types, areas: refs.areas, leps: refs.leps, comuni: refs.comuni, funds: refs.funds.map((f) => ({ code: f.code, name: f.shortName })) },
    can: abilitiesFor(actor, ambito),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const found = await getService(db, ambito.id, params.serviceCode);
  if (!found) throw data(tr('svc.notFound.service', { code: params.serviceCode }), { status: 404 });
  const base = `/ambiti/${ambito.code}/servizi`;
  const serviceId = found.service.id;
  return intentAction(
    request,
    {
      update: async (form, raw) => {
        const after = await updateService({ db, actor, ambitoId: ambito.id, serviceId, input: serviceFormInput(form, raw) });
        return redirect(`${base}/${encodeURIComponent(after.code)}?esito=salvato`);
      },
      year: async (form) => {
        const y = await recordServiceYear({ db, actor, ambitoId: ambito.id, serviceId, input: form });
        return redirect(`${base}/${encodeURIComponent(found.service.code)}?esito=anno&registrato=${y.year}#cifre`);
      },
      deactivate: async (form) => {
        await setServiceActive({ db, actor, ambitoId: ambito.id, serviceId, active: false, input: form });
        return redirect(`${base}/${encodeURIComponent(found.service.code)}?esito=disattivato`);
      },
      reactivate: async (form) => {
        await setServiceActive({ db, actor, ambitoId: ambito.id, serviceId, active: true, input: form });
        return redirect(`${base}/${encodeURIComponent(found.service.code)}?esito=riattivato`);
      },
    },
    { echo: true },
  );
}

/** An amount as the form reads it back whatever the page's language: «1234,56». */
const euroInput = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

type Data = Route.ComponentProps['loaderData'];
type Year = Data['years'][number];

export default function ServiceDetail({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const s = d.service;
  const base = `/ambiti/${d.ambito.code}/servizi`;
  const here = `${base}/${encodeURIComponent(s.code)}`;
  const update = useFormResult(actionData, 'update');
  const year = useFormResult(actionData, 'year');
  const editing = d.years.find((y) => y.year === d.editYear) ?? null;
  const yearValues: Record<string, unknown> = year.values ?? {
    year: editing?.year ?? '',
    users: editing?.users ?? '',
    spend: editing?.spendCents == null ? '' : euroInput(editing.spendCents),
    note: editing?.note ?? '',
    ...Object.fromEntries(
      (editing?.funds ?? []).flatMap((fund, i) => [
        [`fund_${i + 1}`, fund.code],
        [`amount_${i + 1}`, euroInput(fund.amountCents)],
        [`fundUsers_${i + 1}`, fund.users ?? ''],
      ]),
    ),
  };
  const columns: Column<Year>[] = [
    { key: 'anno', header: t('svc.detail.year'), value: (y) => y.year, rowHeader: true, data: false },
    figureColumn<Year>('utenti', t('svc.detail.users'), (y) => y.users, f.count),
    moneyColumn<Year>('spesa', t('svc.detail.spend'), (y) => y.spendCents, f.money),
    moneyColumn<Year>('finanziato', t('svc.detail.funded'), (y) => y.fundedCents, f.money),
    {
      key: 'fondi',
      header: t('svc.detail.funds'),
      data: false,
      value: (y) => y.funds.map((x) => `${x.code}=${x.amountCents / 100}`).join('|'),
      render: (y) =>
        y.funds.length === 0 ? (
          t('svc.detail.noFunds')
        ) : (
          <ul className="list-unstyled mb-0">
            {y.funds.map((x) => (
              <li key={x.code}>
                <span translate="no">{x.name}</span>: {f.money(x.amountCents)}
                {x.users !== null ? ` (${t('svc.detail.fundUsers', { users: f.count(x.users) })})` : ''}
              </li>
            ))}
          </ul>
        ),
    },
    { key: 'fonte', header: t('svc.detail.source'), value: (y) => [y.source, y.note].filter(Boolean).join(' — ') },
    ...(d.can['services.write']
      ? [
          {
            key: 'modifica',
            header: t('svc.detail.actions'),
            data: false,
            sortable: false,
            render: (y: Year) => <Link to={`${here}?anno=${y.year}#registra-anno`}>{t('svc.detail.editYear', { year: y.year })}</Link>,
          } satisfies Column<Year>,
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={`${s.code} – ${s.name}`}
        titleIsData
        context={d.ambito.name}
        lead={<StatusBadge tone={s.active ? 'success' : 'secondary'}>{t(s.active ? 'svc.state.active' : 'svc.state.inactive')}</StatusBadge>}
        breadcrumb={[
          { label: d.ambito.name, to: `/ambiti/${d.ambito.code}`, data: true },
          { label: t('svc.list.title'), to: base },
        ]}
      />
      <DoneNotice
        messages={{
          creato: 'svc.detail.created',
          salvato: 'svc.detail.saved',
          anno: 'svc.detail.yearSaved',
          disattivato: 'svc.detail.deactivated',
          riattivato: 'svc.detail.reactivated',
        }}
      />
      <Facts
        items={[
          { term: t('svc.field.typeCode'), value: <span translate="no">{s.typeName ? `${s.typeCode} – ${s.typeName}` : s.typeCode}</span> },
          { term: t('svc.list.macro'), value: s.macro ? <span translate="no">{s.macro}</span> : '—' },
          { term: t('svc.field.area'), value: <span translate="no">{s.areaName}</span> },
          { term: t('svc.field.targetGroup'), value: <span translate="no">{s.targetGroup}</span> },
          {
            term: t('svc.field.management'),
            value: (
              <>
                {managementLabel(t, s.management)}
                {s.comuneName ? (
                  <>
                    {' '}
                    (<span translate="no">{s.comuneName}</span>)
                  </>
                ) : null}
              </>
            ),
            testId: 'svc-management',
          },
          {
            term: t('svc.field.provider'),
            value: (
              <span translate="no">
                {s.providerName}
                {s.providerCode ? ` (${s.providerCode})` : ''}
              </span>
            ),
          },
          { term: t('svc.field.accessPoint'), value: s.accessPoint ? <span translate="no">{s.accessPoint}</span> : '—' },
          { term: t('svc.field.contact'), value: s.contact ? <span translate="no">{s.contact}</span> : '—' },
          { term: t('svc.detail.source'), value: <span translate="no">{s.source}</span> },
        ]}
      />
      {s.description ? (
        <p translate="no" className="text-break">
          {s.description}
        </p>
      ) : null}

      <Section id="leps" title={t('svc.detail.lepsTitle')}>
        {s.leps.length === 0 ? (
          <p>{t('svc.detail.noLeps')}</p>
        ) : (
          <ul data-testid="svc-leps">
            {s.leps.map((l) => (
              <li key={l.code}>
                <Link to={`/leps/catalogo/${encodeURIComponent(l.code)}`} translate="no">
                  {l.name ?? l.code}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="cifre" title={t('svc.detail.yearsTitle')}>
        <DataTable
          id="anni"
          caption={t('svc.detail.yearsCaption')}
          csv={`servizio-${s.code}-anni`}
          rows={d.years}
          rowKey={(y) => y.id}
          columns={columns}
          empty={<EmptyState title={t('svc.detail.noYears')} />}
        />
        <p className="small">{t('svc.detail.fundsRule')}</p>
      </Section>

      {d.can['services.write'] ? (
        <>
          <Section id="registra-anno" title={editing ? t('svc.year.editTitle', { year: editing.year }) : t('svc.year.title')}>
            <IntentForm
              intent="year"
              actionData={actionData}
              submitLabel={t('svc.year.submit')}
              label={t('svc.year.title')}
              reloadHref={editing ? `${here}?anno=${editing.year}#registra-anno` : here}
              noValidate
            >
              {editing ? <input type="hidden" name="version" value={editing.version} /> : null}
              <FieldGroup
                intent="year"
                errors={year.errors}
                values={yearValues}
                fields={[
                  [
                    { name: 'year', label: t('svc.year.year'), required: true, inputMode: 'numeric', maxLength: 4, readOnly: editing !== null },
                    { name: 'users', label: t('svc.year.users'), inputMode: 'numeric', hint: t('svc.year.users.hint') },
                    { name: 'spend', label: t('svc.year.spend'), inputMode: 'decimal', hint: t('svc.year.spend.hint') },
                  ],
                  ...Array.from({ length: FUND_LINES }, (_, i) => [
                    {
                      name: `fund_${i + 1}`,
                      label: t('svc.year.fund', { n: i + 1 }),
                      empty: t('svc.field.none'),
                      choices: d.refs.funds.map((x) => ({ value: x.code, label: x.name, data: true })),
                    },
                    { name: `amount_${i + 1}`, label: t('svc.year.amount', { n: i + 1 }), inputMode: 'decimal' as const },
                    { name: `fundUsers_${i + 1}`, label: t('svc.year.fundUsers', { n: i + 1 }), inputMode: 'numeric' as const },
                  ]),
                  [
                    { name: 'note', label: t('svc.year.note'), maxLength: 1000 },
                    { name: 'source', label: t('svc.year.source'), maxLength: 500 },
                  ],
                ]}
              />
            </IntentForm>
            {editing ? (
              <p className="mt-2">
                <Link to={`${here}#registra-anno`}>{t('svc.year.newInstead')}</Link>
              </p>
            ) : null}
          </Section>

          <Section id="modifica" title={t('svc.edit.title')}>
            <IntentForm intent="update" actionData={actionData} submitLabel={t('svc.edit.submit')} label={t('svc.edit.title')} reloadHref={here} noValidate>
              <input type="hidden" name="version" value={s.version} />
              <ServiceFields intent="update" errors={update.errors} values={update.values ?? s} refs={d.refs} />
            </IntentForm>
          </Section>

          <Section id="stato" title={t('svc.state.title')}>
            <p>{t(s.active ? 'svc.state.deactivateHint' : 'svc.state.reactivateHint')}</p>
            <IntentForm
              intent={s.active ? 'deactivate' : 'reactivate'}
              actionData={actionData}
              submitLabel={t(s.active ? 'svc.state.deactivate' : 'svc.state.reactivate')}
              submitClassName="btn btn-outline-danger"
              reloadHref={here}
            >
              <input type="hidden" name="version" value={s.version} />
            </IntentForm>
          </Section>
        </>
      ) : null}
    </>
  );
}
