import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../app/shared/auth/actor.ts';
import { actorFromSession, resetPassword, setUserActive, signIn } from '../../app/modules/accounts/accounts.server.ts';
import {
  actorFromCalendarSecret,
  calendarLinkOf,
  calendarPath,
  createCalendarLink,
  revokeCalendarLink,
} from '../../app/modules/accounts/accounts.calendar.server.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { seedDemo } from '../support/fixtures.ts';

describe('the secret calendar link of a user', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const admin = systemActor('test');
  before(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
  });
  after(() => database.close());

  const session = async (email: string, ip: string) =>
    (await actorFromSession(database.db, (await signIn({ db: database.db, email, password: 'cantiere-demo', clientIp: ip })).token))!;

  test('reads as its user with the roles of the moment, read-only; a new link replaces the old; revocable', async () => {
    const mayor = await session('sindaco.gallarate@cantiere.example', '10.30.0.1');
    const { secret } = await createCalendarLink({ db: database.db, actor: mayor });
    assert.match(calendarPath(secret), /^\/calendario\/cal_[\w-]{43}\.ics$/);
    const reader = await actorFromCalendarSecret(database.db, secret);
    assert.equal(reader?.email, 'sindaco.gallarate@cantiere.example');
    assert.equal(reader?.via, 'calendar');
    assert.equal(reader?.grants[0]?.role, 'mayor');
    assert.ok((await calendarLinkOf(database.db, mayor.userId))?.lastUsedAt, 'the profile shows when it was last read');

    const second = await createCalendarLink({ db: database.db, actor: mayor });
    assert.equal(await actorFromCalendarSecret(database.db, secret), null, 'the earlier link stops working');
    assert.ok(await actorFromCalendarSecret(database.db, second.secret));
    assert.equal(await revokeCalendarLink({ db: database.db, actor: mayor }), 1);
    assert.equal(await actorFromCalendarSecret(database.db, second.secret), null);
    assert.equal(await calendarLinkOf(database.db, mayor.userId), null);
    assert.equal(await actorFromCalendarSecret(database.db, 'cal_sconosciuto'), null);
    assert.equal(await actorFromCalendarSecret(database.db, 'cnt_un-token-api'), null);
  });

  test('dies with a password reset and with a disabled account', async () => {
    const email = 'referente.cassano@cantiere.example';
    const { secret } = await createCalendarLink({ db: database.db, actor: await session(email, '10.30.1.1') });
    await resetPassword({ db: database.db, actor: admin, email, password: 'cantiere-demo' });
    assert.equal(await actorFromCalendarSecret(database.db, secret), null);
    const again = await createCalendarLink({ db: database.db, actor: await session(email, '10.30.1.2') });
    await setUserActive({ db: database.db, actor: admin, email, active: false });
    assert.equal(await actorFromCalendarSecret(database.db, again.secret), null);
  });
});
