// The words for the module's controlled vocabularies (codes in governance.constants.ts), in the reader's language.
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { useI18n, type TFunction } from '../../../shared/ui/i18n.tsx';
import { it } from '../governance.messages.ts';
import type { VotingRule } from '../voting.rules.ts';

export type Vocabulary =
  'orgKind' | 'bodyType' | 'bodyKind' | 'position' | 'meetingStatus' | 'attendanceForm' | 'voteForm' | 'attendance' | 'vote' | 'ruleType' | 'partyRole';

/** The label of a code (`gov.enum.<vocabulary>.<code>`); an unknown code (old data) is shown as it is stored. */
export function labelOf(t: TFunction, vocabulary: Vocabulary, code: string | null | undefined): string {
  const key = `gov.enum.${vocabulary}.${code}`;
  return Object.hasOwn(it, key) ? t(key as MessageKey) : (code ?? '');
}

/** The choices of a controlled vocabulary, in the reader's language. */
export function useVocabulary() {
  const { t } = useI18n();
  return (vocabulary: Vocabulary, codes: readonly string[]) => codes.map((c) => ({ value: c, label: labelOf(t, vocabulary, c) }));
}

/** A voting rule in words, in the reader's language (the rule itself is the structured facts: type, base, figures). */
export function ruleSentence(t: TFunction, numberUpTo: (n: number, decimals: number) => string, rule: VotingRule): string {
  const pct = (n: number) => numberUpTo(n, 6);
  let text: string;
  switch (rule.type) {
    case 'majority_present':
      text = t(rule.abstentionsCountAsAgainst ? 'gov.ruleText.majorityPresent' : 'gov.ruleText.majorityVoters');
      break;
    case 'qualified_majority':
      text = t(`gov.ruleText.qualified.${rule.base}`, { numerator: rule.numerator, denominator: rule.denominator });
      break;
    case 'unanimity':
      text = t(`gov.ruleText.unanimity.${rule.base}`);
      break;
    case 'population_weighted':
      text = t(`gov.ruleText.weighted.${rule.base}`, { percent: pct(rule.thresholdPercent) });
      break;
  }
  if (!rule.quorum) return text;
  const quorum = t(rule.quorum.type === 'members' ? 'gov.ruleText.quorum.members' : 'gov.ruleText.quorum.weight', { percent: pct(rule.quorum.percent) });
  return t('gov.ruleText.withQuorum', { rule: text, quorum });
}
