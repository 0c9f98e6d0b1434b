import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canReplyAt, hasLeft, isMemberOn, replyFigures, romeDay } from './participation.tables.rules.ts';

const period = { validFrom: '2025-01-01', validTo: '2027-12-31', leftOn: null };

test('an organisation is a member within its period, until the day it left included', () => {
  assert.equal(isMemberOn(period, '2024-12-31'), false);
  assert.equal(isMemberOn(period, '2025-01-01'), true);
  assert.equal(isMemberOn(period, '2027-12-31'), true);
  assert.equal(isMemberOn(period, '2028-01-01'), false);
  const left = { ...period, leftOn: '2025-06-30' };
  assert.equal(isMemberOn(left, '2025-06-30'), true);
  assert.equal(isMemberOn(left, '2025-07-01'), false);
  assert.equal(hasLeft(left, '2025-07-01'), true);
  assert.equal(hasLeft(left, '2025-06-30'), false);
  assert.equal(hasLeft(period, '2026-01-01'), false);
});

test('a reply can be given until the meeting starts, not at its start nor after', () => {
  const starts = new Date('2025-10-09T07:00:00Z');
  assert.equal(canReplyAt(starts, new Date('2025-10-09T06:59:59Z')), true);
  assert.equal(canReplyAt(starts, starts), false);
  assert.equal(canReplyAt(starts, new Date('2025-10-10T00:00:00Z')), false);
});

test('the day of a meeting is its Italian date (a meeting at 00:30 in Rome is on that day, not the UTC day before)', () => {
  assert.equal(romeDay(new Date('2024-10-08T22:30:00Z')), '2024-10-09');
  assert.equal(romeDay(new Date('2024-10-09T07:00:00Z')), '2024-10-09');
});

test('replies are counted against the members on the meeting day: 5 of 8 organisations replied, 3 confirmed, 2 declined', () => {
  const members = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const replies = [
    { organisationId: 'a', reply: 'partecipa' },
    { organisationId: 'b', reply: 'partecipa' },
    { organisationId: 'c', reply: 'partecipa' },
    { organisationId: 'd', reply: 'non_partecipa' },
    { organisationId: 'e', reply: 'non_partecipa' },
    // Not a member on that day: not counted.
    { organisationId: 'z', reply: 'partecipa' },
  ];
  assert.deepEqual(replyFigures(members, replies), { members: 8, replied: 5, confirmed: 3, declined: 2, waiting: 3 });
  assert.deepEqual(replyFigures([], replies), { members: 0, replied: 0, confirmed: 0, declined: 0, waiting: 0 });
});
