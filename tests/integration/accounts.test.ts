import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { systemActor } from '../../app/shared/auth/actor.ts';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../app/shared/errors.ts';
import {
  actorFromApiToken,
  actorFromSession,
  BadCredentialsError,
  createApiToken,
  createUser,
  resetPassword,
  revokeApiToken,
  setUserActive,
  signIn,
  signOut,
  ThrottledError,
} from '../../app/modules/accounts/accounts.server.ts';
import { loginFailures, users } from '../../app/modules/accounts/accounts.schema.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { seedDemo } from '../support/fixtures.ts';

describe('accounts: sign-in, sessions, throttling, API tokens', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let gallarateId: string;
  const admin = systemActor('test');
  before(async () => {
    database = await createTestDatabase();
    gallarateId = (await seedDemo(database.db)).gallarate.id;
  });
  after(() => database.close());

  test('the password is stored as an argon2id hash, never in clear', async () => {
    const [u] = await database.db.select().from(users).where(eq(users.email, 'coordinatrice@cantiere.example'));
    assert.match(u!.passwordHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.ok(!u!.passwordHash.includes('cantiere-demo'));
  });

  test('signing in opens a session whose actor carries the Ambito-scoped role', async () => {
    const { token } = await signIn({ db: database.db, email: 'Coordinatrice@Cantiere.example', password: 'cantiere-demo', clientIp: '10.0.0.1' });
    const actor = await actorFromSession(database.db, token);
    assert.ok(actor);
    assert.equal(actor.email, 'coordinatrice@cantiere.example');
    assert.deepEqual(
      actor.grants.map((g) => [g.role, g.ambitoId]),
      [['coordinator', gallarateId]],
    );
    await signOut(database.db, token);
    assert.equal(await actorFromSession(database.db, token), null);
  });

  test('a wrong password is refused without saying whether the e-mail exists', async () => {
    await assert.rejects(
      signIn({ db: database.db, email: 'sindaco.gallarate@cantiere.example', password: 'sbagliata', clientIp: '10.0.0.2' }),
      BadCredentialsError,
    );
    await assert.rejects(
      signIn({ db: database.db, email: 'nessuno@cantiere.example', password: 'sbagliata', clientIp: '10.0.0.2' }),
      (e: Error) => e.message === 'E-mail o password non corrette.',
    );
  });

  test('after five failures further attempts are slowed down, even with the right password', async () => {
    const email = 'ufficio.piano@cantiere.example';
    const now = new Date('2026-11-26T10:00:00Z');
    for (let i = 0; i < 5; i++) {
      await assert.rejects(signIn({ db: database.db, email, password: 'no', clientIp: `10.1.0.${i}`, now }), BadCredentialsError);
    }
    await assert.rejects(signIn({ db: database.db, email, password: 'cantiere-demo', clientIp: '10.1.1.1', now }), (e: unknown) => {
      assert.ok(e instanceof ThrottledError);
      assert.equal(e.status, 429);
      assert.equal(e.retryAfterSeconds, 30);
      assert.match(e.message, /Riprova tra 30 secondi/);
      return true;
    });
    const later = new Date(now.getTime() + 31_000);
    const { token } = await signIn({ db: database.db, email, password: 'cantiere-demo', clientIp: '10.1.1.1', now: later });
    assert.ok(token);
  });

  test('an expired session is not accepted', async () => {
    const past = new Date(Date.now() - 13 * 3600_000);
    const { token } = await signIn({ db: database.db, email: 'regione@cantiere.example', password: 'cantiere-demo', clientIp: '10.2.0.1', now: past });
    assert.equal(await actorFromSession(database.db, token), null);
  });

  test('API tokens: shown once, stored hashed, usable until revoked, audited', async () => {
    const { token: sessionToken } = await signIn({ db: database.db, email: 'coordinatrice@cantiere.example', password: 'cantiere-demo', clientIp: '10.3.0.1' });
    const coordinator = (await actorFromSession(database.db, sessionToken))!;
    const { token, secret } = await createApiToken({ db: database.db, actor: coordinator, input: { name: 'Script di monitoraggio', expiresInDays: '30' } });
    assert.match(secret, /^cnt_[\w-]{43}$/);
    assert.notEqual(token.tokenHash, secret);
    const viaToken = await actorFromApiToken(database.db, secret);
    assert.equal(viaToken?.email, 'coordinatrice@cantiere.example');
    assert.equal(viaToken?.via, 'token');

    const other = (await actorFromSession(
      database.db,
      (await signIn({ db: database.db, email: 'terzo.settore@cantiere.example', password: 'cantiere-demo', clientIp: '10.3.0.2' })).token,
    ))!;
    await assert.rejects(revokeApiToken({ db: database.db, actor: other, tokenId: token.id }), NotFoundError);

    await revokeApiToken({ db: database.db, actor: coordinator, tokenId: token.id });
    assert.equal(await actorFromApiToken(database.db, secret), null);
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.entityId, token.id));
    assert.deepEqual(audited.map((a) => a.action).sort(), ['accounts.token.created', 'accounts.token.revoked']);
    assert.equal((audited[0]!.after as Record<string, unknown>).tokenHash, '[nascosto]');
  });

  test('an unnamed token is refused with a message', async () => {
    const coordinator = (await actorFromSession(
      database.db,
      (await signIn({ db: database.db, email: 'coordinatrice@cantiere.example', password: 'cantiere-demo', clientIp: '10.4.0.1' })).token,
    ))!;
    await assert.rejects(
      createApiToken({ db: database.db, actor: coordinator, input: { name: '' } }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'name',
    );
  });

  test('creating users: scoped roles are checked, duplicates refused, only administrators may', async () => {
    await assert.rejects(
      createUser({
        db: database.db,
        actor: admin,
        input: { email: 'ref@x.it', name: 'Ref', password: 'password-lunga', roles: [{ role: 'comune_referent', ambitoCode: 'gallarate' }] },
      }),
      (e: unknown) => e instanceof ValidationError && /richiede il comune/.test(e.issues[0]!.message),
    );
    await assert.rejects(
      createUser({ db: database.db, actor: admin, input: { email: 'COORDINATRICE@cantiere.example', name: 'Dup', password: 'password-lunga' } }),
      (e: unknown) => e instanceof ValidationError && /Esiste già/.test(e.issues[0]!.message),
    );
    await assert.rejects(
      createUser({ db: database.db, actor: admin, input: { email: 'corta@x.it', name: 'Corta', password: 'breve' } }),
      (e: unknown) => e instanceof ValidationError && /almeno 10 caratteri/.test(e.issues[0]!.message),
    );
    const coordinator = (await actorFromSession(
      database.db,
      (await signIn({ db: database.db, email: 'coordinatrice@cantiere.example', password: 'cantiere-demo', clientIp: '10.5.0.1' })).token,
    ))!;
    await assert.rejects(
      createUser({ db: database.db, actor: coordinator, input: { email: 'n@x.it', name: 'N', password: 'password-lunga' } }),
      ForbiddenError,
    );
  });

  test('resetting a password ends every session of that user', async () => {
    const { token } = await signIn({ db: database.db, email: 'sindaco.gallarate@cantiere.example', password: 'cantiere-demo', clientIp: '10.6.0.1' });
    await resetPassword({ db: database.db, actor: admin, email: 'sindaco.gallarate@cantiere.example', password: 'una-nuova-password' });
    assert.equal(await actorFromSession(database.db, token), null);
    await assert.rejects(
      signIn({ db: database.db, email: 'sindaco.gallarate@cantiere.example', password: 'cantiere-demo', clientIp: '10.6.0.2' }),
      BadCredentialsError,
    );
    assert.ok((await signIn({ db: database.db, email: 'sindaco.gallarate@cantiere.example', password: 'una-nuova-password', clientIp: '10.6.0.2' })).token);
  });

  test('a token dies with a password reset, and with a disabled account (enabling it again does not revive it)', async () => {
    const email = 'ufficio.piano@cantiere.example';
    const session = async (ip: string) =>
      (await actorFromSession(database.db, (await signIn({ db: database.db, email, password: 'cantiere-demo', clientIp: ip })).token))!;
    const first = await createApiToken({ db: database.db, actor: await session('10.7.0.1'), input: { name: 'Prima del reset' } });
    assert.ok(await actorFromApiToken(database.db, first.secret));
    await resetPassword({ db: database.db, actor: admin, email, password: 'cantiere-demo' });
    assert.equal(await actorFromApiToken(database.db, first.secret), null, 'a token made before the reset is dead');

    const second = await createApiToken({ db: database.db, actor: await session('10.7.0.2'), input: { name: 'Prima della disattivazione' } });
    await setUserActive({ db: database.db, actor: admin, email, active: false });
    assert.equal(await actorFromApiToken(database.db, second.secret), null);
    await assert.rejects(signIn({ db: database.db, email, password: 'cantiere-demo', clientIp: '10.7.0.3' }), BadCredentialsError);
    await setUserActive({ db: database.db, actor: admin, email, active: true });
    assert.equal(await actorFromApiToken(database.db, second.secret), null, 'enabling the account again does not revive its tokens');
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.action, 'accounts.user.disabled'));
    assert.equal((audited.at(-1)!.after as Record<string, unknown>).tokensRevoked, 1);
    assert.equal((audited.at(-1)!.after as Record<string, unknown>).passwordHash, undefined, 'the audit log never keeps a password hash');
  });

  test('a token cannot make another token (it could outlive the one that made it)', async () => {
    const coordinator = (await actorFromSession(
      database.db,
      (await signIn({ db: database.db, email: 'coordinatrice@cantiere.example', password: 'cantiere-demo', clientIp: '10.8.0.1' })).token,
    ))!;
    const { secret } = await createApiToken({ db: database.db, actor: coordinator, input: { name: 'Un giorno', expiresInDays: '1' } });
    const viaToken = (await actorFromApiToken(database.db, secret))!;
    await assert.rejects(createApiToken({ db: database.db, actor: viaToken, input: { name: 'Per sempre' } }), ForbiddenError);
    await assert.rejects(
      revokeApiToken({ db: database.db, actor: coordinator, tokenId: 'non-un-uuid' }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'tokenId',
    );
  });

  test('signing in ends the session the browser had, whoever it belonged to', async () => {
    const before = await signIn({ db: database.db, email: 'coordinatrice@cantiere.example', password: 'cantiere-demo', clientIp: '10.9.1.1' });
    const afterward = await signIn({
      db: database.db,
      email: 'terzo.settore@cantiere.example',
      password: 'cantiere-demo',
      clientIp: '10.9.1.1',
      previousSession: before.token,
    });
    assert.equal(await actorFromSession(database.db, before.token), null);
    assert.equal((await actorFromSession(database.db, afterward.token))?.email, 'terzo.settore@cantiere.example');
  });

  test('40 parallel wrong passwords for one address: exactly the free five are checked, the rest are throttled', async () => {
    const email = 'regione.marche@cantiere.example';
    const now = new Date();
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => signIn({ db: database.db, email, password: `sbagliata-${i}`, clientIp: `10.10.${i}.1`, now })),
    );
    const checked = results.filter((r) => r.status === 'rejected' && r.reason instanceof BadCredentialsError).length;
    const throttled = results.filter((r) => r.status === 'rejected' && r.reason instanceof ThrottledError).length;
    assert.equal(checked, 5);
    assert.equal(throttled, 35);
    const recorded = await database.db
      .select()
      .from(loginFailures)
      .where(eq(loginFailures.key, `email:${email}`));
    assert.equal(recorded.length, 5);
  });
});
