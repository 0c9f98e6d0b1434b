import { data, Form, redirect } from 'react-router';
import type { Route } from './+types/agreement';
import { ValidationError } from '../../../shared/errors.ts';
import { CsrfField } from '../../../shared/ui/forms.tsx';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { Breadcrumb, DoneNotice, formState, GovField, GovFormAlert, selectClass, useDay, useFileSize } from '../components/form-kit.tsx';
import { addParty, addSignature, createAgreement, removeParty, removeSignature, updateAgreement, uploadSignedAgreement } from '../governance.commands.ts';
import { MAX_ATTACHMENT_BYTES, ORGANISATION_KIND_LABELS, PARTY_ROLE_LABELS, PARTY_ROLES, type OrganisationKind } from '../governance.constants.ts';
import { getAgreementOverview, listAgreements, listOrganisations } from '../governance.queries.ts';
import { intentAction, readGovernance } from './governance.server.ts';

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
    return intentAction(request, 'upload', async () => {
      throw new ValidationError([{ path: 'signedFile', message: 'Il file supera il limite di 10 MB.' }], 'Il file non è stato caricato.');
    });
  }
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const form = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const agreementId = form.agreementId ?? '';
  const back = (esito: string, anchor = '') => redirect(`${page}?accordo=${agreementId}&esito=${esito}${anchor}`);
  const base = { db, actor, ambitoId: ambito.id };
  switch (intent) {
    case 'create':
      return intentAction(request, intent, async () => {
        const a = await createAgreement({ ...base, input: form });
        return redirect(`${page}?accordo=${a.id}&esito=creato`);
      });
    case 'edit':
      return intentAction(request, intent, async () => {
        await updateAgreement({ ...base, agreementId, input: form });
        return back('salvato');
      });
    case 'add-party':
      return intentAction(request, intent, async () => {
        await addParty({ ...base, agreementId, input: form });
        return back('parte', '#parti');
      });
    case 'remove-party':
      return intentAction(request, intent, async () => {
        await removeParty({ ...base, agreementId, partyId: form.partyId ?? '' });
        return back('parteRimossa', '#parti');
      });
    case 'add-signature':
      return intentAction(request, intent, async () => {
        await addSignature({ ...base, agreementId, input: form });
        return back('firma', '#firme');
      });
    case 'remove-signature':
      return intentAction(request, intent, async () => {
        await removeSignature({ ...base, agreementId, signatureId: form.signatureId ?? '' });
        return back('firmaRimossa', '#firme');
      });
    case 'upload':
      return intentAction(request, intent, async () => {
        const file = formData.get('signedFile');
        if (!(file instanceof File) || file.size === 0)
          throw new ValidationError([{ path: 'signedFile', message: 'Scegli il file PDF dell’Accordo firmato.' }], 'Il file non è stato caricato.');
        await uploadSignedAgreement({ ...base, agreementId, input: form, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
        return back('file', '#file');
      });
    default:
      throw data('Operazione sconosciuta', { status: 400 });
  }
}

function AgreementFields({
  intent,
  errors,
  values,
}: {
  intent: string;
  errors: Record<string, string | undefined>;
  values?: { title: string; periodStartYear: number; periodEndYear: number; validFrom: string; validTo: string; adoptedOn: string | null };
}) {
  const { t } = useI18n();
  return (
    <>
      <GovField intent={intent} name="title" label={`${t('gov.agreement.name')} (${t('form.required')})`} error={errors.title}>
        {(p) => <input {...p} type="text" required maxLength={300} defaultValue={values?.title ?? ''} />}
      </GovField>
      <div className="row">
        <div className="col-md-6">
          <GovField intent={intent} name="periodStartYear" label={`${t('gov.agreement.startYear')} (${t('form.required')})`} error={errors.periodStartYear}>
            {(p) => <input {...p} type="number" min={2000} max={2100} required defaultValue={values?.periodStartYear ?? ''} />}
          </GovField>
        </div>
        <div className="col-md-6">
          <GovField intent={intent} name="periodEndYear" label={`${t('gov.agreement.endYear')} (${t('form.required')})`} error={errors.periodEndYear}>
            {(p) => <input {...p} type="number" min={2000} max={2100} required defaultValue={values?.periodEndYear ?? ''} />}
          </GovField>
        </div>
      </div>
      <div className="row">
        <div className="col-md-4">
          <GovField intent={intent} name="validFrom" label={`${t('gov.agreement.validFrom')} (${t('form.required')})`} error={errors.validFrom}>
            {(p) => <input {...p} type="date" required defaultValue={values?.validFrom ?? ''} />}
          </GovField>
        </div>
        <div className="col-md-4">
          <GovField intent={intent} name="validTo" label={`${t('gov.agreement.validTo')} (${t('form.required')})`} error={errors.validTo}>
            {(p) => <input {...p} type="date" required defaultValue={values?.validTo ?? ''} />}
          </GovField>
        </div>
        <div className="col-md-4">
          <GovField intent={intent} name="adoptedOn" label={t('gov.agreement.adoptedOn')} error={errors.adoptedOn} hint={t('gov.date.optional')}>
            {(p) => <input {...p} type="date" defaultValue={values?.adoptedOn ?? ''} />}
          </GovField>
        </div>
      </div>
    </>
  );
}

export default function AgreementPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, n } = useI18n();
  const day = useDay();
  const size = useFileSize();
  const { ambito, can, all, overview, organisations } = loaderData;
  const writer = can['agreement.write'];
  const create = formState(actionData, 'create');
  const edit = formState(actionData, 'edit');
  const party = formState(actionData, 'add-party');
  const signature = formState(actionData, 'add-signature');
  const upload = formState(actionData, 'upload');
  const page = `/ambiti/${ambito.code}/accordo`;
  const a = overview?.agreement;
  const signatories = overview?.parties.filter((p) => p.role === 'sottoscrittore') ?? [];
  const adherents = overview?.parties.filter((p) => p.role === 'aderente') ?? [];
  const partyTable = (rows: typeof signatories, caption: string, testId: string) => (
    <div className="table-responsive">
      <table className="table table-striped align-middle" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('gov.org.name')}</th>
            <th scope="col">{t('gov.org.kind')}</th>
            {writer && (
              <th scope="col">
                <span className="visually-hidden">{t('gov.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              <td>{ORGANISATION_KIND_LABELS[p.kind as OrganisationKind] ?? p.kind}</td>
              {writer && (
                <td>
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="remove-party" />
                    <input type="hidden" name="agreementId" value={a!.id} />
                    <input type="hidden" name="partyId" value={p.id} />
                    <button type="submit" className="btn btn-outline-danger btn-sm">
                      {t('gov.remove')}
                      <span className="visually-hidden"> {p.name}</span>
                    </button>
                  </Form>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      <title>{`${t('gov.agreement.title')} – ${ambito.name}`}</title>
      <Breadcrumb items={[{ label: ambito.name, to: `/ambiti/${ambito.code}` }, { label: t('gov.agreement.title') }]} />
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
      <h1>{t('gov.agreement.title')}</h1>
      {all.length > 1 && (
        <form method="get" className="d-flex align-items-end gap-2 mb-4">
          <div>
            <label htmlFor="accordo-scelto" className="form-label fw-semibold">
              {t('gov.agreement.choose')}
            </label>
            <select id="accordo-scelto" name="accordo" className="form-select" defaultValue={a?.id}>
              {all.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.periodStartYear}-{x.periodEndYear}: {x.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-outline-primary">
            {t('gov.show')}
          </button>
        </form>
      )}
      {!overview || !a ? (
        <p>{t('gov.agreement.none')}</p>
      ) : (
        <>
          <p className="lead">{a.title}</p>
          <dl className="row">
            <dt className="col-sm-3">{t('gov.agreement.period')}</dt>
            <dd className="col-sm-9">
              {a.periodStartYear}-{a.periodEndYear}
            </dd>
            <dt className="col-sm-3">{t('gov.agreement.validity')}</dt>
            <dd className="col-sm-9" data-testid="agreement-validity">
              {t('gov.agreement.fromTo', { from: day(a.validFrom), to: day(a.validTo) })}
            </dd>
            <dt className="col-sm-3">{t('gov.agreement.adoptedOn')}</dt>
            <dd className="col-sm-9">{a.adoptedOn ? day(a.adoptedOn) : t('gov.notStated')}</dd>
            <dt className="col-sm-3">{t('gov.agreement.signedFile')}</dt>
            <dd className="col-sm-9">
              {a.signedFileName ? (
                <a href={`${page}/${a.id}/accordo-firmato.pdf`}>
                  {a.signedFileName} ({size(a.signedFileSize ?? 0)})
                </a>
              ) : (
                t('gov.agreement.noFile')
              )}
            </dd>
          </dl>

          <section className="mt-4" aria-labelledby="parti">
            <h2 className="h3" id="parti">
              {t('gov.agreement.parties')}
            </h2>
            {signatories.length === 0 ? (
              <p>{t('gov.agreement.noParties')}</p>
            ) : (
              partyTable(signatories, t('gov.agreement.partiesCaption', { count: n(signatories.length) }), 'agreement-parties')
            )}
            <h3 className="h4 mt-4">{t('gov.agreement.adherents')}</h3>
            {adherents.length === 0 ? (
              <p>{t('gov.agreement.noAdherents')}</p>
            ) : (
              partyTable(adherents, t('gov.agreement.adherentsCaption', { count: n(adherents.length) }), 'agreement-adherents')
            )}
            {writer && (
              <details className="mb-3" open={!!party.failure}>
                <summary className="btn btn-outline-primary btn-sm">{t('gov.agreement.addParty')}</summary>
                <div className="col-lg-8 mt-3">
                  <GovFormAlert failure={party.failure} intent="add-party" />
                  <Form method="post" noValidate>
                    <CsrfField />
                    <input type="hidden" name="intent" value="add-party" />
                    <input type="hidden" name="agreementId" value={a.id} />
                    <GovField
                      intent="add-party"
                      name="organisationId"
                      label={`${t('gov.org.name')} (${t('form.required')})`}
                      error={party.errors.organisationId}
                    >
                      {(p) => (
                        <select {...p} className={selectClass(party.errors.organisationId)} required defaultValue="">
                          <option value="">{t('gov.choose')}</option>
                          {organisations.map((o) => (
                            <option key={o.id} value={o.id}>
                              {o.name}
                            </option>
                          ))}
                        </select>
                      )}
                    </GovField>
                    <GovField intent="add-party" name="role" label={`${t('gov.agreement.role')} (${t('form.required')})`} error={party.errors.role}>
                      {(p) => (
                        <select {...p} className={selectClass(party.errors.role)} required defaultValue="aderente">
                          {PARTY_ROLES.map((r) => (
                            <option key={r} value={r}>
                              {PARTY_ROLE_LABELS[r]}
                            </option>
                          ))}
                        </select>
                      )}
                    </GovField>
                    <button type="submit" className="btn btn-primary">
                      {t('gov.add')}
                    </button>
                  </Form>
                </div>
              </details>
            )}
          </section>

          <section className="mt-5" aria-labelledby="firme">
            <h2 className="h3" id="firme">
              {t('gov.agreement.signatures')}
            </h2>
            {overview.signatures.length === 0 ? (
              <p>{t('gov.agreement.noSignatures')}</p>
            ) : (
              <div className="table-responsive">
                <table className="table table-striped align-middle" data-testid="agreement-signatures">
                  <caption>{t('gov.agreement.signaturesCaption', { count: n(overview.signatures.length) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('gov.agreement.signer')}</th>
                      <th scope="col">{t('gov.agreement.signerRole')}</th>
                      <th scope="col">{t('gov.org.name')}</th>
                      <th scope="col">{t('gov.agreement.signedOn')}</th>
                      {writer && (
                        <th scope="col">
                          <span className="visually-hidden">{t('gov.actions')}</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {overview.signatures.map((s) => (
                      <tr key={s.id}>
                        <th scope="row">{s.signerName}</th>
                        <td>{s.signerRole}</td>
                        <td>{s.organisationName ?? '—'}</td>
                        <td>{s.signedOn ? day(s.signedOn) : t('gov.notStated')}</td>
                        {writer && (
                          <td>
                            <Form method="post">
                              <CsrfField />
                              <input type="hidden" name="intent" value="remove-signature" />
                              <input type="hidden" name="agreementId" value={a.id} />
                              <input type="hidden" name="signatureId" value={s.id} />
                              <button type="submit" className="btn btn-outline-danger btn-sm">
                                {t('gov.remove')}
                                <span className="visually-hidden"> {s.signerName}</span>
                              </button>
                            </Form>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {writer && (
              <details className="mb-3" open={!!signature.failure}>
                <summary className="btn btn-outline-primary btn-sm">{t('gov.agreement.addSignature')}</summary>
                <div className="col-lg-8 mt-3">
                  <GovFormAlert failure={signature.failure} intent="add-signature" />
                  <Form method="post" noValidate>
                    <CsrfField />
                    <input type="hidden" name="intent" value="add-signature" />
                    <input type="hidden" name="agreementId" value={a.id} />
                    <div className="row">
                      <div className="col-md-6">
                        <GovField
                          intent="add-signature"
                          name="signerName"
                          label={`${t('gov.agreement.signer')} (${t('form.required')})`}
                          error={signature.errors.signerName}
                        >
                          {(p) => <input {...p} type="text" required maxLength={200} />}
                        </GovField>
                      </div>
                      <div className="col-md-6">
                        <GovField
                          intent="add-signature"
                          name="signerRole"
                          label={`${t('gov.agreement.signerRole')} (${t('form.required')})`}
                          error={signature.errors.signerRole}
                        >
                          {(p) => <input {...p} type="text" required maxLength={200} />}
                        </GovField>
                      </div>
                    </div>
                    <div className="row">
                      <div className="col-md-6">
                        <GovField intent="add-signature" name="organisationId" label={t('gov.org.name')} error={signature.errors.organisationId}>
                          {(p) => (
                            <select {...p} className={selectClass(signature.errors.organisationId)} defaultValue="">
                              <option value="">{t('gov.none')}</option>
                              {organisations.map((o) => (
                                <option key={o.id} value={o.id}>
                                  {o.name}
                                </option>
                              ))}
                            </select>
                          )}
                        </GovField>
                      </div>
                      <div className="col-md-6">
                        <GovField
                          intent="add-signature"
                          name="signedOn"
                          label={t('gov.agreement.signedOn')}
                          error={signature.errors.signedOn}
                          hint={t('gov.date.optional')}
                        >
                          {(p) => <input {...p} type="date" />}
                        </GovField>
                      </div>
                    </div>
                    <button type="submit" className="btn btn-primary">
                      {t('gov.add')}
                    </button>
                  </Form>
                </div>
              </details>
            )}
          </section>

          {writer && (
            <section className="mt-5 col-lg-8" aria-labelledby="file">
              <h2 className="h3" id="file">
                {t('gov.agreement.signedFile')}
              </h2>
              <GovFormAlert failure={upload.failure} intent="upload" reloadHref={`${page}?accordo=${a.id}`} />
              <Form method="post" encType="multipart/form-data" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="upload" />
                <input type="hidden" name="agreementId" value={a.id} />
                <input type="hidden" name="version" value={a.version} />
                <GovField
                  intent="upload"
                  name="signedFile"
                  label={t('gov.agreement.uploadLabel')}
                  error={upload.errors.signedFile}
                  hint={t('gov.agreement.uploadHint')}
                >
                  {(p) => <input {...p} type="file" accept=".pdf,application/pdf" />}
                </GovField>
                <button type="submit" className="btn btn-primary">
                  {t('gov.attachments.upload')}
                </button>
              </Form>
            </section>
          )}

          {writer && (
            <section className="mt-5 col-lg-10" aria-labelledby="modifica">
              <h2 className="h3" id="modifica">
                {t('gov.agreement.edit')}
              </h2>
              <GovFormAlert failure={edit.failure} intent="edit" reloadHref={`${page}?accordo=${a.id}`} />
              <Form method="post" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="edit" />
                <input type="hidden" name="agreementId" value={a.id} />
                <input type="hidden" name="version" value={a.version} />
                <AgreementFields intent="edit" errors={edit.errors} values={a} />
                <button type="submit" className="btn btn-primary">
                  {t('gov.save')}
                </button>
              </Form>
            </section>
          )}
        </>
      )}

      {writer && (
        <details className="mt-5" open={!!create.failure || !overview}>
          <summary className="btn btn-outline-primary btn-sm">{t('gov.agreement.new')}</summary>
          <div className="col-lg-10 mt-3">
            <GovFormAlert failure={create.failure} intent="create" />
            <Form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="create" />
              <AgreementFields intent="create" errors={create.errors} />
              <button type="submit" className="btn btn-primary">
                {t('gov.agreement.create')}
              </button>
            </Form>
          </div>
        </details>
      )}
    </>
  );
}
