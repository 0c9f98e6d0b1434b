import type { Route } from './+types/evaluation';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { getServices, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { DataTable, KpiGrid, PageHeader, Section, UploadForm, useI18n } from '../../../shared/ui/kit.ts';
import { statusLabel } from '../../planning/index.server.ts';
import type { PlanStatus } from '../../planning/index.ts';
import { importEvaluation } from '../monitoring.commands.ts';
import { abilitiesFor } from '../monitoring.policy.ts';
import { getPlanEvaluation } from '../monitoring.queries.ts';
import { pagePlan, readablePlan, requireMonitoringPlan, uploadedText } from '../monitoring.server.ts';
import { useGrade } from '../components/measured-value.tsx';
import { meanFormula } from '../components/value-text.ts';
import { codeLinkColumn } from '../components/tables.tsx';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, header } = await readablePlan({ params, context, request });
  const e = (await getPlanEvaluation(db, params.planId))!;
  return {
    code: params.code,
    plan: { ...pagePlan(e.plan), status: statusLabel(e.plan.templateId, e.plan.status as PlanStatus) },
    mean: e.mean,
    evaluatedCount: e.evaluatedCount,
    objectives: e.objectives.map((o) => ({
      id: o.id,
      code: o.code,
      title: o.title,
      grade: o.grade ? { percent: o.grade.percent, band: o.grade.band, realised: o.grade.realised, planned: o.grade.planned } : null,
      noActions: o.actions.length === 0,
      evaluated: !!o.evaluation,
      adequacy: o.evaluation?.resourceAdequacyLevel ?? null,
      spendingClass: o.spending?.spendingClass ?? null,
      reproposed: (o.evaluation?.reproposed ?? null) as 'yes' | 'no' | 'not_applicable' | null,
      published: o.published,
      publishedMatches: o.publishedMatches,
    })),
    can: abilitiesFor(actor, header.scope),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  await requireMonitoringPlan(db, params.code, params.planId);
  return intentAction(request, {
    import: async (_form, raw) => {
      const file = await uploadedText(raw, 'file', tr('mon.eval.import.what'), 5 * 1024 * 1024);
      const r = await importEvaluation({ db, actor, planId: params.planId, fileName: file.name, text: file.text });
      return done('import', tr('mon.eval.import.done', { file: r.file, count: r.objectives }), file.notice);
    },
  });
}

export default function Evaluation({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const grade = useGrade();
  const d = loaderData;
  const base = `/ambiti/${d.code}/monitoraggio/${d.plan.id}`;
  return (
    <>
      <PageHeader
        title={t('mon.eval.title', { plan: d.plan.title })}
        context={d.plan.title}
        breadcrumb={[
          { label: t('nav.monitoring'), to: `/ambiti/${d.code}/monitoraggio` },
          { label: d.plan.title, data: true, to: base },
        ]}
        lead={t('mon.eval.lead', { status: d.plan.status })}
      />
      {d.mean ? (
        <KpiGrid
          items={[
            {
              label: t('mon.eval.mean', { count: d.evaluatedCount }),
              value: grade(d.mean.percent, d.mean.band, 2),
              hint: meanFormula(d.mean, f, t),
              testId: 'plan-mean',
            },
          ]}
        />
      ) : (
        <p>{t('mon.eval.none')}</p>
      )}
      <p className="small">{t('mon.eval.howGrade')}</p>
      <div data-testid="grid">
        <DataTable
          id="griglia"
          small
          caption={t('mon.eval.caption')}
          rows={d.objectives}
          rowKey={(o) => o.id}
          csv="griglia-di-valutazione"
          columns={[
            codeLinkColumn<(typeof d.objectives)[number]>(
              t('mon.eval.col.objective'),
              (o) => `${base}/valutazione/${o.id}`,
              (o) => t('mon.eval.objectiveLink', { code: o.code }),
              'obiettivo',
            ),
            { key: 'titolo', header: t('mon.eval.col.title'), value: (o) => o.title },
            {
              key: 'realizzate',
              header: t('mon.eval.col.realised'),
              numeric: true,
              value: (o) => o.grade?.realised ?? null,
              render: (o) => (o.grade ? `${f.count(o.grade.realised)}/${f.count(o.grade.planned)}` : '—'),
            },
            {
              key: 'grado',
              header: t('mon.eval.col.grade'),
              data: false,
              value: (o) => o.grade?.percent ?? null,
              render: (o) => (
                <>
                  {o.grade ? (
                    <strong>{grade(o.grade.percent, o.grade.band, 0)}</strong>
                  ) : (
                    <span className="small">{t(o.noActions ? 'mon.eval.ungraded.noActions' : 'mon.eval.ungraded.missing')}</span>
                  )}
                  {o.published && o.publishedMatches === false && (
                    <div className="small text-danger">{t('mon.eval.published', { grade: grade(o.published.percent, o.published.band, 0) })}</div>
                  )}
                  {!o.evaluated && <div className="small">{t('mon.eval.toFill')}</div>}
                </>
              ),
            },
            { key: 'adeguatezza', header: t('mon.eval.col.adequacy'), value: (o) => o.adequacy ?? '', render: (o) => o.adequacy ?? '—' },
            {
              key: 'coincidenza',
              header: t('mon.eval.col.spending'),
              data: false,
              className: 'small',
              value: (o) => o.spendingClass ?? '',
              render: (o) => (o.spendingClass ? t(`mon.spending.${o.spendingClass}`) : '—'),
            },
            {
              key: 'riproposto',
              header: t('mon.eval.col.reproposed'),
              data: false,
              value: (o) => o.reproposed ?? '',
              render: (o) => (o.reproposed ? t(`mon.answer.${o.reproposed}`) : '—'),
            },
          ]}
        />
      </div>
      {d.can['evaluation.write'] && (
        <Section id="carica-griglia" title={t('mon.eval.import')}>
          <UploadForm
            intent="import"
            actionData={actionData}
            formLabel={t('mon.eval.import')}
            label={t('mon.eval.import.file')}
            hint={t('mon.eval.import.hint')}
            accept=".json,application/json"
            submitLabel={t('mon.eval.import.submit')}
          />
        </Section>
      )}
    </>
  );
}
