// The words of the thematic tables' codes (kinds, replies, policy areas), in the reader's language.
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import type { TFunction } from '../../../shared/ui/kit.ts';
import { LOMBARDY_POLICY_AREAS } from '../../planning/index.ts';
import { it } from '../messages/tables.ts';

/** The label of a code (`part.tables.<vocabulary>.<code>`); an unknown code (old data) is shown as stored. */
export function tablesLabel(
  t: TFunction,
  vocabulary: 'kind' | 'reply' | 'outcome' | 'proposalStatus' | 'meetingStatus',
  code: string | null | undefined,
): string {
  const key = `part.tables.${vocabulary}.${code}`;
  return Object.hasOwn(it, key) ? t(key as MessageKey) : (code ?? '');
}

/** A policy area as stored: a Lombardy letter (DGR XII/2167/2024) with its printed label, or a free area as entered. */
export function policyAreaText(area: string): string {
  const label = (LOMBARDY_POLICY_AREAS as Record<string, string>)[area];
  return label ? `${area} – ${label}` : area;
}

export const LOMBARDY_AREA_CODES = Object.keys(LOMBARDY_POLICY_AREAS);
