// The rows of every public dataset of an Ambito, read from the other modules through their server faces. Each
// dataset says when its records last changed (`modified`). Counts of people receiving a service go through the
// privacy guard (publishCount): a suppressed cell is empty and its `*_soppresso` column says so.
import type { DbOrTx } from '../../shared/db/client.ts';
import { publishCount } from '../../shared/privacy/suppress.ts';
import { readFinanceCatalogue, readPlanBudgetForOpenData, readSpendingForOpenData } from '../finance/index.server.ts';
import { readPublicMeetings } from '../governance/index.server.ts';
import { readSocialWorkerSeries } from '../leps/index.server.ts';
import { readPlanResults } from '../monitoring/index.server.ts';
import { readParticipationFigures } from '../participation/index.server.ts';
import { fundName, readPublicPlans } from '../planning/index.server.ts';
import { listAmbitoComuni } from '../territory/index.server.ts';
import type { DatasetId, FundingColumn } from './opendata.datasets.ts';
import { FUNDING_COLUMNS } from './opendata.datasets.ts';
import { countsPeople, euros, fundingColumnOf, joinMulti, latestInstant, publishIndicatorValue, romeDay, type DatasetRow } from './opendata.rules.ts';

export interface BuildContext {
  db: DbOrTx;
  ambito: { id: string; code: string; name: string; regionCode: string; regionName: string };
  publisher: { publisherName: string; publisherIpaCode: string };
  /** The public base URL (no trailing slash), for the links a dataset carries. */
  base: string;
  now: Date;
}

export interface BuiltDataset {
  rows: DatasetRow[];
  /** The latest change of the records the rows come from (null: no record). */
  modified: Date | null;
}

/** The unit a plan's indicator is counted in, when the plan does not say: from its kind. */
const KIND_UNIT: Record<string, string> = { count: 'numero', ratio: 'percentuale', boolean: 'sì/no', category: 'stadio', duration: 'durata' };
const unitOf = (i: { kind: string; unit: string | null }) => i.unit ?? KIND_UNIT[i.kind] ?? null;

/** Reads shared by several datasets, once per build. */
function memo(ctx: BuildContext) {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    if (!cache.has(key)) cache.set(key, read());
    return cache.get(key) as Promise<T>;
  };
  const today = romeDay(ctx.now);
  return {
    plans: () => once('plans', () => readPublicPlans(ctx.db, ctx.ambito.id)),
    results: (planId: string) => once(`results:${planId}`, () => readPlanResults(ctx.db, planId, today)),
    budget: (planId: string) => once(`budget:${planId}`, () => readPlanBudgetForOpenData(ctx.db, planId)),
    catalogue: () => once('catalogue', () => readFinanceCatalogue(ctx.db)),
    members: (day: string) => once(`members:${day}`, () => listAmbitoComuni(ctx.db, ctx.ambito.id, day)),
    spending: () => once('spending', () => readSpendingForOpenData(ctx.db, ctx.ambito.id)),
  };
}

type Reads = ReturnType<typeof memo>;

const periodOf = (p: { periodStartYear: number; periodEndYear: number }) => `${p.periodStartYear}-${p.periodEndYear}`;

/** The cells that name a plan and one of its objectives, first in the rows of the objectives and budget datasets. */
const objectiveCells = (
  plan: { title: string; periodStartYear: number; periodEndYear: number; status: string },
  o: { code: string; title: string; kind: string; macroArea: string | null },
): DatasetRow => ({
  piano: plan.title,
  periodo: periodOf(plan),
  stato_piano: plan.status,
  codice_obiettivo: o.code,
  titolo_obiettivo: o.title,
  tipo_obiettivo: o.kind,
  macro_area: o.macroArea,
});

