import { data, redirect } from 'react-router';
import type { Route } from './+types/project';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import {
  DataTable,
  DoneNotice,
  EmptyState,
  Facts,
  FieldGroup,
  IntentForm,
  KpiGrid,
  moneyColumn,
  namedChoices,
  PageHeader,
  RowButtonForm,
  Section,
  StatusBadge,
  useFormResult,
  useI18n,
} from '../../../shared/ui/kit.ts';
import { addPartner, addResource, linkObjective, removePartner, removeResource, unlinkObjective, updateProject } from '../participation.projects.commands.ts';
import { getProject, projectChoices } from '../participation.projects.queries.ts';
import { sdgName } from '../participation.projects.rules.ts';
import { readParticipation } from './participation.server.ts';
import { ProjectFields, SdgGoalsField, statusTone } from './project-fields.tsx';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readParticipation(context, request, params.code);
  const detail = await getProject(db, ambito.id, params.projectId);
  if (!detail) throw data(tr('part.projects.notFound'), { status: 404 });
  const write = can['project.write'];
  return { ambito, write, ...detail, choices: write ? await projectChoices(db, ambito.id) : null };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readParticipation(context, request, params.code);
  const here = `/ambiti/${ambito.code}/partecipazione/progetti/${params.projectId}`;
  const base = (input: Record<string, unknown>) => ({ db, actor, ambitoId: ambito.id, projectId: params.projectId, input });
  const back = (esito: string, anchor: string) => redirect(`${here}?esito=${esito}#${anchor}`);
  return intentAction(
    request,
    {
      edit: async (form, raw) => {
        await updateProject(base({ ...form, sdgGoals: raw.getAll('sdgGoals').map(String) }));
        return back('salvato', 'scheda');
      },
      'add-partner': async (form) => {
        await addPartner(base(form));
        return back('partner', 'partner');
      },
      'remove-partner': async (form) => {
        await removePartner(base(form));
        return back('rimosso', 'partner');
      },
      'add-resource': async (form) => {
        await addResource(base(form));
        return back('risorsa', 'risorse');
      },
      'remove-resource': async (form) => {
        await removeResource(base(form));
        return back('rimosso', 'risorse');
      },
      'link-objective': async (form) => {
        await linkObjective(base(form));
        return back('obiettivo', 'obiettivi');
      },
      'unlink-objective': async (form) => {
        await unlinkObjective(base(form));
        return back('rimosso', 'obiettivi');
      },
    },
    { echo: true },
  );
}

