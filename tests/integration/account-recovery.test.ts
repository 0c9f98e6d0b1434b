import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { systemActor } from '../../app/shared/auth/actor.ts';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import { outbox } from '../../app/shared/mail/outbox.schema.ts';
import { deliverOutbox, SECRET_REMOVED } from '../../app/shared/mail/sender.server.ts';
import { actorFromApiToken, actorFromSession, createApiToken, setUserActive, signIn } from '../../app/modules/accounts/accounts.server.ts';
import {
  describeLink,
  inviteUser,
  LinkInvalidError,
  listUsersForAdmin,
  requestPasswordReset,
  RESETS_PER_HOUR,
  resendInvitation,
  redeemLink,
} from '../../app/modules/accounts/accounts.recovery.server.ts';
import { accountLinks } from '../../app/modules/accounts/accounts.schema.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { seedDemo } from '../support/fixtures.ts';

const BASE = 'https://cantiere.example.it';
const secretOf = (url: string) => /\/accedi\/nuova-password\/([\w-]+)$/.exec(url)![1]!;

describe('invitations and password resets through single-use links sent by e-mail', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const admin = systemActor('test');
  before(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
  });
  after(() => database.close());

  const mailsTo = (address: string) => database.db.select().from(outbox).where(eq(outbox.toAddress, address)).orderBy(outbox.createdAt);

  test('an invitation: the account exists with its role, a link goes by e-mail, the first use sets the password and signs in', async () => {
    const { user, url } = await inviteUser({
      db: database.db,
      actor: admin,
      baseUrl: BASE,
      input: {
        email: 'Nuova.Referente@Samarate.example',
        name: 'Nuova Referente',
        roles: [{ role: 'comune_referent', ambitoCode: 'gallarate', comuneIstatCode: '012118' }],
      },
    });
    assert.equal(user.email, 'nuova.referente@samarate.example');
    assert.match(url, /^https:\/\/cantiere\.example\.it\/accedi\/nuova-password\/[\w-]{43}$/);
    const [mail] = await mailsTo(user.email);
    assert.equal(mail!.subject, 'Invito a Cantiere');
    assert.ok(mail!.body.includes(url), 'the message carries the link');
    // Only the link's hash is kept.
    const [row] = await database.db.select().from(accountLinks).where(eq(accountLinks.userId, user.id));
    assert.notEqual(row!.tokenHash, secretOf(url));
    assert.match(row!.tokenHash, /^[0-9a-f]{64}$/);
    // Nobody can sign in before choosing the password.
    await assert.rejects(signIn({ db: database.db, email: user.email, password: '', clientIp: '10.20.0.1' }));
    assert.deepEqual(await describeLink(database.db, secretOf(url)).then((l) => l && { purpose: l.purpose, email: l.email }), {
      purpose: 'invitation',
      email: user.email,
    });
    const admins = await listUsersForAdmin(database.db, admin);
    assert.equal(admins.find((u) => u.id === user.id)?.invitationPending, true);

    await assert.rejects(
      redeemLink({ db: database.db, secret: secretOf(url), password: 'corta', confirm: 'corta' }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'password',
    );
    await assert.rejects(
      redeemLink({ db: database.db, secret: secretOf(url), password: 'una-password-lunga', confirm: 'un-altra-password' }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'confirm',
    );
    const used = await redeemLink({ db: database.db, secret: secretOf(url), password: 'una-password-lunga', confirm: 'una-password-lunga' });
    assert.equal(used.purpose, 'invitation');
    assert.equal((await actorFromSession(database.db, used.token))?.grants[0]?.role, 'comune_referent');
    // Single use.
    await assert.rejects(
      redeemLink({ db: database.db, secret: secretOf(url), password: 'altra-password-lunga', confirm: 'altra-password-lunga' }),
      LinkInvalidError,
    );
    assert.equal(await describeLink(database.db, secretOf(url)), null);
    assert.ok((await signIn({ db: database.db, email: user.email, password: 'una-password-lunga', clientIp: '10.20.0.2' })).token);
    assert.equal((await listUsersForAdmin(database.db, admin)).find((u) => u.id === user.id)?.invitationPending, false);
  });

  test('an invitation sent again spends the first link; only administrators invite', async () => {
    const first = await inviteUser({
      db: database.db,
      actor: admin,
      baseUrl: BASE,
      input: { email: 'staff.due@gallarate.example', name: 'Staff Due', roles: [{ role: 'staff', ambitoCode: 'gallarate' }] },
    });
    const second = await resendInvitation({ db: database.db, actor: admin, userId: first.user.id, baseUrl: BASE });
    assert.equal(await describeLink(database.db, secretOf(first.url)), null);
    assert.ok(await describeLink(database.db, secretOf(second.url)));
    const coordinator = (await actorFromSession(
      database.db,
      (await signIn({ db: database.db, email: 'coordinatrice@cantiere.example', password: 'cantiere-demo', clientIp: '10.20.1.1' })).token,
    ))!;
    await assert.rejects(
      inviteUser({ db: database.db, actor: coordinator, baseUrl: BASE, input: { email: 'x@y.example', name: 'X Y', roles: [] } }),
      ForbiddenError,
    );
    await assert.rejects(
      inviteUser({ db: database.db, actor: admin, baseUrl: BASE, input: { email: 'COORDINATRICE@cantiere.example', name: 'Doppia', roles: [] } }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'email',
    );
  });

  test('an invitation is sent again only while it waits: never to an account in use (its link would set that password)', async () => {
    const staff = (await listUsersForAdmin(database.db, admin)).find((u) => u.email === 'ufficio.piano@cantiere.example')!;
    await assert.rejects(
      resendInvitation({ db: database.db, actor: admin, userId: staff.id, baseUrl: BASE }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'userId',
    );
    const { user, url } = await inviteUser({
      db: database.db,
      actor: admin,
      baseUrl: BASE,
      input: { email: 'accetta.subito@gallarate.example', name: 'Accetta Subito', roles: [{ role: 'staff', ambitoCode: 'gallarate' }] },
    });
    await redeemLink({ db: database.db, secret: secretOf(url), password: 'la-sua-password', confirm: 'la-sua-password' });
    await assert.rejects(resendInvitation({ db: database.db, actor: admin, userId: user.id, baseUrl: BASE }), ValidationError);
  });

  test('disabling an account spends its links: enabling it again does not bring a pending reset back', async () => {
    const email = 'terzo.settore@cantiere.example';
    await requestPasswordReset({ db: database.db, email, baseUrl: BASE });
    const [mail] = (await mailsTo(email)).filter((m) => m.topic === 'account:reset');
    const secret = /nuova-password\/([\w-]+)/.exec(mail!.body)![1]!;
    await setUserActive({ db: database.db, actor: admin, email, active: false });
    await setUserActive({ db: database.db, actor: admin, email, active: true });
    assert.equal(await describeLink(database.db, secret), null);
    await assert.rejects(redeemLink({ db: database.db, secret, password: 'nuova-password-1', confirm: 'nuova-password-1' }), LinkInvalidError);
  });

  test('a reset asked for an unknown address writes nothing and answers the same', async () => {
    const before = (await database.db.select().from(outbox)).length;
    assert.equal(await requestPasswordReset({ db: database.db, email: 'nessuno@da-nessuna-parte.example', baseUrl: BASE }), undefined);
    assert.equal((await database.db.select().from(outbox)).length, before);
  });

  test('a reset: the link expires after an hour, is single use, and closes every session and API token of the account', async () => {
    const email = 'sindaco.gallarate@cantiere.example';
    const { token: session } = await signIn({ db: database.db, email, password: 'cantiere-demo', clientIp: '10.21.0.1' });
    const mayor = (await actorFromSession(database.db, session))!;
    const { secret: apiSecret } = await createApiToken({ db: database.db, actor: mayor, input: { name: 'Script del sindaco' } });

    const t0 = new Date();
    await requestPasswordReset({ db: database.db, email: 'SINDACO.gallarate@cantiere.example', baseUrl: BASE, now: t0 });
    const [mail] = (await mailsTo(email)).filter((m) => m.topic === 'account:reset');
    const secret = /nuova-password\/([\w-]+)/.exec(mail!.body)![1]!;
    // An hour later it no longer works.
    await assert.rejects(
      redeemLink({ db: database.db, secret, password: 'nuova-password-1', confirm: 'nuova-password-1', now: new Date(t0.getTime() + 3_600_001) }),
      LinkInvalidError,
    );
    const used = await redeemLink({ db: database.db, secret, password: 'nuova-password-1', confirm: 'nuova-password-1', now: new Date(t0.getTime() + 60_000) });
    assert.equal(used.purpose, 'reset');
    assert.equal(await actorFromSession(database.db, session), null, 'the sessions opened before are closed');
    assert.equal(await actorFromApiToken(database.db, apiSecret), null, 'the API tokens are revoked');
    assert.ok(await actorFromSession(database.db, used.token));
    await assert.rejects(redeemLink({ db: database.db, secret, password: 'nuova-password-2', confirm: 'nuova-password-2' }), LinkInvalidError);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, used.user.id), eq(auditLog.action, 'accounts.user.password_reset')));
    assert.deepEqual(audit.at(-1)!.after, { via: 'link', sessionsEnded: 1, tokensRevoked: 1, calendarLinksRevoked: 0, linksSpent: 0 });
  });

  test('the outbox does not keep a live link: a message loses its secret once sent, or once its link is superseded or used', async () => {
    const email = 'referente.samarate@cantiere.example';
    const t0 = new Date();
    await requestPasswordReset({ db: database.db, email, baseUrl: BASE, now: t0 });
    const first = (await mailsTo(email)).filter((m) => m.topic === 'account:reset').at(-1)!;
    const firstSecret = /nuova-password\/([\w-]+)/.exec(first.body)![1]!;
    assert.equal(first.secret, firstSecret, 'waiting for delivery, the message holds its link');
    // A second request supersedes the first link: its message no longer holds it.
    await requestPasswordReset({ db: database.db, email, baseUrl: BASE, now: new Date(t0.getTime() + 1000) });
    const [firstAgain, second] = (await mailsTo(email)).filter((m) => m.topic === 'account:reset').slice(-2);
    assert.equal(firstAgain!.secret, null);
    assert.ok(!firstAgain!.body.includes(firstSecret) && firstAgain!.body.includes(`/accedi/nuova-password/${SECRET_REMOVED}`));
    const secondSecret = second!.secret!;
    assert.ok(second!.body.includes(secondSecret));
    // Delivered: the recipient got the link, the outbox keeps the text without it.
    const delivered: string[] = [];
    const transport = { sendMail: async (m: { to: string; text: string }) => void (m.to.includes(email) && delivered.push(m.text)) };
    await deliverOutbox({ db: database.db, transport, from: 'cantiere@prova.example', limit: 1000 });
    assert.ok(delivered.some((text) => text.includes(secondSecret)));
    const [sent] = await database.db.select().from(outbox).where(eq(outbox.id, second!.id));
    assert.ok(sent!.sentAt && sent!.secret === null && !sent!.body.includes(secondSecret));
    // The link still works from the e-mail.
    assert.equal((await redeemLink({ db: database.db, secret: secondSecret, password: 'nuova-password-9', confirm: 'nuova-password-9' })).purpose, 'reset');

    // Not yet sent (no mail server) and then used: the secret goes with the use.
    const { url } = await inviteUser({
      db: database.db,
      actor: admin,
      baseUrl: BASE,
      input: { email: 'senza.posta@gallarate.example', name: 'Senza Posta', roles: [{ role: 'staff', ambitoCode: 'gallarate' }] },
    });
    const [waiting] = await mailsTo('senza.posta@gallarate.example');
    assert.equal(waiting!.secret, secretOf(url));
    await redeemLink({ db: database.db, secret: secretOf(url), password: 'la-sua-password', confirm: 'la-sua-password' });
    const [spent] = await mailsTo('senza.posta@gallarate.example');
    assert.ok(spent!.sentAt === null && spent!.secret === null && !spent!.body.includes(secretOf(url)));
  });

  test('the migration that adds the column takes the links out of the messages written before it, except a live one waiting', async () => {
    const backfill = readFileSync(new URL('../../db/migrations/0020_outbox_secrets.sql', import.meta.url), 'utf8')
      .split('--> statement-breakpoint')
      .filter((statement) => statement.includes('UPDATE'));
    assert.equal(backfill.length, 2);
    const { user, url } = await inviteUser({
      db: database.db,
      actor: admin,
      baseUrl: BASE,
      input: { email: 'prima.della.colonna@gallarate.example', name: 'Prima Della Colonna', roles: [] },
    });
    const live = secretOf(url);
    const spent = 'x'.repeat(43);
    const old = (secret: string, sentAt: Date | null) => ({
      toAddress: user.email,
      subject: 'Invito a Cantiere',
      body: `Per entrare: ${BASE}/accedi/nuova-password/${secret}\nGrazie.`,
      topic: 'account:invitation',
      sentAt,
    });
    await database.db.delete(outbox).where(eq(outbox.toAddress, user.email));
    const rows = await database.db
      .insert(outbox)
      .values([old(live, null), old(live, new Date()), old(spent, null)])
      .returning({ id: outbox.id });
    for (const statement of backfill) await database.db.execute(sql.raw(statement));
    const byId = new Map((await mailsTo(user.email)).map((m) => [m.id, m]));
    const [waiting, sent, dead] = rows.map((r) => byId.get(r.id)!);
    assert.equal(waiting!.secret, live, 'a live link waiting for delivery keeps its secret until sent or spent');
    assert.ok(waiting!.body.includes(live));
    assert.equal(sent!.secret, null);
    assert.equal(sent!.body, `Per entrare: ${BASE}/accedi/nuova-password/${SECRET_REMOVED}\nGrazie.`);
    assert.ok(dead!.secret === null && !dead!.body.includes(spent));
  });

  test(`no more than ${RESETS_PER_HOUR} reset messages an hour for one account`, async () => {
    const email = 'referente.cassano@cantiere.example';
    for (let i = 0; i < RESETS_PER_HOUR + 3; i++) await requestPasswordReset({ db: database.db, email, baseUrl: BASE });
    assert.equal((await mailsTo(email)).filter((m) => m.topic === 'account:reset').length, RESETS_PER_HOUR);
    // Only the latest link works.
    const live = await database.db
      .select()
      .from(accountLinks)
      .where(and(eq(accountLinks.purpose, 'reset'), isNull(accountLinks.usedAt)));
    assert.equal(live.filter((l) => l.userId === live.at(-1)!.userId).length, 1);
  });
});
