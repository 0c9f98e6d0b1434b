/**
 * The writes of the services catalogue, each through the house pipeline: authorise → validate → one transaction →
 * versioned write → audit entry in the same transaction. Refused input writes nothing.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db, Tx } from '../../shared/db/client.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { NotFoundError, ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { ambiti } from '../territory/index.server.ts';
import { parseNomenclature } from './services.catalogue.ts';
import { parseServicesCsv, type ImportedService } from './services.import.ts';
import { authorize } from './services.policy.ts';
import { serviceReferences } from './services.queries.ts';
import { serviceProblems, yearProblems, type Problem } from './services.rules.ts';
import { services, serviceTypes, serviceYearFunds, serviceYears } from './services.schema.ts';
import { ServiceInput, ServiceUpdateInput, ServiceYearInput, VersionInput } from './services.validation.ts';

async function ambitoScope(db: Db | Tx, ambitoId: string) {
  const [a] = await db
    .select({ id: ambiti.id, code: ambiti.code, name: ambiti.name, regionCode: ambiti.regionCode })
    .from(ambiti)
    .where(eq(ambiti.id, ambitoId));
  if (!a) throw new NotFoundError('L’Ambito');
  return a;
}

/** The rules' problems as a form's refusal: each at its field, in the reader's language. */
function refuseProblems(problems: Problem[]): void {
  if (problems.length === 0) return;
  const issues: FieldIssue[] = problems.map((p) => ({ path: p.field === 'spend' ? 'spend' : p.field, message: tr(p.key, p.params) }));
  throw new ValidationError(issues);
}

// ——— Nomenclature ——————————————————————————————————————————————————————————————————————————————————

/**
 * Loads (or updates) the nomenclature from its file: entries are matched by code; a new code is added, a changed entry
 * is updated (version bumped), an entry no longer in the file stays (services refer to it). Administrator only; all or
 * nothing; one audit entry with what changed.
 */
export async function loadNomenclature({ db, actor, fileName, text }: { db: Db; actor: Actor; fileName: string; text: string }) {
  authorize(actor, 'nomenclature.edit', null);
  const nomenclature = parseNomenclature(fileName, text);
  return db.transaction(async (tx) => {
    const existing = new Map((await tx.select().from(serviceTypes)).map((r) => [r.code, r]));
    let added = 0;
    let updated = 0;
    for (const [position, e] of nomenclature.entries.entries()) {
      const values = {
        position,
        name: e.name,
        macroCode: e.macroCode,
        macroName: e.macroName,
        description: e.description,
        fnpsGoal: e.fnpsGoal,
        aliases: e.aliases,
      };
      const row = existing.get(e.code);
      if (!row) {
        await tx.insert(serviceTypes).values({ code: e.code, ...values });
        added++;
        continue;
      }
      const same =
        row.position === position &&
        row.name === e.name &&
        row.macroCode === e.macroCode &&
        row.macroName === e.macroName &&
        row.description === e.description &&
        row.fnpsGoal === e.fnpsGoal &&
        JSON.stringify(row.aliases) === JSON.stringify(e.aliases);
      if (same) continue;
      await updateVersioned(tx, serviceTypes, row.id, row.version, values, 'la voce del nomenclatore');
      updated++;
    }
    const summary = {
      file: fileName,
      version: nomenclature.version,
      entries: nomenclature.entries.length,
      added,
      updated,
      unchanged: nomenclature.entries.length - added - updated,
    };
    await recordAudit(tx, { actor, action: 'services.nomenclature.loaded', entityType: 'import', entityId: fileName, after: summary });
    return summary;
  });
}

// ——— Services ——————————————————————————————————————————————————————————————————————————————————————

async function checkService(db: Db | Tx, ambitoId: string, input: ServiceInput) {
  const refs = await serviceReferences(db, ambitoId);
  refuseProblems(
    serviceProblems(input, {
      typeCodes: new Set(refs.types.map((t) => t.code)),
      areaCodes: new Set(refs.areas.map((a) => a.code)),
      lepsCodes: new Set(refs.leps.map((l) => l.code)),
      memberComuneIds: new Set(refs.comuni.map((c) => c.id)),
    }),
  );
}

const serviceValues = (input: ServiceInput) => ({
  code: input.code,
  name: input.name,
  typeCode: input.typeCode,
  areaCode: input.areaCode,
  targetGroup: input.targetGroup,
  management: input.management,
  comuneId: input.comuneId,
  providerName: input.providerName,
  providerCode: input.providerCode,
  accessPoint: input.accessPoint,
  contact: input.contact,
  description: input.description,
  lepsCodes: input.lepsCodes,
});

async function refuseUsedCode(tx: Tx, ambitoId: string, code: string, serviceId: string | null) {
  const [clash] = await tx
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.ambitoId, ambitoId), eq(services.code, code)));
  if (clash && clash.id !== serviceId) throw new ValidationError([{ path: 'code', message: tr('svc.cmd.codeUsed', { code }) }]);
}

