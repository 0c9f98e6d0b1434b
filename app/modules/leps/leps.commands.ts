import { and, asc, eq, inArray } from 'drizzle-orm';
import { hasAmbitoRole, referentComuneIds, UFFICIO_DI_PIANO, type Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import { parseCsv } from '../../shared/csv.ts';
import { periodsOverlap } from '../../shared/periods.ts';
import type { Db, Tx } from '../../shared/db/client.ts';
import { lockBusinessKey, lockBusinessKeys } from '../../shared/db/key-lock.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { ambitoComuni, ambiti, comuni } from '../territory/index.server.ts';
import { notImportedMessage, parseLepsCatalogue, parseSocialWorkerStaff } from './leps-catalogue.ts';
import { authorize, can, type LepsAmbitoScope } from './leps.policy.ts';
import { fteFromWeeklyHours } from './leps.rules.ts';
import { lepsCatalogue, socialWorkerPosts } from './leps.schema.ts';
import { CatalogueEntryInput, DeletePostInput, postIdOf, SocialWorkerPostInput } from './leps.validation.ts';

/** «dal … al …» of a period already recorded, for the messages of an overlap. */
const periodOf = (p: { validFrom: string; validTo: string | null }) =>
  p.validTo ? tr('leps.cmd.period.fromTo', { from: p.validFrom, to: p.validTo }) : tr('leps.cmd.period.from', { from: p.validFrom });

/**
 * Loads a version of the LEPS catalogue from its file (cantiere.leps-catalogue). A version is loaded once: a
 * corrected or extended catalogue takes a new version number. Administrator only; one audit entry.
 */
export async function importLepsCatalogue({ db, actor, fileName, text }: { db: Db; actor: Actor; fileName: string; text: string }) {
  authorize(actor, 'catalogue.edit', null);
  const catalogue = parseLepsCatalogue(fileName, text);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: lepsCatalogue.id }).from(lepsCatalogue).where(eq(lepsCatalogue.catalogueVersion, catalogue.version)).limit(1);
    if (existing) {
      throw new ValidationError(
        [{ path: tr('leps.cmd.versionField', { file: fileName }), message: tr('leps.cmd.versionLoaded', { version: catalogue.version }) }],
        notImportedMessage(fileName, 1),
      );
    }
    // The page shows the public citation (document and section); line numbers of the transcription stay in the file.
    const source = `${catalogue.source.document}; ${catalogue.source.section}`;
    await tx.insert(lepsCatalogue).values(
      catalogue.leps.map((l, position) => ({
        catalogueVersion: catalogue.version,
        catalogueTitle: catalogue.title,
        position,
        code: l.code,
        name: l.name,
        legalReference: l.legalReference,
        planningAct: l.planningAct,
        fundingText: l.fundingText,
        fundingSources: [...l.fundingSources],
        policyAreas: l.policyAreas,
        priority: l.priority,
        note: l.note,
        source,
      })),
    );
    const summary = { file: fileName, version: catalogue.version, leps: catalogue.leps.length };
    await recordAudit(tx, { actor, action: 'leps.catalogue.imported', entityType: 'import', entityId: fileName, after: summary });
    return summary;
  });
}

/** Saves the administrator's changes to one catalogue entry (name, norm, planning act, funding, note). */
export async function updateCatalogueEntry({ db, actor, entryId, input }: { db: Db; actor: Actor; entryId: string; input: unknown }) {
  authorize(actor, 'catalogue.edit', null);
  const { version, ...patch } = parseInput(CatalogueEntryInput, input);
  return db.transaction(async (tx) => {
    const [entry] = await tx.select({ catalogueVersion: lepsCatalogue.catalogueVersion }).from(lepsCatalogue).where(eq(lepsCatalogue.id, entryId));
    if (!entry) throw new NotFoundError('La voce del catalogo LEPS');
    const [clash] = await tx
      .select({ id: lepsCatalogue.id, code: lepsCatalogue.code })
      .from(lepsCatalogue)
      .where(and(eq(lepsCatalogue.catalogueVersion, entry.catalogueVersion), eq(lepsCatalogue.name, patch.name)));
    if (clash && clash.id !== entryId) throw new ValidationError([{ path: 'name', message: tr('leps.cmd.nameUsed', { code: clash.code }) }]);
    const { before, after } = await updateVersioned(tx, lepsCatalogue, entryId, version, patch, 'la voce del catalogo LEPS');
    await recordAudit(tx, { actor, action: 'leps.catalogue_entry.updated', entityType: 'leps_catalogue', entityId: entryId, before, after });
    return after;
  });
}

