import { Form, Link, redirect } from 'react-router';
import type { Route } from './+types/staffing';
import { ValidationError } from '../../../shared/errors.ts';
import { formAction, getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { Chart } from '../../../shared/ui/chart.tsx';
import { CsrfField, Field, FormAlert } from '../../../shared/ui/forms.tsx';
import { listAmbitoComuni } from '../../territory/index.server.ts';
import { FUNDING_SOURCES, SOCIAL_WORKER_CSV_COLUMNS } from '../leps-catalogue.ts';
import { addSocialWorkerPost, deleteSocialWorkerPost, importSocialWorkerStaff } from '../leps.commands.ts';
import { referentComuneIds } from '../../../shared/auth/actor.ts';
import { abilitiesFor, authorize, can as canLeps } from '../leps.policy.ts';
import { getStaffing } from '../leps.queries.ts';
import { CONTRACT_KIND_LABELS, EMPLOYER_KIND_LABELS, STAFF_BASES, STAFF_BASIS_LABELS, type StaffBasis } from '../leps.rules.ts';
import { fte, num } from '../leps.format.ts';
import { requireAmbito, yearFromUrl } from '../leps.server.ts';

const STATUS_TEXT = { raggiunto: 'raggiunto', non_raggiunto: 'non raggiunto', dati_mancanti: 'dati mancanti' } as const;

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'leps.read', ambito, { hide: true }));
  const year = yearFromUrl(request);
  const raw = new URL(request.url).searchParams.get('base');
  const basis: StaffBasis = (STAFF_BASES as readonly string[]).includes(raw ?? '') ? (raw as StaffBasis) : 'tempo_indeterminato_ambito_comuni';
  const staffing = await getStaffing(db, ambito.id, year, basis);
  const comuni = await listAmbitoComuni(db, ambito.id, `${year}-12-31`);
  // The Ufficio di Piano keeps the whole list; a comune referent only the rows of its own comune.
  const abilities = abilitiesFor(actor, ambito);
  const own = referentComuneIds(actor, ambito.id);
  const choices = abilities['staff.write'] ? comuni : comuni.filter((c) => own.includes(c.id) && canLeps(actor, 'staff.write', { ...ambito, comuneId: c.id }));
  return {
    ambito: { code: ambito.code, name: ambito.name },
    year,
    staffing: {
      ...staffing,
      history: staffing.history.map((h) => ({
        year: h.year,
        population: h.population,
        populationYear: h.populationYear,
        fte: h.fte,
        fteChange: h.fteChange,
        assessment: h.assessment,
      })),
    },
    comuni: choices.map((c) => ({ id: c.id, name: c.name })),
    ambitoEntry: abilities['staff.write'],
    editable: staffing.posts.filter((p) => canLeps(actor, 'staff.write', { ...ambito, comuneId: p.comuneId })).map((p) => p.id),
    can: { ...abilities, 'staff.write': abilities['staff.write'] || choices.length > 0 },
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const form = await request.formData();
  const back = `/ambiti/${ambito.code}/leps/assistenti-sociali`;
  return formAction(request, async () => {
    const intent = form.get('intent');
    if (intent === 'import') {
      const file = form.get('file');
      if (!(file instanceof File) || file.size === 0)
        throw new ValidationError([{ path: 'file', message: 'Scegli un file CSV da importare.' }], 'Nessun file ricevuto.');
      if (file.size > 2 * 1024 * 1024) throw new ValidationError([{ path: 'file', message: 'Il file supera i 2 MB.' }], 'File troppo grande.');
      await importSocialWorkerStaff({ db, actor, ambitoId: ambito.id, fileName: file.name || 'assistenti-sociali.csv', text: await file.text() });
      return redirect(`${back}?importato=1`);
    }
    if (intent === 'delete') {
      await deleteSocialWorkerPost({ db, actor, postId: String(form.get('postId') ?? ''), input: { version: form.get('version') } });
      return redirect(back);
    }
    const input = { ...Object.fromEntries(form), fundingSources: form.getAll('fundingSources').map(String) };
    await addSocialWorkerPost({ db, actor, ambitoId: ambito.id, input });
    return redirect(`${back}?salvato=1`);
  });
}

