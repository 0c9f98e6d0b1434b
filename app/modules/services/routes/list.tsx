import { redirect } from 'react-router';
import type { Route } from './+types/list';
import { ValidationError } from '../../../shared/errors.ts';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { serverFormat, tr } from '../../../shared/i18n/tr.server.ts';
import {
  Chart,
  DataTable,
  EmptyState,
  FilterField,
  FilterForm,
  IntentForm,
  KpiGrid,
  linkColumn,
  moneyColumn,
  figureColumn,
  PageHeader,
  Section,
  StatusBadge,
  UploadForm,
  useFormResult,
  useI18n,
  type Column,
} from '../../../shared/ui/kit.ts';
import { createService, importServices } from '../services.commands.ts';
import { abilitiesFor, authorize } from '../services.policy.ts';
import { MANAGEMENT_FORMS } from '../services.rules.ts';
import { requireAmbito } from '../services.server.ts';
import { managementLabel, ServiceFields, serviceFormInput } from '../services.ui.tsx';
import { filtersOf, getCataloguePage } from '../services.views.server.ts';
import { readUploadedText } from '../../../shared/imports/decode.ts';

const MAX_BYTES = 5 * 1024 * 1024;

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'services.read', ambito));
  const filters = filtersOf(new URL(request.url));
  return { ambito: { code: ambito.code, name: ambito.name }, filters, ...(await getCataloguePage(db, ambito.id, filters)), can: abilitiesFor(actor, ambito) };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  return intentAction(
    request,
    {
      create: async (form, raw) => {
        const row = await createService({ db, actor, ambitoId: ambito.id, input: serviceFormInput(form, raw) });
        return redirect(`/ambiti/${ambito.code}/servizi/${encodeURIComponent(row.code)}?esito=creato`);
      },
      import: async (_form, raw) => {
        authorize(actor, 'services.write', ambito);
        const file = raw.get('file');
        if (!(file instanceof File) || file.size === 0)
          throw new ValidationError([{ path: 'file', message: tr('svc.import.noFile') }], tr('svc.import.noFile'));
        if (file.size > MAX_BYTES)
          throw new ValidationError(
            [{ path: 'file', message: tr('svc.import.tooLarge', { size: serverFormat().fileSize(file.size) }) }],
            tr('svc.import.tooLarge', { size: serverFormat().fileSize(file.size) }),
          );
        const upload = await readUploadedText(file, 'servizi.csv');
        const s = await importServices({ db, actor, ambitoId: ambito.id, fileName: upload.name, text: upload.text });
        return done('import', tr('svc.import.done', { file: s.file, created: s.created, updated: s.updated, years: s.years }), upload.notice);
      },
    },
    { echo: true },
  );
}

type Data = Route.ComponentProps['loaderData'];
type Row = Data['rows'][number];