async function ambitoScope(tx: Db | Tx, ambitoId: string) {
  const [a] = await tx
    .select({ id: ambiti.id, code: ambiti.code, name: ambiti.name, regionCode: ambiti.regionCode })
    .from(ambiti)
    .where(eq(ambiti.id, ambitoId));
  if (!a) throw new NotFoundError('L’Ambito');
  return a;
}

/** The comuni of the Ambito (any period), by id and by ISTAT code. */
async function memberComuni(tx: Tx, ambitoId: string) {
  const rows = await tx
    .select({ id: comuni.id, istatCode: comuni.istatCode, name: comuni.name })
    .from(ambitoComuni)
    .innerJoin(comuni, eq(comuni.id, ambitoComuni.comuneId))
    .where(eq(ambitoComuni.ambitoId, ambitoId));
  return { byId: new Map(rows.map((r) => [r.id, r])), byIstat: new Map(rows.map((r) => [r.istatCode, r])) };
}

const overlaps = (a: { validFrom: string; validTo: string | null }, b: { validFrom: string; validTo: string | null }) =>
  periodsOverlap({ from: a.validFrom, to: a.validTo }, { from: b.validFrom, to: b.validTo });

const isReferentOnly = (actor: Actor, scope: LepsAmbitoScope) =>
  referentComuneIds(actor, scope.id).length > 0 && !hasAmbitoRole(actor, scope, UFFICIO_DI_PIANO);

/** Before reading a staff row's input: may the actor change the Ambito's staff list at all (as Ufficio di Piano or as
 * the referent of one of its comuni)? */
function authorizeStaffEntry(actor: Actor, scope: LepsAmbitoScope): void {
  if (!isReferentOnly(actor, scope)) authorize(actor, 'staff.write', scope);
}

/** Authorises a change to a row of the staff list, telling a comune referent that it keeps only its own comune's rows. */
function authorizeStaffWrite(actor: Actor, scope: LepsAmbitoScope): void {
  if (can(actor, 'staff.write', scope)) return;
  if (isReferentOnly(actor, scope)) throw new ForbiddenError(tr(scope.comuneId ? 'leps.cmd.referentOtherComune' : 'leps.cmd.referentWholeAmbito'));
  authorize(actor, 'staff.write', scope);
}

/** What the audit log names for a row of the staff list: the row, in its Ambito. */
const postEntry = (post: { id: string; ambitoId: string }) => ({ entityType: 'social_worker_post', entityId: post.id, ambitoId: post.ambitoId });

/** Records one social worker (or post) of the Ambito for a period, from the form. */
export async function addSocialWorkerPost({ db, actor, ambitoId, input }: { db: Db; actor: Actor; ambitoId: string; input: unknown }) {
  const scope = await ambitoScope(db, ambitoId);
  authorizeStaffEntry(actor, scope);
  const v = parseInput(SocialWorkerPostInput, input);
  authorizeStaffWrite(actor, { ...scope, comuneId: v.comuneId });
  return db.transaction(async (tx) => {
    if (v.comuneId) {
      const members = await memberComuni(tx, ambitoId);
      if (!members.byId.has(v.comuneId)) throw new ValidationError([{ path: 'comuneId', message: tr('leps.cmd.comuneNotMember') }]);
    }
    // Two requests at once for the same code: the second waits here, then its check sees the first's row.
    await lockBusinessKey(tx, 'social_worker_posts', ambitoId, v.code);
    const same = await tx
      .select()
      .from(socialWorkerPosts)
      .where(and(eq(socialWorkerPosts.ambitoId, ambitoId), eq(socialWorkerPosts.code, v.code)));
    const clash = same.find((p) => overlaps(p, v));
    if (clash) {
      throw new ValidationError([{ path: 'validFrom', message: tr('leps.cmd.periodClash', { code: v.code, period: periodOf(clash) }) }]);
    }
    const fte = v.fte ?? fteFromWeeklyHours(v.weeklyHours!).value!;
    const [row] = await tx
      .insert(socialWorkerPosts)
      .values({
        ambitoId,
        comuneId: v.comuneId,
        code: v.code,
        fte,
        employerKind: v.employerKind,
        employerName: v.employerName,
        contract: v.contract,
        fundingSources: v.fundingSources,
        assignment: v.assignment,
        validFrom: v.validFrom,
        validTo: v.validTo,
        source: 'Inserito dal modulo',
      })
      .returning();
    await recordAudit(tx, { actor, action: 'leps.social_worker.created', ...postEntry(row!), after: row });
    return row!;
  });
}

