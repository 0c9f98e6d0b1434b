import { Form, Link, useNavigation } from 'react-router';
import type { Route } from './+types/import';
import { ValidationError } from '../../../shared/errors.ts';
import { formAction, getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { CsrfField, IssuesAlert } from '../../../shared/ui/forms.tsx';
import { euro } from '../../planning/index.ts';
import { importSpending, type SpendingUpload } from '../finance.commands.ts';
import { abilitiesFor, authorize } from '../finance.policy.ts';
import { listSpendingFacts } from '../finance.queries.ts';
import { requireAmbito } from '../finance.server.ts';

const MAX_BYTES = 5 * 1024 * 1024;

async function loaded(db: Parameters<typeof listSpendingFacts>[0], ambitoId: string) {
  const facts = await listSpendingFacts(db, ambitoId);
  const groups = new Map<string, { year: number; ente: string; rows: number; totalCents: number }>();
  for (const f of facts) {
    const ente = f.comuneName ? `${f.comuneName} (${f.istatCode})` : 'Ambito';
    const k = `${f.year}|${ente}`;
    const g = groups.get(k) ?? { year: f.year, ente, rows: 0, totalCents: 0 };
    g.rows++;
    g.totalCents += f.amountCents;
    groups.set(k, g);
  }
  return [...groups.values()].sort((a, b) => b.year - a.year || a.ente.localeCompare(b.ente));
}

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'spending.import', ambito));
  return { ambito: { code: ambito.code, name: ambito.name }, loaded: await loaded(db, ambito.id), can: abilitiesFor(actor, ambito) };
}

function fileOf(form: FormData, name: string): File | null {
  const f = form.get(name);
  return f instanceof File && f.size > 0 ? f : null;
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const form = await request.formData();
  return formAction(request, async () => {
    authorize(actor, 'spending.import', ambito);
    const spending = fileOf(form, 'spesa');
    const users = fileOf(form, 'utenti');
    if (!spending) throw new ValidationError([{ path: 'spesa', message: 'Scegli il file della spesa (CSV o XLSX).' }], 'Nessun file ricevuto.');
    for (const f of [spending, users]) {
      if (f && f.size > MAX_BYTES)
        throw new ValidationError(
          [{ path: f === spending ? 'spesa' : 'utenti', message: `Il file ${f.name} supera i 5 MB (${Math.round(f.size / 1024)} kB).` }],
          'File troppo grande.',
        );
    }
    let upload: SpendingUpload;
    if (/\.xlsx$/i.test(spending.name)) {
      if (users)
        throw new ValidationError(
          [{ path: 'utenti', message: 'Con un file XLSX gli utenti vanno nel foglio «utenti» dello stesso file: non allegare un secondo file.' }],
          'File non accettati.',
        );
      upload = { kind: 'xlsx', fileName: spending.name, data: new Uint8Array(await spending.arrayBuffer()) };
    } else {
      upload = {
        kind: 'csv',
        spending: { fileName: spending.name || 'spesa.csv', text: await spending.text() },
        users: users ? { fileName: users.name || 'utenti.csv', text: await users.text() } : null,
      };
    }
    const summary = await importSpending({ db, actor, ambitoId: ambito.id, upload });
    return { ok: true as const, summary };
  });
}

