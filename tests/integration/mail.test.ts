import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { outbox } from '../../app/shared/mail/outbox.schema.ts';
import { countUnsent, deliverOutbox, type MailTransport } from '../../app/shared/mail/sender.server.ts';
import { createTestDatabase } from '../support/test-db.ts';

describe('outgoing mail: the outbox is delivered when SMTP is configured', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  const ics = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';

  test('every waiting message is sent once, oldest first, with its invitation; sent ones are not sent again', async () => {
    await database.db.insert(outbox).values([
      {
        toAddress: 'sindaco@comune.gallarate.va.it',
        toName: 'Sindaco di Gallarate',
        subject: 'Convocazione',
        body: 'Testo',
        ics,
        topic: 'meeting:1',
        createdAt: new Date('2026-11-01T10:00:00Z'),
      },
      { toAddress: 'sindaco@comune.samarate.va.it', subject: 'Convocazione', body: 'Testo', topic: 'meeting:1', createdAt: new Date('2026-11-01T10:00:01Z') },
    ]);
    const seen: { to: string; ical?: string }[] = [];
    const transport: MailTransport = {
      async sendMail(m) {
        seen.push({ to: m.to, ical: m.icalEvent?.method });
      },
    };
    assert.deepEqual(await deliverOutbox({ db: database.db, transport, from: 'Cantiere <noreply@example.org>' }), { sent: 2, failed: 0 });
    assert.deepEqual(seen, [
      { to: '"Sindaco di Gallarate" <sindaco@comune.gallarate.va.it>', ical: 'REQUEST' },
      { to: 'sindaco@comune.samarate.va.it', ical: undefined },
    ]);
    assert.equal(await countUnsent(database.db), 0);
    assert.deepEqual(await deliverOutbox({ db: database.db, transport, from: 'x' }), { sent: 0, failed: 0 });
  });

  test('a failing server leaves the message waiting with the error, and it goes out at the next round', async () => {
    const [m] = await database.db
      .insert(outbox)
      .values({ toAddress: 'referente@comune.cairate.va.it', subject: 'Promemoria', body: 'Testo', topic: 'due:1' })
      .returning();
    const down: MailTransport = {
      async sendMail() {
        throw new Error('connect ECONNREFUSED 127.0.0.1:25');
      },
    };
    assert.deepEqual(await deliverOutbox({ db: database.db, transport: down, from: 'x' }), { sent: 0, failed: 1 });
    const [waiting] = await database.db.select().from(outbox).where(eq(outbox.id, m!.id));
    assert.equal(waiting!.sentAt, null);
    assert.match(waiting!.error!, /ECONNREFUSED/);
    const up: MailTransport = { async sendMail() {} };
    assert.deepEqual(await deliverOutbox({ db: database.db, transport: up, from: 'x' }), { sent: 1, failed: 0 });
    const [sent] = await database.db.select().from(outbox).where(eq(outbox.id, m!.id));
    assert.ok(sent!.sentAt);
    assert.equal(sent!.error, null);
  });
});
