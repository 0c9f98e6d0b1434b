import { data, Link } from 'react-router';
import type { Route } from './+types/comune-todo';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { todayInRome } from '../../monitoring/index.server.ts';
import { getComuneTodo } from '../comune-todo.server.ts';
import { authorize } from '../territory.policy.ts';
import { getAmbitoByCode, listAmbitoComuni } from '../territory.queries.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await getAmbitoByCode(db, params.code);
  if (!ambito) throw data('Ambito non trovato', { status: 404 });
  const today = todayInRome();
  const comune = (await listAmbitoComuni(db, ambito.id, today)).find((c) => c.istatCode === params.istat);
  if (!comune) throw data('Comune non trovato nell’Ambito', { status: 404 });
  await guard(request, async () => authorize(getActor(context), 'comune.todo', { ...ambito, comuneId: comune.id }));
  const todo = await getComuneTodo(db, ambito, comune, today);
  return { ambito: { code: ambito.code, name: ambito.name }, comune: { name: comune.name, istatCode: comune.istatCode }, ...todo };
}

export default function ComuneTodo({ loaderData }: Route.ComponentProps) {
  const { t, n } = useI18n();
  const { ambito, comune, closed, open, staff, spending, count } = loaderData;
  const day = new Date(`${loaderData.today}T12:00:00Z`).toLocaleDateString('it-IT', { timeZone: 'UTC' });
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
      <title>{`${t('todo.title', { comune: comune.name })} – Cantiere`}</title>
      <nav aria-label="Percorso" className="breadcrumb-container">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to={`/ambiti/${ambito.code}`}>{ambito.name}</Link>
          </li>
          <li className="breadcrumb-item active" aria-current="page">
            {comune.name}
          </li>
        </ol>
      </nav>
      <h1>{t('todo.title', { comune: comune.name })}</h1>
      <p className="lead">{t('todo.lead', { ambito: ambito.name, day })}</p>
      <p className={count === 0 ? 'alert alert-success' : 'fw-semibold'} data-testid="todo-count">
        {count === 0 ? t('todo.none') : t('todo.count', { count: n(count) })}
      </p>

      <section aria-labelledby="indicatori" className="my-4">
        <h2 id="indicatori" className="h4">
          {t('todo.indicators')}
        </h2>
        <p>{t('todo.indicators.lead')}</p>
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
      </section>

      <section aria-labelledby="assistenti-sociali" className="my-4">
        <h2 id="assistenti-sociali" className="h4">
          {t('todo.staff')}
        </h2>
        {staff.missing ? (
          <p>
            <Link to={staff.href}>{t('todo.staff.missing', { year: staff.year })}</Link>
          </p>
        ) : (
          <p>
            {t('todo.staff.done', { year: staff.year, posts: n(staff.posts), fte: n(staff.fte, 2) })} <Link to={staff.href}>{t('todo.staff.link')}</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="spesa" className="my-4">
        <h2 id="spesa" className="h4">
          {t('todo.spending')}
        </h2>
        <p>
          {spending.missing ? (
            <Link to={spending.href}>{t('todo.spending.missing', { year: spending.year })}</Link>
          ) : (
            t('todo.spending.done', { year: spending.year })
          )}
        </p>
      </section>

      <p>
        <Link to={`/ambiti/${ambito.code}`}>{t('todo.ambito')}</Link>
      </p>
    </>
  );
}