export default function Project({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, write, project, lead, plan, table, partners, resources, objectives, totals, choices } = loaderData;
  const home = `/ambiti/${ambito.code}/partecipazione`;
  const version = project.version;
  const edit = useFormResult(actionData, 'edit');
  const partner = useFormResult(actionData, 'add-partner');
  const resource = useFormResult(actionData, 'add-resource');
  const objective = useFormResult(actionData, 'link-objective');
  const yearText = (y: number | null) => (y === null ? t('part.projects.noYear') : String(y));
  const period =
    project.startsOn || project.endsOn
      ? `${project.startsOn ? f.date(project.startsOn) : '…'} – ${project.endsOn ? f.date(project.endsOn) : '…'}`
      : t('part.projects.periodUnknown');
  const dataText = (v: string | null | undefined) => (v ? <span translate="no">{v}</span> : '—');
  type Resource = (typeof resources)[number];
  type Partner = (typeof partners)[number];
  type Objective = (typeof objectives)[number];
  const linkedObjectives = new Set(objectives.map((o) => o.objectiveId));
  const partnerIds = new Set(partners.map((p) => p.organisationId));
  return (
    <>
      <PageHeader
        title={project.title}
        titleIsData
        context={ambito.name}
        lead={t('part.projects.detailLead')}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('part.name'), to: home },
          { label: t('part.projects.title'), to: `${home}/progetti` },
        ]}
      />
      <DoneNotice
        messages={{
          creato: 'part.projects.done.created',
          salvato: 'part.projects.done.saved',
          partner: 'part.projects.done.partner',
          risorsa: 'part.projects.done.resource',
          obiettivo: 'part.projects.done.objective',
          rimosso: 'part.projects.done.removed',
        }}
      />
      <KpiGrid
        items={[
          { label: t('part.projects.kpi.resources'), value: f.money(totals.totalCents), testId: 'kpi-totale' },
          { label: t('part.projects.f.partners'), value: f.number(partners.length + (lead ? 1 : 0)), hint: t('part.projects.kpi.partnersHint') },
          { label: t('part.projects.kpi.sources'), value: f.number(totals.bySource.length) },
          { label: t('part.projects.f.beneficiariesCount'), value: f.count(project.beneficiariesCount) },
        ]}
      />
      <Section id="scheda" title={t('part.projects.card')}>
        <Facts
          items={[
            {
              term: t('part.projects.f.status'),
              value: <StatusBadge tone={statusTone(project.status)}>{t(`part.projects.status.${project.status}` as never)}</StatusBadge>,
            },
            { term: t('part.projects.f.procedure'), value: t(`part.projects.procedure.${project.procedure}` as never) },
            { term: t('part.projects.f.act'), value: dataText(project.procedureAct) },
            { term: t('part.projects.f.period'), value: period },
            { term: t('part.projects.f.lead'), value: dataText(lead?.name) },
            { term: t('part.projects.f.table'), value: dataText(table?.name) },
            { term: t('part.projects.f.plan'), value: dataText(plan?.title) },
            { term: t('part.projects.f.beneficiaries'), value: dataText(project.beneficiaries) },
            {
              term: t('part.projects.f.sdg'),
              value: project.sdgGoals.length ? (
                <ul className="list-unstyled mb-0">
                  {project.sdgGoals.map((g) => (
                    <li key={g}>
                      {t('part.projects.sdg', { goal: g })} <span translate="no">{sdgName(g)}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                '—'
              ),
            },
          ]}
        />
        {project.summary && (
          <p className="text-break" translate="no">
            {project.summary}
          </p>
        )}
        {write && choices && (
          <details className="my-3">
            <summary>{t('part.projects.edit')}</summary>
            <IntentForm intent="edit" actionData={actionData} submitLabel={t('part.projects.save')} noValidate>
              <input type="hidden" name="version" value={version} />
              <ProjectFields
                intent="edit"
                errors={edit.errors}
                values={
                  edit.values ?? {
                    ...project,
                    beneficiariesCount: project.beneficiariesCount === null ? '' : String(project.beneficiariesCount),
                  }
                }
                choices={choices}
              />
              <SdgGoalsField intent="edit" error={edit.errors.sdgGoals} selected={project.sdgGoals} />
            </IntentForm>
          </details>
        )}
      </Section>

      <Section id="partner" title={t('part.projects.partners.title')}>
        <DataTable
          id="partner-elenco"
          caption={t('part.projects.partners.caption', { count: f.number(partners.length) })}
          csv="partner"
          rows={partners}
          rowKey={(p) => p.id}
          empty={<EmptyState title={t('part.projects.partners.empty')} />}
          columns={[
            { key: 'organizzazione', header: t('part.projects.f.partner'), value: (p: Partner) => p.name, rowHeader: true },
            {
              key: 'tipo',
              header: t('part.projects.f.kind'),
              value: (p: Partner) => p.kind,
              render: (p: Partner) => t(`gov.enum.orgKind.${p.kind}` as never),
              data: false,
            },
            { key: 'ruolo', header: t('part.projects.f.role'), value: (p: Partner) => p.role ?? '' },
            ...(write
              ? [
                  {
                    key: 'azioni',
                    header: t('part.projects.actions'),
                    render: (p: Partner) => (
                      <RowButtonForm
                        intent="remove-partner"
                        hidden={{ id: p.id, version }}
                        label={t('part.projects.remove')}
                        what={<span translate="no">{p.name}</span>}
                      />
                    ),
                    data: false,
                  },
                ]
              : []),
          ]}
        />
        {write && choices && (
          <IntentForm
            intent="add-partner"
            actionData={actionData}
            submitLabel={t('part.projects.partners.add')}
            label={t('part.projects.partners.add')}
            noValidate
          >
            <input type="hidden" name="version" value={version} />
            <FieldGroup
              intent="add-partner"
              errors={partner.errors}
              values={partner.values}
              fields={[
                [
                  {
                    name: 'organisationId',
                    label: t('part.projects.f.partner'),
                    required: true,
                    choices: namedChoices(choices.organisations.filter((o) => !partnerIds.has(o.id) && o.id !== project.leadOrganisationId)),
                    empty: t('part.projects.choose'),
                  },
                  { name: 'role', label: t('part.projects.f.role'), maxLength: 300 },
                ],
              ]}
            />
          </IntentForm>
        )}
      </Section>

      <Section id="risorse" title={t('part.projects.resources.title')}>
        <DataTable
          id="risorse-elenco"
          caption={t('part.projects.resources.caption', { total: f.money(totals.totalCents) })}
          csv="risorse-progetto"
          rows={resources}
          rowKey={(r) => r.id}
          empty={<EmptyState title={t('part.projects.resources.empty')} />}
          columns={[
            { key: 'fonte', header: t('part.projects.f.source'), value: (r: Resource) => r.fundingSource, rowHeader: true },
            { key: 'anno', header: t('part.projects.f.year'), value: (r: Resource) => r.year, render: (r: Resource) => yearText(r.year), data: false },
            moneyColumn('importo', t('part.projects.f.amount'), (r: Resource) => r.amountCents, f.money),
            { key: 'nota', header: t('part.projects.f.note'), value: (r: Resource) => r.note ?? '' },
            ...(write
              ? [
                  {
                    key: 'azioni',
                    header: t('part.projects.actions'),
                    render: (r: Resource) => (
                      <RowButtonForm
                        intent="remove-resource"
                        hidden={{ id: r.id, version }}
                        label={t('part.projects.remove')}
                        what={
                          <>
                            <span translate="no">{r.fundingSource}</span> {yearText(r.year)} {f.money(r.amountCents)}
                          </>
                        }
                      />
                    ),
                    data: false,
                  },
                ]
              : []),
          ]}
        />
        {totals.bySource.length > 1 && (
          <DataTable
            id="risorse-fonte"
            caption={t('part.projects.bySource')}
            rows={totals.bySource}
            rowKey={(s) => s.fundingSource}
            columns={[
              { key: 'fonte', header: t('part.projects.f.source'), value: (s) => s.fundingSource, rowHeader: true },
              moneyColumn('importo', t('part.projects.f.amount'), (s: (typeof totals.bySource)[number]) => s.cents, f.money),
            ]}
          />
        )}
        {totals.byYear.length > 1 && (
          <DataTable
            id="risorse-anno"
            caption={t('part.projects.byYear')}
            rows={totals.byYear}
            rowKey={(y) => String(y.year)}
            columns={[
              { key: 'anno', header: t('part.projects.f.year'), value: (y) => y.year, render: (y) => yearText(y.year), rowHeader: true, data: false },
              moneyColumn('importo', t('part.projects.f.amount'), (y: (typeof totals.byYear)[number]) => y.cents, f.money),
            ]}
          />
        )}
        {write && (
          <IntentForm
            intent="add-resource"
            actionData={actionData}
            submitLabel={t('part.projects.resources.add')}
            label={t('part.projects.resources.add')}
            noValidate
          >
            <input type="hidden" name="version" value={version} />
            <FieldGroup
              intent="add-resource"
              errors={resource.errors}
              values={resource.values}
              fields={[
                { name: 'fundingSource', label: t('part.projects.f.source'), required: true, hint: t('part.projects.f.sourceHint'), maxLength: 200 },
                [
                  { name: 'year', label: t('part.projects.f.year'), inputMode: 'numeric', hint: t('part.projects.f.yearHint') },
                  { name: 'amount', label: t('part.projects.f.amountEuro'), required: true, inputMode: 'decimal' },
                ],
                { name: 'note', label: t('part.projects.f.note'), maxLength: 500 },
              ]}
            />
          </IntentForm>
        )}
      </Section>

      <Section id="obiettivi" title={t('part.projects.objectives.title')}>
        <DataTable
          id="obiettivi-elenco"
          caption={t('part.projects.objectives.caption', { count: f.number(objectives.length) })}
          rows={objectives}
          rowKey={(o) => o.id}
          empty={<EmptyState title={t('part.projects.objectives.empty')} />}
          columns={[
            { key: 'codice', header: t('part.projects.f.code'), value: (o: Objective) => o.code, rowHeader: true },
            { key: 'obiettivo', header: t('part.projects.f.objective'), value: (o: Objective) => o.title },
            { key: 'piano', header: t('part.projects.f.plan'), value: (o: Objective) => o.planTitle },
            ...(write
              ? [
                  {
                    key: 'azioni',
                    header: t('part.projects.actions'),
                    render: (o: Objective) => (
                      <RowButtonForm
                        intent="unlink-objective"
                        hidden={{ id: o.id, version }}
                        label={t('part.projects.remove')}
                        what={<span translate="no">{o.code}</span>}
                      />
                    ),
                    data: false,
                  },
                ]
              : []),
          ]}
        />
        {write && choices && (
          <IntentForm
            intent="link-objective"
            actionData={actionData}
            submitLabel={t('part.projects.objectives.add')}
            label={t('part.projects.objectives.add')}
            noValidate
          >
            <input type="hidden" name="version" value={version} />
            <FieldGroup
              intent="link-objective"
              errors={objective.errors}
              values={objective.values}
              fields={[
                {
                  name: 'objectiveId',
                  label: t('part.projects.f.objective'),
                  required: true,
                  choices: namedChoices(choices.objectives.filter((o) => !linkedObjectives.has(o.id))),
                  empty: t('part.projects.choose'),
                },
              ]}
            />
          </IntentForm>
        )}
      </Section>
    </>
  );
}
