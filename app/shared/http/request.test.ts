import assert from 'node:assert/strict';
import { test } from 'node:test';
import { malformedIdParam } from './request.server.ts';

test('route ids must be UUIDs; other parameters are not checked', () => {
  assert.equal(malformedIdParam({ code: 'gallarate', planId: '2c16833a-0000-4000-8000-0123456789ab' }), null);
  assert.equal(malformedIdParam({ code: 'gallarate', bodyId: 'xyz' }), 'bodyId');
  assert.equal(malformedIdParam({ fundCode: 'FNPS' }), null);
  assert.equal(malformedIdParam({ meetingId: "1' or 1=1" }), 'meetingId');
});
