import { data, Link } from 'react-router';
import type { Route } from './+types/comune-todo';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { PageHeader, Panels, Section, useI18n } from '../../../shared/ui/kit.ts';
import { panelsFor } from '../../../shared/panels.server.ts';
import { todayInRome } from '../../monitoring/index.server.ts';
import { getComuneTodo } from '../comune-todo.server.ts';
import { authorize } from '../territory.policy.ts';
import { getAmbitoByCode, listAmbitoComuni } from '../territory.queries.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await getAmbitoByCode(db, params.code);
  if (!ambito) throw data(tr('terr.notFound.ambito'), { status: 404 });
  const today = todayInRome();
  const comune = (await listAmbitoComuni(db, ambito.id, today)).find((c) => c.istatCode === params.istat);
  if (!comune) throw data(tr('terr.notFound.comune'), { status: 404 });
  await guard(request, async () => authorize(getActor(context), 'comune.todo', { ...ambito, comuneId: comune.id }));
  const [todo, panels] = await Promise.all([
    getComuneTodo(db, ambito, comune, today),
    panelsFor(db, { kind: 'comune', comuneId: comune.id, istatCode: comune.istatCode, ambitoId: ambito.id, ambitoCode: ambito.code }, getActor(context)),
  ]);
  return { ambito: { code: ambito.code, name: ambito.name }, comune: { name: comune.name, istatCode: comune.istatCode }, panels, ...todo };
}

export default function ComuneTodo({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, comune, closed, open, staff, spending, count } = loaderData;
  const indicatorList = (items: typeof closed) => (
    <ul>
      {items.map((d) => (
        <li key={`${d.indicatorId}|${d.period}`}>
          <Link to={d.href}>{t('todo.indicator.item', { objective: d.objectiveCode, code: d.code, label: d.label, period: d.periodLabel })}</Link>
          {d.locked && <span className="d-block small text-secondary">{t('todo.locked')}</span>}
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <PageHeader
        title={t('todo.title', { comune: comune.name })}
        context={ambito.name}
        breadcrumb={[{ label: ambito.name, data: true, to: `/ambiti/${ambito.code}` }]}
        lead={t('todo.lead', { ambito: ambito.name, day: f.date(loaderData.today) })}
      />
      <p className={count === 0 ? 'alert alert-success' : 'fw-semibold'} data-testid="todo-count">
        {count === 0 ? t('todo.none') : t('todo.count', { count: f.count(count) })}
      </p>

      <Panels panels={loaderData.panels} />

      <Section id="indicatori" title={t('todo.indicators')} lead={t('todo.indicators.lead')}>
        {closed.length === 0 && open.length === 0 && <p>{t('todo.indicators.none')}</p>}
        {closed.length > 0 && (
          <>
            <h3 className="h5">{t('todo.closed')}</h3>
            {indicatorList(closed)}
          </>
        )}
        {open.length > 0 && (
          <>
            <h3 className="h5">{t('todo.open')}</h3>
            {indicatorList(open)}
          </>
        )}
      </Section>

      <Section id="assistenti-sociali" title={t('todo.staff')}>
        {staff.missing ? (
          <p>
            <Link to={staff.href}>{t('todo.staff.missing', { year: staff.year })}</Link>
          </p>
        ) : (
          <p>
            {t('todo.staff.done', { year: staff.year, posts: f.count(staff.posts), fte: f.fte(staff.fte) })} <Link to={staff.href}>{t('todo.staff.link')}</Link>
          </p>
        )}
      </Section>

      <Section id="spesa" title={t('todo.spending')}>
        <p>
          {spending.missing ? (
            <Link to={spending.href}>{t('todo.spending.missing', { year: spending.year })}</Link>
          ) : (
            t('todo.spending.done', { year: spending.year })
          )}
        </p>
      </Section>

      <p>
        <Link to={`/ambiti/${ambito.code}/comuni/${comune.istatCode}/dati`}>{t('cfig.link')}</Link>
      </p>
      <p>
        <Link to={`/ambiti/${ambito.code}`}>{t('todo.ambito')}</Link>
      </p>
    </>
  );
}
