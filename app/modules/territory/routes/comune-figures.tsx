import type { ReactNode } from 'react';
import { data, Link } from 'react-router';
import type { Route } from './+types/comune-figures';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { Chart, DataTable, EmptyState, PageHeader, Section, useI18n, type Column } from '../../../shared/ui/kit.ts';
import { todayInRome } from '../../monitoring/index.server.ts';
import { getComuneFigures } from '../comune-figures.server.ts';
import type { AmbitoFigure, Figure } from '../comune-figures.rules.ts';
import { authorize, can } from '../territory.policy.ts';
import { getAmbitoByCode, listAmbitoComuni } from '../territory.queries.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await getAmbitoByCode(db, params.code);
  if (!ambito) throw data(tr('terr.notFound.ambito'), { status: 404 });
  const today = todayInRome();
  const comune = (await listAmbitoComuni(db, ambito.id, today)).find((c) => c.istatCode === params.istat);
  if (!comune) throw data(tr('terr.notFound.comune'), { status: 404 });
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'comune.figures', { ...ambito, comuneId: comune.id }));
  const figures = await getComuneFigures(db, ambito, comune, today);
  // The link to the comune's to-do only for those who may open it (the Ufficio di Piano and the comune's referent).
  const canTodo = can(actor, 'comune.todo', { ...ambito, comuneId: comune.id });
  return { ambito: { code: ambito.code, name: ambito.name }, comune: { name: comune.name, istatCode: comune.istatCode }, canTodo, ...figures };
}

