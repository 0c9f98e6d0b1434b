import type { Route } from './+types/figures-csv';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { tableCsv, type Column } from '../../../shared/ui/kit.ts';
import { figuresOf } from './figures.server.ts';
import { readParticipation } from './participation.server.ts';

interface Line {
  section: string;
  item: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** Every participation figure as one CSV (semicolon-separated): section, item, numerator, denominator, value. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito } = await readParticipation(context, request, params.code);
  const { figures: f, meetings, tables } = await figuresOf(db, ambito.id);
  const n = (section: string, item: string, value: number): Line => ({ section, item, numerator: null, denominator: null, value });
  const lines: Line[] = [
    n('kpi', 'tavoli', f.tables),
    n('kpi', 'organizzazioni_aderenti', f.memberOrganisations),
    n('kpi', 'riunioni_svolte', f.meetingsHeld),
    { section: 'kpi', item: 'riunioni_con_presenze_registrate', ...f.attendanceRecorded, value: f.attendanceRecorded.percent },
    n('kpi', 'persone_presenti', f.peoplePresent),
    n('kpi', 'organizzazioni_partecipanti', f.organisationsTookPart),
    n('kpi', 'bisogni', f.needsTotal),
    {
      section: 'kpi',
      item: 'proposte_con_risposta',
      numerator: f.proposalsAnswered,
      denominator: f.proposalsTotal,
      value: f.proposalsTotal ? (f.proposalsAnswered / f.proposalsTotal) * 100 : null,
    },
    n('kpi', 'risposte_questionari', f.responsesTotal),
    ...meetings.map((m) => ({
      section: 'presenze_riunione',
      item: `${m.date} ${m.table} – ${m.title}`,
      ...m.attendance,
      value: m.recorded ? m.attendance.percent : null,
    })),
    ...tables.map((t) => ({ section: 'copertura_tavolo', item: t.name, ...t.coverage, value: t.coverage.percent })),
    ...f.organisationsByKind.map((o) => n('organizzazioni_per_tipo', tr(`gov.enum.orgKind.${o.kind}` as never), o.count)),
    ...f.organisationsByArea.map((o) => n('organizzazioni_per_area', o.area, o.count)),
    ...f.needsBySource.map((x) => n('bisogni_per_fonte', x.source, x.count)),
    ...f.proposalsByOutcome.map((x) => n('proposte_per_esito', x.outcome, x.count)),
    ...f.timeline.flatMap((q) => [
      n('trimestre_riunioni', `${q.year}-T${q.quarter}`, q.meetings),
      n('trimestre_bisogni', `${q.year}-T${q.quarter}`, q.needs),
      n('trimestre_proposte', `${q.year}-T${q.quarter}`, q.proposals),
      n('trimestre_risposte', `${q.year}-T${q.quarter}`, q.responses),
    ]),
  ];
  const columns: Column<Line>[] = [
    { key: 'sezione', header: '', value: (l) => l.section },
    { key: 'voce', header: '', value: (l) => l.item },
    { key: 'numeratore', header: '', value: (l) => l.numerator },
    { key: 'denominatore', header: '', value: (l) => l.denominator },
    { key: 'valore', header: '', value: (l) => (l.value === null ? null : Math.round(l.value * 100) / 100) },
  ];
  return new Response(tableCsv(columns, lines), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="cifre-partecipazione-${ambito.code}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