export default function SpendingImport({ loaderData, actionData }: Route.ComponentProps) {
  const p = loaderData;
  const navigation = useNavigation();
  const failed = actionData && 'fieldErrors' in actionData ? actionData : null;
  const done = actionData && 'summary' in actionData ? actionData.summary : null;
  const base = `/ambiti/${p.ambito.code}/risorse`;
  return (
    <>
      <title>{`Importa la spesa sociale – ${p.ambito.name}`}</title>
      <nav aria-label="Percorso" className="breadcrumb-container">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to={base}>Risorse e spesa sociale</Link>
          </li>
          <li className="breadcrumb-item active" aria-current="page">
            Importa
          </li>
        </ol>
      </nav>
      <h1>Importa la spesa sociale</h1>
      <p className="lead">{p.ambito.name}</p>
      <p>
        Carica la spesa dell’anno per area e canale di finanziamento: un file CSV della spesa (con, se vuoi, il file CSV degli utenti) oppure un unico file XLSX
        con i fogli «spesa» e «utenti». L’importazione è tutto o niente: se una sola riga ha un problema non viene importato nulla e l’elenco indica file,
        foglio, riga e colonna. Le righe di un anno e di un ente sostituiscono quelle già presenti per lo stesso anno ed ente.
        {p.can['spending.write'] ? '' : ' Come referente comunale puoi importare solo le righe del tuo comune.'}
      </p>
      <p>
        Modelli da scaricare:{' '}
        <a href={`${base}/modelli/modello-spesa.xlsx`} download>
          modello XLSX (fogli spesa e utenti, con i codici ammessi)
        </a>
        ,{' '}
        <a href={`${base}/modelli/modello-spesa.csv`} download>
          modello CSV della spesa
        </a>
        ,{' '}
        <a href={`${base}/modelli/modello-utenti.csv`} download>
          modello CSV degli utenti
        </a>
        .
      </p>

      {done && (
        <div className="alert alert-success" role="status" id="import-done">
          <p className="mb-1">
            Importati {done.files.join(' e ')}: {done.spendingRows} righe di spesa e {done.usersRows} righe di utenti per{' '}
            {done.years.length === 1 ? `il ${done.years[0]}` : `gli anni ${done.years.join(', ')}`}
            {done.controlTotalsChecked > 0 ? `; ${done.controlTotalsChecked} totali di controllo verificati` : ''}
            {done.replacedSpendingRows > 0 ? `; sostituite ${done.replacedSpendingRows} righe già presenti` : ''}.
          </p>
          <Link to={`${base}?anno=${Math.max(...done.years)}`}>Vedi i grafici e il controllo dei totali</Link>
        </div>
      )}
      <IssuesAlert result={failed ?? undefined} />

      <Form method="post" encType="multipart/form-data" className="row g-3 align-items-end">
        <CsrfField />
        <div className="col-md-5">
          <label htmlFor="field-spesa" className="form-label fw-semibold">
            File della spesa (CSV o XLSX)
          </label>
          <input
            id="field-spesa"
            name="spesa"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="form-control"
            required
            aria-describedby="field-spesa-hint"
          />
          <small id="field-spesa-hint" className="form-text d-block">
            Colonne: anno; ente; area; canale; importo_euro; note (facoltativa).
          </small>
        </div>
        <div className="col-md-4">
          <label htmlFor="field-utenti" className="form-label fw-semibold">
            File degli utenti (CSV, facoltativo)
          </label>
          <input id="field-utenti" name="utenti" type="file" accept=".csv,text/csv" className="form-control" aria-describedby="field-utenti-hint" />
          <small id="field-utenti-hint" className="form-text d-block">
            Colonne: anno; ente; area; utenti; facoltative spesa_euro, quota_pubblicata_pct, costo_utente_pubblicato_euro, fonte_pubblicati (valori pubblicati,
            controllati e non mescolati ai calcoli) e note.
          </small>
        </div>
        <div className="col-md-3">
          <button type="submit" className="btn btn-primary" disabled={navigation.state === 'submitting'}>
            {navigation.state === 'submitting' ? 'Importazione in corso…' : 'Importa'}
          </button>
        </div>
      </Form>

      <h2 className="h3 mt-5">Dati presenti</h2>
      {p.loaded.length === 0 ? (
        <p>Nessun dato di spesa importato.</p>
      ) : (
        <div className="table-responsive" tabIndex={0} role="region" aria-label="Righe di spesa presenti per anno ed ente">
          <table className="table table-sm" id="tabella-dati-presenti">
            <caption>Righe di spesa presenti per anno ed ente</caption>
            <thead>
              <tr>
                <th scope="col">Anno</th>
                <th scope="col">Ente</th>
                <th scope="col" className="num">
                  Righe
                </th>
                <th scope="col" className="num">
                  Totale
                </th>
              </tr>
            </thead>
            <tbody>
              {p.loaded.map((g) => (
                <tr key={`${g.year}-${g.ente}`}>
                  <th scope="row">{g.year}</th>
                  <td>{g.ente}</td>
                  <td className="num">{g.rows}</td>
                  <td className="num">{euro(g.totalCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