export default function ComuneFigures({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, comune, years, users, sources, chart, canTodo } = loaderData;
  const base = `/ambiti/${ambito.code}`;
  const todoHref = `${base}/comuni/${comune.istatCode}/da-fare`;

  /** «n.d.» with the reason under it: a missing figure is never shown as 0. */
  const notAvailable = (fig: Figure, year: number) => (
    <>
      {t('cfig.nd')}
      <span className="d-block small text-secondary">{t(`cfig.reason.${fig.reason}` as MessageKey, { year, previous: year - 1 })}</span>
    </>
  );
  const show = (fig: Figure, year: number, format: (n: number) => ReactNode, note?: ReactNode) =>
    fig.value === null ? (
      notAvailable(fig, year)
    ) : (
      <>
        {format(fig.value)}
        {note ? <span className="d-block small text-secondary">{note}</span> : null}
      </>
    );
  /** Whose data the Ambito's figure is: its own rows, all its comuni, or some («parziale: dati di 3 comuni su 9»). */
  const coverage = (a: AmbitoFigure) =>
    a.basis === 'ambito'
      ? t('cfig.coverage.ambito')
      : a.partial
        ? t('cfig.coverage.partial', { n: f.count(a.withData), of: f.count(a.members) })
        : t('cfig.coverage.comuni', { n: f.count(a.withData), of: f.count(a.members) });
  const signedMoney = (cents: number) => `${cents > 0 ? '+' : cents < 0 ? '−' : ''}${f.money(Math.abs(cents))}`;
  const change = (c: Figure & { differenceCents: number | null }) => (n: number) =>
    t('cfig.change', { percent: `${n > 0 ? '+' : ''}${f.percent(n, 1)}`, difference: signedMoney(c.differenceCents ?? 0) });

  type Year = (typeof years)[number];
  const spendingColumns: Column<Year>[] = [
    { key: 'anno', header: t('cfig.year'), rowHeader: true, data: false, value: (y) => y.year },
    {
      key: 'spesa_comune',
      header: t('cfig.spending.comune'),
      numeric: true,
      value: (y) => cents(y.spending.comune),
      render: (y) => show(y.spending.comune, y.year, f.money),
    },
    {
      key: 'per_abitante_comune',
      header: t('cfig.spending.comunePerInhabitant'),
      numeric: true,
      value: (y) => cents(y.spending.comunePerInhabitant),
      render: (y) => show(y.spending.comunePerInhabitant, y.year, f.money),
    },
    {
      key: 'variazione_comune',
      header: t('cfig.spending.comuneChange'),
      numeric: true,
      value: (y) => y.spending.comuneChange.value,
      render: (y) => show(y.spending.comuneChange, y.year, change(y.spending.comuneChange)),
    },
    {
      key: 'spesa_ambito',
      header: t('cfig.spending.ambito'),
      numeric: true,
      value: (y) => cents(y.spending.ambito),
      render: (y) => show(y.spending.ambito, y.year, f.money, coverage(y.spending.ambito)),
    },
    {
      key: 'per_abitante_ambito',
      header: t('cfig.spending.ambitoPerInhabitant'),
      numeric: true,
      value: (y) => cents(y.spending.ambitoPerInhabitant),
      render: (y) => show(y.spending.ambitoPerInhabitant, y.year, f.money, y.spending.ambitoPerInhabitant.partial ? t('cfig.perInhabitant.partial') : null),
    },
    {
      key: 'variazione_ambito',
      header: t('cfig.spending.ambitoChange'),
      numeric: true,
      value: (y) => y.spending.ambitoChange.value,
      render: (y) => show(y.spending.ambitoChange, y.year, change(y.spending.ambitoChange)),
    },
    {
      key: 'quota',
      header: t('cfig.spending.share'),
      numeric: true,
      value: (y) => y.spending.share.value,
      render: (y) => show(y.spending.share, y.year, (n) => f.percent(n, 1)),
    },
  ];

  type UsersRow = (typeof users)[number];
  const usersColumns: Column<UsersRow>[] = [
    { key: 'anno', header: t('cfig.year'), rowHeader: true, data: false, value: (u) => u.year },
    { key: 'area', header: t('cfig.users.area'), value: (u) => u.areaName },
    { key: 'utenti_comune', header: t('cfig.users.comune'), numeric: true, value: (u) => u.comune.value, render: (u) => show(u.comune, u.year, f.count) },
    {
      key: 'utenti_ambito',
      header: t('cfig.users.ambito'),
      numeric: true,
      value: (u) => u.ambito.value,
      render: (u) => show(u.ambito, u.year, f.count, coverage(u.ambito)),
    },
    { key: 'quota', header: t('cfig.users.share'), numeric: true, value: (u) => u.share.value, render: (u) => show(u.share, u.year, (n) => f.percent(n, 1)) },
  ];

  const staffColumns: Column<Year>[] = [
    { key: 'anno', header: t('cfig.year'), rowHeader: true, data: false, value: (y) => y.year },
    {
      key: 'fte_comune',
      header: t('cfig.staff.comune'),
      numeric: true,
      value: (y) => y.staff.comune.value,
      render: (y) => show(y.staff.comune, y.year, f.fte, t('cfig.staff.posts', { count: f.count(y.staff.comune.posts) })),
    },
    {
      key: 'fte_ambito',
      header: t('cfig.staff.ambito'),
      numeric: true,
      value: (y) => y.staff.ambito.value,
      render: (y) => show(y.staff.ambito, y.year, f.fte, t('cfig.staff.posts', { count: f.count(y.staff.ambito.posts) })),
    },
  ];

  type Source = (typeof sources)[number];
  const sourceColumns: Column<Source>[] = [
    { key: 'dato', header: t('cfig.sources.figure'), rowHeader: true, data: false, value: (s) => t(`cfig.figure.${s.figure}` as MessageKey) },
    { key: 'anno', header: t('cfig.year'), data: false, value: (s) => s.year, render: (s) => s.year ?? t('cfig.sources.allYears') },
    { key: 'fonte', header: t('cfig.sources.source'), value: (s) => s.source, className: 'small' },
    { key: 'righe', header: t('cfig.sources.rows'), numeric: true, value: (s) => s.rows, render: (s) => f.count(s.rows) },
    { key: 'scritto', header: t('cfig.sources.updatedAt'), data: false, value: (s) => s.updatedAt, render: (s) => f.dateTime(s.updatedAt) },
  ];

  return (
    <>
      <PageHeader
        title={t('cfig.title', { comune: comune.name })}
        context={ambito.name}
        breadcrumb={[
          { label: ambito.name, data: true, to: base },
          { label: t('profile.title.territory'), to: `${base}/territorio` },
        ]}
        lead={t('cfig.lead', { ambito: ambito.name })}
      />

      {years.length === 0 ? (
        <EmptyState title={t('cfig.empty')}>{t('cfig.empty.text')}</EmptyState>
      ) : (
        <>
          <Section id="spesa" title={t('cfig.spending')} lead={t('cfig.spending.lead')}>
            {chart.svg ? (
              <Chart
                svg={chart.svg}
                caption={t('cfig.chart.caption')}
                summary={
                  <>
                    {t('cfig.chart.summary', { years: chart.years.join(', ') })}
                    {chart.partialYears.length > 0 ? ` ${t('cfig.chart.partial', { years: chart.partialYears.join(', ') })}` : null}
                  </>
                }
                tableId="tabella-spesa"
              />
            ) : (
              <p className="text-secondary">{t('cfig.chart.none')}</p>
            )}
            <DataTable
              id="tabella-spesa"
              caption={t('cfig.spending.caption')}
              csv="spesa-comune-ambito"
              rows={years}
              rowKey={(y) => String(y.year)}
              columns={spendingColumns}
            />
          </Section>

          <Section id="utenti" title={t('cfig.users')} lead={t('cfig.users.lead')}>
            <DataTable
              id="tabella-utenti"
              caption={t('cfig.users.caption')}
              csv="utenti-comune-ambito"
              rows={users}
              rowKey={(u) => `${u.year}|${u.area}`}
              columns={usersColumns}
              empty={<p>{t('cfig.users.none')}</p>}
            />
          </Section>

          <Section id="assistenti-sociali" title={t('cfig.staff')} lead={t('cfig.staff.lead')}>
            <DataTable
              id="tabella-assistenti"
              caption={t('cfig.staff.caption')}
              csv="assistenti-sociali-comune-ambito"
              rows={years}
              rowKey={(y) => String(y.year)}
              columns={staffColumns}
            />
          </Section>
        </>
      )}

      <Section id="fonti" title={t('cfig.sources')} lead={t('cfig.sources.lead')}>
        <DataTable
          id="tabella-fonti"
          caption={t('cfig.sources.caption')}
          csv="fonti"
          small
          rows={sources}
          rowKey={(s) => s.key}
          columns={sourceColumns}
          empty={<p>{t('cfig.sources.none')}</p>}
        />
      </Section>

      {canTodo && (
        <p>
          <Link to={todoHref}>{t('cfig.back')}</Link>
        </p>
      )}
    </>
  );
}

/** A money figure in euro for sorting and the CSV file (null when missing). */
function cents(fig: Figure): number | null {
  return fig.value === null ? null : fig.value / 100;
}
