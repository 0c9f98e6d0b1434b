import { data } from 'react-router';
import type { Route } from './+types/chapter';
import { glossaryLinksFor } from '../../../shared/glossary.server.ts';
import { done, runIntent } from '../../../shared/http/forms.server.ts';
import { getActor, getServices, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { EmptyState, IntentForm, PageHeader, RichText, RichTextEditor, useFormResult, useI18n } from '../../../shared/ui/kit.ts';
import { updateChapter } from '../planning.commands.ts';
import { abilitiesFor } from '../planning.policy.ts';
import { getChapter } from '../planning.queries.ts';
import { publicPlanPath, sendAnonymousToPortal } from '../planning.public.ts';
import { requirePlanInAmbito } from '../planning.server.ts';
import { isUuid } from '../../../shared/validation.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { header } = await requirePlanInAmbito(db, params.code, params.planId);
  const chapter = isUuid(params.chapterId) ? await getChapter(db, params.planId, params.chapterId) : null;
  if (!chapter) throw data(tr('plan.notFound.chapter'), { status: 404 });
  const actor = getActor(context);
  // Anonymous visitors read an adopted plan on the portal, never on the internal work pages.
  sendAnonymousToPortal(actor, header.scope, publicPlanPath(params.code, header.plan));
  const can = abilitiesFor(actor, header.scope);
  if (!can['plan.internal']) throw data(tr('plan.notFound.plan'), { status: 404 });
  // The Ambito's glossary (kept by the reports module, reached through app/shared/glossary.server.ts).
  const terms = await glossaryLinksFor(db, { id: header.scope.id, code: params.code });
  return {
    chapter: { id: chapter.id, number: chapter.number, title: chapter.title, markdown: chapter.markdown, version: chapter.version },
    plan: { id: header.plan.id, title: header.plan.title },
    code: params.code,
    can,
    terms,
  };
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
  const { chapter, plan, can, terms } = loaderData;
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
          <RichTextEditor
            intent="chapter"
            name="markdown"
            label={t('plan.chapter.text')}
            hint={t('plan.chapter.hint')}
            error={errors.markdown}
            defaultValue={values?.markdown ?? chapter.markdown}
            rows={20}
            terms={terms}
          />
        </IntentForm>
      ) : chapter.markdown ? (
        <>
          <RichText source={chapter.markdown} headingOffset={1} terms={terms} id="capitolo" />
          {terms.length > 0 && <p className="small text-secondary mt-3">{t('plan.chapter.glossary')}</p>}
        </>
      ) : (
        <EmptyState title={t('plan.chapter.empty')} />
      )}
    </>
  );
}
