// The words of a year's coverage ("1 comune su 9", the sentence a reader can act on), in the reader's language:
// pages pass `t` (useI18n), server code passes `tr`. The rule (spending-coverage.rules.ts) gives the facts.
import type { MessageKey } from '../../shared/i18n/messages.ts';
import type { SpendingCoverage } from './spending-coverage.rules.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
type Coverage = Pick<SpendingCoverage, 'year' | 'basis' | 'members' | 'withData' | 'missing' | 'complete'>;

/** «dati complessivi dell’Ambito», «9 comuni su 9», «1 comune su 9». */
export function coverageLabel(t: Translate, c: Coverage): string {
  if (c.basis === 'ambito') return t('finance.coverage.ambitoData');
  if (c.members.length === 0) return t('finance.coverage.noMembers', { year: c.year });
  return t(c.withData.length === 1 ? 'finance.coverage.countOne' : 'finance.coverage.countMany', { n: c.withData.length, of: c.members.length });
}

const names = (list: readonly { name: string }[]) => list.map((c) => c.name).join(', ');

/** One sentence a reader can act on: whose data the year holds and whether the sum is the Ambito's total. */
export function coverageMessage(t: Translate, c: Coverage): string {
  if (c.basis === 'ambito') return t('finance.coverage.ambitoMessage', { year: c.year });
  if (c.members.length === 0) return t('finance.coverage.noMembersMessage', { year: c.year });
  const label = coverageLabel(t, c);
  if (c.complete) return t('finance.coverage.completeMessage', { year: c.year, coverage: label });
  return [
    t('finance.coverage.partialMessage', { year: c.year, coverage: label, names: names(c.withData) || t('finance.coverage.nobody') }),
    t(c.missing.length === 1 ? 'finance.coverage.missingOne' : 'finance.coverage.missingMany', { count: c.missing.length, names: names(c.missing) }),
    t('finance.coverage.notTotal'),
  ].join(' ');
}
