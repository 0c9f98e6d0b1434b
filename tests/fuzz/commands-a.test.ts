// Fuzzing of the commands of territory, governance, planning, finance, accounts, services and reports (issue 16), on a
// migrated database with the demo: random forms, real and random record ids. Each input is done, or refused with one
// of the application's errors (a 4xx), writing nothing; never another exception (a 500). See commands.ts, fixture.ts.
import { after, before, describe, test } from 'node:test';
import { DEMO_ACCOUNTS } from '../support/demo-accounts.ts';
import fc from 'fast-check';
import { createApiToken, revokeApiToken } from '../../app/modules/accounts/accounts.server.ts';
import { CreateTokenInput } from '../../app/modules/accounts/accounts.validation.ts';
import { carryOver, recordCutOff, recordFundAllocation, updateFundingSource } from '../../app/modules/finance/finance.commands.ts';
import { AllocationInput, CarryOverInput, CutOffInput, FundingSourceEditInput } from '../../app/modules/finance/finance.validation.ts';
import {
  addMember,
  addParty,
  addSignature,
  createAgreement,
  createBody,
  createDecision,
  createMeeting,
  createOrganisation,
  createPerson,
  endMembership,
  recordAttendance,
  removeParty,
  saveMinutes,
  updateAgreement,
  updateBody,
  updateBodyRule,
  updateMeeting,
  updateOrganisation,
} from '../../app/modules/governance/governance.commands.ts';
import { ATTENDANCES, VOTES } from '../../app/modules/governance/governance.constants.ts';
import * as gov from '../../app/modules/governance/governance.validation.ts';
import {
  addAction,
  addBudgetLine,
  addIndicator,
  changePlanStatus,
  createObjective,
  createPlan,
  decideVariation,
  deleteBudgetLine,
  updateChapter,
  updateObjective,
} from '../../app/modules/planning/planning.commands.ts';
import * as plan from '../../app/modules/planning/planning.validation.ts';
import { addGlossaryTerm, removeGlossaryTerm, updateGlossaryTerm } from '../../app/modules/reports/glossary.commands.ts';
import { GlossaryTermEdit, GlossaryTermInput, GlossaryTermRemoval } from '../../app/modules/reports/glossary.validation.ts';
import { createImpactReport, updateImpactReport } from '../../app/modules/reports/impact.commands.ts';
import { CreateImpactInput, EditImpactInput } from '../../app/modules/reports/impact.validation.ts';
import { createService, recordServiceYear, setServiceActive, updateService } from '../../app/modules/services/services.commands.ts';
import { ServiceInput, ServiceUpdateInput, ServiceYearInput, VersionInput } from '../../app/modules/services/services.validation.ts';
import { updateAmbito } from '../../app/modules/territory/territory.commands.ts';
import { AmbitoEditInput } from '../../app/modules/territory/territory.validation.ts';
import type { UserActor } from '../../app/shared/auth/actor.ts';
import { jsonLike } from './arbitraries.ts';
import { form, formOf, fuzzCommands, idOf, pathId, withIds, type CommandSpec } from './commands.ts';
import { openFuzzDatabase, rows, type FuzzDatabase } from './fixture.ts';
import { sql } from 'drizzle-orm';

const SHORT = 30;

