import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerRefusal, commentRefusal, editRefusal, isOutcome, outcomeCounts, PROPOSAL_OUTCOMES, proposalVisible } from './participation.proposals.rules.ts';

test('the official answer has three outcomes and nothing else', () => {
  assert.deepEqual([...PROPOSAL_OUTCOMES], ['accolta', 'parzialmente_accolta', 'non_accolta']);
  assert.equal(isOutcome('accolta'), true);
  assert.equal(isOutcome('respinta'), false);
  assert.equal(isOutcome(null), false);
});

test('a draft is seen only by its organisation; a submitted proposal by every reader', () => {
  const draft = { status: 'bozza', organisationId: 'org-a' };
  assert.equal(proposalVisible(draft, ['org-a']), true);
  assert.equal(proposalVisible(draft, ['org-b']), false);
  assert.equal(proposalVisible(draft, []), false, 'not the Ufficio di Piano either');
  assert.equal(proposalVisible({ status: 'bozza', organisationId: null }, []), false);
  assert.equal(proposalVisible({ status: 'presentata', organisationId: 'org-a' }, []), true);
});

test('only a submitted proposal is answered and commented; only a draft is edited', () => {
  assert.equal(answerRefusal({ status: 'bozza' }), 'draft');
  assert.equal(answerRefusal({ status: 'presentata' }), null);
  assert.equal(commentRefusal({ status: 'bozza' }), 'draft');
  assert.equal(editRefusal({ status: 'presentata' }), 'submitted');
  assert.equal(editRefusal({ status: 'bozza' }), null);
});

test('outcome counts over submitted proposals', () => {
  const c = outcomeCounts([
    { status: 'presentata', outcome: 'accolta' },
    { status: 'presentata', outcome: 'non_accolta' },
    { status: 'presentata', outcome: null },
    { status: 'bozza', outcome: null },
  ]);
  assert.deepEqual(c, { submitted: 3, waiting: 1, accolta: 1, parzialmente_accolta: 0, non_accolta: 1 });
});
