// Writes of the glossary, through the house pipeline: authorise (reports.policy.ts) → validate → one transaction →
// versioned write → audit. A term is known by its slug in the Ambito: two terms that differ only by accents, case or
// signs are the same term.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db, DbOrTx, Tx } from '../../shared/db/client.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { ambiti } from '../territory/index.server.ts';
import { parseGlossaryCsv } from './glossary.importers.ts';
import { slugify } from './glossary.rules.ts';
import { glossaryTerms, type GlossaryTerm } from './glossary.schema.ts';
import { GlossaryTermEdit, GlossaryTermInput, GlossaryTermRemoval, termIdOf } from './glossary.validation.ts';
import { authorize } from './reports.policy.ts';

const ENTITY = 'il termine del glossario';

async function ambitoScope(db: DbOrTx, ambitoId: string) {
  const [a] = await db.select({ id: ambiti.id, regionCode: ambiti.regionCode }).from(ambiti).where(eq(ambiti.id, ambitoId));
  if (!a) throw new NotFoundError('L’Ambito');
  return a;
}

/** The term with this slug in the Ambito, if any. */
async function termBySlug(tx: Tx, ambitoId: string, slug: string) {
  const [row] = await tx
    .select()
    .from(glossaryTerms)
    .where(and(eq(glossaryTerms.ambitoId, ambitoId), eq(glossaryTerms.slug, slug)));
  return row ?? null;
}

/** Locks a term, then authorises the actor on its Ambito (a term of an Ambito the actor cannot edit is not shown). */
async function lockTerm(tx: Tx, actor: Actor, termId: unknown): Promise<GlossaryTerm> {
  const id = termIdOf(termId);
  const [row] = id ? await tx.select().from(glossaryTerms).where(eq(glossaryTerms.id, id)).for('update') : [];
  if (!row) throw new NotFoundError('Il termine del glossario');
  authorize(actor, 'glossary.edit', await ambitoScope(tx, row.ambitoId));
  return row;
}

const entry = (row: { id: string; ambitoId: string }) => ({ entityType: 'glossary_term', entityId: row.id, ambitoId: row.ambitoId });

/** Adds a term to the Ambito's glossary. */
export async function addGlossaryTerm({ db, actor, ambitoId, input }: { db: Db; actor: Actor; ambitoId: string; input: unknown }) {
  authorize(actor, 'glossary.edit', await ambitoScope(db, ambitoId));
  const v = parseInput(GlossaryTermInput, input);
  const slug = slugify(v.term);
  return db.transaction(async (tx) => {
    const clash = await termBySlug(tx, ambitoId, slug);
    if (clash) throw new ValidationError([{ path: 'term', message: tr('rep.glossary.val.duplicate', { term: v.term, existing: clash.term }) }]);
    const [row] = await tx.insert(glossaryTerms).values({ ambitoId, term: v.term, slug, definition: v.definition, source: v.source }).returning();
    await recordAudit(tx, { actor, action: 'reports.glossary_term.created', ...entry(row!), after: row });
    return row!;
  });
}

/** Saves a term's words, definition and source (its anchor follows the words). Nothing changed → nothing written. */
export async function updateGlossaryTerm({ db, actor, termId, input }: { db: Db; actor: Actor; termId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    const current = await lockTerm(tx, actor, termId);
    const { version, ...v } = parseInput(GlossaryTermEdit, input);
    if (current.version !== version) throw new ConflictError(ENTITY, current.version);
    const slug = slugify(v.term);
    if (slug !== current.slug) {
      const clash = await termBySlug(tx, current.ambitoId, slug);
      if (clash) throw new ValidationError([{ path: 'term', message: tr('rep.glossary.val.duplicate', { term: v.term, existing: clash.term }) }]);
    }
    const patch = { term: v.term, slug, definition: v.definition, source: v.source };
    if (patch.term === current.term && patch.definition === current.definition && patch.source === current.source) return { term: current, changed: false };
    const { before, after } = await updateVersioned(tx, glossaryTerms, current.id, version, patch, ENTITY);
    await recordAudit(tx, { actor, action: 'reports.glossary_term.updated', ...entry(after), before, after });
    return { term: after, changed: true };
  });
}

/** Removes a term from the glossary. */
export async function removeGlossaryTerm({ db, actor, termId, input }: { db: Db; actor: Actor; termId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    const current = await lockTerm(tx, actor, termId);
    const { version } = parseInput(GlossaryTermRemoval, input);
    if (current.version !== version) throw new ConflictError(ENTITY, current.version);
    await tx.delete(glossaryTerms).where(eq(glossaryTerms.id, current.id));
    await recordAudit(tx, { actor, action: 'reports.glossary_term.deleted', ...entry(current), before: current });
    return current;
  });
}

/**
 * Loads the glossary file into the Ambito (all or nothing, problems by file, row and column): new terms are added,
 * terms already present (same slug) take the file's words, definition and source, the others stay. One audit entry.
 */
export async function importGlossary({ db, actor, ambitoId, fileName, text }: { db: Db; actor: Actor; ambitoId: string; fileName: string; text: string }) {
  authorize(actor, 'glossary.edit', await ambitoScope(db, ambitoId));
  const rows = parseGlossaryCsv(fileName, text);
  return db.transaction(async (tx) => {
    const existing = new Map((await tx.select().from(glossaryTerms).where(eq(glossaryTerms.ambitoId, ambitoId))).map((t) => [t.slug, t]));
    const added: string[] = [];
    const updated: string[] = [];
    let unchanged = 0;
    const fresh = rows.filter((r) => !existing.has(r.slug));
    if (fresh.length) {
      await tx.insert(glossaryTerms).values(fresh.map((r) => ({ ambitoId, term: r.term, slug: r.slug, definition: r.definition, source: r.source })));
      added.push(...fresh.map((r) => r.slug));
    }
    for (const r of rows) {
      const current = existing.get(r.slug);
      if (!current) continue;
      if (current.term === r.term && current.definition === r.definition && current.source === r.source) {
        unchanged++;
        continue;
      }
      await updateVersioned(tx, glossaryTerms, current.id, current.version, { term: r.term, definition: r.definition, source: r.source }, ENTITY);
      updated.push(r.slug);
    }
    const summary = { file: fileName, added: added.length, updated: updated.length, unchanged };
    await recordAudit(tx, {
      actor,
      action: 'reports.glossary.imported',
      entityType: 'import',
      entityId: fileName,
      ambitoId,
      after: { ...summary, terms: { added, updated } },
    });
    return summary;
  });
}