describe(`commands of territory, governance, planning, finance, accounts, services, reports (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let fuzz: FuzzDatabase;
  let coordinator: UserActor;
  let staff: UserActor;
  let admin: UserActor;

  before(async () => {
    fuzz = await openFuzzDatabase();
    coordinator = await fuzz.user(DEMO_ACCOUNTS.coordinator);
    staff = await fuzz.user(DEMO_ACCOUNTS.staff);
    admin = await fuzz.user(DEMO_ACCOUNTS.admin);
  });
  after(() => fuzz.close());

  test('territory, accounts, services, reports', async (t) => {
    const db = fuzz.db;
    const ambitoId = fuzz.gallarateId;
    const services = await fuzz.ids('services', `ambito_id = '${ambitoId}'`);
    const terms = await fuzz.ids('glossary_terms', `ambito_id = '${ambitoId}'`);
    const tokens = await fuzz.ids('api_tokens');
    const reports = await fuzz.ids('impact_reports');
    const ids = { ids: [...services, ...terms] };
    const specs: CommandSpec[] = [
      {
        name: 'territory: updateAmbito',
        input: withIds(
          { ambitoId: pathId([ambitoId, fuzz.sebinoId]) },
          form(AmbitoEditInput, {
            base: { version: '1', name: 'Ambito Territoriale di Gallarate', managementForm: 'convenzione', healthAuthority: 'ATS Insubria' },
          }),
        ),
        run: (i) => updateAmbito({ db, actor: coordinator, ambitoId: idOf(i, 'ambitoId'), input: formOf(i) }),
      },
      {
        name: 'accounts: createApiToken',
        input: form(CreateTokenInput, { base: { name: 'Script di prova', expiresInDays: '30' } }),
        run: (i) => createApiToken({ db, actor: coordinator, input: i }),
      },
      {
        name: 'accounts: revokeApiToken',
        input: withIds({ tokenId: tokens }, fc.constant({})),
        run: (i) => revokeApiToken({ db, actor: coordinator, tokenId: idOf(i, 'tokenId') }),
      },
      {
        name: 'services: createService',
        input: form(ServiceInput, {
          ...ids,
          base: {
            code: 'ADM-F',
            name: 'Assistenza domiciliare minori',
            typeCode: 'c3',
            areaCode: 'MINORI_FAMIGLIA',
            targetGroup: 'Minori e famiglie',
            management: 'affidamento_terzo_settore',
            providerName: 'Cooperativa di prova',
            lepsCodes: 'LEPS_PREVENZIONE_ALLONTANAMENTO',
          },
        }),
        run: (i) => createService({ db, actor: coordinator, ambitoId, input: i }),
      },
      {
        name: 'services: updateService',
        input: withIds(
          { serviceId: pathId(services) },
          form(ServiceUpdateInput, {
            ...ids,
            base: {
              version: '1',
              code: 'SAD',
              name: 'SAD',
              typeCode: 'C1',
              areaCode: 'ANZIANI',
              targetGroup: 'Anziani',
              management: 'altro',
              providerName: 'Comuni',
            },
          }),
        ),
        run: (i) => updateService({ db, actor: coordinator, ambitoId, serviceId: idOf(i, 'serviceId'), input: formOf(i) }),
      },
      {
        name: 'services: recordServiceYear',
        input: withIds(
          { serviceId: pathId(services) },
          form(ServiceYearInput, { ...ids, base: { year: '2024', users: '12', spend: '1.000,50', fund_1: 'FNPS', amount_1: '500' } }),
        ),
        run: (i) => recordServiceYear({ db, actor: coordinator, ambitoId, serviceId: idOf(i, 'serviceId'), input: formOf(i) }),
      },
      {
        name: 'services: setServiceActive',
        input: withIds({ serviceId: pathId(services) }, form(VersionInput, { base: { version: '1' } })).chain((i) =>
          fc.boolean().map((active) => ({ ...i, active })),
        ),
        run: (i) => setServiceActive({ db, actor: coordinator, ambitoId, serviceId: idOf(i, 'serviceId'), active: i.active as boolean, input: formOf(i) }),
      },
      {
        name: 'reports: addGlossaryTerm',
        input: form(GlossaryTermInput, { base: { term: 'Termine di prova', definition: 'Una definizione di prova del termine.', source: 'Fonte' } }),
        run: (i) => addGlossaryTerm({ db, actor: coordinator, ambitoId, input: i }),
      },
      {
        name: 'reports: updateGlossaryTerm',
        input: withIds(
          { termId: terms },
          form(GlossaryTermEdit, { base: { version: '1', term: 'Termine modificato', definition: 'Una definizione di prova del termine.', source: '' } }),
        ),
        run: (i) => updateGlossaryTerm({ db, actor: coordinator, termId: idOf(i, 'termId'), input: formOf(i) }),
      },
      {
        name: 'reports: removeGlossaryTerm',
        input: withIds({ termId: terms }, form(GlossaryTermRemoval, { base: { version: '1' } })),
        run: (i) => removeGlossaryTerm({ db, actor: coordinator, termId: idOf(i, 'termId'), input: formOf(i) }),
      },
      {
        name: 'reports: createImpactReport',
        input: form(CreateImpactInput, { base: { year: '2024', title: 'Bilancio sociale 2024' } }),
        run: (i) => createImpactReport({ db, actor: coordinator, ambitoId, input: i }),
      },
      {
        name: 'reports: updateImpactReport',
        input: withIds({ reportId: reports }, form(EditImpactInput, { base: { version: '1' } })),
        run: (i) => updateImpactReport({ db, actor: coordinator, reportId: idOf(i, 'reportId'), input: formOf(i) }),
      },
    ];
    await fuzzCommands(t, fuzz, specs, SHORT);
  });

  test('governance', async (t) => {
    const db = fuzz.db;
    const ambitoId = fuzz.gallarateId;
    const where = `ambito_id = '${ambitoId}'`;
    const [organisations, people, bodies, meetings, agreements, comuni] = await Promise.all([
      fuzz.ids('organisations', where),
      fuzz.ids('people', where),
      fuzz.ids('governance_bodies', where),
      fuzz.ids('meetings', where),
      fuzz.ids('agreements', where),
      fuzz
        .ids('ambito_comuni', where)
        .then(async () => (await rows<{ id: string }>(db, sql`select comune_id as id from ambito_comuni where ambito_id = ${ambitoId}`)).map((r) => r.id)),
    ]);
    const members = (
      await rows<{ id: string }>(
        db,
        sql`select m.id from governance_body_members m join governance_bodies b on b.id = m.body_id where b.ambito_id = ${ambitoId} order by m.id limit 12`,
      )
    ).map((r) => r.id);
    const parties = (
      await rows<{ id: string }>(
        db,
        sql`select p.id from agreement_parties p join agreements a on a.id = p.agreement_id where a.ambito_id = ${ambitoId} limit 6`,
      )
    ).map((r) => r.id);
    const ids = { ids: [...organisations, ...people, ...bodies, ...comuni] };
    const ctx = { db, actor: coordinator, ambitoId };
    // The attendance and vote forms name every member: `status.<id>`, `delegate.<id>`, `vote.<id>`.
    const perMember = {
      ...ids,
      extraFields: members.flatMap((m) => [`status.${m}`, `delegate.${m}`, `vote.${m}`]),
      choices: Object.fromEntries(
        members.flatMap(
          (m) =>
            [
              [`status.${m}`, ATTENDANCES],
              [`vote.${m}`, [...VOTES, 'none']],
            ] as [string, readonly string[]][],
        ),
      ),
    };
    const specs: CommandSpec[] = [
      {
        name: 'governance: createOrganisation',
        input: form(gov.OrganisationInput, {
          ...ids,
          base: { name: 'Cooperativa sociale di prova', kind: 'cooperativa_sociale_a', email: 'info@coop.example' },
        }),
        run: (i) => createOrganisation({ ...ctx, input: i }),
      },
      {
        name: 'governance: updateOrganisation',
        input: withIds(
          { organisationId: pathId(organisations) },
          form(gov.OrganisationEditInput, { ...ids, base: { version: '1', name: 'Cooperativa sociale di prova', kind: 'altro', address: 'Via Roma 1' } }),
        ),
        run: (i) => updateOrganisation({ ...ctx, organisationId: idOf(i, 'organisationId'), input: formOf(i) }),
      },
      {
        name: 'governance: createPerson',
        input: form(gov.PersonInput, { ...ids, base: { fullName: 'Mario Rossi', roleTitle: 'Sindaco', organisationId: organisations[0]! } }),
        run: (i) => createPerson({ ...ctx, input: i }),
      },
      {
        name: 'governance: createBody',
        input: form(gov.BodyInput, { ...ids, base: { name: 'Tavolo di prova', type: 'tavolo_tematico', kind: 'tecnico' } }),
        run: (i) => createBody({ ...ctx, input: i }),
      },
      {
        name: 'governance: updateBody',
        input: withIds(
          { bodyId: pathId(bodies) },
          form(gov.BodyEditInput, { ...ids, base: { version: '1', name: 'Tavolo di prova', type: 'tavolo_tematico', kind: 'tecnico' } }),
        ),
        run: (i) => updateBody({ ...ctx, bodyId: idOf(i, 'bodyId'), input: formOf(i) }),
      },
      {
        name: 'governance: updateBodyRule',
        input: withIds(
          { bodyId: pathId(bodies) },
          form(['version', 'ruleType', 'abstentionsCountAsAgainst', 'numerator', 'denominator', 'base', 'thresholdPercent', 'quorumType', 'quorumPercent'], {
            base: { version: '1', ruleType: 'population_weighted', thresholdPercent: '50', base: 'present' },
          }),
        ),
        run: (i) => updateBodyRule({ ...ctx, bodyId: idOf(i, 'bodyId'), input: formOf(i) }),
      },
      {
        name: 'governance: addMember',
        input: withIds(
          { bodyId: pathId(bodies) },
          form(gov.MemberInput, { ...ids, base: { personId: people[0]!, position: 'componente', comuneId: comuni[0]! } }),
        ),
        run: (i) => addMember({ ...ctx, bodyId: idOf(i, 'bodyId'), input: formOf(i) }),
      },
      {
        name: 'governance: endMembership',
        input: withIds({ bodyId: pathId(bodies), memberId: pathId(members) }, form(gov.EndMembershipInput, { base: { version: '1', validTo: '2026-06-30' } })),
        run: (i) => endMembership({ ...ctx, bodyId: idOf(i, 'bodyId'), memberId: idOf(i, 'memberId'), input: formOf(i) }),
      },
      {
        name: 'governance: createMeeting',
        input: withIds(
          { bodyId: pathId(bodies) },
          form(gov.MeetingInput, { ...ids, base: { title: 'Assemblea', date: '2026-03-12', startTime: '17:30', endTime: '19:00', place: 'Sala consiliare' } }),
        ),
        run: (i) => createMeeting({ ...ctx, bodyId: idOf(i, 'bodyId'), input: formOf(i) }),
      },
      {
        name: 'governance: updateMeeting',
        input: withIds(
          { meetingId: pathId(meetings) },
          form(gov.MeetingEditInput, {
            ...ids,
            base: { version: '1', title: 'Assemblea', date: '2026-03-12', startTime: '17:30', endTime: '19:00', place: 'Sala' },
          }),
        ),
        run: (i) => updateMeeting({ ...ctx, meetingId: idOf(i, 'meetingId'), input: formOf(i) }),
      },
      {
        name: 'governance: recordAttendance',
        input: withIds({ meetingId: pathId(meetings) }, form(['version'], perMember)),
        run: (i) => recordAttendance({ ...ctx, meetingId: idOf(i, 'meetingId'), input: formOf(i) }),
      },
      {
        name: 'governance: saveMinutes',
        input: withIds(
          { meetingId: pathId(meetings) },
          form(gov.MinutesInput, {
            base: { version: '1', minutes: 'Il Tavolo si è riunito.', minutesApprovedAt: '2025-10-18', minutesApprovedBy: 'Assemblea' },
          }),
        ),
        run: (i) => saveMinutes({ ...ctx, meetingId: idOf(i, 'meetingId'), input: formOf(i) }),
      },
      {
        name: 'governance: createDecision',
        input: withIds(
          { meetingId: pathId(meetings) },
          form(gov.DecisionInput, { ...perMember, base: { number: '20/2025', date: '2025-03-12', subject: 'Delibera di prova' } }),
        ),
        run: (i) => createDecision({ ...ctx, meetingId: idOf(i, 'meetingId'), input: formOf(i) }),
      },
      {
        name: 'governance: createAgreement',
        input: form(gov.AgreementInput, {
          ...ids,
          base: { title: 'Accordo di prova', periodStartYear: '2028', periodEndYear: '2030', validFrom: '2028-01-01', validTo: '2030-12-31' },
        }),
        run: (i) => createAgreement({ ...ctx, input: i }),
      },
      {
        name: 'governance: updateAgreement',
        input: withIds(
          { agreementId: agreements },
          form(gov.AgreementEditInput, {
            ...ids,
            base: { version: '1', title: 'Accordo', periodStartYear: '2025', periodEndYear: '2027', validFrom: '2025-01-01', validTo: '2027-12-31' },
          }),
        ),
        run: (i) => updateAgreement({ ...ctx, agreementId: idOf(i, 'agreementId'), input: formOf(i) }),
      },
      {
        name: 'governance: addParty',
        input: withIds({ agreementId: agreements }, form(gov.PartyInput, { ...ids, base: { organisationId: organisations[0]!, role: 'sottoscrittore' } })),
        run: (i) => addParty({ ...ctx, agreementId: idOf(i, 'agreementId'), input: formOf(i) }),
      },
      {
        name: 'governance: removeParty',
        input: withIds({ agreementId: agreements, partyId: parties }, fc.constant({})),
        run: (i) => removeParty({ ...ctx, agreementId: idOf(i, 'agreementId'), partyId: idOf(i, 'partyId') }),
      },
      {
        name: 'governance: addSignature',
        input: withIds(
          { agreementId: agreements },
          form(gov.SignatureInput, {
            ids: [...ids.ids, ...parties],
            base: { organisationId: organisations[1]!, signerName: 'Referente', signerRole: 'Legale rappresentante', signedOn: '2025-12-15' },
          }),
        ),
        run: (i) => addSignature({ ...ctx, agreementId: idOf(i, 'agreementId'), input: formOf(i) }),
      },
    ];
    await fuzzCommands(t, fuzz, specs, SHORT);
  });

  test('planning and finance', async (t) => {
    const db = fuzz.db;
    const ambitoId = fuzz.gallarateId;
    // A draft plan of its own (2028-2030), so that the editing commands reach their writes; and the demo's plans.
    const draft = await createPlan({
      db,
      actor: coordinator,
      ambitoId,
      input: { title: 'Piano di prova del fuzzing', periodStartYear: '2028', periodEndYear: '2030', templateId: 'generico' },
    });
    const draftId = (draft as { id: string }).id;
    await createObjective({ db, actor: coordinator, planId: draftId, input: { code: 'OB-1', title: 'Obiettivo di prova', kind: 'ordinary' } });
    const plans = await fuzz.ids('plans', `ambito_id = '${ambitoId}'`);
    const inPlans = `plan_id in (${plans.map((p: string) => `'${p}'`).join(', ')})`;
    const objectives = [...(await fuzz.ids('plan_objectives', `plan_id = '${draftId}'`)), ...(await fuzz.ids('plan_objectives', inPlans, 6))];
    const actions = await fuzz.ids('plan_actions', `objective_id in (${objectives.map((o: string) => `'${o}'`).join(', ')})`);
    const lines = await fuzz.ids('plan_budget_lines', `objective_id in (${objectives.map((o: string) => `'${o}'`).join(', ')})`);
    const chapters = await fuzz.ids('plan_chapters', inPlans);
    const variations = await fuzz.ids('plan_variations', inPlans);
    const funds = (await rows<{ code: string }>(db, sql`select code from funding_sources order by code limit 12`)).map((r) => r.code);
    const ids = { ids: [...objectives, ...actions], choices: { fund: funds, templateId: ['generico', 'lombardia-dgr-xii-2167-2024'] } };
    const specs: CommandSpec[] = [
      {
        name: 'planning: createPlan',
        input: form(plan.CreatePlanInput, {
          ...ids,
          base: { title: 'Piano di Zona di prova', periodStartYear: '2031', periodEndYear: '2033', templateId: 'generico' },
        }),
        run: (i) => createPlan({ db, actor: coordinator, ambitoId, input: i }),
      },
      {
        name: 'planning: changePlanStatus',
        input: withIds({ planId: pathId([draftId, ...plans]) }, form(plan.ChangeStatusInput, { ...ids, base: { version: '1', status: 'consultation' } })),
        run: (i) => changePlanStatus({ db, actor: coordinator, planId: idOf(i, 'planId'), input: formOf(i) }),
      },
      {
        name: 'planning: createObjective',
        input: withIds(
          { planId: pathId([draftId, ...plans]) },
          form(plan.NewObjectiveInput, { ...ids, base: { code: 'D', title: 'Domiciliarità', kind: 'ordinary' } }),
        ),
        run: (i) => createObjective({ db, actor: coordinator, planId: idOf(i, 'planId'), input: formOf(i) }),
      },
      {
        name: 'planning: updateObjective',
        input: withIds(
          { objectiveId: pathId(objectives) },
          fc.oneof(
            form(plan.ObjectiveInput, { ...ids, base: { version: '1', title: 'Obiettivo', priority: false, policyAreas: [], card: {} } }),
            jsonLike(plan.ObjectiveInput, ids) as fc.Arbitrary<Record<string, unknown>>,
          ),
        ),
        run: (i) => updateObjective({ db, actor: coordinator, objectiveId: idOf(i, 'objectiveId'), input: formOf(i) }),
      },
      {
        name: 'planning: addAction',
        input: withIds(
          { objectiveId: pathId(objectives) },
          form(plan.ActionInput, {
            ...ids,
            base: { description: 'Sportello badanti', responsible: 'Ufficio di Piano', start: '2028-01-01', realisationPercent: '10' },
          }),
        ),
        run: (i) => addAction({ db, actor: coordinator, objectiveId: idOf(i, 'objectiveId'), input: formOf(i) }),
      },
      {
        name: 'planning: addIndicator',
        input: withIds(
          { actionId: pathId(actions) },
          fc.oneof(
            form(plan.IndicatorInput, { ...ids, base: { label: 'Utenti raggiunti', kind: 'count', level: 'output', targets: [] } }),
            jsonLike(plan.IndicatorInput, ids) as fc.Arbitrary<Record<string, unknown>>,
          ),
        ),
        run: (i) => addIndicator({ db, actor: coordinator, actionId: idOf(i, 'actionId'), input: formOf(i) }),
      },
      {
        name: 'planning: addBudgetLine',
        input: withIds(
          { objectiveId: pathId(objectives) },
          form(plan.BudgetLineInput, { ...ids, base: { fund: funds[0]!, year: '2028', amountEuro: '10.000' } }),
        ),
        run: (i) => addBudgetLine({ db, actor: coordinator, objectiveId: idOf(i, 'objectiveId'), input: formOf(i) }),
      },
      {
        name: 'planning: deleteBudgetLine',
        input: withIds(
          { lineId: lines },
          fc.record({ version: fc.oneof(fc.integer({ min: -2, max: 4 }), fc.constantFrom(2147483648, 1e17, Number.NaN, Number.MAX_SAFE_INTEGER + 2)) }),
        ),
        run: (i) => deleteBudgetLine({ db, actor: coordinator, lineId: idOf(i, 'lineId'), version: formOf(i).version as number }),
      },
      {
        name: 'planning: decideVariation',
        input: withIds(
          { planId: pathId(plans), variationId: variations },
          form(plan.VariationDecisionInput, { ...ids, base: { version: '1', decision: 'reject' } }),
        ),
        run: (i) => decideVariation({ db, actor: coordinator, planId: idOf(i, 'planId'), variationId: idOf(i, 'variationId'), input: formOf(i) }),
      },
      {
        name: 'planning: updateChapter',
        input: withIds(
          { chapterId: pathId(chapters) },
          form(plan.ChapterInput, { base: { version: '1', markdown: 'Testo del **capitolo**.\r\n\r\n- punto' } }),
        ),
        run: (i) => updateChapter({ db, actor: coordinator, chapterId: idOf(i, 'chapterId'), input: formOf(i) }),
      },
      {
        name: 'finance: recordFundAllocation',
        input: form(AllocationInput, { ...ids, base: { fund: 'FNA', year: '2025', amountEuro: '35.000', act: 'Decreto di riparto' } }),
        run: (i) => recordFundAllocation({ db, actor: staff, ambitoId, input: i }),
      },
      {
        name: 'finance: recordCutOff',
        input: withIds(
          { planId: fc.constantFrom(...plans) },
          form(CutOffInput, {
            ...ids,
            base: { objectiveId: objectives.at(-1)!, fund: 'FNA', year: '2025', measure: 'committed', date: '2025-06-30', amountEuro: '1.000' },
          }),
        ),
        run: (i) => recordCutOff({ db, actor: staff, planId: idOf(i, 'planId'), input: formOf(i) }),
      },
      {
        name: 'finance: carryOver',
        input: withIds(
          { planId: fc.constantFrom(...plans) },
          form(CarryOverInput, {
            ...ids,
            base: { objectiveId: objectives.at(-1)!, fund: 'FNA', fromYear: '2025', amountEuro: '15.000,01', date: '2025-12-31' },
          }),
        ),
        run: (i) => carryOver({ db, actor: staff, planId: idOf(i, 'planId'), input: formOf(i) }),
      },
      {
        name: 'finance: updateFundingSource',
        input: fc.record({
          code: fc.oneof(fc.constantFrom(...funds), fc.string({ maxLength: 8 })),
          form: form(FundingSourceEditInput, { base: { version: '1', name: 'Fondo di prova', shortName: 'FP', activeFrom: '2020-01-01' } }),
        }),
        run: (i) => updateFundingSource({ db, actor: admin, code: i.code as string, input: formOf(i) }),
      },
    ];
    await fuzzCommands(t, fuzz, specs, SHORT);
  });
});
