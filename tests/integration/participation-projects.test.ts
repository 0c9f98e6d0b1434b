import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { count, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import type { Actor } from '../../app/shared/auth/actor.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import { fromRoot } from '../../app/shared/paths.ts';
import { organisations } from '../../app/modules/governance/index.server.ts';
import { planObjectives, plans } from '../../app/modules/planning/index.server.ts';
import { ambiti, regions } from '../../app/modules/territory/index.server.ts';
import {
  addPartner,
  addResource,
  createProject,
  importProjects,
  linkObjective,
  removePartner,
  removeResource,
  unlinkObjective,
  updateProject,
} from '../../app/modules/participation/participation.projects.commands.ts';
import { getProject, listProjects } from '../../app/modules/participation/participation.projects.queries.ts';
import { coDesignProjects, projectPartners, projectResources } from '../../app/modules/participation/participation.schema.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-db.ts';

// The six co-designed networks of ATS n. 6 Fano (seed 000, L359-L547): their resources as printed in the report.
const FANO = {
  'Rete Comunità Solidale': 21_850_000,
  'Rete Passamano - Condivisione solidale': 39_100_000,
  'Progetto Dopo di Noi': 58_353_700 + 71_498_931,
  'Rete Compitinsieme': 6_096_000,
  'Rete Tornoentrole6': 11_260_000,
  'Rete 6 Vicino': 6_195_000,
};
const FANO_TOTAL = 214_353_631; // € 2.143.536,31

describe(`participation: co-designed projects (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  let coordinator: Actor;
  let partnerIds: string[];
  const db = () => database.db;
  const auditCount = async () => (await db().select({ n: count() }).from(auditLog))[0]!.n;
  const projectCount = async () => (await db().select({ n: count() }).from(coDesignProjects))[0]!.n;

  /** Runs a command and checks it wrote exactly one audit entry with this action. */
  async function once<T>(action: string, run: () => Promise<T>): Promise<T> {
    const before = await auditCount();
    const result = await run();
    const entries = await db().select().from(auditLog).orderBy(auditLog.id);
    assert.equal(entries.length, before + 1, `${action}: exactly one audit entry`);
    assert.equal(entries.at(-1)!.action, action);
    return result;
  }

  const ctx = (actor: Actor = coordinator) => ({ db: db(), actor, ambitoId });
  const PROJECT = {
    title: 'Educativa domiciliare in co-progettazione',
    summary: 'Il dispositivo dell’educativa domiciliare e i gruppi di genitori, bambini e di vicinanza solidale.',
    procedure: 'avviso_pubblico',
    procedureAct: 'Avviso pubblico di co-progettazione, determinazione n. 1 del 2025',
    startsOn: '2025-01-01',
    endsOn: '2027-12-31',
    beneficiaries: 'Famiglie con minori',
    beneficiariesCount: '40',
    sdgGoals: ['1', '4', '10'],
    status: 'attivo',
  };

  before(async () => {
    database = await createTestDatabase();
    ambitoId = (await seedDemo(database.db)).gallarate.id;
    coordinator = actorWith('coordinator', { ambitoId });
    partnerIds = (await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.ambitoId, ambitoId)).limit(3)).map((o) => o.id);
    assert.equal(partnerIds.length, 3, 'the demo registry has organisations');
  });
  after(async () => database.close());

  test('the demo loads no Gallarate project (the plan states none with partners, act and resources) and runs again', async () => {
    const { projects, totals } = await listProjects(db(), ambitoId);
    assert.equal(projects.length, 0);
    assert.equal(totals.totalCents, 0);
    const file = readFileSync(fromRoot('fixtures/demo/gallarate/partecipazione/progetti.json'), 'utf8');
    const before = await auditCount();
    assert.deepEqual(await importProjects({ ...ctx(), fileName: 'progetti.json', text: file }), {
      created: 0,
      skipped: 0,
      organisationsCreated: 0,
      resourcesCents: 0,
    });
    assert.equal(await auditCount(), before, 'nothing written, nothing logged');
  });

  test('create, edit, partners, resources in cents with totals, objectives; a stale form is a conflict', async () => {
    const project = await once('participation.project.created', () => createProject({ ...ctx(), input: { ...PROJECT, leadOrganisationId: partnerIds[0] } }));
    assert.deepEqual(project.sdgGoals, [1, 4, 10]);
    assert.equal(project.beneficiariesCount, 40);
    assert.equal(project.version, 1);
    const id = project.id;

    await once('participation.project.partner_added', () =>
      addPartner({ ...ctx(), projectId: id, input: { version: 1, organisationId: partnerIds[1], role: 'Gestione dei gruppi' } }),
    );
    await once('participation.project.partner_added', () => addPartner({ ...ctx(), projectId: id, input: { version: 2, organisationId: partnerIds[2] } }));
    // The lead is no partner; a partner is not added twice.
    await assert.rejects(addPartner({ ...ctx(), projectId: id, input: { version: 3, organisationId: partnerIds[0] } }), ValidationError);
    await assert.rejects(addPartner({ ...ctx(), projectId: id, input: { version: 3, organisationId: partnerIds[1] } }), ValidationError);

    await once('participation.project.resource_added', () =>
      addResource({ ...ctx(), projectId: id, input: { version: 3, fundingSource: 'Fondo Nazionale Politiche Sociali', year: '2025', amount: '45.000,50' } }),
    );
    await once('participation.project.resource_added', () =>
      addResource({ ...ctx(), projectId: id, input: { version: 4, fundingSource: 'Fondo Nazionale Politiche Sociali', year: '2026', amount: '45.000' } }),
    );
    await once('participation.project.resource_added', () =>
      addResource({ ...ctx(), projectId: id, input: { version: 5, fundingSource: 'PNRR M5C2 1.1', year: '2026', amount: '10.000,25' } }),
    );
    // A year outside the project's period, an amount of zero: refused, nothing written.
    await assert.rejects(
      addResource({ ...ctx(), projectId: id, input: { version: 6, fundingSource: 'FNPS', year: '2030', amount: '1' } }),
      (e: ValidationError) => e.issues[0]!.path === 'year',
    );
    await assert.rejects(
      addResource({ ...ctx(), projectId: id, input: { version: 6, fundingSource: 'FNPS', year: '', amount: '0' } }),
      (e: ValidationError) => e.issues[0]!.path === 'amount',
    );

    let detail = (await getProject(db(), ambitoId, id))!;
    assert.equal(detail.project.version, 6);
    assert.equal(detail.partners.length, 2);
    assert.deepEqual(
      detail.resources.map((r) => r.amountCents),
      [4_500_050, 4_500_000, 1_000_025],
    );
    assert.equal(detail.totals.totalCents, 10_000_075);
    assert.deepEqual(detail.totals.bySource, [
      { fundingSource: 'Fondo Nazionale Politiche Sociali', cents: 9_000_050 },
      { fundingSource: 'PNRR M5C2 1.1', cents: 1_000_025 },
    ]);
    assert.deepEqual(detail.totals.byYear, [
      { year: 2025, cents: 4_500_050 },
      { year: 2026, cents: 5_500_025 },
    ]);

    // A plan objective of the Ambito, linked and unlinked.
    const [objective] = await db()
      .select({ id: planObjectives.id })
      .from(planObjectives)
      .innerJoin(plans, eq(plans.id, planObjectives.planId))
      .where(eq(plans.ambitoId, ambitoId))
      .limit(1);
    const link = await once('participation.project.objective_linked', () =>
      linkObjective({ ...ctx(), projectId: id, input: { version: 6, objectiveId: objective!.id } }),
    );
    await assert.rejects(linkObjective({ ...ctx(), projectId: id, input: { version: 7, objectiveId: objective!.id } }), ValidationError);
    await once('participation.project.objective_unlinked', () => unlinkObjective({ ...ctx(), projectId: id, input: { version: 7, id: link.id } }));

    // A stale form (version 1) is a conflict: nothing written.
    const resourcesBefore = (await db().select({ n: count() }).from(projectResources))[0]!.n;
    await assert.rejects(addResource({ ...ctx(), projectId: id, input: { version: 1, fundingSource: 'FNPS', year: '2025', amount: '5' } }), ConflictError);
    await assert.rejects(updateProject({ ...ctx(), projectId: id, input: { ...PROJECT, version: 1 } }), ConflictError);
    assert.equal((await db().select({ n: count() }).from(projectResources))[0]!.n, resourcesBefore);

    // Removing a line is logged with the line.
    detail = (await getProject(db(), ambitoId, id))!;
    const pnrr = detail.resources.find((r) => r.fundingSource.startsWith('PNRR'))!;
    await once('participation.project.resource_removed', () => removeResource({ ...ctx(), projectId: id, input: { version: 8, id: pnrr.id } }));
    const partner = detail.partners[0]!;
    await once('participation.project.partner_removed', () => removePartner({ ...ctx(), projectId: id, input: { version: 9, id: partner.id } }));
    const edited = await once('participation.project.updated', () =>
      updateProject({ ...ctx(), projectId: id, input: { ...PROJECT, version: 10, status: 'sospeso', sdgGoals: '17' } }),
    );
    assert.equal(edited.status, 'sospeso');
    assert.deepEqual(edited.sdgGoals, [17]);

    const { projects, totals } = await listProjects(db(), ambitoId);
    assert.equal(projects.length, 1);
    assert.equal(projects[0]!.resourcesCents, 9_000_050);
    assert.equal(projects[0]!.partners, 1);
    assert.equal(totals.totalCents, 9_000_050);
  });

  test('only the Ufficio di Piano writes: third sector, comune referent, mayor and the Region’s reviewer are refused', async () => {
    const before = await projectCount();
    const audit = await auditCount();
    for (const actor of [
      actorWith('third_sector', { ambitoId, organisationId: partnerIds[1] }),
      actorWith('comune_referent', { ambitoId }),
      actorWith('mayor', { ambitoId }),
      actorWith('regional_reviewer', { regionCode: '03' }),
    ]) {
      await assert.rejects(createProject({ ...ctx(actor), input: PROJECT }), ForbiddenError);
      await assert.rejects(importProjects({ ...ctx(actor), fileName: 'x.json', text: '{}' }), ForbiddenError);
    }
    const [project] = await db().select().from(coDesignProjects).where(eq(coDesignProjects.ambitoId, ambitoId));
    await assert.rejects(
      addResource({
        ...ctx(actorWith('third_sector', { ambitoId, organisationId: partnerIds[1] })),
        projectId: project!.id,
        input: { version: project!.version, fundingSource: 'FNPS', amount: '1' },
      }),
      ForbiddenError,
    );
    // The staff of the Ufficio di Piano writes.
    await createProject({ ...ctx(actorWith('staff', { ambitoId })), input: { ...PROJECT, title: 'Progetto dello staff' } });
    assert.equal(await projectCount(), before + 1);
    assert.equal(await auditCount(), audit + 1);
  });

  test('bad input: a clear message naming the field, nothing written', async () => {
    const before = await projectCount();
    const audit = await auditCount();
    await assert.rejects(
      createProject({
        ...ctx(),
        input: { ...PROJECT, title: 'x', procedure: 'bando', status: '', endsOn: '2024-01-01', sdgGoals: ['18'], beneficiariesCount: '-3' },
      }),
      (e: ValidationError) => {
        const paths = e.issues.map((i) => i.path).sort();
        assert.deepEqual(paths, ['beneficiariesCount', 'procedure', 'sdgGoals', 'status', 'title']);
        assert.match(e.issues.find((i) => i.path === 'procedure')!.message, /^Procedura/);
        return true;
      },
    );
    await assert.rejects(createProject({ ...ctx(), input: { ...PROJECT, endsOn: '2024-01-01' } }), (e: ValidationError) => e.issues[0]!.path === 'endsOn');
    // An organisation of another Ambito (or none) is refused.
    await assert.rejects(createProject({ ...ctx(), input: { ...PROJECT, leadOrganisationId: '00000000-0000-4000-8000-000000000000' } }), ValidationError);
    assert.equal(await projectCount(), before);
    assert.equal(await auditCount(), audit);
  });

  test('an import with a bad row writes nothing and names the file and the place', async () => {
    const before = await projectCount();
    const orgs = (await db().select({ n: count() }).from(organisations))[0]!.n;
    const file = JSON.stringify({
      source: 'prova',
      projects: [
        { title: 'Primo progetto', procedure: 'altro', status: 'attivo', partners: [{ name: 'Organizzazione nuova di prova', kind: 'altro' }], resources: [] },
        { title: 'Secondo progetto', procedure: 'altro', status: 'attivo', resources: [{ fundingSource: 'FNPS', amountCents: 12.5 }] },
      ],
    });
    await assert.rejects(importProjects({ ...ctx(), fileName: 'progetti.json', text: file }), (e: ValidationError) => {
      assert.match(e.message, /progetti\.json/);
      assert.equal(e.issues[0]!.path, 'progetti.json, projects.1.resources.0.amountCents');
      return true;
    });
    await assert.rejects(importProjects({ ...ctx(), fileName: 'rotto.json', text: '{"source":' }), ValidationError);
    assert.equal(await projectCount(), before);
    assert.equal((await db().select({ n: count() }).from(organisations))[0]!.n, orgs, 'no organisation created either');
  });

  test('the Fano networks import into a Marche test Ambito with the report’s totals, once', async () => {
    await db().insert(regions).values({ code: '11', name: 'Marche' }).onConflictDoNothing();
    const [fano] = await db().insert(ambiti).values({ code: 'ats-6-fano-prova', name: 'ATS n. 6 Fano (prova)', regionCode: '11' }).returning();
    const fanoCoordinator = actorWith('coordinator', { ambitoId: fano!.id });
    const text = readFileSync(fromRoot('fixtures/demo/fano/progetti-coprogettati.json'), 'utf8');
    const audit = await auditCount();
    const summary = await importProjects({ db: db(), actor: fanoCoordinator, ambitoId: fano!.id, fileName: 'progetti-coprogettati.json', text });
    // One entry for the import, and governance's own for each organisation it added to the registry.
    assert.equal(await auditCount(), audit + 1 + summary.organisationsCreated);
    assert.equal(summary.created, 6);
    assert.equal(summary.resourcesCents, FANO_TOTAL);
    // Labirinto, AUSER, ANTEAS, Cooss Marche and Vivere Verde are named in two cards: one registry organisation each.
    const registry = await db().select({ name: organisations.name, kind: organisations.kind }).from(organisations).where(eq(organisations.ambitoId, fano!.id));
    assert.equal(summary.organisationsCreated, registry.length);
    assert.equal(registry.filter((o) => o.name === 'Coop. Labirinto').length, 1);
    assert.equal(registry.find((o) => o.name === 'Fondazione Carifano')!.kind, 'fondazione');

    const { projects, totals } = await listProjects(db(), fano!.id);
    assert.equal(totals.totalCents, FANO_TOTAL);
    assert.deepEqual(Object.fromEntries(projects.map((p) => [p.title, p.resourcesCents])), FANO);
    assert.deepEqual(
      totals.bySource.find((s) => s.fundingSource === 'PON Inclusione REACT-EU'),
      { fundingSource: 'PON Inclusione REACT-EU', cents: 21_850_000 },
    );
    assert.deepEqual(
      totals.bySource.find((s) => s.fundingSource === 'PNRR'),
      { fundingSource: 'PNRR', cents: 71_498_931 },
    );
    const dopo = projects.find((p) => p.title === 'Progetto Dopo di Noi')!;
    assert.equal(dopo.partners, 7, 'four for the apartments, three more for the PNRR settings (Labirinto once)');
    assert.equal((await getProject(db(), fano!.id, dopo.id))!.project.beneficiariesCount, 5);

    // A second import changes nothing.
    const again = await importProjects({ db: db(), actor: fanoCoordinator, ambitoId: fano!.id, fileName: 'progetti-coprogettati.json', text });
    assert.deepEqual(again, { created: 0, skipped: 6, organisationsCreated: 0, resourcesCents: 0 });
    const [{ n }] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(projectPartners)
      .innerJoin(coDesignProjects, eq(coDesignProjects.id, projectPartners.projectId))
      .where(eq(coDesignProjects.ambitoId, fano!.id));
    assert.equal(n, 6 + 5 + 7 + 10 + 3 + 2);
  });
});