export default function ServicesList({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const base = `/ambiti/${d.ambito.code}/servizi`;
  const create = useFormResult(actionData, 'create');
  const year = d.summary.latestYear;
  const partial = (p: { counted: number; of: number }) => t('svc.kpi.partial', { counted: f.count(p.counted), of: f.count(p.of) });
  const columns: Column<Row>[] = [
    linkColumn<Row>('servizio', t('svc.list.service'), (r) => ({ text: `${r.code} – ${r.name}`, to: `${base}/${encodeURIComponent(r.code)}` })),
    { key: 'voce', header: t('svc.list.type'), value: (r) => r.typeCode, render: (r) => (r.typeName ? `${r.typeCode} – ${r.typeName}` : r.typeCode) },
    { key: 'area', header: t('svc.list.area'), value: (r) => r.areaName },
    {
      key: 'gestione',
      header: t('svc.list.management'),
      data: false,
      value: (r) => r.management,
      render: (r) => (
        <>
          {managementLabel(t, r.management)}
          {r.comuneName ? (
            <>
              {' '}
              (<span translate="no">{r.comuneName}</span>)
            </>
          ) : null}
        </>
      ),
    },
    { key: 'erogatore', header: t('svc.list.provider'), value: (r) => r.providerName },
    figureColumn<Row>('utenti', year ? t('svc.list.usersOf', { year }) : t('svc.list.users'), (r) => r.users, f.count),
    moneyColumn<Row>('spesa', year ? t('svc.list.spendOf', { year }) : t('svc.list.spend'), (r) => r.spendCents, f.money),
    {
      key: 'stato',
      header: t('svc.list.state'),
      data: false,
      value: (r) => (r.active ? 1 : 0),
      render: (r) => <StatusBadge tone={r.active ? 'success' : 'secondary'}>{t(r.active ? 'svc.state.active' : 'svc.state.inactive')}</StatusBadge>,
    },
  ];
  const filtered = d.filters.area || d.filters.management || d.filters.macro;
  return (
    <>
      <PageHeader
        title={t('svc.list.title')}
        context={d.ambito.name}
        lead={<span translate="no">{d.ambito.name}</span>}
        breadcrumb={[{ label: d.ambito.name, to: `/ambiti/${d.ambito.code}`, data: true }]}
      />
      <p>
        {t('svc.list.intro')} <a href="/servizi/nomenclatore">{t('svc.list.nomenclatureLink')}</a>
      </p>
      <KpiGrid
        label={t('svc.kpi.label')}
        items={[
          {
            label: t('svc.kpi.services'),
            value: f.count(d.summary.active),
            hint: t('svc.kpi.servicesHint', { total: f.count(d.summary.services) }),
            testId: 'svc-kpi-services',
          },
          ...MANAGEMENT_FORMS.map((m) => ({ label: managementLabel(t, m), value: f.count(d.summary.byManagement[m]), testId: `svc-kpi-${m}` })),
          {
            label: year ? t('svc.kpi.usersOf', { year }) : t('svc.kpi.users'),
            value: f.count(d.summary.users.value),
            hint: year ? partial(d.summary.users) : t('svc.kpi.noYear'),
            testId: 'svc-kpi-users',
          },
          {
            label: year ? t('svc.kpi.spendOf', { year }) : t('svc.kpi.spend'),
            value: d.summary.spend.value === null ? f.na : f.money(d.summary.spend.value),
            hint: year ? partial(d.summary.spend) : t('svc.kpi.noYear'),
            testId: 'svc-kpi-spend',
          },
        ]}
      />
      <p className="small">{t('svc.kpi.usersNote')}</p>

      {d.chartSvg && year ? (
        <Section id="spesa-per-macro" title={t('svc.list.chart.title', { year })}>
          <Chart
            svg={d.chartSvg}
            caption={t('svc.list.chart.caption', { year })}
            summary={t('svc.list.chart.summary', { count: f.count(d.spendByMacro.length) })}
          >
            <DataTable
              id="tabella-spesa-per-macro"
              caption={t('svc.list.chart.caption', { year })}
              small
              csv="spesa-servizi-per-macro-attivita"
              rows={d.spendByMacro}
              rowKey={(m) => m.macroCode ?? '-'}
              columns={[
                { key: 'macro', header: t('svc.list.macro'), value: (m) => m.label, rowHeader: true },
                figureColumn('servizi', t('svc.list.servicesCount'), (m: Data['spendByMacro'][number]) => m.services, f.count),
                moneyColumn('spesa', t('svc.list.spend'), (m: Data['spendByMacro'][number]) => m.cents, f.money),
              ]}
            />
          </Chart>
        </Section>
      ) : null}

      <Section id="elenco" title={t('svc.list.listTitle')}>
        <FilterForm
          label={t('svc.filter.label')}
          submitLabel={t('svc.filter.submit')}
          actions={
            filtered ? (
              <a className="col-auto align-self-center" href={base}>
                {t('svc.filter.reset')}
              </a>
            ) : null
          }
        >
          <FilterField id="filtro-area" label={t('svc.list.area')} col="col-sm-4">
            <select id="filtro-area" name="area" className="form-select" defaultValue={d.filters.area ?? ''}>
              <option value="">{t('svc.filter.all')}</option>
              {d.refs.areas.map((a) => (
                <option key={a.code} value={a.code} translate="no">
                  {a.name}
                </option>
              ))}
            </select>
          </FilterField>
          <FilterField id="filtro-gestione" label={t('svc.list.management')} col="col-sm-4">
            <select id="filtro-gestione" name="gestione" className="form-select" defaultValue={d.filters.management ?? ''}>
              <option value="">{t('svc.filter.all')}</option>
              {MANAGEMENT_FORMS.map((m) => (
                <option key={m} value={m}>
                  {managementLabel(t, m)}
                </option>
              ))}
            </select>
          </FilterField>
          <FilterField id="filtro-macro" label={t('svc.list.macro')} col="col-sm-4">
            <select id="filtro-macro" name="macro" className="form-select" defaultValue={d.filters.macro ?? ''}>
              <option value="">{t('svc.filter.all')}</option>
              {d.refs.macros.map((m) => (
                <option key={m.code} value={m.code} translate="no">
                  {m.code} – {m.name}
                </option>
              ))}
            </select>
          </FilterField>
        </FilterForm>
        <DataTable
          id="servizi"
          caption={filtered ? t('svc.list.captionFiltered', { shown: f.count(d.rows.length), total: f.count(d.total) }) : t('svc.list.caption')}
          csv="servizi"
          rows={d.rows}
          rowKey={(r) => r.id}
          columns={columns}
          empty={
            <EmptyState title={t(filtered ? 'svc.list.noneFiltered' : 'svc.list.none')}>{d.can['services.write'] ? t('svc.list.noneHint') : null}</EmptyState>
          }
        />
      </Section>

      {d.can['services.write'] ? (
        <>
          <Section id="aggiungi" title={t('svc.create.title')}>
            {d.refs.types.length === 0 ? (
              <EmptyState title={t('svc.create.noNomenclature')} />
            ) : (
              <IntentForm intent="create" actionData={actionData} submitLabel={t('svc.create.submit')} label={t('svc.create.title')} noValidate>
                <ServiceFields intent="create" errors={create.errors} values={create.values} refs={d.refs} />
              </IntentForm>
            )}
          </Section>
          <Section id="importa" title={t('svc.import.title')}>
            <p>
              {t('svc.import.intro')}{' '}
              <a href={`${base}/modello-servizi.csv`} download>
                {t('svc.import.template')}
              </a>
            </p>
            <UploadForm
              intent="import"
              actionData={actionData}
              submitLabel={t('svc.import.submit')}
              formLabel={t('svc.import.title')}
              label={t('svc.import.file')}
              accept=".csv,text/csv"
            />
          </Section>
        </>
      ) : null}
    </>
  );
}
