import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isHeld, participationFigures, share, type ParticipationWorld } from './participation.figures.rules.ts';

/** Two tables; three meetings of the first (one held with attendance, one held without, one to come), one of the second. */
function world(): ParticipationWorld {
  return {
    now: '2025-06-01T00:00:00.000Z',
    tables: [
      { id: 'T1', name: 'Anziani', policyAreas: ['anziani'], bodyId: 'B1' },
      { id: 'T2', name: 'Minori', policyAreas: [], bodyId: 'B2' },
    ],
    meetings: [
      { id: 'M1', bodyId: 'B1', date: '2025-02-10', endsAt: '2025-02-10T12:00:00.000Z', status: 'svolta' },
      { id: 'M2', bodyId: 'B1', date: '2025-04-10', endsAt: '2025-04-10T12:00:00.000Z', status: 'convocata' },
      { id: 'M3', bodyId: 'B1', date: '2025-09-10', endsAt: '2025-09-10T12:00:00.000Z', status: 'programmata' },
      { id: 'M4', bodyId: 'B2', date: '2025-05-10', endsAt: '2025-05-10T12:00:00.000Z', status: 'svolta' },
      // A meeting of a body that is no table is not a participation meeting.
      { id: 'MX', bodyId: 'BX', date: '2025-05-10', endsAt: '2025-05-10T12:00:00.000Z', status: 'svolta' },
    ],
    members: [
      { id: 'bm1', bodyId: 'B1', personId: 'p1', organisationId: 'O1', validFrom: null, validTo: null },
      { id: 'bm2', bodyId: 'B1', personId: 'p2', organisationId: null, validFrom: '2025-01-01', validTo: null },
      { id: 'bm3', bodyId: 'B1', personId: 'p3', organisationId: 'O3', validFrom: null, validTo: '2025-01-31' },
      { id: 'bm4', bodyId: 'B2', personId: 'p1', organisationId: 'O1', validFrom: null, validTo: null },
      { id: 'bm5', bodyId: 'B2', personId: 'p4', organisationId: 'O4', validFrom: null, validTo: null },
    ],
    attendance: [
      { meetingId: 'M1', memberId: 'bm1', status: 'present' },
      { meetingId: 'M1', memberId: 'bm2', status: 'delegated' },
      { meetingId: 'M4', memberId: 'bm4', status: 'present' },
      { meetingId: 'M4', memberId: 'bm5', status: 'absent' },
    ],
    // bm2 stands for O2 through the table membership.
    tableMembers: [
      { tableId: 'T1', organisationId: 'O1', bodyMemberId: 'bm1' },
      { tableId: 'T1', organisationId: 'O2', bodyMemberId: 'bm2' },
      { tableId: 'T2', organisationId: 'O4', bodyMemberId: 'bm5' },
    ],
    admissions: [
      { organisationId: 'O1', policyAreas: ['anziani', 'disabilita'], tableIds: ['T1', 'T2'] },
      { organisationId: 'O2', policyAreas: ['anziani'], tableIds: ['T1'] },
      { organisationId: 'O3', policyAreas: ['anziani'], tableIds: [] },
      { organisationId: 'O4', policyAreas: ['minori'], tableIds: ['T2'] },
      { organisationId: 'O5', policyAreas: ['anziani'], tableIds: [] },
    ],
    organisationKinds: { O1: 'aps', O2: 'odv', O3: 'odv', O4: 'cooperativa_sociale_a' },
    needs: [
      { sourceKind: 'incontro', date: '2025-02-10' },
      { sourceKind: 'organizzazione', date: '2025-04-02' },
      { sourceKind: 'incontro', date: '2025-04-03' },
    ],
    proposals: [
      { outcome: 'accolta', date: '2025-03-01' },
      { outcome: null, date: '2025-05-01' },
      { outcome: 'non_accolta', date: '2025-05-02' },
    ],
    responses: [{ questionnaireId: 'Q', date: '2025-05-20' }],
  };
}

