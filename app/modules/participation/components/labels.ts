// The dictionary keys of participation's vocabularies (needs' sources and priorities, proposals' outcomes and statuses).
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { NEED_PRIORITIES, NEED_SOURCES } from '../participation.needs.rules.ts';
import { isOutcome, PROPOSAL_OUTCOMES } from '../participation.proposals.rules.ts';

export const sourceKey = (s: string): MessageKey =>
  (NEED_SOURCES as readonly string[]).includes(s) ? (`part.needs.source.${s}` as MessageKey) : 'part.needs.none';
export const priorityKey = (p: string | null): MessageKey =>
  p && (NEED_PRIORITIES as readonly string[]).includes(p) ? (`part.needs.priority.${p}` as MessageKey) : 'part.needs.priority.nessuna';
export const outcomeKey = (o: string | null): MessageKey => (isOutcome(o) ? (`part.proposals.outcome.${o}` as MessageKey) : 'part.proposals.outcome.none');
export const statusKey = (s: string): MessageKey => (s === 'bozza' ? 'part.proposals.status.bozza' : 'part.proposals.status.presentata');
export const OUTCOME_TONE: Record<string, 'success' | 'primary' | 'danger' | 'secondary'> = {
  accolta: 'success',
  parzialmente_accolta: 'primary',
  non_accolta: 'danger',
};
export { NEED_PRIORITIES, NEED_SOURCES, PROPOSAL_OUTCOMES };
