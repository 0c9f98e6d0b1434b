import type { Route } from './+types/admin';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { DataTable, PageHeader, Section, UploadForm, useI18n, type Column, linkColumn } from '../../../shared/ui/kit.ts';
import { importAmbitoComposition, importIstatComuni } from '../territory.commands.ts';
import { authorize } from '../territory.policy.ts';
import { listAmbiti } from '../territory.queries.ts';
import { AMBITO_CSV_COLUMNS } from '../territory.validation.ts';
import { uploadedFile } from '../upload.server.ts';

/** Territory administration: the ISTAT comuni list and the Ambiti's compositions, imported from files. */
export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request);
  await guard(request, async () => authorize(getActor(context), 'territory.import', null));
  return { ambiti: await listAmbiti(getServices(context).db), columns: [...AMBITO_CSV_COLUMNS] };
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  await guard(request, async () => authorize(actor, 'territory.import', null));
  return intentAction(request, {
    comuni: async (form) => {
      const file = await uploadedFile(form, { maxMb: 10, choose: 'terr.import.chooseFile' });
      const s = await importIstatComuni({ db, actor, fileName: file.name || 'comuni.json', text: file.text });
      return done('comuni', tr('terr.admin.comuni.done', { total: s.total, created: s.created, updated: s.updated, file: s.file }), file.notice);
    },
    ambiti: async (form) => {
      const file = await uploadedFile(form, { maxMb: 10, choose: 'terr.import.chooseFile' });
      const r = await importAmbitoComposition({ db, actor, fileName: file.name || 'ambiti.csv', text: file.text });
      return done(
        'ambiti',
        r
          .map((a) =>
            tr('terr.admin.ambiti.done', { code: a.code, count: a.comuni, what: tr(a.created ? 'terr.admin.ambiti.created' : 'terr.admin.ambiti.updated') }),
          )
          .join(' '),
        file.notice,
      );
    },
  });
}

export default function TerritoryAdmin({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  /** An import's form: its intent, and its words in the dictionary (terr.admin.<what>.file, .submit). */
  const uploadWords = (what: 'comuni' | 'ambiti') => ({ intent: what, label: t(`terr.admin.${what}.file`), submitLabel: t(`terr.admin.${what}.submit`) });
  const columns: Column<(typeof loaderData.ambiti)[number]>[] = [
    linkColumn('ambito', t('ambito.name'), (a) => ({ text: a.name, to: `/ambiti/${a.code}` })),
    { key: 'regione', header: t('terr.admin.list.region'), value: (a) => a.regionName },
  ];
  return (
    <>
      <PageHeader title={t('terr.admin.title')} context={t('terr.admin.context')} lead={t('terr.admin.lead')} />
      <div className="row g-5">
        {(
          [
            ['comuni', '.json,application/json', t('terr.admin.comuni.lead')],
            ['ambiti', '.csv,text/csv', t('terr.admin.ambiti.lead', { columns: loaderData.columns.join(';'), until: 'valido_al' })],
          ] as const
        ).map(([what, accept, lead]) => (
          <div className="col-lg-6" key={what}>
            <Section id={what} title={t(`terr.admin.${what}`)} lead={<span className="text-break">{lead}</span>}>
              <UploadForm actionData={actionData} accept={accept} {...uploadWords(what)} />
            </Section>
          </div>
        ))}
      </div>
      <Section id="elenco" title={t('terr.admin.list')}>
        <DataTable id="elenco-ambiti" caption={t('terr.admin.list.caption')} rows={loaderData.ambiti} rowKey={(a) => a.code} columns={columns} />
      </Section>
    </>
  );
}
