/**
 * Social workers of one comune declared through a data request (app/modules/collection) and validated by the Ufficio
 * di Piano. Each declared person replaces the comune's rows with the same code that overlap the declared period (a
 * corrected declaration replaces the earlier one); rows of the comune not declared are left as they are and counted
 * for the reviewer. A code used by another comune's or the Ambito's overlapping row is refused. Runs in the caller's
 * transaction; one audit entry with before and after.
 */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import { periodsOverlap } from '../../shared/periods.ts';
import type { DbOrTx, Tx } from '../../shared/db/client.ts';
import { lockBusinessKeys } from '../../shared/db/key-lock.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { ambiti } from '../territory/index.server.ts';
import { authorize } from './leps.policy.ts';
import { socialWorkerPosts } from './leps.schema.ts';

export interface DeclaredPost {
  code: string;
  employerKind: string;
  employerName: string;
  contract: string;
  fte: number;
  from: string;
  to: string | null;
}

const overlaps = (a: { validFrom: string; validTo: string | null }, b: { from: string; to: string | null }) =>
  periodsOverlap({ from: a.validFrom, to: a.validTo }, b);

/** Posts of other entities (another comune, the Ambito) whose code and period clash with the declaration. */
export async function declaredPostClashes(db: DbOrTx, ambitoId: string, comuneId: string, posts: readonly DeclaredPost[]) {
  const rows = await db.select().from(socialWorkerPosts).where(eq(socialWorkerPosts.ambitoId, ambitoId));
  return posts.flatMap((p, i) =>
    rows
      .filter((r) => r.code === p.code && r.comuneId !== comuneId && overlaps(r, p))
      .map((r) => ({ index: i, code: p.code, validFrom: r.validFrom, validTo: r.validTo })),
  );
}

export async function recordDeclaredPosts(
  tx: Tx,
  actor: Actor,
  input: { ambitoId: string; comuneId: string; year: number; posts: readonly DeclaredPost[]; source: string },
) {
  const [ambito] = await tx.select({ id: ambiti.id, regionCode: ambiti.regionCode }).from(ambiti).where(eq(ambiti.id, input.ambitoId));
  if (!ambito) throw new NotFoundError('L’Ambito');
  authorize(actor, 'staff.write', { ...ambito, comuneId: input.comuneId });
  // The declared codes are locked before the recorded rows are read (as leps.commands.ts's addSocialWorkerPost does).
  await lockBusinessKeys(
    tx,
    'social_worker_posts',
    input.posts.map((p) => [input.ambitoId, p.code]),
  );
  const clashes = await declaredPostClashes(tx, input.ambitoId, input.comuneId, input.posts);
  if (clashes.length)
    throw new ValidationError(
      clashes.map((c) => ({ path: tr('leps.collected.row', { row: c.index + 1 }), message: tr('leps.collected.clash', { code: c.code, from: c.validFrom }) })),
    );
  const own = await tx
    .select()
    .from(socialWorkerPosts)
    .where(and(eq(socialWorkerPosts.ambitoId, input.ambitoId), eq(socialWorkerPosts.comuneId, input.comuneId)));
  const replaced = own.filter((r) => input.posts.some((p) => p.code === r.code && overlaps(r, p)));
  for (const r of replaced) await tx.delete(socialWorkerPosts).where(eq(socialWorkerPosts.id, r.id));
  const inserted = input.posts.length
    ? await tx
        .insert(socialWorkerPosts)
        .values(
          input.posts.map((p) => ({
            ambitoId: input.ambitoId,
            comuneId: input.comuneId,
            code: p.code,
            fte: p.fte,
            employerKind: p.employerKind,
            employerName: p.employerName,
            contract: p.contract,
            fundingSources: [],
            validFrom: p.from,
            validTo: p.to,
            source: input.source,
          })),
        )
        .returning()
    : [];
  const first = `${input.year}-01-01`;
  const last = `${input.year}-12-31`;
  const undeclared = own.filter((r) => !replaced.includes(r) && overlaps(r, { from: first, to: last }));
  await recordAudit(tx, {
    actor,
    action: 'leps.social_workers.collected',
    entityType: 'staff_year',
    entityId: `${input.comuneId}:${input.year}`,
    ambitoId: input.ambitoId,
    before: replaced,
    after: inserted,
  });
  return { inserted: inserted.length, replaced: replaced.length, undeclared: undeclared.map((r) => r.code) };
}