/** Removes a row of the staff list entered by mistake (a worker who leaves gets an end date instead). */
export async function deleteSocialWorkerPost({ db, actor, postId, input }: { db: Db; actor: Actor; postId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    // The row is locked, then the actor authorised on its Ambito and comune, before the input is read.
    const [post] = await tx
      .select()
      .from(socialWorkerPosts)
      .where(eq(socialWorkerPosts.id, postIdOf(postId)))
      .for('update');
    if (!post) throw new NotFoundError('La riga del personale');
    authorizeStaffWrite(actor, { ...(await ambitoScope(tx, post.ambitoId)), comuneId: post.comuneId });
    const { version } = parseInput(DeletePostInput, input);
    if (post.version !== version) throw new ConflictError('la riga del personale', post.version);
    await tx.delete(socialWorkerPosts).where(eq(socialWorkerPosts.id, postId));
    await recordAudit(tx, { actor, action: 'leps.social_worker.deleted', ...postEntry(post), before: post });
  });
}

/**
 * Imports the social-worker staff list of an Ambito (CSV, see SOCIAL_WORKER_CSV_COLUMNS; an optional column
 * `codice_istat_comune` assigns a row to one comune of the Ambito). All or nothing: every problem is reported with
 * file, row and column, including periods that overlap rows already recorded with the same code. One audit entry.
 */
export async function importSocialWorkerStaff({
  db,
  actor,
  ambitoId,
  fileName,
  text,
}: {
  db: Db;
  actor: Actor;
  ambitoId: string;
  fileName: string;
  text: string;
}) {
  const scope = await ambitoScope(db, ambitoId);
  authorize(actor, 'staff.write', scope);
  const posts = parseSocialWorkerStaff(fileName, text);
  // The parser validated every row; the data rows are in the same order as the posts.
  const table = parseCsv(text);
  const comuneColumn = table.header.indexOf('codice_istat_comune');
  return db.transaction(async (tx) => {
    const members = await memberComuni(tx, ambitoId);
    // The file's codes are locked before the rows already recorded are read (see addSocialWorkerPost).
    await lockBusinessKeys(
      tx,
      'social_worker_posts',
      posts.map((p) => [ambitoId, p.id]),
    );
    const existing = await tx.select().from(socialWorkerPosts).where(eq(socialWorkerPosts.ambitoId, ambitoId)).orderBy(asc(socialWorkerPosts.validFrom));
    const issues: FieldIssue[] = [];
    const values = posts.map((p, i) => {
      const line = table.rows[i]!.line;
      let comuneId: string | null = null;
      const istat = comuneColumn >= 0 ? (table.rows[i]!.cells[comuneColumn] ?? '').trim() : '';
      if (istat) {
        const c = members.byIstat.get(istat);
        if (!c)
          issues.push({
            path: tr('leps.cmd.rowColumn', { file: fileName, line, column: 'codice_istat_comune' }),
            message: tr('leps.cmd.import.comuneNotMember', { istat, ambito: scope.name }),
          });
        else comuneId = c.id;
      }
      const clash = existing.find((e) => e.code === p.id && overlaps(e, { validFrom: p.from, validTo: p.to }));
      if (clash) {
        issues.push({
          path: tr('leps.cmd.rowColumn', { file: fileName, line, column: 'dal' }),
          message: tr('leps.cmd.import.periodClash', { code: p.id, period: periodOf(clash) }),
        });
      }
      return {
        ambitoId,
        comuneId,
        code: p.id,
        fte: p.fte,
        employerKind: p.employerKind,
        employerName: p.employerName,
        contract: p.contract,
        fundingSources: [...p.fundingSources],
        assignment: p.assignment ?? null,
        validFrom: p.from,
        validTo: p.to,
        source: `${fileName}, riga ${line}`,
      };
    });
    if (issues.length) throw new ValidationError(issues.slice(0, 50), notImportedMessage(fileName, issues.length));
    const rows = await tx.insert(socialWorkerPosts).values(values).returning({ id: socialWorkerPosts.id });
    const summary = { file: fileName, rows: rows.length, fte: Math.round(values.reduce((s, v) => s + v.fte * 10_000, 0)) / 10_000 };
    await recordAudit(tx, { actor, action: 'leps.social_workers.imported', entityType: 'import', entityId: fileName, ambitoId, after: summary });
    return summary;
  });
}

/** Used by the demo and tests: is a catalogue version loaded? */
export async function hasCatalogueVersion(db: Db, version: string) {
  const rows = await db
    .select({ id: lepsCatalogue.id })
    .from(lepsCatalogue)
    .where(inArray(lepsCatalogue.catalogueVersion, [version]))
    .limit(1);
  return rows.length > 0;
}
