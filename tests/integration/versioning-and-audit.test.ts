import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { ConflictError, ValidationError } from '../../app/shared/errors.ts';
import { updateAmbito } from '../../app/modules/territory/territory.commands.ts';
import { ambiti } from '../../app/modules/territory/territory.schema.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

describe('writes are versioned and audited', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  const entriesFor = (id: string) =>
    database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'ambito'), eq(auditLog.entityId, id)));

  before(async () => {
    database = await createTestDatabase();
    ambitoId = (await seedDemo(database.db)).gallarate.id;
  });
  after(() => database.close());

  test(`lost update: two concurrent edits of the same version, exactly one wins (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const [row] = await database.db.select().from(ambiti).where(eq(ambiti.id, ambitoId));
    const base = { version: row!.version, healthDistrict: '', managementForm: 'convenzione' };
    const results = await Promise.allSettled([
      updateAmbito({ db: database.db, actor: coordinator, ambitoId, input: { ...base, name: 'Ambito di Gallarate (A)' } }),
      updateAmbito({ db: database.db, actor: coordinator, ambitoId, input: { ...base, name: 'Ambito di Gallarate (B)' } }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    assert.equal(won.length, 1);
    assert.equal(lost.length, 1);
    const error = (lost[0] as PromiseRejectedResult).reason;
    assert.ok(error instanceof ConflictError, `expected a conflict, got ${error}`);
    assert.equal(error.status, 409);
    assert.match(error.message, /Qualcun altro ha modificato l’Ambito/);
    assert.match(error.message, /Ricarica la pagina/);
    const [now] = await database.db.select().from(ambiti).where(eq(ambiti.id, ambitoId));
    assert.equal(now!.version, row!.version + 1);
    assert.equal(now!.name, (won[0] as PromiseFulfilledResult<{ name: string }>).value.name);
    assert.equal((await entriesFor(ambitoId)).length, 1, 'only the winning write is audited');
  });

  test('a stale version is refused even when nobody else is editing now', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    await assert.rejects(updateAmbito({ db: database.db, actor: coordinator, ambitoId, input: { version: 1, name: 'Vecchio nome' } }), ConflictError);
  });

  test('each write produces exactly one audit entry with the record before and after', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const [row] = await database.db.select().from(ambiti).where(eq(ambiti.id, ambitoId));
    const countBefore = (await entriesFor(ambitoId)).length;
    await updateAmbito({
      db: database.db,
      actor: coordinator,
      ambitoId,
      input: { version: row!.version, name: 'Ambito Territoriale di Gallarate', description: 'Nove comuni della provincia di Varese.' },
    });
    const entries = await entriesFor(ambitoId);
    assert.equal(entries.length, countBefore + 1);
    const last = entries.sort((a, b) => b.id - a.id)[0]!;
    assert.equal(last.action, 'territory.ambito.updated');
    assert.equal(last.actorLabel, 'Test coordinator <coordinator@test.example>');
    assert.equal(last.ambitoId, ambitoId);
    const b = last.before as Record<string, unknown>;
    const a = last.after as Record<string, unknown>;
    assert.equal(b.name, row!.name);
    assert.equal(b.description, row!.description);
    assert.equal(b.version, row!.version);
    assert.equal(a.name, 'Ambito Territoriale di Gallarate');
    assert.equal(a.description, 'Nove comuni della provincia di Varese.');
    assert.equal(a.version, row!.version + 1);
  });

  test('invalid input is refused with Italian messages per field and changes nothing', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const [row] = await database.db.select().from(ambiti).where(eq(ambiti.id, ambitoId));
    const countBefore = (await entriesFor(ambitoId)).length;
    await assert.rejects(
      updateAmbito({ db: database.db, actor: coordinator, ambitoId, input: { version: row!.version, name: 'X', managementForm: 'monarchia' } }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.deepEqual(e.issues.map((i) => i.path).sort(), ['managementForm', 'name']);
        assert.match(e.issues.find((i) => i.path === 'name')!.message, /almeno 3 caratteri/);
        return true;
      },
    );
    const [now] = await database.db.select().from(ambiti).where(eq(ambiti.id, ambitoId));
    assert.deepEqual(now, row);
    assert.equal((await entriesFor(ambitoId)).length, countBefore);
  });
});
