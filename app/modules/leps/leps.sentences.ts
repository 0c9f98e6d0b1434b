/**
 * The LEPS rules' sentences, written out in the reader's language from the rules' figures (leps.rules.ts returns
 * numbers only): the ratio of inhabitants to social workers, each threshold with what it needs, the L. 178/2020
 * contribution. Pages call these with `t` and `f` from `useI18n()`.
 */
import type { formatterFor } from '../../shared/format/index.ts';
import type { TFunction } from '../../shared/ui/kit.ts';
import type { LepsEvidenceSummary } from './leps.dashboard.ts';
import type { Ratio, SocialWorkerContribution, ThresholdCheck } from './leps.rules.ts';

type Formats = ReturnType<typeof formatterFor>;

/** «54.346 abitanti / 11,00 ETP = 4.940,5 abitanti per assistente sociale». */
export function perWorkerSentence(t: TFunction, f: Formats, r: Ratio): string {
  const population = f.count(r.numerator);
  if (r.value === null) return t('leps.rule.perWorker.none', { population });
  return t('leps.rule.perWorker', { population, fte: f.fte(r.denominator), value: f.numberUpTo(r.value, 1) });
}

/** «LEPS: 1 assistente sociale ogni 5.000 abitanti». */
export function thresholdLabel(t: TFunction, f: Formats, c: ThresholdCheck): string {
  return t('leps.rule.threshold', { name: t(`leps.rule.name.${c.kind}`), n: f.count(c.inhabitantsPerWorker) });
}

/** «54.346 abitanti / 5.000 = 10,87 ETP (11 persone).», empty without the population. */
export function requiredSentence(t: TFunction, f: Formats, c: ThresholdCheck): string {
  if (!c.requiredFte || c.requiredFte.value === null) return '';
  return t('leps.rule.required', {
    population: f.count(c.requiredFte.numerator),
    per: f.count(c.requiredFte.denominator),
    fte: f.fte(c.requiredFte.value),
    persons: c.requiredPersons ?? 0,
  });
}

/** Reached, not reached (with the FTE missing and the people to hire), or not assessable. */
export function thresholdSentence(t: TFunction, f: Formats, c: ThresholdCheck): string {
  const name = t(`leps.rule.name.${c.kind}`);
  if (c.status === 'dati_mancanti' || !c.requiredFte || c.requiredFte.value === null) return t('leps.rule.missing', { name });
  const figures = { name, fte: f.fte(c.fte), required: f.fte(c.requiredFte.value) };
  if (c.status === 'raggiunto') return t('leps.rule.reached', figures);
  return t(c.toHire === 1 ? 'leps.rule.notReachedOne' : 'leps.rule.notReachedMany', { ...figures, gap: f.fte(c.gapFte ?? 0), n: c.toHire ?? 0 });
}

/** The contribution due under L. 178/2020, art. 1, c. 797, band by band. */
export function contributionSentence(t: TFunction, f: Formats, c: SocialWorkerContribution): string {
  if (c.bands.length === 0) return t('leps.rule.contribution.unknown');
  if (c.totalCents === 0) {
    return t('leps.rule.contribution.none', { fte: f.fte(c.permanentFte), ratio: f.count(c.startInhabitantsPerWorker), from: f.fte(c.bands[0]!.fromFte) });
  }
  const bands = c.bands.map(
    (b) =>
      t('leps.rule.contribution.band', { letter: b.letter, fte: f.fte(b.countedFte), perFte: f.money(b.centsPerFte), amount: f.money(b.amountCents) }) +
      (b.fromUnroundedFte ? t('leps.rule.contribution.unrounded') : ''),
  );
  return t('leps.rule.contribution.total', { total: f.money(c.totalCents), bands: bands.join('; ') });
}

/** Why a LEPS has its status: the social-worker threshold, or the plan's objectives and targets for the year. */
export function lepsReason(t: TFunction, f: Formats, s: LepsEvidenceSummary, year: number): string {
  if (s.socialWorkers) return s.socialWorkers.threshold ? thresholdSentence(t, f, s.socialWorkers.threshold) : t('leps.rule.noStaff');
  if (s.status === 'non_programmato') return t('leps.reason.none');
  const objectives = t(s.objectives === 1 ? 'leps.reason.objectiveOne' : 'leps.reason.objectiveMany', { n: s.objectives });
  if (s.status === 'programmato_senza_target') return t('leps.reason.noTarget', { objectives, year });
  return t(s.indicatorsWithTarget === 1 ? 'leps.reason.targetOne' : 'leps.reason.targetMany', { objectives, n: s.indicatorsWithTarget, year });
}