async function objectivesDataset(ctx: BuildContext, r: Reads): Promise<BuiltDataset> {
  const data = await r.plans();
  const rows: DatasetRow[] = [];
  const changes: (Date | null)[] = [];
  for (const plan of data.plans) {
    const results = await r.results(plan.id);
    changes.push(plan.updatedAt, results?.modified ?? null);
    for (const o of data.objectives.filter((x) => x.planId === plan.id)) {
      const actions = data.actions.filter((a) => a.objectiveId === o.id);
      const indicators = data.indicators.filter((i) => i.objectiveId === o.id);
      changes.push(o.updatedAt, ...actions.map((a) => a.updatedAt), ...indicators.map((i) => i.updatedAt));
      const res = results?.objectives.get(o.id) ?? null;
      const latestIndicator = res?.latest ? indicators.find((i) => i.id === res.latest!.indicatorId) : undefined;
      const latest = res?.latest && latestIndicator ? publishIndicatorValue(res.latest.value, countsPeople(latestIndicator.label, latestIndicator.unit)) : null;
      rows.push({
        ...objectiveCells(plan, o),
        aree_policy: joinMulti(o.policyAreas),
        prioritario: o.priority,
        numero_azioni: actions.length,
        numero_indicatori: indicators.length,
        avanzamento_pct: res?.progress ?? null,
        stato_target: res?.status ?? null,
        target_raggiunti: res?.counts.raggiunto ?? 0,
        target_non_raggiunti: res?.counts.non_raggiunto ?? 0,
        target_in_corso: res?.counts.in_corso ?? 0,
        target_dati_mancanti: res?.counts.dati_mancanti ?? 0,
        ultimo_risultato_indicatore: latestIndicator?.code ?? null,
        ultimo_risultato_periodo: res?.latest?.period ?? null,
        ultimo_risultato_valore: latest?.value === null || latest?.value === undefined ? null : String(latest.value),
        ultimo_risultato_soppresso: latest?.suppressed ?? false,
      });
    }
  }
  return { rows, modified: latestInstant(changes) };
}

