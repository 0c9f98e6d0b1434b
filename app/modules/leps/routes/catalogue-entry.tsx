import { data, Form, redirect } from 'react-router';
import type { Route } from './+types/catalogue-entry';
import { formAction, getActor, getServices, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { CsrfField, DoneNotice, EmptyState, Facts, Field, FormAlert, PageHeader, Section, useI18n } from '../../../shared/ui/kit.ts';
import { POLICY_AREAS } from '../leps.vocabulary.ts';
import { updateCatalogueEntry } from '../leps.commands.ts';
import { can } from '../leps.policy.ts';
import { fundingLabel, getCatalogueEntry } from '../leps.queries.ts';

const FIELDS = [
  ['name', 'leps.entry.name'],
  ['legalReference', 'leps.legalReference'],
  ['planningAct', 'leps.entry.planningAct'],
  ['fundingText', 'leps.entry.fundingPrinted'],
  ['note', 'leps.entry.note'],
] as const satisfies readonly (readonly [string, MessageKey])[];

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const found = await getCatalogueEntry(db, params.lepsCode);
  if (!found) throw data(tr('leps.entry.notFound'), { status: 404 });
  const { entry, catalogue, history } = found;
  return {
    catalogue,
    entry: {
      ...entry,
      fundingLabels: entry.fundingSources.map(fundingLabel),
      areas: entry.policyAreas.map((a) => ({ ...a, name: POLICY_AREAS[a.code as keyof typeof POLICY_AREAS] ?? a.code })),
    },
    history: history.map((h) => ({
      at: h.at.toISOString(),
      actor: h.actorLabel,
      changes: FIELDS.filter(([k]) => (h.before as Record<string, unknown> | null)?.[k] !== (h.after as Record<string, unknown> | null)?.[k]).map(
        ([k, label]) => ({
          label: label as MessageKey,
          before: String((h.before as Record<string, unknown> | null)?.[k] ?? '—'),
          after: String((h.after as Record<string, unknown> | null)?.[k] ?? '—'),
        }),
      ),
    })),
    canEdit: can(getActor(context), 'catalogue.edit', null),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const found = await getCatalogueEntry(db, params.lepsCode);
  if (!found) throw data(tr('leps.entry.notFound'), { status: 404 });
  const form = await request.formData();
  return formAction(request, async () => {
    await updateCatalogueEntry({ db, actor, entryId: found.entry.id, input: Object.fromEntries(form) });
    return redirect(`/leps/catalogo/${params.lepsCode}?esito=salvato`);
  });
}

export default function CatalogueEntry({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { entry, catalogue, history, canEdit } = loaderData;
  const errors: Record<string, string | undefined> = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : {};
  return (
    <>
      <PageHeader
        title={t('leps.entry.title', { name: entry.name })}
        context={t('leps.catalogue.title')}
        lead={t('leps.entry.lead', { code: entry.code, catalogue: catalogue.version, revision: entry.version })}
        breadcrumb={[{ label: t('leps.catalogue.title'), to: '/leps/catalogo' }]}
      />
      <DoneNotice messages={{ salvato: 'leps.entry.saved' }} />
      <Facts
        items={[
          { term: t('leps.legalReference'), value: <span translate="no">{entry.legalReference}</span> },
          { term: t('leps.entry.planningAct'), value: <span translate="no">{entry.planningAct}</span> },
          {
            term: t('leps.funding'),
            value: (
              <div translate="no">
                {entry.fundingText}
                <ul className="small mb-0">
                  {entry.fundingLabels.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              </div>
            ),
          },
          {
            term: t('leps.areas'),
            value: (
              <ul className="mb-0" translate="no">
                {entry.areas.map((a) => (
                  <li key={a.code}>
                    {a.code}) {a.name}
                  </li>
                ))}
              </ul>
            ),
          },
          { term: t('leps.entry.priority'), value: entry.priority ? t('leps.entry.priorityCard', { n: entry.priority.number }) : t('leps.no') },
          ...(entry.note ? [{ term: t('leps.entry.note'), value: <span translate="no">{entry.note}</span> }] : []),
          {
            term: t('leps.source'),
            value: (
              <span className="small" translate="no">
                {entry.source}
              </span>
            ),
          },
        ]}
      />

      {canEdit && (
        <div className="col-12 col-lg-8">
          <Section id="modifica" title={t('leps.entry.edit')}>
            <FormAlert result={actionData && 'fieldErrors' in actionData ? actionData : undefined} reloadHref={`/leps/catalogo/${entry.code}`} />
            <Form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="version" value={entry.version} />
              {FIELDS.map(([k, label]) => (
                <Field key={k} name={k} label={k === 'note' ? t('leps.entry.noteOptional') : t(label)} error={errors[k]}>
                  {(p) => <textarea {...p} rows={k === 'note' ? 4 : 2} defaultValue={(entry[k] as string | null) ?? ''} required={k !== 'note'} />}
                </Field>
              ))}
              <button type="submit" className="btn btn-primary">
                {t('leps.save')}
              </button>
            </Form>
          </Section>
        </div>
      )}

      <Section id="storia" title={t('leps.entry.history')}>
        {history.length === 0 ? (
          <EmptyState title={t('leps.entry.history.none')} />
        ) : (
          <ul>
            {history.map((h) => (
              <li key={h.at}>
                <time dateTime={h.at}>{f.dateTime(h.at)}</time>, <span translate="no">{h.actor}</span>:{' '}
                {h.changes.length === 0
                  ? t('leps.entry.history.noField')
                  : h.changes.map((c, i) => (
                      <span key={c.label}>
                        {i > 0 ? '; ' : ''}
                        {t(c.label)}: <span translate="no">{`«${c.before}» → «${c.after}»`}</span>
                      </span>
                    ))}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
