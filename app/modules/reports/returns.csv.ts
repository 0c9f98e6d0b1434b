/**
 * The returns as files to upload or copy: CSV, `;`, UTF-8 with BOM, CRLF (shared/exports/csv.ts writeCsv, which also
 * neutralises text cells starting with = + - @). Column names are the names of the national and regional forms,
 * Italian whatever language the page is read in; amounts in euro with a dot decimal (cents / 100), FTE with up to
 * four decimals. Each file ends with its sources, so that the file read alone says where its figures come from.
 */
import { writeCsv, type CsvValue } from '../../shared/exports/csv.ts';
import { translate, type MessageKey } from '../../shared/i18n/messages.ts';
import type { AreaChannelTable, FnpsMatrix, FundReturn, SiossReturn, SocialWorkerReturn } from './returns.rules.ts';

const euro = (cents: number | null) => (cents === null ? null : cents / 100);
const it = (key: string) => translate('it', key as MessageKey);

export interface ReturnFileContext {
  ambitoCode: string;
  ambitoName: string;
  generatedAt: string;
}

/** L. 178/2020, art. 1, c. 797: one line per field of the ministerial return (quadro, voce, valore). */
export function socialWorkerReturnCsv(r: SocialWorkerReturn, ctx: ReturnFileContext): string {
  const rows: CsvValue[][] = [];
  const add = (quadro: string, voce: string, valore: CsvValue, unita: string | null = null) => rows.push([quadro, voce, valore, unita]);
  add('Ambito', 'Codice Ambito', ctx.ambitoCode);
  add('Ambito', 'Denominazione Ambito', ctx.ambitoName);
  add('Ambito', 'Anno di riferimento', r.year);
  add('Popolazione', 'Popolazione residente', r.population?.population ?? null, 'abitanti');
  add('Popolazione', 'Anno del dato di popolazione', r.population?.year ?? null);
  add('Popolazione', 'Data di riferimento della popolazione', r.population?.referenceDate ?? null);
  add(
    'Popolazione',
    'Base del dato',
    r.population ? (r.population.basis === 'ambito' ? 'totale dell’Ambito' : 'somma dei comuni dell’Ambito') : 'dato mancante',
  );
  for (const k of r.byEmployer) {
    const q = k.counted ? `Assistenti sociali al ${r.day} – enti conteggiati` : `Assistenti sociali al ${r.day} – enti esclusi`;
    add(q, `${it(`leps.employerKind.${k.kind}`)} – numero`, k.posts, 'persone');
    add(q, `${it(`leps.employerKind.${k.kind}`)} – ETP`, k.fte, 'ETP');
    if (k.counted) add(q, `${it(`leps.employerKind.${k.kind}`)} – ETP a tempo indeterminato`, k.permanentFte, 'ETP');
  }
  add('Contributo', 'ETP assistenti sociali a tempo indeterminato (Ambito e comuni)', r.permanentFte, 'ETP');
  add('Contributo', 'Rapporto abitanti per ETP', r.inhabitantsPerFte, 'abitanti/ETP');
  for (const b of r.contribution.bands) {
    const q = `Fascia ${b.letter}) da 1:${b.startInhabitantsPerWorker} a 1:${b.endInhabitantsPerWorker}`;
    add(q, 'ETP di inizio fascia', b.fromFte, 'ETP');
    add(q, 'ETP di fine fascia', b.toFte, 'ETP');
    add(q, 'ETP conteggiati nella fascia', b.countedFte, 'ETP');
    add(q, 'Importo per ETP', euro(b.centsPerFte), 'euro');
    add(q, 'Contributo della fascia', euro(b.amountCents), 'euro');
  }
  add('Contributo', 'Contributo spettante', euro(r.contribution.totalCents), 'euro');
  add('Assunzioni nell’anno', 'Assunzioni a tempo indeterminato – numero', r.hires.length, 'persone');
  add('Assunzioni nell’anno', 'Assunzioni a tempo indeterminato – ETP', sumFte(r.hires), 'ETP');
  add('Cessazioni nell’anno', 'Cessazioni a tempo indeterminato – numero', r.leavers.length, 'persone');
  add('Cessazioni nell’anno', 'Cessazioni a tempo indeterminato – ETP', sumFte(r.leavers), 'ETP');
  const q = `Previsione ${r.forecast.year} (posti registrati in servizio al ${r.forecast.day})`;
  add(q, 'ETP a tempo indeterminato previsti', r.forecast.permanentFte, 'ETP');
  add(q, 'Popolazione usata', r.forecast.population?.population ?? null, 'abitanti');
  add(q, 'Contributo previsto', euro(r.forecast.contribution.totalCents), 'euro');
  add('Fonti', 'Righe del personale registrate', r.sources.rows);
  add('Fonti', 'Righe conteggiate', r.sources.counted.length);
  add('Fonti', 'Righe escluse (ente o contratto)', r.sources.excluded.length);
  add('Fonti', 'Righe non in servizio alla data', r.sources.notInService);
  add('Fonti', 'Codici registrati due volte alla data', r.sources.overlaps.join(', ') || 'nessuno');
  add('Fonti', 'Generato il', ctx.generatedAt);
  return writeCsv(['Quadro', 'Voce', 'Valore', 'Unità'], rows);
}

