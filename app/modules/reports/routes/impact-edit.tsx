import { Link } from 'react-router';
import type { Route } from './+types/impact-edit';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { guard, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import {
  DataTable,
  EmptyState,
  FieldGroup,
  IntentField,
  IntentForm,
  Notice,
  PageHeader,
  RichTextEditor,
  rowHeaderColumn,
  Section,
  StatusBadge,
  useFormResult,
  useI18n,
} from '../../../shared/ui/kit.ts';
import { sectionKey } from '../impact.build.ts';
import { createImpactReport, publishImpactReport, unpublishImpactReport, updateImpactReport } from '../impact.commands.ts';
import { listImpactReports } from '../impact.queries.ts';
import { IMPACT_SECTIONS, type ImpactSectionKey } from '../impact.rules.ts';
import { impactAmbito, yearParam } from '../impact.server.ts';
import { authorize } from '../reports.policy.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request);
  const { db, ambito, scope } = await impactAmbito(context, params.code);
  await guard(request, async () => authorize(actor, 'impact.edit', scope));
  const reports = await listImpactReports(db, ambito.id);
  const year = yearParam(request);
  const selected = (year !== null ? reports.find((r) => r.year === year) : reports[0]) ?? null;
  return {
    ambito: { code: ambito.code, name: ambito.name },
    reports: reports.map((r) => ({ id: r.id, year: r.year, title: r.title, status: r.status, publishedAt: r.publishedAt?.toISOString() ?? null })),
    selected: selected && {
      id: selected.id,
      year: selected.year,
      title: selected.title,
      seriesFromYear: selected.seriesFromYear,
      status: selected.status,
      version: selected.version,
      // Every section: the chosen ones in their order first, then the others (not included).
      sections: [
        ...selected.sections.map((s, i) => ({ key: s.key as ImpactSectionKey, include: true, position: i + 1, intro: s.intro ?? '' })),
        ...IMPACT_SECTIONS.filter((k) => !selected.sections.some((s) => s.key === k)).map((key, i) => ({
          key,
          include: false,
          position: selected.sections.length + i + 1,
          intro: '',
        })),
      ],
    },
    nextYear: new Date().getFullYear() - 1,
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db, ambito } = await impactAmbito(context, params.code);
  const reportId = (form: Record<string, FormDataEntryValue>) => String(form.reportId ?? '');
  return intentAction(request, {
    create: async (form) => {
      const row = await createImpactReport({ db, actor, ambitoId: ambito.id, input: form });
      return done('create', tr('rep.impact.done.created', { year: row.year }));
    },
    edit: async (form) => {
      await updateImpactReport({ db, actor, reportId: reportId(form), input: form });
      return done('edit', tr('rep.impact.done.saved'));
    },
    publish: async (form) => {
      await publishImpactReport({ db, actor, reportId: reportId(form), input: form });
      return done('publish', tr('rep.impact.done.published'));
    },
    unpublish: async (form) => {
      await unpublishImpactReport({ db, actor, reportId: reportId(form), input: form });
      return done('unpublish', tr('rep.impact.done.unpublished'));
    },
  });
}

