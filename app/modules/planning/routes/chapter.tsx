import { data } from 'react-router';
import type { Route } from './+types/chapter';
import { done, runIntent } from '../../../shared/http/forms.server.ts';
import { getActor, getServices, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { EmptyState, IntentField, IntentForm, PageHeader, useFormResult, useI18n } from '../../../shared/ui/kit.ts';
import { updateChapter } from '../planning.commands.ts';
import { abilitiesFor } from '../planning.policy.ts';
import { getChapter } from '../planning.queries.ts';
import { requirePlanInAmbito } from '../planning.server.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { header } = await requirePlanInAmbito(db, params.code, params.planId);
  const chapter = /^[0-9a-f-]{36}$/.test(params.chapterId) ? await getChapter(db, params.planId, params.chapterId) : null;
  if (!chapter) throw data(tr('plan.notFound.chapter'), { status: 404 });
  const can = abilitiesFor(getActor(context), header.scope);
  if (!can['plan.read']) throw data(tr('plan.notFound.plan'), { status: 404 });
  return { chapter, plan: { id: header.plan.id, title: header.plan.title }, code: params.code, can };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  await requirePlanInAmbito(db, params.code, params.planId);
  const form = Object.fromEntries(await request.formData());
  return runIntent(
    request,
    'chapter',
    async () => {
      await updateChapter({ db, actor, chapterId: params.chapterId, input: form });
      return done('chapter', tr('plan.chapter.saved'));
    },
    form,
  );
}

export default function Chapter({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { chapter, plan, can } = loaderData;
  const base = `/ambiti/${loaderData.code}/piani/${plan.id}`;
  const { errors, values } = useFormResult(actionData, 'chapter');
  return (
    <>
      <PageHeader
        title={t('plan.chapter.heading', { number: chapter.number ? `${chapter.number} ` : '', title: chapter.title })}
        context={plan.title}
        breadcrumb={[
          { label: t('plan.plans.title'), to: `/ambiti/${loaderData.code}/piani` },
          { label: plan.title, data: true, to: base },
        ]}
      />
      {can['plan.edit'] ? (
        <IntentForm intent="chapter" actionData={actionData} submitLabel={t('plan.chapter.save')} reloadHref={`${base}/capitoli/${chapter.id}`}>
          <input type="hidden" name="version" value={chapter.version} />
          <IntentField intent="chapter" name="html" label={t('plan.chapter.text')} hint={t('plan.chapter.hint')} error={errors.html}>
            {(p) => <textarea {...p} rows={18} defaultValue={values?.html ?? chapter.html ?? ''} />}
          </IntentField>
        </IntentForm>
      ) : chapter.html ? (
        <div className="text-break" translate="no" dangerouslySetInnerHTML={{ __html: chapter.html }} />
      ) : (
        <EmptyState title={t('plan.chapter.empty')} />
      )}
    </>
  );
}
