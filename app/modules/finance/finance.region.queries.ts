// Read for the regional workspace (app/modules/region): an Ambito's social spending of one year as the spending
// dashboard (getSpendingDashboard, «Tutto l’Ambito») counts it — ONE dataset: the rows recorded for the Ambito as a
// whole when the year has them, otherwise the rows of the comuni that were members at the end of the year — with the
// coverage of spendingCoverageByYear. All natures of spending are summed (servizi, contributi, strutture, not stated),
// as the dashboard does: spending facts are the spending recorded (ISTAT survey / the plan's spending tables), not a
// committed/paid budget measure.
import type { DbOrTx } from '../../shared/db/client.ts';
import { listAmbitoComuni } from '../territory/index.server.ts';
import { buildSpendingMatrix } from './finance.rules.ts';
import { listSpendingFacts, spendingCoverageByYear } from './finance.queries.ts';
import { spendingCoverage } from './spending-coverage.rules.ts';

export interface SpendingRegionFigures {
  year: number;
  /** The year's total of the dataset, integer cents (what the dashboard shows for the year; see `complete`). */
  totalCents: number;
  /** By spending area code and by channel (funding source) code, only those with rows. */
  byArea: Record<string, number>;
  byChannel: Record<string, number>;
  /** As spendingCoverageByYear says for the year: members with data of the members at 31 December, Ambito-level rows. */
  coverage: { withData: number; members: number; ambitoRows: boolean };
  /**
   * True when the figure is the Ambito's (Ambito-level rows, or every member has data). False for a partial sum of
   * comuni: the dashboard withholds it unless asked for partial figures («parziali»), then labels it partial.
   */
  complete: boolean;
  /** Spending facts counted in the total. */
  rows: number;
}

/** The spending figures of an Ambito for `year` (2 queries: the spending rows, the members at the end of the year). */
export async function readSpendingForRegion(db: DbOrTx, ambitoId: string, year: number): Promise<SpendingRegionFigures> {
  const facts = (await listSpendingFacts(db, ambitoId)).filter((f) => f.year === year);
  // No row for the year: the coverage rule on no data, against the members at the end of the year (as spendingCoverageByYear).
  const coverage = facts.length
    ? (await spendingCoverageByYear(db, ambitoId, facts)).coverage.get(year)!
    : spendingCoverage({
        year,
        hasAmbitoRows: false,
        comuniWithData: [],
        members: (await listAmbitoComuni(db, ambitoId, `${year}-12-31`)).map((m) => ({ istatCode: m.istatCode, name: m.name })),
      });
  // The dashboard's dataset of the year (finance.views.server.ts, inDataset with ente null).
  const members = new Set(coverage.members.map((m) => m.istatCode));
  const dataset = facts.filter((f) => (coverage.basis === 'ambito' ? f.istatCode === null : f.istatCode !== null && members.has(f.istatCode)));
  const matrix = buildSpendingMatrix(dataset.map((f) => ({ area: f.areaCode, channel: f.channelCode, amountCents: f.amountCents })));
  return {
    year,
    totalCents: matrix.grandTotal,
    byArea: matrix.rowTotals,
    byChannel: matrix.columnTotals,
    coverage: { withData: coverage.withData.length, members: coverage.members.length, ambitoRows: coverage.basis === 'ambito' },
    complete: coverage.complete,
    rows: dataset.length,
  };
}