async function actionsDataset(ctx: BuildContext, r: Reads): Promise<BuiltDataset> {
  const data = await r.plans();
  const { sources } = await r.catalogue();
  const kindOf = new Map(sources.map((s) => [s.code, s.kind]));
  const rows: DatasetRow[] = [];
  const changes: (Date | null)[] = [];
  const today = romeDay(ctx.now);
  for (const plan of data.plans) {
    const [results, budget] = await Promise.all([r.results(plan.id), r.budget(plan.id)]);
    changes.push(plan.updatedAt, results?.modified ?? null, budget?.modified ?? null);
    const end = `${plan.periodEndYear}-12-31`;
    const members = await r.members(end < today ? end : today);
    const territory = {
      cod_regione: ctx.ambito.regionCode,
      den_regione: ctx.ambito.regionName,
      cod_provincia: joinMulti(members.map((m) => m.istatCode.slice(0, 3))),
      cod_comune: joinMulti(members.map((m) => m.istatCode)),
      den_comune: joinMulti(members.map((m) => m.name)),
    };
    /** Funding by source and the finance records of one objective (actionId null) or action. */
    const money = (objectiveId: string, actionId: string | null) => {
      const keys = (budget?.rows ?? []).filter((k) => k.objectiveId === objectiveId && k.actionId === actionId);
      const funding = Object.fromEntries(FUNDING_COLUMNS.map((c) => [c, 0])) as Record<FundingColumn, number>;
      for (const k of keys) funding[fundingColumnOf({ code: k.fund, kind: kindOf.get(k.fund) ?? null })] += k.budgetedCents;
      const sum = (values: (number | null)[]) => (values.some((v) => v !== null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null);
      const has = keys.length > 0;
      return {
        has,
        cells: {
          ...Object.fromEntries(FUNDING_COLUMNS.map((c) => [c, has ? euros(funding[c]) : null])),
          finanz_da_reperire: null,
          finanz_totale: has ? euros(keys.reduce((s, k) => s + k.budgetedCents, 0)) : null,
          preventivato: euros(sum(keys.map((k) => (k.budgetedSource === 'cut_off' ? k.budgetedCents : null)))),
          impegni: euros(sum(keys.map((k) => k.committedCents))),
          pagamenti: euros(sum(keys.map((k) => k.paidCents))),
          data_rilevazione_finanziaria:
            keys
              .map((k) => k.lastCutOff)
              .filter((d): d is string => !!d)
              .sort()
              .at(-1) ?? null,
        },
      };
    };
    /** Up to four indicators with their target (the last year's threshold) and achieved value (the latest year measured). */
    const slots = (indicators: typeof data.indicators) =>
      Object.fromEntries(
        indicators.slice(0, 4).flatMap((i, k) => {
          const years = results?.indicators.get(i.id)?.years ?? [];
          const target = [...years].reverse().find((y) => y.targetValue !== null)?.targetValue ?? null;
          const achieved = [...years].reverse().find((y) => y.value !== null && typeof y.value !== 'string' && typeof y.value !== 'boolean');
          const value = achieved ? publishIndicatorValue(achieved.value, countsPeople(i.label, i.unit)) : { value: null, suppressed: false };
          const n = k + 1;
          return [
            [`indicatore_${n}_codice`, i.code],
            [`indicatore_${n}_descrizione`, i.label],
            [`indicatore_${n}_unita`, unitOf(i)],
            [`indicatore_${n}_target`, target],
            [`indicatore_${n}_realizzato`, typeof value.value === 'number' ? value.value : null],
            [`indicatore_${n}_soppresso`, value.suppressed],
          ];
        }),
      );
    for (const o of data.objectives.filter((x) => x.planId === plan.id)) {
      const base = `${ctx.ambito.code}-${periodOf(plan)}-${o.code}`;
      const common = {
        cup: null,
        programma: plan.title,
        periodo: periodOf(plan),
        codice_obiettivo: o.code,
        titolo_obiettivo: o.title,
        tema: o.kind === 'leps' ? 'LEPS' : o.macroArea,
        ...territory,
        soggetto_programmatore: ctx.publisher.publisherName,
        cod_ipa_programmatore: ctx.publisher.publisherIpaCode,
        cf_soggetto_attuatore: null,
        data_inizio_effettiva: null,
        data_fine_effettiva: null,
      };
      const own = data.indicators.filter((i) => i.objectiveId === o.id && i.actionId === null);
      const objectiveMoney = money(o.id, null);
      if (objectiveMoney.has || own.length) {
        rows.push({
          cod_locale_progetto: base,
          tipo_riga: 'obiettivo',
          ...common,
          numero_azione: null,
          titolo_progetto: o.title,
          sintesi_progetto: null,
          ...objectiveMoney.cells,
          data_inizio_prevista: null,
          data_fine_prevista: null,
          stato_progetto: null,
          avanzamento_pct: results?.objectives.get(o.id)?.progress ?? null,
          responsabile: null,
          ...slots(own),
          data_aggiornamento: romeDay(latestInstant([o.updatedAt, ...own.map((i) => i.updatedAt), budget?.modified, results?.modified])!),
        });
      }
      for (const a of data.actions.filter((x) => x.objectiveId === o.id)) {
        const indicators = data.indicators.filter((i) => i.actionId === a.id);
        changes.push(a.updatedAt, ...indicators.map((i) => i.updatedAt));
        rows.push({
          cod_locale_progetto: `${base}-${a.number}`,
          tipo_riga: 'azione',
          ...common,
          numero_azione: a.number,
          titolo_progetto: a.description,
          sintesi_progetto: a.expectedResults.length ? a.expectedResults.join(' | ') : null,
          ...money(o.id, a.id).cells,
          data_inizio_prevista: a.startDate,
          data_fine_prevista: a.endDate,
          stato_progetto: a.status,
          avanzamento_pct: a.realisationPercent,
          responsabile: a.responsible,
          ...slots(indicators),
          data_aggiornamento: romeDay(latestInstant([a.updatedAt, ...indicators.map((i) => i.updatedAt), budget?.modified, results?.modified])!),
        });
      }
      changes.push(o.updatedAt, ...own.map((i) => i.updatedAt));
    }
  }
  return { rows, modified: latestInstant(changes) };
}

async function indicatorsDataset(_ctx: BuildContext, r: Reads): Promise<BuiltDataset> {
  const data = await r.plans();
  const rows: DatasetRow[] = [];
  const changes: (Date | null)[] = [];
  for (const plan of data.plans) {
    const results = await r.results(plan.id);
    changes.push(plan.updatedAt, results?.modified ?? null);
    for (const o of data.objectives.filter((x) => x.planId === plan.id))
      for (const i of data.indicators.filter((x) => x.objectiveId === o.id)) {
        changes.push(i.updatedAt);
        const people = countsPeople(i.label, i.unit);
        const action = i.actionId ? data.actions.find((a) => a.id === i.actionId) : undefined;
        for (const y of results?.indicators.get(i.id)?.years ?? []) {
          const v = publishIndicatorValue(y.value, people);
          rows.push({
            piano: plan.title,
            periodo: periodOf(plan),
            stato_piano: plan.status,
            codice_obiettivo: o.code,
            numero_azione: action?.number ?? null,
            codice_indicatore: i.code,
            indicatore: i.label,
            tipo_indicatore: i.kind,
            livello_indicatore: i.level,
            unita: unitOf(i),
            periodicita: i.periodicity,
            anno: y.year,
            target_testo: y.targetText,
            target_valore: y.targetValue,
            valore: v.value === null ? null : String(v.value),
            valore_completo: y.value === null ? null : y.complete,
            valore_soppresso: v.suppressed,
            stato_target: y.status,
          });
        }
      }
  }
  return { rows, modified: latestInstant(changes) };
}

/** The cells of the year, the ente (the Ambito's own row, or a comune's) and the area of a spending or users row. */
const yearEnteAreaCells = (
  r: { year: number; istatCode: string | null; comuneName: string | null; areaCode: string },
  areas: readonly { code: string; name: string }[],
): DatasetRow => ({
  anno: r.year,
  livello: r.istatCode === null ? 'ambito' : 'comune',
  codice_istat_comune: r.istatCode,
  comune: r.comuneName,
  codice_area: r.areaCode,
  area: areas.find((a) => a.code === r.areaCode)?.name ?? null,
});

async function spendingDataset(ctx: BuildContext, r: Reads): Promise<BuiltDataset> {
  const [spending, { sources, areas }] = await Promise.all([r.spending(), r.catalogue()]);
  const areaOrder = new Map(areas.map((a, i) => [a.code, i]));
  const sourceOrder = new Map(sources.map((s, i) => [s.code, i]));
  const facts = [...spending.facts].sort(
    (a, b) =>
      a.year - b.year ||
      (a.istatCode ?? '').localeCompare(b.istatCode ?? '') ||
      (areaOrder.get(a.areaCode) ?? 999) - (areaOrder.get(b.areaCode) ?? 999) ||
      (sourceOrder.get(a.channelCode) ?? 999) - (sourceOrder.get(b.channelCode) ?? 999),
  );
  const rows = facts.map((f): DatasetRow => {
    const cov = spending.coverage.get(f.year)!;
    const source = sources.find((s) => s.code === f.channelCode);
    return {
      ...yearEnteAreaCells(f, areas),
      codice_canale: f.channelCode,
      canale: source?.name ?? null,
      tipo_canale: source?.kind ?? null,
      importo_euro: euros(f.amountCents),
      copertura_base: cov.basis,
      copertura_comuni_con_dati: cov.withData.length,
      copertura_comuni_membri: cov.members.length,
      copertura_completa: cov.complete,
    };
  });
  return { rows, modified: spending.spendingModified };
}

async function usersDataset(ctx: BuildContext, r: Reads): Promise<BuiltDataset> {
  const [spending, { areas }] = await Promise.all([r.spending(), r.catalogue()]);
  const areaOrder = new Map(areas.map((a, i) => [a.code, i]));
  const users = [...spending.users].sort(
    (a, b) =>
      a.year - b.year || (a.istatCode ?? '').localeCompare(b.istatCode ?? '') || (areaOrder.get(a.areaCode) ?? 999) - (areaOrder.get(b.areaCode) ?? 999),
  );
  const rows = users.map((u): DatasetRow => {
    const count = publishCount(u.users);
    return {
      ...yearEnteAreaCells(u, areas),
      utenti: count.value,
      utenti_soppresso: count.suppressed,
      spesa_area_euro: euros(u.spendCents),
    };
  });
  return { rows, modified: spending.usersModified };
}

async function budgetDataset(_ctx: BuildContext, r: Reads): Promise<BuiltDataset> {
  const [data, { sources }] = await Promise.all([r.plans(), r.catalogue()]);
  const rows: DatasetRow[] = [];
  const changes: (Date | null)[] = [];
  for (const plan of data.plans)
    for (const o of data.objectives.filter((x) => x.planId === plan.id))
      for (const l of data.budgetLines.filter((x) => x.objectiveId === o.id)) {
        changes.push(l.updatedAt);
        const source = sources.find((s) => s.code === l.fund);
        rows.push({
          ...objectiveCells(plan, o),
          codice_fondo: l.fund,
          fondo: source?.name ?? fundName(l.fund),
          tipo_fondo: source?.kind ?? null,
          anno: l.year,
          importo_euro: euros(l.amountCents),
          condiviso_con: joinMulti(l.sharedAmong),
          nota: l.note,
        });
      }
  return { rows, modified: latestInstant(changes) };
}

async function socialWorkersDataset(ctx: BuildContext): Promise<BuiltDataset> {
  const year = Number(romeDay(ctx.now).slice(0, 4));
  const series = await readSocialWorkerSeries(ctx.db, ctx.ambito.id, year);
  return {
    rows: series.years.map((y) => ({
      anno: y.year,
      popolazione: y.population,
      anno_popolazione: y.populationYear,
      etp_tempo_indeterminato: y.fte.tempo_indeterminato_ambito_comuni,
      etp_dipendenti: y.fte.dipendenti_ambito_comuni,
      etp_totale: y.fte.tutto_il_personale,
      abitanti_per_etp: y.inhabitantsPerFte,
      etp_richiesti_leps: y.leps.requiredFte,
      stato_leps: y.leps.status,
      etp_richiesti_obiettivo: y.serviceObjective.requiredFte,
      stato_obiettivo: y.serviceObjective.status,
    })),
    modified: series.modified,
  };
}

async function participationDataset(ctx: BuildContext): Promise<BuiltDataset> {
  const { figures: f, tableNames, day, lastRecordDay } = await readParticipationFigures(ctx.db, ctx.ambito.id, ctx.now);
  const row = (figura: string, numero: number, dettaglio: string | null = null): DatasetRow => ({ figura, dettaglio, numero, data_riferimento: day });
  const rows: DatasetRow[] = [
    row('tavoli', f.tables),
    row('organizzazioni_aderenti', f.memberOrganisations),
    row('incontri_svolti', f.meetingsHeld),
    row('incontri_con_presenze_registrate', f.attendanceRecorded.numerator),
    row('persone_presenti', f.peoplePresent),
    row('organizzazioni_partecipanti', f.organisationsTookPart),
    ...f.byTable.map((t) => row('incontri_svolti_per_tavolo', t.held, tableNames[t.tableId] ?? null)),
    ...f.organisationsByKind.map((k) => row('organizzazioni_per_tipo', k.count, k.kind)),
    ...f.organisationsByArea.map((a) => row('organizzazioni_per_area', a.count, a.area)),
    row('bisogni', f.needsTotal),
    ...f.needsBySource.map((s) => row('bisogni_per_fonte', s.count, s.source)),
    row('proposte', f.proposalsTotal),
    row('proposte_con_risposta', f.proposalsAnswered),
    ...f.proposalsByOutcome.map((p) => row('proposte_per_esito', p.count, p.outcome)),
    row('risposte_questionari', f.responsesTotal),
  ];
  // The records say their day, not their instant: midday of that day, never later than now.
  return { rows, modified: lastRecordDay ? new Date(Math.min(Date.parse(`${lastRecordDay}T12:00:00Z`), ctx.now.getTime())) : null };
}

async function meetingsDataset(ctx: BuildContext): Promise<BuiltDataset> {
  const { meetings, modified } = await readPublicMeetings(ctx.db, ctx.ambito.id);
  return {
    rows: meetings.map((m) => ({
      id_riunione: m.id,
      data: m.day,
      ora_inizio: m.startTime,
      ora_fine: m.endTime,
      organo: m.bodyName,
      tipo_organo: m.bodyType,
      titolo: m.title,
      luogo: m.place,
      stato: m.status,
      punti_ordine_del_giorno: m.agenda.length,
      ordine_del_giorno: m.agenda.length ? m.agenda.join(' | ') : null,
      verbale_approvato_il: m.minutesApprovedAt,
      link_verbale: m.minutesApprovedAt ? `${ctx.base}/portale/${encodeURIComponent(ctx.ambito.code)}/calendario/${m.id}/verbale.txt` : null,
    })),
    modified,
  };
}

const BUILDERS: Record<DatasetId, (ctx: BuildContext, r: Reads) => Promise<BuiltDataset>> = {
  obiettivi: objectivesDataset,
  azioni: actionsDataset,
  indicatori: indicatorsDataset,
  'spesa-sociale': spendingDataset,
  'utenti-servizi': usersDataset,
  'bilancio-piano': budgetDataset,
  'leps-assistenti-sociali': socialWorkersDataset,
  partecipazione: participationDataset,
  riunioni: meetingsDataset,
};

/** The datasets asked for (all of them by default), built with shared reads. */
export async function buildDatasets(ctx: BuildContext, ids: readonly DatasetId[]): Promise<Map<DatasetId, BuiltDataset>> {
  const reads = memo(ctx);
  const out = new Map<DatasetId, BuiltDataset>();
  for (const id of ids) out.set(id, await BUILDERS[id](ctx, reads));
  return out;
}