const sumFte = (list: readonly { fte: number }[]) => Math.round(list.reduce((s, x) => s + x.fte * 10_000, 0)) / 10_000;

const MANAGEMENT_IT: Record<string, string> = {
  associata_ambito: 'Gestione associata dell’Ambito',
  singolo_comune: 'Gestione del singolo comune',
  delega_asl: 'Delega all’azienda sanitaria',
  affidamento_terzo_settore: 'Affidamento al Terzo settore',
  altro: 'Altra forma',
};

/** SIOSS, the offer: one line per national type of service (the tick-list), with how and by whom it is run. */
export function siossOfferCsv(r: SiossReturn, ctx: ReturnFileContext): string {
  return writeCsv(
    [
      'Codice Ambito',
      'Anno',
      'Macro attività',
      'Codice intervento/servizio',
      'Denominazione intervento/servizio',
      'Presente',
      'Numero servizi',
      'Forme di gestione',
      'Enti attuatori',
      'Utenti',
      'Spesa (euro)',
      'Servizi con dati dell’anno',
    ],
    r.offer.map((o) => [
      ctx.ambitoCode,
      r.year,
      o.macroName ?? o.macroCode,
      o.typeCode,
      o.typeName ?? 'codice non presente nel nomenclatore',
      'SI',
      o.serviceCodes.length,
      o.managements.map((m) => MANAGEMENT_IT[m]).join(' | '),
      o.providers.join(' | '),
      o.users,
      euro(o.spendCents),
      o.withFigures,
    ]),
  );
}

/** SIOSS, how the function is exercised: the implementing bodies, a health agency once. */
export function siossBodiesCsv(r: SiossReturn, ctx: ReturnFileContext): string {
  return writeCsv(
    ['Codice Ambito', 'Anno', 'Ente attuatore', 'Codice fiscale/IPA', 'Azienda sanitaria', 'Forme di gestione', 'Numero servizi', 'Servizi'],
    r.bodies.map((b) => [
      ctx.ambitoCode,
      r.year,
      b.name,
      b.code,
      b.healthAgency ? 'SI' : 'NO',
      b.managements.map((m) => MANAGEMENT_IT[m]).join(' | '),
      b.serviceCodes.length,
      b.serviceCodes.join(' | '),
    ]),
  );
}

/** The national funds: one line per fund × area × activity × quota, then one line per fund with its totals. */
export function fundsCsv(list: readonly FundReturn[], year: number, ctx: ReturnFileContext, areaName: (code: string) => string): string {
  const rows: CsvValue[][] = [];
  for (const f of list) {
    for (const r of f.rows)
      rows.push([
        ctx.ambitoCode,
        year,
        f.name,
        r.fundCode,
        areaName(r.areaCode),
        r.typeCode,
        r.typeName,
        r.serviceCodes.length,
        euro(r.amountCents),
        r.users,
        null,
        null,
        null,
      ]);
    rows.push([
      ctx.ambitoCode,
      year,
      f.name,
      'TOTALE',
      null,
      null,
      null,
      f.fundRows,
      euro(f.spentCents),
      f.users,
      euro(f.allocatedCents),
      euro(f.committedCents),
      euro(f.paidCents),
    ]);
  }
  return writeCsv(
    [
      'Codice Ambito',
      'Anno',
      'Fondo',
      'Quota',
      'Area di intervento',
      'Codice attività',
      'Attività',
      'Numero servizi',
      'Spesa (euro)',
      'Beneficiari',
      'Assegnato (euro)',
      'Impegnato (euro)',
      'Liquidato (euro)',
    ],
    rows,
  );
}

