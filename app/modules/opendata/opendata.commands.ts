import { eq } from 'drizzle-orm';
import type { Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db } from '../../shared/db/client.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { ConflictError, NotFoundError } from '../../shared/errors.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { ambiti } from '../territory/index.server.ts';
import { authorize } from './opendata.policy.ts';
import { opendataPublishers } from './opendata.schema.ts';
import { PublisherInput } from './opendata.validation.ts';

/** What the audit log and the conflict message call the settings. */
const ENTITY = 'le impostazioni di pubblicazione dei dati aperti';

/**
 * Declares (or changes) who publishes the Ambito's open data: authorise (coordinator of the Ambito) → validate →
 * one transaction → versioned write (the first declaration is version 1; a form opened before someone else saved
 * is a conflict, never an overwrite) → audit.
 */
export async function savePublisher({ db, actor, ambitoId, input }: { db: Db; actor: Actor; ambitoId: string; input: unknown }) {
  const [ambito] = await db.select({ id: ambiti.id, regionCode: ambiti.regionCode }).from(ambiti).where(eq(ambiti.id, ambitoId));
  if (!ambito) throw new NotFoundError('L’Ambito');
  authorize(actor, 'publisher.edit', ambito);
  const { version, ...values } = parseInput(PublisherInput, input);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(opendataPublishers).where(eq(opendataPublishers.ambitoId, ambitoId)).for('update');
    if (!existing) {
      if (version !== 0) throw new ConflictError(ENTITY, null);
      const [row] = await tx
        .insert(opendataPublishers)
        .values({ ambitoId, ...values })
        .returning();
      await recordAudit(tx, { actor, action: 'opendata.publisher.created', entityType: 'opendata_publisher', entityId: row!.id, ambitoId, after: row });
      return row!;
    }
    const { before, after } = await updateVersioned(tx, opendataPublishers, existing.id, version, values, ENTITY);
    await recordAudit(tx, { actor, action: 'opendata.publisher.updated', entityType: 'opendata_publisher', entityId: existing.id, ambitoId, before, after });
    return after;
  });
}
