import { Form, Link, redirect } from 'react-router';
import type { Route } from './+types/bodies';
import { CsrfField } from '../../../shared/ui/forms.tsx';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { BodyFields } from '../components/body-fields.tsx';
import { Breadcrumb, formState, GovFormAlert } from '../components/form-kit.tsx';
import { createBody } from '../governance.commands.ts';
import { BODY_KIND_LABELS, BODY_TYPE_LABELS, MEETING_STATUS_LABELS, type BodyKind, type BodyType, type MeetingStatus } from '../governance.constants.ts';
import { listBodies, listUpcomingMeetings } from '../governance.queries.ts';
import { describeVotingRule, type VotingRule } from '../voting.rules.ts';
import { intentAction, readGovernance } from './governance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readGovernance(context, request, params.code);
  const [bodyRows, upcoming] = await Promise.all([listBodies(db, ambito.id), listUpcomingMeetings(db, ambito.id, new Date())]);
  // Each body right after the body it works inside (e.g. the Tavoli tematici after their Tavolo).
  const ordered: ((typeof bodyRows)[number] & { depth: number; parentName: string | null })[] = [];
  const place = (parentId: string | null, depth: number) => {
    for (const b of bodyRows.filter((x) => x.parentBodyId === parentId)) {
      ordered.push({ ...b, depth, parentName: bodyRows.find((p) => p.id === parentId)?.name ?? null });
      place(b.id, depth + 1);
    }
  };
  place(null, 0);
  for (const b of bodyRows) if (!ordered.some((o) => o.id === b.id)) ordered.push({ ...b, depth: 0, parentName: null });
  return {
    ambito,
    can,
    bodies: ordered.map((b) => ({ ...b, ruleText: b.votingRule ? describeVotingRule(b.votingRule as VotingRule) : null })),
    upcoming,
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  const form = Object.fromEntries(await request.formData());
  return intentAction(request, 'create-body', async () => {
    const body = await createBody({ db, actor, ambitoId: ambito.id, input: form });
    return redirect(`/ambiti/${ambito.code}/organi/${body.id}?esito=creato`);
  });
}

export default function Bodies({ loaderData, actionData }: Route.ComponentProps) {
  const { t, n, d } = useI18n();
  const { ambito, can, bodies, upcoming } = loaderData;
  const create = formState(actionData, 'create-body');
  return (
    <>
      <title>{`${t('gov.bodies.title')} – ${ambito.name}`}</title>
      <Breadcrumb items={[{ label: ambito.name, to: `/ambiti/${ambito.code}` }, { label: t('gov.bodies.title') }]} />
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-3">
        <div>
          <h1>{t('gov.bodies.title')}</h1>
          <p className="lead">{t('gov.bodies.lead')}</p>
        </div>
        <ul className="list-unstyled mb-0">
          <li>
            <a href={`/ambiti/${ambito.code}/calendario.ics`} download>
              {t('gov.calendar.download')}
            </a>
          </li>
          {can['outbox.read'] && (
            <li>
              <Link to={`/ambiti/${ambito.code}/posta`}>{t('gov.outbox.title')}</Link>
            </li>
          )}
        </ul>
      </div>

      <h2 className="h3 mt-4">{t('gov.meetings.upcoming')}</h2>
      {upcoming.length === 0 ? (
        <p>{t('gov.meetings.none')}</p>
      ) : (
        <ul className="list-group mb-4">
          {upcoming.map((m) => (
            <li key={m.id} className="list-group-item">
              <Link to={`/ambiti/${ambito.code}/riunioni/${m.id}`} className="fw-semibold">
                {m.title}
              </Link>{' '}
              — {m.bodyName}, {d(m.startsAt)} {m.local.time}–{m.localEnd.time} ({MEETING_STATUS_LABELS[m.status as MeetingStatus] ?? m.status})
            </li>
          ))}
        </ul>
      )}

      <h2 className="h3 mt-4">{t('gov.bodies.list')}</h2>
      {bodies.length === 0 ? (
        <p>{t('gov.bodies.empty')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-striped align-middle">
            <caption>{t('gov.bodies.caption', { ambito: ambito.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gov.body.name')}</th>
                <th scope="col">{t('gov.body.type')}</th>
                <th scope="col">{t('gov.body.kind')}</th>
                <th scope="col" className="num">
                  {t('gov.body.membersInOffice')}
                </th>
                <th scope="col" className="num">
                  {t('gov.body.meetings')}
                </th>
                <th scope="col">{t('gov.rule.title')}</th>
              </tr>
            </thead>
            <tbody>
              {bodies.map((b) => (
                <tr key={b.id}>
                  <th scope="row" style={{ paddingLeft: `${0.5 + b.depth * 1.5}rem` }}>
                    <Link to={`/ambiti/${ambito.code}/organi/${b.id}`}>{b.name}</Link>
                    {b.parentName && <span className="d-block small text-secondary">{t('gov.body.partOf', { name: b.parentName })}</span>}
                  </th>
                  <td>{BODY_TYPE_LABELS[b.type as BodyType] ?? b.type}</td>
                  <td>{BODY_KIND_LABELS[b.kind as BodyKind] ?? b.kind}</td>
                  <td className="num">{n(b.members)}</td>
                  <td className="num">{n(b.meetings)}</td>
                  <td>{b.ruleText ?? t('gov.rule.noneShort')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {can['body.write'] && (
        <section className="mt-5 col-lg-8" aria-labelledby="new-body">
          <h2 className="h3" id="new-body">
            {t('gov.bodies.new')}
          </h2>
          <GovFormAlert failure={create.failure} intent="create-body" />
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="create-body" />
            <BodyFields intent="create-body" errors={create.errors} parents={bodies.map((b) => ({ id: b.id, name: b.name }))} />
            <button type="submit" className="btn btn-primary">
              {t('gov.bodies.create')}
            </button>
          </Form>
        </section>
      )}
    </>
  );
}
