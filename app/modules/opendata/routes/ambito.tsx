import type { Route } from './+types/ambito';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { getActor, getServices, guard, requireUser, siteBase } from '../../../shared/http/request.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { DataTable, Facts, FieldGroup, IntentForm, Notice, PageHeader, Section, useFormResult, useI18n } from '../../../shared/ui/kit.ts';
import { savePublisher } from '../opendata.commands.ts';
import { authorize } from '../opendata.policy.ts';
import { CatalogueSection, PrivacyNotice } from '../opendata.ui.tsx';
import { ambitoAndPublisher } from '../opendata.server.ts';
import { ambitoView } from '../opendata.views.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const actor = getActor(context);
  const { ambito } = await ambitoAndPublisher(db, params.code);
  await guard(request, async () => authorize(actor, 'opendata.read', ambito));
  return ambitoView(db, actor, params.code, siteBase(context, request));
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const { ambito } = await ambitoAndPublisher(db, params.code);
  return intentAction(
    request,
    {
      publisher: async (form) => {
        await savePublisher({ db, actor, ambitoId: ambito.id, input: form });
        return done('publisher', tr('od.pub.saved'));
      },
    },
    { echo: true },
  );
}

const PUBLISHER_LABELS = {
  publisherName: 'od.pub.publisherName',
  publisherIpaCode: 'od.pub.publisherIpaCode',
  rightsHolderName: 'od.pub.rightsHolderName',
  rightsHolderIpaCode: 'od.pub.rightsHolderIpaCode',
  contactEmail: 'od.pub.contactEmail',
  updateFrequency: 'od.pub.updateFrequency',
} as const satisfies Record<string, MessageKey>;

