import { redirect } from 'react-router';
import type { Route } from './+types/agreement';
import { ValidationError } from '../../../shared/errors.ts';
import { intentAction, runIntent } from '../../../shared/http/forms.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import {
  DoneNotice,
  EmptyState,
  Facts,
  FilterField,
  FilterForm,
  namedChoices,
  PageHeader,
  Section,
  useI18n,
  type Column,
  type FieldRows,
  RowButtonForm,
} from '../../../shared/ui/kit.ts';
import { useVocabulary } from '../components/labels.ts';
import { RecordTable, useRecordColumns } from '../components/record-table.tsx';
import { DisclosedForm, FileForm, IntentFields, PageForm } from '../components/sections.tsx';
import { addParty, addSignature, createAgreement, removeParty, removeSignature, updateAgreement, uploadSignedAgreement } from '../governance.commands.ts';
import { MAX_ATTACHMENT_BYTES, PARTY_ROLES } from '../governance.constants.ts';
import { getAgreementOverview, listAgreements, listOrganisations } from '../governance.queries.ts';
import { readGovernance } from './governance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readGovernance(context, request, params.code);
  const all = await listAgreements(db, ambito.id);
  const wanted = new URL(request.url).searchParams.get('accordo');
  const chosen = all.find((a) => a.id === wanted) ?? all[0] ?? null;
  const overview = chosen ? await getAgreementOverview(db, ambito.id, chosen.id) : null;
  const organisations = can['agreement.write'] ? (await listOrganisations(db, ambito.id)).map((o) => ({ id: o.id, name: o.name })) : [];
  return { ambito, can, all, overview, organisations };
}