/** Adds a service to the Ambito's catalogue (Ufficio di Piano). */
export async function createService({ db, actor, ambitoId, input }: { db: Db; actor: Actor; ambitoId: string; input: unknown }) {
  const ambito = await ambitoScope(db, ambitoId);
  authorize(actor, 'services.write', ambito);
  const values = parseInput(ServiceInput, input);
  await checkService(db, ambitoId, values);
  return db.transaction(async (tx) => {
    await refuseUsedCode(tx, ambitoId, values.code, null);
    const [row] = await tx
      .insert(services)
      .values({ ambitoId, ...serviceValues(values), source: values.source ?? tr('svc.cmd.sourceForm') })
      .returning();
    await recordAudit(tx, { actor, action: 'services.service.created', entityType: 'service', entityId: row!.id, ambitoId, after: row });
    return row!;
  });
}

async function serviceOf(db: Db | Tx, ambitoId: string, serviceId: string) {
  const [row] = await db
    .select()
    .from(services)
    .where(and(eq(services.id, serviceId), eq(services.ambitoId, ambitoId)));
  if (!row) throw new NotFoundError('Il servizio');
  return row;
}

/** Changes a service (versioned: a stale version is a conflict and nothing is written). */
export async function updateService({ db, actor, ambitoId, serviceId, input }: { db: Db; actor: Actor; ambitoId: string; serviceId: string; input: unknown }) {
  const ambito = await ambitoScope(db, ambitoId);
  authorize(actor, 'services.write', ambito);
  const { version, ...values } = parseInput(ServiceUpdateInput, input);
  await serviceOf(db, ambitoId, serviceId);
  await checkService(db, ambitoId, values);
  return db.transaction(async (tx) => {
    await refuseUsedCode(tx, ambitoId, values.code, serviceId);
    const patch = { ...serviceValues(values), ...(values.source ? { source: values.source } : {}) };
    const { before, after } = await updateVersioned(tx, services, serviceId, version, patch, tr('svc.cmd.entity'));
    await recordAudit(tx, { actor, action: 'services.service.updated', entityType: 'service', entityId: serviceId, ambitoId, before, after });
    return after;
  });
}

/** Marks a service as no longer offered (or offered again): it stays in the catalogue with its years. */
export async function setServiceActive({
  db,
  actor,
  ambitoId,
  serviceId,
  active,
  input,
}: {
  db: Db;
  actor: Actor;
  ambitoId: string;
  serviceId: string;
  active: boolean;
  input: unknown;
}) {
  const ambito = await ambitoScope(db, ambitoId);
  authorize(actor, 'services.write', ambito);
  const { version } = parseInput(VersionInput, input);
  await serviceOf(db, ambitoId, serviceId);
  return db.transaction(async (tx) => {
    const { before, after } = await updateVersioned(tx, services, serviceId, version, { active }, tr('svc.cmd.entity'));
    await recordAudit(tx, {
      actor,
      action: active ? 'services.service.reactivated' : 'services.service.deactivated',
      entityType: 'service',
      entityId: serviceId,
      ambitoId,
      before,
      after,
    });
    return after;
  });
}

export const deactivateService = (args: { db: Db; actor: Actor; ambitoId: string; serviceId: string; input: unknown }) =>
  setServiceActive({ ...args, active: false });
export const reactivateService = (args: { db: Db; actor: Actor; ambitoId: string; serviceId: string; input: unknown }) =>
  setServiceActive({ ...args, active: true });

/** Writes the funds of a year's record: the given ones replace the previous ones. */
async function replaceFunds(
  tx: Tx,
  ambitoId: string,
  serviceYearId: string,
  funds: readonly { fundCode: string; amountCents: number; users: number | null }[],
) {
  await tx.delete(serviceYearFunds).where(eq(serviceYearFunds.serviceYearId, serviceYearId));
  if (funds.length)
    await tx.insert(serviceYearFunds).values(funds.map((f) => ({ serviceYearId, ambitoId, fundCode: f.fundCode, amountCents: f.amountCents, users: f.users })));
}

/**
 * Records the users and spending of a service in a year with its funding by fund. A year already recorded is changed
 * only from the version the form was opened on (its funds are replaced as a whole).
 */
