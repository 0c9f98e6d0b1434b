import { Fragment } from 'react';
import { Link } from 'react-router';
import type { Route } from './+types/import';
import { ValidationError } from '../../../shared/errors.ts';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { serverFormat, tr } from '../../../shared/i18n/tr.server.ts';
import { DataTable, EmptyState, PageHeader, Section, UploadForm, useFormResult, useI18n, columnsOf } from '../../../shared/ui/kit.ts';
import { importSpending, type SpendingUpload } from '../finance.commands.ts';
import { abilitiesFor, authorize } from '../finance.policy.ts';
import { listSpendingFacts } from '../finance.queries.ts';
import { requireAmbito } from '../finance.server.ts';

const MAX_BYTES = 5 * 1024 * 1024;

async function loaded(db: Parameters<typeof listSpendingFacts>[0], ambitoId: string) {
  const facts = await listSpendingFacts(db, ambitoId);
  const groups = new Map<string, { year: number; ente: string | null; rows: number; totalCents: number }>();
  for (const f of facts) {
    const ente = f.comuneName ? `${f.comuneName} (${f.istatCode})` : null;
    const k = `${f.year}|${ente}`;
    const g = groups.get(k) ?? { year: f.year, ente, rows: 0, totalCents: 0 };
    g.rows++;
    g.totalCents += f.amountCents;
    groups.set(k, g);
  }
  return [...groups.values()].sort((a, b) => b.year - a.year || (a.ente ?? '').localeCompare(b.ente ?? ''));
}

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'spending.import', ambito));
  return { ambito: { code: ambito.code, name: ambito.name }, loaded: await loaded(db, ambito.id), can: abilitiesFor(actor, ambito) };
}

function fileOf(form: FormData, name: string): File | null {
  const f = form.get(name);
  return f instanceof File && f.size > 0 ? f : null;
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  return intentAction(request, {
    import: async (_form, raw) => {
      authorize(actor, 'spending.import', ambito);
      const spending = fileOf(raw, 'spesa');
      const users = fileOf(raw, 'utenti');
      if (!spending) throw new ValidationError([{ path: 'spesa', message: tr('finance.import.noFile.field') }], tr('finance.import.noFile'));
      for (const f of [spending, users]) {
        if (f && f.size > MAX_BYTES)
          throw new ValidationError(
            [
              {
                path: f === spending ? 'spesa' : 'utenti',
                message: tr('finance.import.tooLarge.field', { file: f.name, size: serverFormat().fileSize(f.size) }),
              },
            ],
            tr('finance.import.tooLarge'),
          );
      }
      let upload: SpendingUpload;
      if (/\.xlsx$/i.test(spending.name)) {
        if (users) throw new ValidationError([{ path: 'utenti', message: tr('finance.import.xlsxUsers.field') }], tr('finance.import.xlsxUsers'));
        upload = { kind: 'xlsx', fileName: spending.name, data: new Uint8Array(await spending.arrayBuffer()) };
      } else {
        upload = {
          kind: 'csv',
          spending: { fileName: spending.name || 'spesa.csv', text: await spending.text() },
          users: users ? { fileName: users.name || 'utenti.csv', text: await users.text() } : null,
        };
      }
      const s = await importSpending({ db, actor, ambitoId: ambito.id, upload });
      const parts = [
        tr('finance.import.done', {
          files: s.files.join(tr('finance.and')),
          spending: s.spendingRows,
          users: s.usersRows,
          years: s.years.length === 1 ? tr('finance.import.done.year', { year: s.years[0]! }) : tr('finance.import.done.years', { years: s.years.join(', ') }),
        }),
        s.controlTotalsChecked > 0 ? tr('finance.import.done.checked', { count: s.controlTotalsChecked }) : '',
        s.replacedSpendingRows > 0 ? tr('finance.import.done.replaced', { count: s.replacedSpendingRows }) : '',
      ];
      return { ...done('import', `${parts.join('')}.`), latestYear: Math.max(...s.years) };
    },
  });
}

/** The templates to fill in, as the page offers them for download. */
const TEMPLATES = [
  ['modello-spesa.xlsx', 'finance.import.template.xlsx'],
  ['modello-spesa.csv', 'finance.import.template.spending'],
  ['modello-utenti.csv', 'finance.import.template.users'],
] as const;

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export default function SpendingImport({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const p = loaderData;
  const { success } = useFormResult(actionData, 'import');
  const latestYear = success ? (actionData as unknown as { latestYear?: number }).latestYear : undefined;
  const base = `/ambiti/${p.ambito.code}/risorse`;
  const col = columnsOf(p.loaded);
  return (
    <>
      <PageHeader
        title={t('finance.import.title')}
        context={p.ambito.name}
        lead={<span translate="no">{p.ambito.name}</span>}
        breadcrumb={[{ label: t('finance.home'), to: base }]}
      />
      <p>
        {t('finance.import.intro')}
        {p.can['spending.write'] ? '' : ` ${t('finance.import.referentOnly')}`}
      </p>
      <p>
        {t('finance.import.templates')}:{' '}
        {TEMPLATES.map(([file, label], i) => (
          <Fragment key={file}>
            {i > 0 && ', '}
            <a href={`${base}/modelli/${file}`} download>
              {t(label)}
            </a>
          </Fragment>
        ))}
        .
      </p>

      <UploadForm
        intent="import"
        actionData={actionData}
        submitLabel={t('finance.import.submit')}
        formLabel={t('finance.import.title')}
        footer={latestYear ? <Link to={`${base}?anno=${latestYear}`}>{t('finance.import.seeCharts')}</Link> : null}
        files={[
          { name: 'spesa', label: t('finance.import.spendingFile'), hint: t('finance.import.spendingFile.hint'), accept: ACCEPT },
          { name: 'utenti', label: t('finance.import.usersFile'), hint: t('finance.import.usersFile.hint'), accept: '.csv,text/csv', required: false },
        ]}
      />

      <Section id="dati-presenti" title={t('finance.import.present.title')}>
        <DataTable
          id="tabella-dati-presenti"
          caption={t('finance.import.present.caption')}
          small
          rows={p.loaded}
          rowKey={(g) => `${g.year}-${g.ente}`}
          empty={<EmptyState title={t('finance.import.present.none')} />}
          columns={[
            { key: 'anno', header: t('finance.year'), value: (g) => g.year, rowHeader: true, data: false },
            {
              key: 'ente',
              header: t('finance.ente'),
              value: (g) => g.ente ?? '',
              render: (g) => (g.ente === null ? t('finance.ente.ambitoShort') : <span translate="no">{g.ente}</span>),
              data: false,
            },
            col.figure('righe', t('finance.import.rows'), (g) => g.rows, f.count),
            col.money('totale', t('finance.total'), (g) => g.totalCents, f.money),
          ]}
        />
      </Section>
    </>
  );
}
