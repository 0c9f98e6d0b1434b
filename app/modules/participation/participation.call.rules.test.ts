import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callState, countByStatus, daysLeft, LEGAL_FORMS, membershipEnd, organisationKindFor, romeDay, runtsAllowed } from './participation.call.rules.ts';

// The Gallarate 2024 call as reconstructed in the demo (fixtures/demo/gallarate/partecipazione/README.md).
const call2024 = { opensOn: '2024-07-15', closesOn: '2024-09-30', closedAt: null };

test('a call is scheduled before its opening day, open from opening to closing day included, closed after', () => {
  assert.equal(callState(call2024, '2024-07-14'), 'programmato');
  assert.equal(callState(call2024, '2024-07-15'), 'aperto');
  assert.equal(callState(call2024, '2024-09-30'), 'aperto');
  assert.equal(callState(call2024, '2024-10-01'), 'chiuso');
  // The co-programming sessions of 9 and 18 October 2024 came after the call had closed.
  assert.equal(callState(call2024, '2024-10-09'), 'chiuso');
});

test('a call closed early is closed whatever its dates say', () => {
  assert.equal(callState({ ...call2024, closedAt: new Date('2024-08-01T10:00:00Z') }, '2024-08-02'), 'chiuso');
  assert.equal(callState({ ...call2024, closedAt: '2024-08-01T10:00:00Z' }, '2024-07-20'), 'chiuso');
});

test('days left count the closing day, and are 0 when the call is not open', () => {
  assert.equal(daysLeft(call2024, '2024-09-30'), 1);
  assert.equal(daysLeft(call2024, '2024-09-01'), 30);
  assert.equal(daysLeft(call2024, '2024-10-01'), 0);
  assert.equal(daysLeft(call2024, '2024-07-01'), 0);
});

test('the day of an instant is the Italian day (a call closes at midnight in Rome, not UTC)', () => {
  assert.equal(romeDay(new Date('2024-09-30T22:30:00Z')), '2024-10-01'); // 00:30 in Rome, summer time
  assert.equal(romeDay(new Date('2024-12-31T22:59:00Z')), '2024-12-31'); // 23:59 in Rome, winter time
  assert.equal(romeDay(new Date('2024-12-31T23:00:00Z')), '2025-01-01');
});

test('legal forms map to the registry kinds; an association that is neither ODV nor APS is «altro»', () => {
  assert.equal(organisationKindFor('odv'), 'odv');
  assert.equal(organisationKindFor('cooperativa_sociale_b'), 'cooperativa_sociale_b');
  assert.equal(organisationKindFor('associazione'), 'altro');
  assert.equal(LEGAL_FORMS.length, 10);
  assert.equal(new Set(LEGAL_FORMS).size, LEGAL_FORMS.length);
});

test('trade unions have no RUNTS number; third-sector forms may', () => {
  assert.equal(runtsAllowed('sindacato'), false);
  assert.equal(runtsAllowed('aps'), true);
  assert.equal(runtsAllowed('ente_religioso'), true);
});

test('membership for the 2025-2027 triennium ends on 31 December 2027', () => {
  assert.equal(membershipEnd(2027), '2027-12-31');
});

test('applications are counted by status', () => {
  const c = countByStatus([{ status: 'in_esame' }, { status: 'ammessa' }, { status: 'ammessa' }, { status: 'respinta' }]);
  assert.deepEqual(c, { in_esame: 1, ammessa: 2, respinta: 1, ritirata: 0, total: 4 });
});