const MAX_REQUEST_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  const page = `/ambiti/${ambito.code}/accordo`;
  if (Number(request.headers.get('content-length') ?? 0) > MAX_REQUEST_BYTES) {
    return runIntent(request, 'upload', async () => {
      throw new ValidationError([{ path: 'signedFile', message: tr('gov.upload.tooLarge') }], tr('gov.upload.notUploaded'));
    });
  }
  const base = { db, actor, ambitoId: ambito.id };
  const of = (form: Record<string, FormDataEntryValue>) => String(form.agreementId ?? '');
  const back = (form: Record<string, FormDataEntryValue>, esito: string, anchor = '') => redirect(`${page}?accordo=${of(form)}&esito=${esito}${anchor}`);
  /** A change to the chosen agreement's lists: the command, then back to the list with its confirmation. */
  const onAgreement =
    (esito: string, anchor: string, run: (agreementId: string, input: Record<string, FormDataEntryValue>) => Promise<unknown>) =>
    async (input: Record<string, FormDataEntryValue>) => {
      await run(of(input), input);
      return back(input, esito, anchor);
    };
  return intentAction(request, {
    create: async (input) => {
      const a = await createAgreement({ ...base, input });
      return redirect(`${page}?accordo=${a.id}&esito=creato`);
    },
    edit: async (input) => {
      await updateAgreement({ ...base, agreementId: of(input), input });
      return back(input, 'salvato');
    },
    'add-party': onAgreement('parte', '#parti', (agreementId, input) => addParty({ ...base, agreementId, input })),
    'remove-party': onAgreement('parteRimossa', '#parti', (agreementId, input) => removeParty({ ...base, agreementId, partyId: String(input.partyId ?? '') })),
    'add-signature': onAgreement('firma', '#firme', (agreementId, input) => addSignature({ ...base, agreementId, input })),
    'remove-signature': onAgreement('firmaRimossa', '#firme', (agreementId, input) =>
      removeSignature({ ...base, agreementId, signatureId: String(input.signatureId ?? '') }),
    ),
    upload: async (form, raw) => {
      const file = raw.get('signedFile');
      if (!(file instanceof File) || file.size === 0)
        throw new ValidationError([{ path: 'signedFile', message: tr('gov.upload.chooseSignedPdf') }], tr('gov.upload.notUploaded'));
      const input = Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string'));
      await uploadSignedAgreement({ ...base, agreementId: of(form), input, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
      return back(form, 'file', '#file');
    },
  });
}

function AgreementFields({
  intent,
  values,
}: {
  intent: string;
  values?: { title: string; periodStartYear: number; periodEndYear: number; validFrom: string; validTo: string; adoptedOn: string | null };
}) {
  const { t } = useI18n();
  const year = { type: 'number', required: true, min: 2000, max: 2100 } as const;
  const date = { type: 'date', required: true } as const;
  const fields: FieldRows = [
    { name: 'title', label: t('gov.agreement.name'), required: true, maxLength: 300 },
    [
      { name: 'periodStartYear', label: t('gov.agreement.startYear'), ...year },
      { name: 'periodEndYear', label: t('gov.agreement.endYear'), ...year },
    ],
    [
      { name: 'validFrom', label: t('gov.agreement.validFrom'), ...date },
      { name: 'validTo', label: t('gov.agreement.validTo'), ...date },
      { name: 'adoptedOn', label: t('gov.agreement.adoptedOn'), type: 'date', hint: t('gov.date.optional') },
    ],
  ];
  return <IntentFields intent={intent} values={values} fields={fields} />;
}

/** The form under a list of the Accordo that adds a party or a signature to it. */
function AddToAgreement({ intent, summary, agreementId, fields }: { intent: string; summary: string; agreementId: string; fields: FieldRows }) {
  const { t } = useI18n();
  return (
    <DisclosedForm intent={intent} summary={summary} submitLabel={t('gov.add')} hidden={{ agreementId }} width="col-lg-8">
      <IntentFields intent={intent} fields={fields} />
    </DisclosedForm>
  );
}

export default function AgreementPage({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const vocabulary = useVocabulary();
  const { ambito, can, all, overview, organisations } = loaderData;
  const writer = can['agreement.write'];
  const page = `/ambiti/${ambito.code}/accordo`;
  const a = overview?.agreement;
  const signatories = overview?.parties.filter((p) => p.role === 'sottoscrittore') ?? [];
  const adherents = overview?.parties.filter((p) => p.role === 'aderente') ?? [];
  const organisationChoices = namedChoices(organisations);
  /** A «Rimuovi» column for the writer: `intent` removes the row named `what`. */
  const removeColumn = <R extends { id: string }>(intent: string, idField: string, what: (r: R) => string): Column<R>[] =>
    writer && a
      ? [
          {
            key: 'azioni',
            header: <span className="visually-hidden">{t('gov.actions')}</span>,
            data: false,
            render: (r) => (
              <RowButtonForm
                intent={intent}
                hidden={{ agreementId: a.id, [idField]: r.id }}
                label={t('gov.remove')}
                what={<span translate="no">{what(r)}</span>}
              />
            ),
          },
        ]
      : [];
  const partyFields: FieldRows = [
    { name: 'organisationId', label: t('gov.org.name'), required: true, empty: t('gov.choose'), choices: organisationChoices },
    { name: 'role', label: t('gov.agreement.role'), required: true, defaultValue: 'aderente', choices: vocabulary('partyRole', PARTY_ROLES) },
  ];
  const signatureFields: FieldRows = [
    [
      { name: 'signerName', label: t('gov.agreement.signer'), required: true, maxLength: 200 },
      { name: 'signerRole', label: t('gov.agreement.signerRole'), required: true, maxLength: 200 },
    ],
    [
      { name: 'organisationId', label: t('gov.org.name'), empty: t('gov.none'), choices: organisationChoices },
      { name: 'signedOn', label: t('gov.agreement.signedOn'), type: 'date', hint: t('gov.date.optional') },
    ],
  ];
  const party = useRecordColumns(signatories);
  const signature = useRecordColumns(overview?.signatures ?? []);
  const partyTable = (rows: typeof signatories, id: string, caption: string, empty: string) => (
    <div data-testid={`agreement-${id}`}>
      <RecordTable
        id={id}
        caption={caption}
        rows={rows}
        empty={empty}
        columns={[
          party.name('nome', t('gov.org.name'), (p) => p.name),
          party.code('tipo', t('gov.org.kind'), 'orgKind', (p) => p.kind),
          ...removeColumn<(typeof rows)[number]>('remove-party', 'partyId', (p) => p.name),
        ]}
      />
    </div>
  );
  return (
    <>
      <PageHeader title={t('gov.agreement.title')} context={ambito.name} breadcrumb={[{ label: ambito.name, data: true, to: `/ambiti/${ambito.code}` }]} />
      <DoneNotice
        messages={{
          creato: 'gov.done.agreement',
          salvato: 'gov.done.saved',
          parte: 'gov.done.party',
          parteRimossa: 'gov.done.partyRemoved',
          firma: 'gov.done.signature',
          firmaRimossa: 'gov.done.signatureRemoved',
          file: 'gov.done.signedFile',
        }}
      />
      {all.length > 1 && (
        <FilterForm label={t('gov.agreement.choose')} submitLabel={t('gov.show')}>
          <FilterField id="accordo-scelto" label={t('gov.agreement.choose')} col="col-sm-auto">
            <select id="accordo-scelto" name="accordo" className="form-select" defaultValue={a?.id}>
              {all.map((x) => (
                <option key={x.id} value={x.id} translate="no">
                  {x.periodStartYear}-{x.periodEndYear}: {x.title}
                </option>
              ))}
            </select>
          </FilterField>
        </FilterForm>
      )}
      {!overview || !a ? (
        <EmptyState title={t('gov.agreement.none')} />
      ) : (
        <>
          <p className="lead" translate="no">
            {a.title}
          </p>
          <Facts
            items={[
              { term: t('gov.agreement.period'), value: `${a.periodStartYear}-${a.periodEndYear}` },
              {
                term: t('gov.agreement.validity'),
                testId: 'agreement-validity',
                value: t('gov.agreement.fromTo', { from: f.date(a.validFrom), to: f.date(a.validTo) }),
              },
              { term: t('gov.agreement.adoptedOn'), value: a.adoptedOn ? f.date(a.adoptedOn) : t('gov.notStated') },
              {
                term: t('gov.agreement.signedFile'),
                value: a.signedFileName ? (
                  <a href={`${page}/${a.id}/accordo-firmato.pdf`} className="text-break">
                    <span translate="no">{a.signedFileName}</span> ({f.fileSize(a.signedFileSize ?? 0)})
                  </a>
                ) : (
                  t('gov.agreement.noFile')
                ),
              },
            ]}
          />

          <Section id="parti" title={t('gov.agreement.parties')}>
            {partyTable(signatories, 'parties', t('gov.agreement.partiesCaption', { count: f.number(signatories.length) }), t('gov.agreement.noParties'))}
            <h3 className="h4 mt-4">{t('gov.agreement.adherents')}</h3>
            {partyTable(adherents, 'adherents', t('gov.agreement.adherentsCaption', { count: f.number(adherents.length) }), t('gov.agreement.noAdherents'))}
            {writer && <AddToAgreement intent="add-party" summary={t('gov.agreement.addParty')} agreementId={a.id} fields={partyFields} />}
          </Section>

          <Section id="firme" title={t('gov.agreement.signatures')}>
            <div data-testid="agreement-signatures">
              <RecordTable
                id="signatures"
                caption={t('gov.agreement.signaturesCaption', { count: f.number(overview.signatures.length) })}
                rows={overview.signatures}
                empty={t('gov.agreement.noSignatures')}
                columns={[
                  signature.name('firmatario', t('gov.agreement.signer'), (s) => s.signerName),
                  signature.text('ruolo', t('gov.agreement.signerRole'), (s) => s.signerRole),
                  signature.text('organizzazione', t('gov.org.name'), (s) => s.organisationName),
                  {
                    key: 'data',
                    header: t('gov.agreement.signedOn'),
                    data: false,
                    value: (s) => s.signedOn ?? '',
                    render: (s) => (s.signedOn ? f.date(s.signedOn) : t('gov.notStated')),
                  },
                  ...removeColumn<(typeof overview.signatures)[number]>('remove-signature', 'signatureId', (s) => s.signerName),
                ]}
              />
            </div>
            {writer && <AddToAgreement intent="add-signature" summary={t('gov.agreement.addSignature')} agreementId={a.id} fields={signatureFields} />}
          </Section>

          {writer && (
            <Section id="file" title={t('gov.agreement.signedFile')}>
              <div className="col-lg-8">
                <FileForm
                  intent="upload"
                  name="signedFile"
                  label={t('gov.agreement.uploadLabel')}
                  hint={t('gov.agreement.uploadHint')}
                  accept=".pdf,application/pdf"
                  submitLabel={t('gov.attachments.upload')}
                  hidden={{ agreementId: a.id, version: a.version }}
                />
              </div>
            </Section>
          )}

          {writer && (
            <Section id="modifica" title={t('gov.agreement.edit')}>
              <div className="col-lg-10">
                <PageForm intent="edit" submitLabel={t('gov.save')} hidden={{ agreementId: a.id, version: a.version }} reloadHref={`${page}?accordo=${a.id}`}>
                  <AgreementFields intent="edit" values={a} />
                </PageForm>
              </div>
            </Section>
          )}
        </>
      )}

      {writer && (
        <DisclosedForm intent="create" summary={t('gov.agreement.new')} submitLabel={t('gov.agreement.create')} open={!overview} className="mt-5">
          <AgreementFields intent="create" />
        </DisclosedForm>
      )}
    </>
  );
}
