import { data, Form, Link, redirect, useNavigation } from 'react-router';
import type { Route } from './+types/evaluation-objective';
import { formAction, getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { CsrfField, Field, FormAlert } from '../../../shared/ui/forms.tsx';
import { can as canPlanning, type PlanStatus } from '../../planning/index.ts';
import { RESOURCE_ADEQUACY_LEVELS, SPENDING_CLASS_LABELS, SPENDING_CLASSES } from '../evaluation.rules.ts';
import { carryOverObjective, saveObjectiveEvaluation } from '../monitoring.commands.ts';
import { abilitiesFor, authorize } from '../monitoring.policy.ts';
import { getObjectiveEvaluation } from '../monitoring.queries.ts';
import { isUuid, requireMonitoringPlan } from '../monitoring.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { header } = await requireMonitoringPlan(db, params.code, params.planId);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'monitoring.read', header.scope, { hide: true }));
  const d = isUuid(params.objectiveId) ? await getObjectiveEvaluation(db, params.objectiveId) : null;
  if (!d || d.plan.id !== header.plan.id) throw data('Obiettivo non trovato', { status: 404 });
  const o = d.objective;
  const e = o.evaluation;
  return {
    code: params.code,
    plan: { id: d.plan.id, title: d.plan.title, period: `${d.plan.periodStartYear}–${d.plan.periodEndYear}` },
    objective: {
      id: o.id,
      code: o.code,
      title: o.title,
      macroArea: o.macroArea,
      actions: o.actions,
      grade: o.grade ? { label: o.grade.label, formula: o.grade.formula } : null,
      ungradedReason: o.ungradedReason,
      published: o.published,
      publishedMatches: o.publishedMatches,
      spending: o.spending,
    },
    evaluation: e
      ? {
          version: e.version,
          realisationStatements: e.realisationStatements,
          realisationNotes: e.realisationNotes,
          usersEvaluation: e.usersEvaluation,
          resourceAdequacyText: e.resourceAdequacyText,
          resourceAdequacyLevel: e.resourceAdequacyLevel,
          spendingText: e.spendingText,
          spendingClass: e.spendingClass,
          spendingPercent: e.spendingPercent,
          spendingBudgetedCents: e.spendingBudgetedCents,
          spendingPaidCents: e.spendingPaidCents,
          criticalIssues: e.criticalIssues,
          needAnswered: e.needAnswered,
          needAnsweredText: e.needAnsweredText,
          continuityWithPrevious: e.continuityWithPrevious,
          reproposed: e.reproposed,
          reproposedText: e.reproposedText,
          source: e.source,
        }
      : null,
    next: d.next,
    nextObjectives: d.nextObjectives,
    canEditNext: d.next ? canPlanning(actor, 'plan.edit', { ...header.scope, status: d.next.status as PlanStatus }) : false,
    can: abilitiesFor(actor, header.scope),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  await requireMonitoringPlan(db, params.code, params.planId);
  if (!isUuid(params.objectiveId)) throw data('Obiettivo non trovato', { status: 404 });
  const form = await request.formData();
  const fields: Record<string, unknown> = Object.fromEntries([...form].filter(([k]) => k !== 'actionIds'));
  fields.actionIds = form.getAll('actionIds').map(String);
  return formAction(request, async () => {
    if (fields.intent === 'carryover') {
      const r = await carryOverObjective({ db, actor, objectiveId: params.objectiveId, input: fields });
      // Into an adopted plan the carry-over is a proposal of its draft variation, shown on the plan's page.
      return redirect(
        r.objective
          ? `/ambiti/${params.code}/piani/${r.nextPlanId}/obiettivi/${r.objective.id}`
          : `/ambiti/${params.code}/piani/${r.nextPlanId}#variations-title`,
      );
    }
    await saveObjectiveEvaluation({ db, actor, objectiveId: params.objectiveId, input: fields });
    return { ok: true as const, message: 'Valutazione salvata.' };
  });
}

const YES_NO = [
  ['', '—'],
  ['yes', 'Sì'],
  ['no', 'No'],
  ['not_applicable', 'Non pertinente'],
] as const;

const cents = (c: number | null | undefined) =>
  c === null || c === undefined ? '' : (c / 100).toLocaleString('it-IT', { minimumFractionDigits: c % 100 ? 2 : 0, maximumFractionDigits: 2 });

export default function EvaluationObjective({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const navigation = useNavigation();
  const failed = actionData && 'fieldErrors' in actionData ? actionData : undefined;
  const done = actionData && 'message' in actionData ? actionData.message : null;
  const errors: Record<string, string | undefined> = failed?.fieldErrors ?? {};
  const e = d.evaluation;
  const o = d.objective;
  const base = `/ambiti/${d.code}/monitoraggio/${d.plan.id}`;
  const self = `${base}/valutazione/${o.id}`;
  const editable = d.can['evaluation.write'];
  const area = (name: string, label: string, value: string | null | undefined, hint?: string) => (
    <Field name={name} label={label} error={errors[name]} hint={hint}>
      {(f) => <textarea {...f} rows={3} defaultValue={value ?? ''} readOnly={!editable} />}
    </Field>
  );
  const select = (name: string, label: string, value: string | null | undefined, options: readonly (readonly [string, string])[]) => (
    <Field name={name} label={label} error={errors[name]}>
      {(f) => (
        <select {...f} className="form-select" defaultValue={value ?? ''} disabled={!editable}>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <>
      <title>{`Valutazione dell’obiettivo ${o.code} – ${d.plan.title}`}</title>
      <nav aria-label="Percorso" className="breadcrumb-container">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to={`/ambiti/${d.code}/monitoraggio`}>Monitoraggio</Link>
          </li>
          <li className="breadcrumb-item">
            <Link to={`${base}/valutazione`}>Valutazione {d.plan.period}</Link>
          </li>
          <li className="breadcrumb-item active" aria-current="page">
            Obiettivo {o.code}
          </li>
        </ol>
      </nav>
      <h1>
        Obiettivo {o.code} – {o.title}
      </h1>
      {o.macroArea && <p className="lead">{o.macroArea}</p>}

      <h2 className="h4">Grado di raggiungimento (dimensione output)</h2>
      {o.grade ? (
        <p>
          <strong data-testid="grade">{o.grade.label}</strong>
          <br />
          <span className="small">{o.grade.formula}</span>
        </p>
      ) : (
        <p>Non calcolabile: {o.ungradedReason}.</p>
      )}
      {o.published && (
        <p className="small">
          Grado pubblicato nel documento: {o.published.percent}% ({o.published.band}) —{' '}
          {o.publishedMatches ? 'coincide con il calcolo.' : 'diverso dal calcolo: verifica le percentuali delle azioni.'}
        </p>
      )}
      <table className="table table-sm">
        <caption>Azioni programmate e loro realizzazione</caption>
        <thead>
          <tr>
            <th scope="col">Azione</th>
            <th scope="col">Descrizione</th>
            <th scope="col" className="num">
              Realizzazione
            </th>
          </tr>
        </thead>
        <tbody>
          {o.actions.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.number}</th>
              <td>{a.description}</td>
              <td className="num">{a.realisationPercent === null ? '—' : `${a.realisationPercent}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {e && e.realisationStatements.length > 0 && (
        <p className="small">
          Come scritto nella valutazione: {e.realisationStatements.join('; ')}
          {e.realisationNotes ? `. ${e.realisationNotes}` : ''}
        </p>
      )}

      <h2 className="h4 mt-4">Griglia di valutazione</h2>
      {done && (
        <div className="alert alert-success" role="status">
          {done}
        </div>
      )}
      <FormAlert result={failed} reloadHref={self} />
      <Form method="post" noValidate key={`${e?.version ?? 0}`} aria-label={`Griglia di valutazione dell’obiettivo ${o.code}`}>
        <CsrfField />
        <input type="hidden" name="version" value={e?.version ?? 0} />
        {area('usersEvaluation', 'Valutazione da parte degli utenti', e?.usersEvaluation)}
        <div className="row">
          <div className="col-md-4">
            {select('resourceAdequacyLevel', 'Livello di adeguatezza delle risorse umane e strumentali', e?.resourceAdequacyLevel, [
              ['', '—'],
              ...RESOURCE_ADEQUACY_LEVELS.map((l) => [l, l] as const),
            ])}
          </div>
          <div className="col-md-8">{area('resourceAdequacyText', 'Adeguatezza delle risorse: come scritto', e?.resourceAdequacyText)}</div>
        </div>
        <fieldset className="mb-3">
          <legend className="h6">Livello di coincidenza tra risorse stanziate e risorse impegnate/liquidate</legend>
          <div className="row">
            <div className="col-md-3">
              <Field
                name="spendingBudgetedCents"
                label="Stanziato (euro)"
                error={errors.spendingBudgetedCents}
                hint="Con i due importi la classe si calcola da sola."
              >
                {(f) => <input {...f} type="text" inputMode="decimal" defaultValue={cents(e?.spendingBudgetedCents)} readOnly={!editable} />}
              </Field>
            </div>
            <div className="col-md-3">
              <Field name="spendingPaidCents" label="Impegnato/liquidato (euro)" error={errors.spendingPaidCents}>
                {(f) => <input {...f} type="text" inputMode="decimal" defaultValue={cents(e?.spendingPaidCents)} readOnly={!editable} />}
              </Field>
            </div>
            <div className="col-md-4">
              {select('spendingClass', 'Classe (senza importi)', e?.spendingClass, [
                ['', '—'],
                ...SPENDING_CLASSES.map((c) => [c, SPENDING_CLASS_LABELS[c]] as const),
              ])}
            </div>
            <div className="col-md-2">
              <Field name="spendingPercent" label="Percentuale" error={errors.spendingPercent}>
                {(f) => <input {...f} type="text" inputMode="decimal" defaultValue={e?.spendingPercent ?? ''} readOnly={!editable} />}
              </Field>
            </div>
          </div>
          {o.spending?.formula && <p className="small">{o.spending.formula}</p>}
          {area('spendingText', 'Coincidenza delle risorse: come scritto', e?.spendingText)}
        </fieldset>
        {area('criticalIssues', 'Criticità emerse', e?.criticalIssues)}
        <div className="row">
          <div className="col-md-4">{select('needAnswered', 'L’obiettivo ha risposto al bisogno?', e?.needAnswered, YES_NO)}</div>
          <div className="col-md-8">{area('needAnsweredText', 'Perché', e?.needAnsweredText)}</div>
        </div>
        <div className="row">
          <div className="col-md-4">
            {select('continuityWithPrevious', 'In continuità con la programmazione precedente?', e?.continuityWithPrevious, [
              ['', '—'],
              ['yes', 'Sì'],
              ['no', 'No'],
            ])}
          </div>
          <div className="col-md-4">{select('reproposed', 'Riproposto nella prossima programmazione?', e?.reproposed, YES_NO)}</div>
          <div className="col-md-4">{area('reproposedText', 'Perché (riproposizione)', e?.reproposedText)}</div>
        </div>
        {e?.source && <p className="small">Fonte: {e.source}</p>}
        {editable && (
          <button type="submit" className="btn btn-primary" disabled={navigation.state === 'submitting'}>
            Salva la valutazione
          </button>
        )}
      </Form>

      {d.next && (
        <section className="my-5" aria-labelledby="carry-title">
          <h2 className="h4" id="carry-title">
            Riporta nel piano {d.next.periodStartYear}–{d.next.periodEndYear}
          </h2>
          {d.nextObjectives.filter((n) => n.continues === o.code).length > 0 && (
            <p>
              Già in continuità:{' '}
              {d.nextObjectives
                .filter((n) => n.continues === o.code)
                .map((n) => `${n.code} – ${n.title}`)
                .join('; ')}
              .
            </p>
          )}
          {!e ? (
            <p>Salva prima la valutazione dell’obiettivo.</p>
          ) : d.can.carryover && d.canEditNext ? (
            <Form method="post" noValidate aria-label="Riporta l’obiettivo nel piano successivo">
              <CsrfField />
              <input type="hidden" name="intent" value="carryover" />
              <fieldset className="mb-3">
                <legend className="h6">Come</legend>
                <div className="form-check">
                  <input className="form-check-input" type="radio" name="mode" id="mode-link" value="link" defaultChecked />
                  <label className="form-check-label" htmlFor="mode-link">
                    Collega un obiettivo già presente nel nuovo piano
                  </label>
                </div>
                <div className="form-check">
                  <input className="form-check-input" type="radio" name="mode" id="mode-new" value="new" />
                  <label className="form-check-label" htmlFor="mode-new">
                    Crea un nuovo obiettivo copiando quello che scegli
                  </label>
                </div>
              </fieldset>
              <Field name="targetObjectiveId" label="Obiettivo del nuovo piano da collegare" error={errors.targetObjectiveId}>
                {(f) => (
                  <select {...f} className="form-select" defaultValue="">
                    <option value="">Scegli…</option>
                    {d.nextObjectives.map((n) => (
                      <option key={n.id} value={n.id}>
                        {n.code} – {n.title.slice(0, 90)}
                        {n.continues ? ` (continua ${n.continues})` : ''}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <fieldset className="mb-3">
                <legend className="h6">Nuovo obiettivo: che cosa copiare</legend>
                <div className="row">
                  <div className="col-md-3">
                    <Field name="code" label="Codice del nuovo obiettivo" error={errors.code}>
                      {(f) => <input {...f} type="text" />}
                    </Field>
                  </div>
                  <div className="col-md-9">
                    <Field name="title" label="Titolo (se non copi quello attuale)" error={errors.title}>
                      {(f) => <input {...f} type="text" />}
                    </Field>
                  </div>
                </div>
                {(
                  [
                    ['copyTitle', `il titolo («${o.title}»)`],
                    ['copyMacroArea', 'la macro-area'],
                    ['copyDescription', 'la descrizione'],
                    ['copyCriticalIssues', 'le criticità emerse, come nota nella descrizione'],
                  ] as const
                ).map(([name, label]) => (
                  <div className="form-check" key={name}>
                    <input className="form-check-input" type="checkbox" name={name} id={name} />
                    <label className="form-check-label" htmlFor={name}>
                      Copia {label}
                    </label>
                  </div>
                ))}
                <p className="mt-2 mb-1">Azioni da riportare:</p>
                {o.actions.map((a) => (
                  <div className="form-check" key={a.id}>
                    <input className="form-check-input" type="checkbox" name="actionIds" value={a.id} id={`carry-${a.id}`} />
                    <label className="form-check-label" htmlFor={`carry-${a.id}`}>
                      Azione {a.number} ({a.realisationPercent ?? '—'}%): {a.description.slice(0, 140)}
                      {a.description.length > 140 ? '…' : ''}
                    </label>
                  </div>
                ))}
              </fieldset>
              <button type="submit" className="btn btn-outline-primary" disabled={navigation.state === 'submitting'}>
                Riporta nel piano {d.next.periodStartYear}–{d.next.periodEndYear}
              </button>
            </Form>
          ) : (
            <p className="small">Solo l’Ufficio di Piano può riportare l’obiettivo, e solo finché il piano successivo è modificabile.</p>
          )}
        </section>
      )}
    </>
  );
}

export function meta() {
  return [{ title: 'Valutazione dell’obiettivo – Cantiere' }];
}