test('a meeting is held when «svolta» or ended', () => {
  const now = '2025-06-01T00:00:00.000Z';
  assert.equal(isHeld({ id: 'a', bodyId: 'b', date: '2025-09-01', endsAt: '2025-09-01T10:00:00.000Z', status: 'svolta' }, now), true);
  assert.equal(isHeld({ id: 'a', bodyId: 'b', date: '2025-04-01', endsAt: '2025-04-01T10:00:00.000Z', status: 'convocata' }, now), true);
  assert.equal(isHeld({ id: 'a', bodyId: 'b', date: '2025-09-01', endsAt: '2025-09-01T10:00:00.000Z', status: 'convocata' }, now), false);
});

test('share keeps its formula and has no percentage over zero', () => {
  assert.deepEqual(share(3, 8), { numerator: 3, denominator: 8, percent: 37.5 });
  assert.deepEqual(share(0, 0), { numerator: 0, denominator: 0, percent: null });
});

test('meetings, attendance, people, organisations and coverage from the records', () => {
  const f = participationFigures(world());
  assert.equal(f.tables, 2);
  assert.equal(f.memberOrganisations, 3);
  assert.equal(f.meetingsHeld, 3, 'M1, M2 (ended), M4; not M3 (to come) nor MX (no table)');
  assert.deepEqual(f.attendanceRecorded, { numerator: 2, denominator: 3, percent: (2 / 3) * 100 });
  const m1 = f.meetings.find((m) => m.meetingId === 'M1')!;
  // In office on 2025-02-10: bm1, bm2 (bm3 left on 31 January).
  assert.equal(m1.expected, 2);
  assert.deepEqual(m1.attendance, { numerator: 2, denominator: 2, percent: 100 });
  const m4 = f.meetings.find((m) => m.meetingId === 'M4')!;
  assert.deepEqual([m4.present, m4.absent, m4.attendance.percent], [1, 1, 50]);
  assert.equal(f.meetings.find((m) => m.meetingId === 'M2')!.recorded, false);
  // People present in person: p1 (twice, counted once); bm2 was a delegate.
  assert.equal(f.peoplePresent, 1);
  // O1 (present), O2 (delegated through its table membership); O4 absent.
  assert.equal(f.organisationsTookPart, 2);
  assert.deepEqual(f.organisationsByKind, [
    { kind: 'aps', count: 1 },
    { kind: 'odv', count: 1 },
  ]);
  assert.deepEqual(f.organisationsByArea, [{ area: 'anziani', count: 2 }]);
  // T1 (area anziani): admitted O1, O2, O3, O5 → O1 and O2 took part: 2 of 4.
  const t1 = f.byTable.find((t) => t.tableId === 'T1')!;
  assert.deepEqual(t1.coverage, { numerator: 2, denominator: 4, percent: 50 });
  assert.deepEqual([t1.held, t1.recorded], [2, 1]);
  // T2 (no areas): admitted that applied to it, O1 and O4 → O1 took part: 1 of 2.
  assert.deepEqual(f.byTable.find((t) => t.tableId === 'T2')!.coverage, { numerator: 1, denominator: 2, percent: 50 });
});

test('contributions and the timeline by quarter', () => {
  const f = participationFigures(world());
  assert.equal(f.needsTotal, 3);
  assert.deepEqual(
    f.needsBySource.filter((n) => n.count),
    [
      { source: 'incontro', count: 2 },
      { source: 'organizzazione', count: 1 },
    ],
  );
  assert.deepEqual(f.proposalsByOutcome, [
    { outcome: 'accolta', count: 1 },
    { outcome: 'parzialmente_accolta', count: 0 },
    { outcome: 'non_accolta', count: 1 },
    { outcome: 'in_attesa', count: 1 },
  ]);
  assert.equal(f.proposalsAnswered, 2);
  assert.equal(f.responsesTotal, 1);
  assert.deepEqual(f.timeline, [
    { year: 2025, quarter: 1, meetings: 1, needs: 1, proposals: 1, responses: 0 },
    { year: 2025, quarter: 2, meetings: 2, needs: 2, proposals: 2, responses: 1 },
  ]);
});
