import type { Route } from './+types/nomenclature';
import { ValidationError } from '../../../shared/errors.ts';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { getActor, getServices, requireUser } from '../../../shared/http/request.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { DataTable, EmptyState, PageHeader, Section, UploadForm, useI18n } from '../../../shared/ui/kit.ts';
import { loadNomenclature } from '../services.commands.ts';
import { authorize, can } from '../services.policy.ts';
import { listNomenclature } from '../services.queries.ts';
import { readUploadedText } from '../../../shared/imports/decode.ts';

/** The national nomenclature of social interventions and services: public, loaded by the administrator. */
export async function loader({ context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const rows = await listNomenclature(db);
  const macros = [...new Map(rows.map((r) => [r.macroCode, r.macroName])).entries()].map(([code, name]) => ({
    code,
    name,
    entries: rows
      .filter((r) => r.macroCode === code)
      .map((r) => ({ code: r.code, name: r.name, description: r.description, fnpsGoal: r.fnpsGoal, aliases: r.aliases })),
  }));
  return { macros, canLoad: can(getActor(context), 'nomenclature.edit', null) };
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  return intentAction(request, {
    load: async (_form, raw) => {
      authorize(actor, 'nomenclature.edit', null);
      const file = raw.get('file');
      if (!(file instanceof File) || file.size === 0) throw new ValidationError([{ path: 'file', message: tr('svc.import.noFile') }], tr('svc.import.noFile'));
      const upload = await readUploadedText(file, 'nomenclatore-servizi.json');
      const s = await loadNomenclature({ db, actor, fileName: upload.name, text: upload.text });
      return done('load', tr('svc.nomenclature.loaded', { entries: s.entries, added: s.added, updated: s.updated }), upload.notice);
    },
  });
}

type Entry = Route.ComponentProps['loaderData']['macros'][number]['entries'][number];

export default function Nomenclature({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('svc.nomenclature.title')} lead={t('svc.nomenclature.lead')} />
      <p>{t('svc.nomenclature.intro')}</p>
      <p className="small">{t('svc.nomenclature.unverified')}</p>
      {d.macros.length === 0 ? <EmptyState title={t('svc.nomenclature.none')} /> : null}
      {d.macros.map((m) => (
        <section key={m.code} id={`macro-${m.code}`} aria-labelledby={`macro-${m.code}-title`} className="my-4">
          <h2 id={`macro-${m.code}-title`} className="h3" translate="no">
            {m.code} – {m.name}
          </h2>
          <DataTable
            id={`voci-${m.code}`}
            caption={t('svc.nomenclature.caption', { macro: m.code })}
            small
            rows={m.entries}
            rowKey={(e) => e.code}
            columns={[
              { key: 'codice', header: t('svc.nomenclature.code'), value: (e: Entry) => e.code, rowHeader: true },
              { key: 'voce', header: t('svc.nomenclature.name'), value: (e: Entry) => e.name },
              { key: 'descrizione', header: t('svc.nomenclature.description'), value: (e: Entry) => e.description ?? '' },
              {
                key: 'fnps',
                header: t('svc.nomenclature.fnpsGoal'),
                data: false,
                value: (e: Entry) => e.fnpsGoal ?? '',
                render: (e: Entry) => (e.fnpsGoal ? t(`svc.fnps.${e.fnpsGoal}` as MessageKey) : '—'),
              },
              { key: 'alias', header: t('svc.nomenclature.aliases'), value: (e: Entry) => e.aliases.join(', '), sortable: false },
            ]}
          />
        </section>
      ))}
      {d.canLoad ? (
        <Section id="carica" title={t('svc.nomenclature.loadTitle')}>
          <UploadForm
            intent="load"
            actionData={actionData}
            submitLabel={t('svc.nomenclature.loadSubmit')}
            label={t('svc.nomenclature.loadFile')}
            accept=".json,application/json"
          />
        </Section>
      ) : null}
    </>
  );
}
