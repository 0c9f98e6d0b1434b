/**
 * The finance rules' sentences, written in the reader's language from the rules' facts (the rules return data only).
 * Pages pass `t` and `f` from `useI18n()`; server code passes `tr` and `serverFormat()`.
 */
import type { formatterFor } from '../../shared/format/index.ts';
import type { MessageKey } from '../../shared/i18n/messages.ts';
import type { FundPeriodIssue } from './finance.rules.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
type Formats = Pick<ReturnType<typeof formatterFor>, 'date'>;

/** «dal 01/01/2021 al 31/03/2026», «al 31/03/2026»: the period a fund finances. */
function fundPeriod(t: Translate, f: Formats, i: Pick<FundPeriodIssue, 'activeFrom' | 'activeTo'>): string {
  if (i.activeFrom && i.activeTo) return t('finance.period.fromTo', { from: f.date(i.activeFrom), to: f.date(i.activeTo) });
  if (i.activeFrom) return t('finance.period.from', { from: f.date(i.activeFrom) });
  return i.activeTo ? t('finance.period.to', { to: f.date(i.activeTo) }) : '';
}

/** Why a budget line's fund cannot (or can only in part) finance its year or the plan period. */
export function fundPeriodSentence(t: Translate, f: Formats, i: FundPeriodIssue): string {
  const fund = i.fundName;
  const period = fundPeriod(t, f, i);
  switch (i.status) {
    case 'unknown_fund':
      return t('finance.period.unknownFund', { fund });
    case 'partial_year':
      return t('finance.period.partialYear', { fund, year: i.year ?? '', period });
    case 'ends_before_plan':
      return t('finance.period.endsBeforePlan', { fund, end: f.date(i.activeTo), to: i.planPeriod?.toYear ?? '' });
    case 'outside_period':
      return i.planPeriod
        ? t('finance.period.outsidePlan', { fund, period, from: i.planPeriod.fromYear, to: i.planPeriod.toYear })
        : t('finance.period.outsideYear', { fund, period, year: i.year ?? '' });
  }
}