export default function Staffing({ loaderData, actionData }: Route.ComponentProps) {
  const { ambito, year, staffing, comuni, can, ambitoEntry, editable } = loaderData;
  const errors: Record<string, string | undefined> = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : {};
  const importErrors = Object.entries(errors).filter(([k]) => k === 'file' || k.includes('.csv'));
  const a = staffing.current.assessment;
  return (
    <>
      <title>{`Assistenti sociali – ${ambito.name}`}</title>
      <p>
        <Link to={`/ambiti/${ambito.code}/leps?anno=${year}`}>LEPS dell’Ambito</Link>
      </p>
      <h1>Assistenti sociali e rapporto con la popolazione</h1>
      <p className="lead">
        {ambito.name}: LEPS di 1 assistente sociale ogni 5.000 abitanti e obiettivo di servizio di 1 ogni 4.000 (L. 178/2020, art. 1, c. 797)
      </p>
      <form method="get" className="row g-2 align-items-end mb-4">
        <div className="col-sm-3">
          <label htmlFor="anno" className="form-label fw-semibold">
            Fino all’anno
          </label>
          <input id="anno" name="anno" type="number" min={2000} max={2100} defaultValue={year} className="form-control" />
        </div>
        <div className="col-sm-6">
          <label htmlFor="base" className="form-label fw-semibold">
            Personale contato
          </label>
          <select id="base" name="base" defaultValue={staffing.basis} className="form-select">
            {STAFF_BASES.map((b) => (
              <option key={b} value={b}>
                {STAFF_BASIS_LABELS[b]}
              </option>
            ))}
          </select>
        </div>
        <div className="col-sm-3">
          <button type="submit" className="btn btn-outline-primary">
            Mostra
          </button>
        </div>
      </form>

      <section aria-labelledby="situazione">
        <h2 id="situazione" className="h4">
          Situazione al 31/12/{year}
        </h2>
        {!staffing.staffRecorded && (
          <p className="alert alert-warning">
            Nessun assistente sociale registrato: gli ETP in servizio sono 0 finché l’Ufficio di Piano non inserisce il personale.
          </p>
        )}
        <p>
          Popolazione:{' '}
          {staffing.current.population === null ? 'non disponibile' : `${num(staffing.current.population)} abitanti (dato ${staffing.current.populationYear})`}.
          ETP in servizio ({STAFF_BASIS_LABELS[staffing.basis].toLowerCase()}): {fte(staffing.current.fte)}.
        </p>
        {a.inhabitantsPerWorker && <p>{a.inhabitantsPerWorker.formula}</p>}
        <ul>
          {[a.leps, a.serviceObjective].map((c) => (
            <li key={c.kind}>
              <strong>{c.label}</strong>: {c.requiredFte ? `${c.requiredFte.formula} (${c.requiredPersons} persone). ` : ''}
              {c.message}
            </li>
          ))}
        </ul>
        <p className="small">{staffing.contribution.message}</p>
      </section>

      <section aria-labelledby="storico" className="my-4">
        <h2 id="storico" className="h4">
          Storico
        </h2>
        {staffing.chartSvg && (
          <Chart
            svg={staffing.chartSvg}
            caption="ETP in servizio e ETP richiesti dalle due soglie, per anno"
            summary="Le linee delle soglie seguono la popolazione; quella del personale segue le assunzioni e le cessazioni."
            tableId="tabella-storico"
          />
        )}
        <div className="table-responsive">
          <table className="table" id="tabella-storico">
            <caption>ETP al 31 dicembre di ogni anno, popolazione e stato rispetto alle soglie</caption>
            <thead>
              <tr>
                <th scope="col">Anno</th>
                <th scope="col" className="text-end">
                  Popolazione (anno del dato)
                </th>
                <th scope="col" className="text-end">
                  ETP
                </th>
                <th scope="col" className="text-end">
                  Variazione
                </th>
                <th scope="col" className="text-end">
                  Abitanti per ETP
                </th>
                <th scope="col">LEPS 1:5.000</th>
                <th scope="col" className="text-end">
                  ETP mancanti (da assumere)
                </th>
                <th scope="col">Obiettivo 1:4.000</th>
                <th scope="col" className="text-end">
                  ETP mancanti (da assumere)
                </th>
              </tr>
            </thead>
            <tbody>
              {staffing.history.map((h) => (
                <tr key={h.year}>
                  <th scope="row">{h.year}</th>
                  <td className="text-end">{h.population === null ? '—' : `${num(h.population)} (${h.populationYear})`}</td>
                  <td className="text-end">{fte(h.fte)}</td>
                  <td className="text-end">{h.fteChange === null ? '—' : `${h.fteChange > 0 ? '+' : ''}${fte(h.fteChange)}`}</td>
                  <td className="text-end">{h.assessment.inhabitantsPerWorker?.value == null ? '—' : num(h.assessment.inhabitantsPerWorker.value, 1)}</td>
                  <td>{STATUS_TEXT[h.assessment.leps.status]}</td>
                  <td className="text-end">{h.assessment.leps.gapFte === null ? '—' : `${fte(h.assessment.leps.gapFte)} (${h.assessment.leps.toHire})`}</td>
                  <td>{STATUS_TEXT[h.assessment.serviceObjective.status]}</td>
                  <td className="text-end">
                    {h.assessment.serviceObjective.gapFte === null
                      ? '—'
                      : `${fte(h.assessment.serviceObjective.gapFte)} (${h.assessment.serviceObjective.toHire})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="personale" className="my-4">
        <h2 id="personale" className="h4">
          Personale registrato
        </h2>
        {staffing.posts.length === 0 ? (
          <p>Nessuna riga.</p>
        ) : (
          <div className="table-responsive">
            <table className="table table-sm">
              <caption>Assistenti sociali per periodo di servizio</caption>
              <thead>
                <tr>
                  <th scope="col">Codice</th>
                  <th scope="col">Datore di lavoro</th>
                  <th scope="col">Contratto</th>
                  <th scope="col" className="text-end">
                    ETP
                  </th>
                  <th scope="col">Comune</th>
                  <th scope="col">Funzione</th>
                  <th scope="col">Finanziamento</th>
                  <th scope="col">Periodo</th>
                  {can['staff.write'] && <th scope="col">Azioni</th>}
                </tr>
              </thead>
              <tbody>
                {staffing.posts.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.code}</th>
                    <td>
                      {p.employerName}
                      <span className="d-block small text-secondary">{p.employerKindLabel}</span>
                    </td>
                    <td>{p.contractLabel}</td>
                    <td className="text-end">{fte(p.fte)}</td>
                    <td>{p.comuneName ?? '—'}</td>
                    <td>{p.assignment ?? '—'}</td>
                    <td className="small">{p.fundingLabels.join('; ') || '—'}</td>
                    <td>{`dal ${p.validFrom}${p.validTo ? ` al ${p.validTo}` : ''}`}</td>
                    {can['staff.write'] && (
                      <td>
                        {editable.includes(p.id) && (
                          <Form method="post">
                            <CsrfField />
                            <input type="hidden" name="intent" value="delete" />
                            <input type="hidden" name="postId" value={p.id} />
                            <input type="hidden" name="version" value={p.version} />
                            <button type="submit" className="btn btn-link btn-sm p-0">
                              Elimina <span className="visually-hidden">{`la riga ${p.code} dal ${p.validFrom}`}</span>
                            </button>
                          </Form>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {can['staff.write'] && (
        <div className="row g-5 my-4">
          <section className="col-lg-7" aria-labelledby="nuovo">
            <h2 id="nuovo" className="h4">
              Aggiungi un assistente sociale
            </h2>
            <FormAlert result={actionData && 'fieldErrors' in actionData && importErrors.length === 0 ? actionData : undefined} />
            <Form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="create" />
              <Field name="code" label="Codice della persona o del posto (obbligatorio, niente nomi)" error={errors.code}>
                {(p) => <input {...p} type="text" required placeholder="AS-01" />}
              </Field>
              <Field name="employerName" label="Datore di lavoro (obbligatorio)" error={errors.employerName}>
                {(p) => <input {...p} type="text" required />}
              </Field>
              <Field name="employerKind" label="Tipo di datore di lavoro" error={errors.employerKind}>
                {(p) => (
                  <select {...p} className="form-select" defaultValue="comune">
                    {Object.entries(EMPLOYER_KIND_LABELS).map(([k, l]) => (
                      <option key={k} value={k}>
                        {l}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name="contract" label="Contratto" error={errors.contract}>
                {(p) => (
                  <select {...p} className="form-select" defaultValue="tempo_indeterminato">
                    {Object.entries(CONTRACT_KIND_LABELS).map(([k, l]) => (
                      <option key={k} value={k}>
                        {l}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <div className="row">
                <div className="col-6">
                  <Field name="fte" label="ETP (es. 1 oppure 0,5)" error={errors.fte} hint="Oppure indica le ore settimanali.">
                    {(p) => <input {...p} type="text" inputMode="decimal" />}
                  </Field>
                </div>
                <div className="col-6">
                  <Field name="weeklyHours" label="Ore settimanali (su 36)" error={errors.weeklyHours}>
                    {(p) => <input {...p} type="text" inputMode="decimal" />}
                  </Field>
                </div>
              </div>
              <Field name="comuneId" label={ambitoEntry ? 'Comune servito (facoltativo)' : 'Comune servito'} error={errors.comuneId}>
                {(p) => (
                  <select {...p} className="form-select" defaultValue={ambitoEntry ? '' : (comuni[0]?.id ?? '')}>
                    {ambitoEntry && <option value="">Tutto l’Ambito</option>}
                    {comuni.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name="assignment" label="Funzione (facoltativa, es. PUA, Tutela minori)" error={errors.assignment}>
                {(p) => <input {...p} type="text" />}
              </Field>
              <fieldset className="mb-4">
                <legend className="form-label fw-semibold fs-6">Fonti di finanziamento (facoltative)</legend>
                {Object.entries(FUNDING_SOURCES).map(([k, f]) => (
                  <div className="form-check" key={k}>
                    <input className="form-check-input" type="checkbox" id={`fonte-${k}`} name="fundingSources" value={k} />
                    <label className="form-check-label" htmlFor={`fonte-${k}`}>
                      {f.label}
                    </label>
                  </div>
                ))}
              </fieldset>
              <div className="row">
                <div className="col-6">
                  <Field name="validFrom" label="In servizio dal (obbligatorio)" error={errors.validFrom}>
                    {(p) => <input {...p} type="date" required />}
                  </Field>
                </div>
                <div className="col-6">
                  <Field name="validTo" label="In servizio fino al (facoltativo)" error={errors.validTo}>
                    {(p) => <input {...p} type="date" />}
                  </Field>
                </div>
              </div>
              <button type="submit" className="btn btn-primary">
                Aggiungi
              </button>
            </Form>
          </section>
          {ambitoEntry && (
            <section className="col-lg-5" aria-labelledby="importa">
              <h2 id="importa" className="h4">
                Importa l’elenco (CSV)
              </h2>
              <p className="small">
                Colonne: {SOCIAL_WORKER_CSV_COLUMNS.join(', ')} e, facoltativa, codice_istat_comune. Separatore «;» o «,». Le righe si aggiungono a quelle già
                registrate; un errore in una riga rifiuta tutto il file.
              </p>
              {importErrors.length > 0 && (
                <div className="alert alert-danger" role="alert">
                  <p className="mb-1">{actionData && 'formError' in actionData ? actionData.formError : ''}</p>
                  <ul className="mb-0 small">
                    {importErrors.map(([k, v]) => (
                      <li key={k}>
                        <strong>{k}</strong>: {v}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <Form method="post" encType="multipart/form-data">
                <CsrfField />
                <input type="hidden" name="intent" value="import" />
                <div className="mb-3">
                  <label htmlFor="staff-file" className="form-label fw-semibold">
                    File CSV del personale
                  </label>
                  <input id="staff-file" name="file" type="file" accept=".csv,text/csv" className="form-control" required />
                </div>
                <button type="submit" className="btn btn-outline-primary">
                  Importa
                </button>
              </Form>
            </section>
          )}
        </div>
      )}
    </>
  );
}
