// Pure rules of proposals: the vocabulary of the official answer, who sees a draft, what may be answered and commented.

export const PROPOSAL_STATUSES = ['bozza', 'presentata'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** The official answer (Decidim's «accepted / evaluating / rejected», in the words of an Italian administration). */
export const PROPOSAL_OUTCOMES = ['accolta', 'parzialmente_accolta', 'non_accolta'] as const;
export type ProposalOutcome = (typeof PROPOSAL_OUTCOMES)[number];

export const isOutcome = (v: unknown): v is ProposalOutcome => typeof v === 'string' && (PROPOSAL_OUTCOMES as readonly string[]).includes(v);

export interface VisibleProposal {
  status: string;
  organisationId: string | null;
}

/**
 * Whether a reader sees a proposal: a submitted one every reader of the Ambito; a draft only the organisation writing it
 * (never another organisation, never the Ufficio di Piano: a draft is not yet a proposal).
 */
export function proposalVisible(p: VisibleProposal, readerOrganisationIds: readonly string[]): boolean {
  if (p.status === 'presentata') return true;
  return !!p.organisationId && readerOrganisationIds.includes(p.organisationId);
}

/** Why a proposal cannot be answered (null: it can): only a submitted proposal gets an official answer. */
export function answerRefusal(p: { status: string }): 'draft' | null {
  return p.status === 'presentata' ? null : 'draft';
}

/** Why a proposal cannot be edited by its organisation (null: it can): once submitted, it is the Ambito's record. */
export function editRefusal(p: { status: string }): 'submitted' | null {
  return p.status === 'bozza' ? null : 'submitted';
}

/** Why a proposal cannot be commented on (null: it can): only submitted proposals are discussed. */
export function commentRefusal(p: { status: string }): 'draft' | null {
  return p.status === 'presentata' ? null : 'draft';
}

/** How many submitted proposals have each outcome, and how many wait for one (numbers; the page words them). */
export function outcomeCounts(rows: readonly { status: string; outcome: string | null }[]) {
  const submitted = rows.filter((r) => r.status === 'presentata');
  const counts = { submitted: submitted.length, waiting: 0, accolta: 0, parzialmente_accolta: 0, non_accolta: 0 };
  for (const r of submitted) {
    if (isOutcome(r.outcome)) counts[r.outcome]++;
    else counts.waiting++;
  }
  return counts;
}
