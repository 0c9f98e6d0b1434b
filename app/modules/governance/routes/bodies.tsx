import { Link, redirect } from 'react-router';
import type { Route } from './+types/bodies';
import { runIntent } from '../../../shared/http/forms.server.ts';
import { columnsOf, EmptyState, PageHeader, Section, useI18n } from '../../../shared/ui/kit.ts';
import { RecordTable, useRecordColumns } from '../components/record-table.tsx';
import { BodyFields } from '../components/body-fields.tsx';
import { labelOf, ruleSentence } from '../components/labels.ts';
import { PageForm } from '../components/sections.tsx';
import { createBody } from '../governance.commands.ts';
import { listBodies, listUpcomingMeetings } from '../governance.queries.ts';
import { describeVotingRule, type VotingRule } from '../voting.rules.ts';
import { readGovernance } from './governance.server.ts';

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
  return runIntent(request, 'create-body', async () => {
    const body = await createBody({ db, actor, ambitoId: ambito.id, input: form });
    return redirect(`/ambiti/${ambito.code}/organi/${body.id}?esito=creato`);
  });
}

export default function Bodies({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, can, bodies, upcoming } = loaderData;
  const home = `/ambiti/${ambito.code}`;
  const c = { ...columnsOf(bodies), ...useRecordColumns(bodies) };
  // The tree of bodies is the list's order: no column sorts it otherwise.
  const unsorted = { sortable: false };
  return (
    <>
      <PageHeader
        title={t('gov.bodies.title')}
        context={ambito.name}
        lead={t('gov.bodies.lead')}
        breadcrumb={[{ label: ambito.name, data: true, to: home }]}
        actions={
          <ul className="list-unstyled mb-0">
            <li>
              <a href={`${home}/calendario.ics`} download>
                {t('gov.calendar.download')}
              </a>
            </li>
            {can['outbox.read'] && (
              <li>
                <Link to={`${home}/posta`}>{t('gov.outbox.title')}</Link>
              </li>
            )}
          </ul>
        }
      />

      <Section id="prossime" title={t('gov.meetings.upcoming')}>
        {upcoming.length === 0 ? (
          <EmptyState title={t('gov.meetings.none')} />
        ) : (
          <ul className="list-group mb-4">
            {upcoming.map((m) => (
              <li key={m.id} className="list-group-item">
                <Link to={`${home}/riunioni/${m.id}`} className="fw-semibold" translate="no">
                  {m.title}
                </Link>{' '}
                — <span translate="no">{m.bodyName}</span>, {f.date(m.startsAt)} {m.local.time}–{m.localEnd.time} ({labelOf(t, 'meetingStatus', m.status)})
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="organi" title={t('gov.bodies.list')}>
        <RecordTable
          id="organi-elenco"
          caption={t('gov.bodies.caption', { ambito: ambito.name })}
          rows={bodies}
          csv="organi"
          empty={t('gov.bodies.empty')}
          columns={[
            c.name('nome', t('gov.body.name'), (b) => b.name, {
              ...unsorted,
              render: (b) => (
                <span style={{ paddingLeft: `${b.depth * 1.5}rem` }} className="d-inline-block">
                  <Link to={`${home}/organi/${b.id}`}>{b.name}</Link>
                  {b.parentName && <span className="d-block small text-secondary">{t('gov.body.partOf', { name: b.parentName })}</span>}
                </span>
              ),
            }),
            c.code('tipo', t('gov.body.type'), 'bodyType', (b) => b.type, unsorted),
            c.code('natura', t('gov.body.kind'), 'bodyKind', (b) => b.kind, unsorted),
            c.figure('componenti', t('gov.body.membersInOffice'), (b) => b.members, f.number, unsorted),
            c.figure('riunioni', t('gov.body.meetings'), (b) => b.meetings, f.number, unsorted),
            {
              key: 'regola',
              header: t('gov.rule.title'),
              sortable: false,
              value: (b) => b.ruleText ?? '',
              render: (b) => (b.votingRule ? ruleSentence(t, f.numberUpTo, b.votingRule as VotingRule) : t('gov.rule.noneShort')),
            },
          ]}
        />
      </Section>

      {can['body.write'] && (
        <Section id="new-body" title={t('gov.bodies.new')}>
          <div className="col-lg-8">
            <PageForm intent="create-body" submitLabel={t('gov.bodies.create')}>
              <BodyFields intent="create-body" parents={bodies.map((b) => ({ id: b.id, name: b.name }))} />
            </PageForm>
          </div>
        </Section>
      )}
    </>
  );
}