export default function OpendataAmbito({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, publisher, missing, published, datasets, catalogue, licence, canEdit, frequencies } = loaderData;
  const { errors, values } = useFormResult(actionData, 'publisher');
  type DatasetView = (typeof datasets)[number];
  type ColumnView = DatasetView['columns'][number];
  const describe = (c: ColumnView) => (c.doc ? t(c.doc.key as MessageKey, c.doc.params) : t(`od.col.${c.name}` as MessageKey));
  const title = (id: string) => t(`od.ds.${id}.title` as MessageKey, { ambito: ambito.name });
  return (
    <>
      <PageHeader
        title={t('od.ambito.title')}
        context={ambito.name}
        lead={<span translate="no">{ambito.name}</span>}
        breadcrumb={[
          { label: t('od.home.title'), to: '/dati' },
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
        ]}
      />
      <p>{t('od.ambito.lead')}</p>
      {published && publisher ? (
        <p>
          {t('od.ambito.licence')}{' '}
          <a href={licence.url} rel="license" translate="no">
            {licence.name}
          </a>
          {'. '}
          {t('od.ambito.cite', { holder: publisher.rightsHolderName })}
        </p>
      ) : (
        <Notice tone="warning" title={t('od.ambito.notPublished')}>
          <p className="mb-1">{t('od.ambito.missing', { fields: missing.map((m) => t(PUBLISHER_LABELS[m])).join(', ') })}</p>
          <p className="mb-0">{t('od.ambito.missing.who')}</p>
        </Notice>
      )}

      <PrivacyNotice />

      {catalogue ? <CatalogueSection title={t('od.ambito.catalogue')} lead={t('od.ambito.catalogue.text')} catalogue={catalogue} /> : null}

      <Section id="formato" title={t('od.ambito.format.title')}>
        <ul>
          <li>{t('od.ambito.format.csv')}</li>
          <li>{t('od.ambito.format.json')}</li>
          <li>{t('od.ambito.format.formula')}</li>
        </ul>
      </Section>

      <Section id="insiemi" title={t('od.ambito.datasets')}>
        {datasets.map((d) => (
          <section key={d.id} id={`dataset-${d.id}`} aria-labelledby={`dataset-${d.id}-title`} className="border-top pt-3 mt-4">
            <h3 id={`dataset-${d.id}-title`} className="h4">
              {title(d.id)}
            </h3>
            <p>{t(`od.ds.${d.id}.description` as MessageKey)}</p>
            <Facts
              items={[
                ...(d.identifier ? [{ term: t('od.ds.identifier'), value: <code translate="no">{d.identifier}</code> }] : []),
                { term: t('od.ds.themes'), value: d.themes.map((th) => t(`od.theme.${th}` as MessageKey)).join(', ') },
                { term: t('od.ds.frequency'), value: d.frequency ? t(`od.freq.${d.frequency}` as MessageKey) : '—' },
                ...(d.modified ? [{ term: t('od.ds.modified'), value: f.date(d.modified) }] : []),
                ...(d.rows !== null ? [{ term: t('od.ds.rows'), value: f.count(d.rows), testId: `rows-${d.id}` }] : []),
                { term: t('od.ds.licence'), value: <span translate="no">{licence.name}</span> },
              ]}
            />
            {d.csv && d.json ? (
              <p className="d-flex flex-wrap gap-3">
                <a href={d.csv} type="text/csv" aria-label={t('od.link.csvOf', { dataset: title(d.id) })}>
                  {t('od.link.csv')}
                </a>
                <a href={d.json} type="application/json" aria-label={t('od.link.jsonOf', { dataset: title(d.id) })}>
                  {t('od.link.json')}
                </a>
              </p>
            ) : null}
            <DataTable
              id={`colonne-${d.id}`}
              small
              caption={t('od.ds.columns', { dataset: title(d.id) })}
              rows={d.columns}
              rowKey={(c) => c.name}
              columns={[
                {
                  key: 'nome',
                  header: t('od.col.h.name'),
                  value: (c) => c.name,
                  render: (c) => <code translate="no">{c.name}</code>,
                  rowHeader: true,
                  sortable: false,
                },
                {
                  key: 'tipo',
                  header: t('od.col.h.type'),
                  value: (c) => c.type,
                  render: (c) => t(`od.type.${c.type}` as MessageKey),
                  data: false,
                  sortable: false,
                },
                {
                  key: 'unita',
                  header: t('od.col.h.unit'),
                  value: (c) => c.unit ?? '',
                  render: (c) => (c.unit ? t(`od.unit.${c.unit}` as MessageKey) : '—'),
                  data: false,
                  sortable: false,
                },
                { key: 'significato', header: t('od.col.h.description'), value: describe, render: describe, data: false, sortable: false },
              ]}
            />
          </section>
        ))}
      </Section>

      <Section id="chi-pubblica" title={t('od.pub.title')} lead={t('od.pub.lead')}>
        {publisher ? (
          <Facts
            items={[
              { term: t('od.pub.publisherName'), value: <span translate="no">{publisher.publisherName}</span> },
              { term: t('od.pub.publisherIpaCode'), value: <code translate="no">{publisher.publisherIpaCode}</code> },
              { term: t('od.pub.rightsHolderName'), value: <span translate="no">{publisher.rightsHolderName}</span> },
              { term: t('od.pub.rightsHolderIpaCode'), value: <code translate="no">{publisher.rightsHolderIpaCode}</code> },
              { term: t('od.pub.contactEmail'), value: <span translate="no">{publisher.contactEmail}</span> },
              { term: t('od.pub.updateFrequency'), value: t(`od.freq.${publisher.updateFrequency}` as MessageKey) },
            ]}
          />
        ) : (
          <p>{t('od.pub.none')}</p>
        )}
        {canEdit ? (
          <IntentForm intent="publisher" actionData={actionData} submitLabel={t('od.pub.save')} reloadHref={`/dati/${ambito.code}#chi-pubblica`} noValidate>
            <input type="hidden" name="version" value={publisher?.version ?? 0} />
            <FieldGroup
              intent="publisher"
              errors={errors}
              values={values ?? publisher ?? {}}
              fields={[
                [
                  { name: 'publisherName', label: t('od.pub.publisherName'), required: true, maxLength: 300 },
                  { name: 'publisherIpaCode', label: t('od.pub.publisherIpaCode'), required: true, hint: t('od.pub.ipaHint'), spellCheck: false },
                ],
                [
                  { name: 'rightsHolderName', label: t('od.pub.rightsHolderName'), required: true, maxLength: 300 },
                  { name: 'rightsHolderIpaCode', label: t('od.pub.rightsHolderIpaCode'), required: true, spellCheck: false },
                ],
                [
                  { name: 'contactEmail', label: t('od.pub.contactEmail'), required: true, type: 'email', hint: t('od.pub.emailHint'), autoComplete: 'email' },
                  {
                    name: 'updateFrequency',
                    label: t('od.pub.updateFrequency'),
                    required: true,
                    hint: t('od.pub.frequencyHint'),
                    empty: t('od.pub.choose'),
                    choices: frequencies.map((q) => ({ value: q, label: t(`od.freq.${q}` as MessageKey) })),
                  },
                ],
              ]}
            />
          </IntentForm>
        ) : null}
      </Section>
    </>
  );
}