export async function recordServiceYear({
  db,
  actor,
  ambitoId,
  serviceId,
  input,
}: {
  db: Db;
  actor: Actor;
  ambitoId: string;
  serviceId: string;
  input: unknown;
}) {
  const ambito = await ambitoScope(db, ambitoId);
  authorize(actor, 'services.write', ambito);
  const y = parseInput(ServiceYearInput, input);
  const service = await serviceOf(db, ambitoId, serviceId);
  const refs = await serviceReferences(db, ambitoId);
  const problems = yearProblems(y, new Set(refs.funds.map((f) => f.code)));
  if (problems.length) {
    // Problems of the funds are shown at the first fund line of the form.
    throw new ValidationError(problems.map((p) => ({ path: p.field === 'funds' ? 'fund_1' : p.field, message: tr(p.key, p.params) })));
  }
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(serviceYears)
      .where(and(eq(serviceYears.serviceId, serviceId), eq(serviceYears.year, y.year)));
    const values = { users: y.users, spendCents: y.spendCents, note: y.note, source: y.source ?? existing?.source ?? tr('svc.cmd.sourceForm') };
    let id: string;
    let before: unknown = null;
    let after: unknown;
    if (existing) {
      if (y.version === undefined) throw new ValidationError([{ path: 'year', message: tr('svc.cmd.yearExists', { year: y.year }) }]);
      const previousFunds = await tx.select().from(serviceYearFunds).where(eq(serviceYearFunds.serviceYearId, existing.id));
      const written = await updateVersioned(tx, serviceYears, existing.id, y.version, values, tr('svc.cmd.yearEntity', { year: y.year }));
      id = existing.id;
      before = { ...written.before, funds: previousFunds.map((f) => ({ fundCode: f.fundCode, amountCents: f.amountCents, users: f.users })) };
      after = { ...written.after, funds: y.funds };
    } else {
      const [row] = await tx
        .insert(serviceYears)
        .values({ serviceId, ambitoId, year: y.year, ...values })
        .returning();
      id = row!.id;
      after = { ...row, funds: y.funds };
    }
    await replaceFunds(tx, ambitoId, id, y.funds);
    await recordAudit(tx, {
      actor,
      action: existing ? 'services.year.updated' : 'services.year.recorded',
      entityType: 'service_year',
      entityId: id,
      ambitoId,
      before,
      after: { service: service.code, ...(after as object) },
    });
    return { id, year: y.year };
  });
}

// ——— Import ———————————————————————————————————————————————————————————————————————————————————————

export interface ServicesImportSummary {
  file: string;
  created: number;
  updated: number;
  years: number;
  replacedYears: number;
}

/**
 * Imports the catalogue CSV of an Ambito (one row per service × year), all or nothing: services are matched by code
 * (new ones added, existing ones overwritten with the file's values), and each year in the file replaces that year's
 * figures and funds of the service. One audit entry per service written and one for the import.
 */
export async function importServices({
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
}): Promise<ServicesImportSummary> {
  const ambito = await ambitoScope(db, ambitoId);
  authorize(actor, 'services.write', ambito);
  const refs = await serviceReferences(db, ambitoId);
  if (refs.types.length === 0)
    throw new ValidationError([{ path: fileName, message: tr('svc.cmd.noNomenclature') }], tr('svc.import.refusedOne', { file: fileName, count: 1 }));
  const parsed: ImportedService[] = parseServicesCsv(fileName, text, {
    typeCodes: new Set(refs.types.map((t) => t.code)),
    areas: refs.areas,
    funds: refs.funds,
    lepsCodes: new Set(refs.leps.map((l) => l.code)),
    comuni: new Map(refs.comuni.map((c) => [c.istatCode, { id: c.id, name: c.name }])),
  });
  return db.transaction(async (tx) => {
    const existing = new Map(
      (
        await tx
          .select()
          .from(services)
          .where(
            and(
              eq(services.ambitoId, ambitoId),
              inArray(
                services.code,
                parsed.map((s) => s.code),
              ),
            ),
          )
      ).map((s) => [s.code, s]),
    );
    let created = 0;
    let updated = 0;
    let years = 0;
    let replacedYears = 0;
    for (const s of parsed) {
      const values = {
        name: s.name,
        typeCode: s.typeCode,
        areaCode: s.areaCode,
        targetGroup: s.targetGroup,
        management: s.management,
        comuneId: s.comuneId,
        providerName: s.providerName,
        providerCode: s.providerCode,
        accessPoint: s.accessPoint,
        contact: s.contact,
        description: s.description,
        lepsCodes: s.lepsCodes,
        active: s.active,
        source: s.source,
      };
      const previous = existing.get(s.code);
      let serviceId: string;
      if (previous) {
        const { before, after } = await updateVersioned(tx, services, previous.id, previous.version, values, tr('svc.cmd.entity'));
        await recordAudit(tx, { actor, action: 'services.service.imported', entityType: 'service', entityId: previous.id, ambitoId, before, after });
        serviceId = previous.id;
        updated++;
      } else {
        const [row] = await tx
          .insert(services)
          .values({ ambitoId, code: s.code, ...values })
          .returning();
        await recordAudit(tx, { actor, action: 'services.service.imported', entityType: 'service', entityId: row!.id, ambitoId, after: row });
        serviceId = row!.id;
        created++;
      }
      for (const y of s.years) {
        const removed = await tx
          .delete(serviceYears)
          .where(and(eq(serviceYears.serviceId, serviceId), eq(serviceYears.year, y.year)))
          .returning({ id: serviceYears.id });
        replacedYears += removed.length;
        const [row] = await tx
          .insert(serviceYears)
          .values({ serviceId, ambitoId, year: y.year, users: y.users, spendCents: y.spendCents, note: y.note, source: y.source })
          .returning({ id: serviceYears.id });
        await replaceFunds(tx, ambitoId, row!.id, y.funds);
        years++;
      }
    }
    const summary: ServicesImportSummary = { file: fileName, created, updated, years, replacedYears };
    await recordAudit(tx, { actor, action: 'services.catalogue.imported', entityType: 'import', entityId: fileName, ambitoId, after: summary });
    return summary;
  });
}