/** The running totals' corrections: every record that lowered a value, with the reason (Multifondo asks for it). */
export function fundCorrectionsCsv(list: readonly FundReturn[], year: number, ctx: ReturnFileContext): string {
  return writeCsv(
    ['Codice Ambito', 'Anno', 'Fondo', 'Quota', 'Obiettivo', 'Misura', 'Data', 'Valore precedente (euro)', 'Nuovo valore (euro)', 'Motivo', 'Nota'],
    list.flatMap((f) =>
      f.corrections.map((c) => [
        ctx.ambitoCode,
        year,
        f.name,
        c.fundCode,
        c.objective,
        c.measure === 'committed' ? 'impegnato' : c.measure === 'paid' ? 'liquidato' : 'preventivato',
        c.date,
        euro(c.previousCents),
        euro(c.amountCents),
        c.reason === 'disimpegno' ? 'disimpegno' : c.reason === 'correzione_errore' ? 'correzione di un errore materiale' : c.reason,
        c.note,
      ]),
    ),
  );
}

/** Lombardy, Tabella 2.4: spending by area (rows) × funding channel (columns), with totals. */
export function areaChannelCsv(t: AreaChannelTable, year: number, ctx: ReturnFileContext): string {
  return writeCsv(
    ['Codice Ambito', 'Anno', 'Area', ...t.channels.map((c) => c.name), 'Totale'],
    [
      ...t.areas.map((a) => [ctx.ambitoCode, year, a.name, ...t.channels.map((c) => euro(t.cells[a.code]?.[c.code] ?? 0)), euro(t.rowTotals[a.code] ?? 0)]),
      [ctx.ambitoCode, year, 'Totale', ...t.channels.map((c) => euro(t.columnTotals[c.code] ?? 0)), euro(t.grandTotal)],
    ],
  );
}

const FNPS_AREA_IT: Record<string, string> = {
  infanzia_adolescenza_famiglia: 'Infanzia, adolescenza e famiglia',
  disabilita_non_autosufficienza: 'Disabilità e non autosufficienza',
  poverta_esclusione: 'Povertà ed esclusione sociale',
  non_attribuita: 'Non attribuita',
};
const FNPS_GOAL_IT: Record<string, string> = {
  accesso: 'Accesso',
  presa_in_carico: 'Presa in carico',
  assistenza_domiciliare: 'Assistenza domiciliare',
  servizi_territoriali_comunitari: 'Centri diurni e servizi territoriali',
  residenzialita: 'Residenzialità',
  inclusione: 'Misure per l’inclusione',
  nessuno: 'Obiettivo non indicato',
};

/** The FNPS matrix: areas × service goals, with the share to children and families. */
export function fnpsMatrixCsv(m: FnpsMatrix, year: number, ctx: ReturnFileContext): string {
  return writeCsv(
    ['Codice Ambito', 'Anno', 'Area FNPS', ...m.goals.map((g) => FNPS_GOAL_IT[g] ?? g), 'Totale', 'Quota sul totale FNPS (%)'],
    [
      ...m.areas.map((a) => [
        ctx.ambitoCode,
        year,
        FNPS_AREA_IT[a] ?? a,
        ...m.goals.map((g) => euro(m.cells[a]?.[g] ?? 0)),
        euro(m.rowTotals[a] ?? 0),
        m.totalCents > 0 ? Math.round(((m.rowTotals[a] ?? 0) * 1000) / m.totalCents) / 10 : null,
      ]),
      [ctx.ambitoCode, year, 'Totale', ...m.goals.map((g) => euro(m.columnTotals[g] ?? 0)), euro(m.totalCents), m.totalCents > 0 ? 100 : null],
      [ctx.ambitoCode, year, `Quota minima a infanzia, adolescenza e famiglia (${m.minimumScope})`, ...m.goals.map(() => null), null, m.minimumPct],
    ],
  );
}
