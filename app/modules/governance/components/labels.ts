// The words for the module's controlled vocabularies (codes in governance.constants.ts), in the reader's language.
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { useI18n, type TFunction } from '../../../shared/ui/i18n.tsx';
import { it } from '../governance.messages.ts';

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