export default function ImpactEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, reports, selected, nextYear } = loaderData;
  const base = `/ambiti/${ambito.code}/bilancio-sociale`;
  const created = useFormResult(actionData, 'create');
  const edit = useFormResult(actionData, 'edit');
  return (
    <>
      <PageHeader
        title={t('rep.impact.edit.title')}
        context={ambito.name}
        lead={t('rep.impact.edit.lead')}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('rep.impact.title'), to: base },
        ]}
      />
      <Section id="bilanci" title={t('rep.impact.edit.list')}>
        {reports.length === 0 ? (
          <EmptyState title={t('rep.impact.edit.empty')} />
        ) : (
          <DataTable
            id="bilanci"
            caption={t('rep.impact.edit.list')}
            rows={reports}
            rowKey={(r) => r.id}
            columns={[
              rowHeaderColumn<(typeof reports)[number]>('anno', t('rep.impact.col.year'), {
                value: (r) => r.year,
                render: (r) => (selected?.id === r.id ? <strong aria-current="page">{r.year}</strong> : <Link to={`?anno=${r.year}`}>{r.year}</Link>),
              }),
              { key: 'titolo', header: t('rep.impact.field.title'), value: (r) => r.title },
              {
                key: 'stato',
                header: t('rep.impact.edit.col.status'),
                value: (r) => r.status,
                render: (r) =>
                  r.status === 'published' ? (
                    <StatusBadge tone="success">{t('rep.impact.status.publishedOn', { date: f.date(r.publishedAt) })}</StatusBadge>
                  ) : (
                    <StatusBadge tone="warning">{t('rep.impact.status.draft')}</StatusBadge>
                  ),
                data: false,
              },
            ]}
          />
        )}
      </Section>

      {selected && (
        <Section
          id="modifica"
          title={t('rep.impact.edit.report', { year: selected.year })}
          actions={
            <Link className="btn btn-outline-primary" to={`${base}?anno=${selected.year}`}>
              {t('rep.impact.edit.preview')}
            </Link>
          }
        >
          {selected.status === 'published' ? (
            <Notice tone="success">{t('rep.impact.edit.isPublished')}</Notice>
          ) : (
            <Notice tone="warning">{t('rep.impact.edit.isDraft')}</Notice>
          )}
          <IntentForm
            intent="edit"
            actionData={actionData}
            submitLabel={t('rep.impact.edit.save')}
            label={t('rep.impact.edit.report', { year: selected.year })}
          >
            <input type="hidden" name="reportId" value={selected.id} />
            <input type="hidden" name="version" value={selected.version} />
            <FieldGroup
              intent="edit"
              errors={edit.errors}
              values={edit.values ?? { title: selected.title, seriesFromYear: String(selected.seriesFromYear) }}
              fields={[
                [
                  { name: 'title', label: t('rep.impact.field.title'), required: true, maxLength: 300 },
                  {
                    name: 'seriesFromYear',
                    label: t('rep.impact.field.seriesFrom'),
                    required: true,
                    type: 'number',
                    min: 2000,
                    max: selected.year,
                    hint: t('rep.impact.field.seriesFrom.hint'),
                  },
                ],
              ]}
            />
            <p className="mt-3">{t('rep.impact.edit.sectionsLead')}</p>
            {selected.sections.map((s) => {
              const name = t(sectionKey(s.key));
              const include = edit.values ? edit.values[`include.${s.key}`] === 'on' : s.include;
              return (
                <fieldset key={s.key} className="border rounded p-3 mb-3">
                  <legend className="h5 float-none w-auto px-2">{name}</legend>
                  <div className="row g-3 align-items-end">
                    <div className="col-sm-6">
                      <div className="form-check">
                        <input
                          className="form-check-input"
                          type="checkbox"
                          id={`field-edit.include.${s.key}`}
                          name={`include.${s.key}`}
                          defaultChecked={include}
                        />
                        <label className="form-check-label" htmlFor={`field-edit.include.${s.key}`}>
                          {t('rep.impact.edit.include', { section: name })}
                        </label>
                      </div>
                      {edit.errors[`include.${s.key}`] && <p className="text-danger small mb-0">{edit.errors[`include.${s.key}`]}</p>}
                    </div>
                    <div className="col-sm-6">
                      <IntentField
                        intent="edit"
                        name={`position.${s.key}`}
                        label={t('rep.impact.edit.position', { section: name })}
                        error={edit.errors[`position.${s.key}`]}
                      >
                        {(p) => <input type="number" min={1} max={99} {...p} defaultValue={edit.values?.[`position.${s.key}`] ?? s.position} />}
                      </IntentField>
                    </div>
                  </div>
                  <RichTextEditor
                    intent="edit"
                    name={`intro.${s.key}`}
                    label={t('rep.impact.edit.intro', { section: name })}
                    error={edit.errors[`intro.${s.key}`]}
                    defaultValue={edit.values?.[`intro.${s.key}`] ?? s.intro}
                    rows={6}
                    headingOffset={2}
                  />
                </fieldset>
              );
            })}
          </IntentForm>
          <div className="mt-4">
            {selected.status === 'published' ? (
              <IntentForm intent="unpublish" actionData={actionData} submitLabel={t('rep.impact.edit.unpublish')} submitClassName="btn btn-outline-danger">
                <input type="hidden" name="reportId" value={selected.id} />
                <input type="hidden" name="version" value={selected.version} />
                <p>{t('rep.impact.edit.unpublishLead')}</p>
              </IntentForm>
            ) : (
              <IntentForm intent="publish" actionData={actionData} submitLabel={t('rep.impact.edit.publish')}>
                <input type="hidden" name="reportId" value={selected.id} />
                <input type="hidden" name="version" value={selected.version} />
                <p>{t('rep.impact.edit.publishLead')}</p>
              </IntentForm>
            )}
          </div>
        </Section>
      )}

      <Section id="nuovo" title={t('rep.impact.edit.new')}>
        <IntentForm intent="create" actionData={actionData} submitLabel={t('rep.impact.edit.create')}>
          <FieldGroup
            intent="create"
            errors={created.errors}
            values={created.values ?? { year: String(nextYear), title: t('rep.impact.edit.defaultTitle', { year: nextYear }) }}
            fields={[
              [
                { name: 'year', label: t('rep.impact.field.year'), required: true, type: 'number', min: 2000, max: 2100 },
                { name: 'title', label: t('rep.impact.field.title'), required: true, maxLength: 300 },
                {
                  name: 'seriesFromYear',
                  label: t('rep.impact.field.seriesFrom'),
                  type: 'number',
                  min: 2000,
                  max: 2100,
                  hint: t('rep.impact.field.seriesFrom.newHint'),
                },
              ],
            ]}
          />
        </IntentForm>
      </Section>
    </>
  );
}
