// Fuzzing of the commands of participation, monitoring, leps and collection (issue 16), on a migrated database with
// the demo: random forms, real and random record ids. Each input is done, or refused with one of the application's
// errors (a 4xx), writing nothing; never another exception (a 500). See commands.ts, fixture.ts.
import { after, before, describe, test } from 'node:test';
import { DEMO_ACCOUNTS } from '../support/demo-accounts.ts';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { openRequest, reviewEntry, saveEntry, closeRequest } from '../../app/modules/collection/collection.commands.ts';
import { OpenRequestInput, ReviewInput } from '../../app/modules/collection/collection.validation.ts';
import { addSocialWorkerPost, deleteSocialWorkerPost, updateCatalogueEntry } from '../../app/modules/leps/leps.commands.ts';
import { CatalogueEntryInput, DeletePostInput, SocialWorkerPostInput } from '../../app/modules/leps/leps.validation.ts';
import {
  carryOverObjective,
  lockPeriod,
  saveMeasurement,
  saveObjectiveEvaluation,
  unlockPeriod,
  updateActionProgress,
} from '../../app/modules/monitoring/monitoring.commands.ts';
import * as mon from '../../app/modules/monitoring/monitoring.validation.ts';
import { applyToCall, createCall } from '../../app/modules/participation/participation.call.commands.ts';
import { ApplicationInput, CallInput } from '../../app/modules/participation/participation.call.validation.ts';
import { linkNeedObjective, recordNeed, updateNeed } from '../../app/modules/participation/participation.needs.commands.ts';
import { addStep, closeStep, editStep } from '../../app/modules/participation/participation.path.commands.ts';
import { addPartner, addResource, createProject, linkObjective, updateProject } from '../../app/modules/participation/participation.projects.commands.ts';
import {
  ObjectiveLinkInput,
  PartnerInput,
  ProjectEditInput,
  ProjectInput,
  ResourceInput,
} from '../../app/modules/participation/participation.projects.validation.ts';
import { addComment, answerProposal, createDraftProposal } from '../../app/modules/participation/participation.proposals.commands.ts';
import {
  addQuestion,
  answerQuestionnaire,
  changeQuestionnaireStatus,
  createQuestionnaire,
  updateQuestionnaire,
} from '../../app/modules/participation/participation.questionnaires.commands.ts';
import { QuestionInput, QuestionnaireInput, StatusInput } from '../../app/modules/participation/participation.questionnaires.validation.ts';
import { createTable, TableEditInput, TableInput, updateTable } from '../../app/modules/participation/participation.tables.commands.ts';
import { listPlans } from '../../app/modules/planning/planning.queries.ts';
import type { UserActor } from '../../app/shared/auth/actor.ts';
import { form, formOf, fuzzCommands, idOf, pathId, withIds, type CommandSpec } from './commands.ts';
import { openFuzzDatabase, rows, type FuzzDatabase } from './fixture.ts';
import { formValue } from './arbitraries.ts';

const SHORT = 30;
const TODAY = '2026-06-15';

describe(`commands of participation, monitoring, leps, collection (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let fuzz: FuzzDatabase;
  let coordinator: UserActor;
  let staff: UserActor;
  let admin: UserActor;
  let thirdSector: UserActor;
  let referent: UserActor;

  before(async () => {
    fuzz = await openFuzzDatabase();
    coordinator = await fuzz.user(DEMO_ACCOUNTS.coordinator);
    staff = await fuzz.user(DEMO_ACCOUNTS.staff);
    admin = await fuzz.user(DEMO_ACCOUNTS.admin);
    thirdSector = await fuzz.user(DEMO_ACCOUNTS.third_sector);
    referent = await fuzz.user(DEMO_ACCOUNTS.comune_referent);
  });
  after(() => fuzz.close());

  test('participation', async (t) => {
    const db = fuzz.db;
    const ambitoId = fuzz.gallarateId;
    const ctx = { db, actor: coordinator, ambitoId };
    const where = `ambito_id = '${ambitoId}'`;
    const [tables, calls, projects, questionnaires, needs, proposals, organisations, bodies, people] = await Promise.all([
      fuzz.ids('participation_tables', where),
      fuzz.ids('participation_calls', where),
      fuzz.ids('participation_projects', where),
      fuzz.ids('participation_questionnaires', where),
      fuzz.ids('participation_needs', where),
      fuzz.ids('participation_proposals', where),
      fuzz.ids('organisations', where),
      fuzz.ids('governance_bodies', where),
      fuzz.ids('people', where),
    ]);
    const plans = await listPlans(db, ambitoId);
    const plan2025 = plans.find((p) => p.periodStartYear === 2025)!.id;
    const objectives = await fuzz.ids('plan_objectives', `plan_id = '${plan2025}'`);
    const steps = await fuzz.ids('participation_path_steps', `plan_id = '${plan2025}'`);
    const questions = await fuzz.ids('participation_questions', `questionnaire_id in (${questionnaires.map((q: string) => `'${q}'`).join(', ') || 'null'})`);
    const organisationId = thirdSector.grants[0]!.organisationId ?? organisations[0]!;
    // A project and a proposal of their own, so that the commands on them reach their work.
    const project = await createProject({ ...ctx, input: { title: 'Progetto del fuzzing', procedure: 'avviso_pubblico', status: 'attivo' } });
    projects.push((project as { id: string }).id);
    const proposal = await createDraftProposal(
      { db, actor: thirdSector, ambitoId },
      { title: 'Proposta del fuzzing', body: 'Una proposta abbastanza lunga da essere valida.', organisationId },
    );
    proposals.push((proposal as { id: string }).id);
    const ids = { ids: [...tables, ...objectives, ...organisations, ...bodies, ...people, ...needs] };
    const tableBase = { kind: 'tavolo_tematico', name: 'Tavolo di prova', periodStartYear: '2025', periodEndYear: '2027' };
    const projectBase = { title: 'Progetto di prova', procedure: 'avviso_pubblico', status: 'attivo', startsOn: '2025-01-01', sdgGoals: '3' };
    const specs: CommandSpec[] = [
      { name: 'participation: createTable', input: form(TableInput, { ...ids, base: tableBase }), run: (i) => createTable({ ...ctx, input: i }) },
      {
        name: 'participation: updateTable',
        input: withIds({ tableId: pathId(tables) }, form(TableEditInput, { ...ids, base: { ...tableBase, version: '1' } })),
        run: (i) => updateTable({ ...ctx, tableId: idOf(i, 'tableId'), input: formOf(i) }),
      },
      {
        name: 'participation: createCall',
        input: form(CallInput, {
          ...ids,
          base: {
            title: 'Avviso di prova',
            description: 'Manifestazione di interesse per i tavoli.',
            opensOn: '2026-06-01',
            closesOn: '2026-07-31',
            periodStartYear: '2025',
            periodEndYear: '2027',
            tableIds: tables[0]!,
            privacyNotice: 'Informativa sul trattamento dei dati.',
            retention: 'Fino al termine del piano.',
          },
        }),
        run: (i) => createCall({ ...ctx, input: i }),
      },
      {
        name: 'participation: applyToCall',
        input: withIds({ callId: pathId(calls) }, form(ApplicationInput, ids)),
        run: (i) =>
          applyToCall({ db, actor: { kind: 'anonymous' }, ambitoId, callId: idOf(i, 'callId'), input: formOf(i), now: new Date(`${TODAY}T10:00:00Z`) }),
      },
      { name: 'participation: createProject', input: form(ProjectInput, { ...ids, base: projectBase }), run: (i) => createProject({ ...ctx, input: i }) },
      {
        name: 'participation: updateProject',
        input: withIds({ projectId: pathId(projects) }, form(ProjectEditInput, { ...ids, base: { ...projectBase, version: '1' } })),
        run: (i) => updateProject({ ...ctx, projectId: idOf(i, 'projectId'), input: formOf(i) }),
      },
      {
        name: 'participation: addPartner',
        input: withIds(
          { projectId: pathId(projects) },
          form(PartnerInput, { ...ids, base: { version: '1', organisationId: organisations[0]!, role: 'Partner' } }),
        ),
        run: (i) => addPartner({ ...ctx, projectId: idOf(i, 'projectId'), input: formOf(i) }),
      },
      {
        name: 'participation: addResource',
        input: withIds(
          { projectId: pathId(projects) },
          form(ResourceInput, { base: { version: '1', fundingSource: 'Fondo Nazionale Politiche Sociali', year: '2025', amount: '45.000,50' } }),
        ),
        run: (i) => addResource({ ...ctx, projectId: idOf(i, 'projectId'), input: formOf(i) }),
      },
      {
        name: 'participation: linkObjective',
        input: withIds({ projectId: pathId(projects) }, form(ObjectiveLinkInput, { ...ids, base: { version: '1', objectiveId: objectives[0]! } })),
        run: (i) => linkObjective({ ...ctx, projectId: idOf(i, 'projectId'), input: formOf(i) }),
      },
      {
        name: 'participation: createQuestionnaire',
        input: form(QuestionnaireInput, {
          ...ids,
          base: { title: 'Questionario di prova', audience: 'membri', respondent: 'organizzazione', retention: 'Un anno.' },
        }),
        run: (i) => createQuestionnaire(ctx, i),
      },
      {
        name: 'participation: updateQuestionnaire',
        input: withIds(
          { id: pathId(questionnaires) },
          form(QuestionnaireInput, {
            ...ids,
            base: { version: '1', title: 'Questionario', audience: 'membri', respondent: 'organizzazione', retention: 'Un anno.' },
          }),
        ),
        run: (i) => updateQuestionnaire(ctx, idOf(i, 'id'), formOf(i)),
      },
      {
        name: 'participation: changeQuestionnaireStatus',
        input: withIds({ id: pathId(questionnaires) }, form(StatusInput, { base: { version: '1', status: 'aperto' } })),
        run: (i) => changeQuestionnaireStatus(ctx, idOf(i, 'id'), formOf(i)),
      },
      {
        name: 'participation: addQuestion',
        input: withIds(
          { id: pathId(questionnaires) },
          form(QuestionInput, { base: { kind: 'scelta_multipla', label: 'Aree prioritarie', options: 'Anziani\nMinori', required: 'on' } }),
        ),
        run: (i) => addQuestion(ctx, idOf(i, 'id'), formOf(i)),
      },
      {
        name: 'participation: answerQuestionnaire',
        input: withIds(
          { id: pathId(questionnaires) },
          fc.record({
            answers: fc.dictionary(
              fc.oneof(fc.constantFrom(...(questions.length ? questions : ['x'])), fc.string({ maxLength: 6 })),
              fc.array(formValue('answer'), { maxLength: 3 }),
              { maxKeys: 4 },
            ),
            organisationId: fc.option(fc.constantFrom(organisationId, 'x'), { nil: null }),
            respondentName: fc.option(formValue('name'), { nil: null }),
            respondentEmail: fc.option(formValue('email'), { nil: null }),
          }),
        ),
        run: (i) => answerQuestionnaire({ db, actor: thirdSector, ambitoId }, idOf(i, 'id'), formOf(i) as never, { today: TODAY }),
      },
      {
        name: 'participation: recordNeed',
        input: form(
          [
            'statement',
            'targetGroup',
            'policyArea',
            'category',
            'tableId',
            'planId',
            'meetingId',
            'questionnaireId',
            'sourceNote',
            'evidence',
            'comuneIds',
            'sourceKind',
            'priority',
          ],
          {
            ...ids,
            base: { statement: 'Bisogno di prova', sourceKind: 'incontro', planId: plan2025, tableId: tables[0]! },
          },
        ),
        run: (i) => recordNeed(ctx, i),
      },
      {
        name: 'participation: updateNeed',
        input: withIds(
          { needId: pathId(needs) },
          form(['statement', 'targetGroup', 'policyArea', 'category', 'tableId', 'planId', 'comuneIds', 'sourceKind', 'priority', 'version'], {
            ...ids,
            base: { statement: 'Bisogno', sourceKind: 'incontro', version: '1' },
          }),
        ),
        run: (i) => updateNeed(ctx, idOf(i, 'needId'), formOf(i)),
      },
      {
        name: 'participation: linkNeedObjective',
        input: withIds({ needId: pathId(needs) }, form(['objectiveId', 'version'], { ...ids, base: { objectiveId: objectives[0]! } })),
        run: (i) => linkNeedObjective(ctx, idOf(i, 'needId'), formOf(i)),
      },
      {
        name: 'participation: createDraftProposal',
        input: form(['title', 'body', 'tableId', 'needId', 'organisationId'], {
          ...ids,
          base: { title: 'Proposta di prova', body: 'Una proposta abbastanza lunga.', organisationId },
        }),
        run: (i) => createDraftProposal({ db, actor: thirdSector, ambitoId }, i),
      },
      {
        name: 'participation: addComment',
        input: withIds({ proposalId: pathId(proposals) }, form(['body', 'organisationId'], { ...ids, base: { body: 'Un commento', organisationId } })),
        run: (i) => addComment({ db, actor: thirdSector, ambitoId }, idOf(i, 'proposalId'), formOf(i)),
      },
      {
        name: 'participation: answerProposal',
        input: withIds(
          { proposalId: pathId(proposals) },
          form(['outcome', 'reasons', 'version'], { base: { outcome: 'accolta', reasons: 'Motivazioni sufficienti.', version: '1' } }),
        ),
        run: (i) => answerProposal(ctx, idOf(i, 'proposalId'), formOf(i)),
      },
      {
        name: 'participation: addStep',
        input: withIds(
          { planId: fc.constantFrom(...plans.map((p) => p.id)) },
          form(['name', 'description', 'inputs', 'outputs', 'plannedFrom', 'plannedTo', 'closingBodyId', 'closingBodyName'], {
            ...ids,
            base: { name: 'Fase di prova', plannedFrom: '2025-01-01', plannedTo: '2025-03-31' },
          }),
        ),
        run: (i) => addStep(ctx, { planId: idOf(i, 'planId'), input: formOf(i) }),
      },
      {
        name: 'participation: editStep',
        input: withIds(
          { stepId: fc.constantFrom(...steps) },
          form(['version', 'name', 'description', 'plannedFrom', 'plannedTo', 'closingBodyId', 'closingBodyName'], {
            ...ids,
            base: { version: '1', name: 'Fase' },
          }),
        ),
        run: (i) => editStep(ctx, { stepId: idOf(i, 'stepId'), input: formOf(i) }),
      },
      {
        name: 'participation: closeStep',
        input: withIds(
          { stepId: fc.constantFrom(...steps) },
          form(['version', 'closedOn', 'reason', 'closingBodyId'], { ...ids, base: { version: '1', closedOn: '2025-01-31' } }),
        ),
        run: (i) => closeStep(ctx, { stepId: idOf(i, 'stepId'), input: formOf(i), today: TODAY }),
      },
    ];
    await fuzzCommands(t, fuzz, specs, SHORT);
  });

  test('monitoring, leps, collection', async (t) => {
    const db = fuzz.db;
    const ambitoId = fuzz.gallarateId;
    const plans = await listPlans(db, ambitoId);
    const plan2025 = plans.find((p) => p.periodStartYear === 2025)!.id;
    const plan2021 = plans.find((p) => p.periodStartYear === 2021)!.id;
    const objectives = await fuzz.ids('plan_objectives', `plan_id in ('${plan2025}', '${plan2021}')`, 10);
    const actions = await fuzz.ids('plan_actions', `objective_id in (${objectives.map((o: string) => `'${o}'`).join(', ')})`);
    const indicators = await fuzz.ids('plan_indicators', `action_id in (${actions.map((a: string) => `'${a}'`).join(', ')})`);
    const posts = await fuzz.ids('social_worker_posts');
    const catalogue = await fuzz.ids('leps_catalogue');
    const comuni = (await rows<{ id: string }>(db, sql`select comune_id as id from ambito_comuni where ambito_id = ${ambitoId}`)).map((r) => r.id);
    const { request } = await openRequest({
      db,
      actor: coordinator,
      ambitoId,
      today: '2025-01-10',
      input: { title: 'Raccolta di prova', year: '2024', deadline: '2025-12-31', items: ['spesa', 'utenti', 'assistenti_sociali'], comuni: [fuzz.samarateId] },
    });
    const entries = await fuzz.ids('data_request_entries', `request_id = '${request.id}'`);
    const ids = { ids: [...objectives, ...actions, ...comuni] };
    // The entry form: rows `r.<n>.<column>` of any item, and the reasons of the warnings.
    const entryFields = [1, 2].flatMap((n) =>
      ['area', 'channel', 'committed', 'paid', 'users', 'code', 'employerKind', 'employerName', 'contract', 'fte', 'from', 'to'].map((c) => `r.${n}.${c}`),
    );
    const specs: CommandSpec[] = [
      {
        name: 'monitoring: saveMeasurement',
        input: withIds(
          { indicatorId: pathId(indicators) },
          form(mon.MeasurementInput, { ...ids, base: { period: '2025-S1', value: '12', numerator: '12', denominator: '25', version: '' } }),
        ),
        run: (i) => saveMeasurement({ db, actor: staff, indicatorId: idOf(i, 'indicatorId'), input: formOf(i), today: TODAY }),
      },
      {
        name: 'monitoring: lockPeriod',
        input: withIds({ planId: fc.constantFrom(plan2025, plan2021) }, form(mon.LockInput, { base: { period: '2025-S1', note: 'Chiusura' } })),
        run: (i) => lockPeriod({ db, actor: coordinator, planId: idOf(i, 'planId'), input: formOf(i) }),
      },
      {
        name: 'monitoring: unlockPeriod',
        input: withIds({ planId: fc.constantFrom(plan2025, plan2021) }, form(mon.UnlockInput, { base: { period: '2025-S1', reason: 'Dato da correggere' } })),
        run: (i) => unlockPeriod({ db, actor: coordinator, planId: idOf(i, 'planId'), input: formOf(i) }),
      },
      {
        name: 'monitoring: updateActionProgress',
        input: withIds(
          { actionId: fc.constantFrom(...actions) },
          form(mon.ActionProgressInput, { base: { version: '1', status: 'completed', realisationPercent: '100' } }),
        ),
        run: (i) => updateActionProgress({ db, actor: coordinator, actionId: idOf(i, 'actionId'), input: formOf(i) }),
      },
      {
        name: 'monitoring: saveObjectiveEvaluation',
        input: withIds(
          { objectiveId: pathId(objectives) },
          form(mon.EvaluationInput, { ...ids, base: { version: '', usersEvaluation: 'Buona', spendingClass: 'A' } }),
        ),
        run: (i) => saveObjectiveEvaluation({ db, actor: staff, objectiveId: idOf(i, 'objectiveId'), input: formOf(i) }),
      },
      {
        name: 'monitoring: carryOverObjective',
        input: withIds(
          { objectiveId: pathId(objectives) },
          form(mon.CarryOverInput, { ...ids, base: { mode: 'new', code: 'X9', copyTitle: 'on', actionIds: [] } }),
        ),
        run: (i) => carryOverObjective({ db, actor: coordinator, objectiveId: idOf(i, 'objectiveId'), input: formOf(i) }),
      },
      {
        name: 'leps: addSocialWorkerPost',
        input: form(SocialWorkerPostInput, {
          ...ids,
          base: {
            code: 'AS-99',
            employerKind: 'comune',
            employerName: 'Comune di Samarate',
            contract: 'tempo_indeterminato',
            fte: '1',
            validFrom: '2025-01-01',
          },
        }),
        run: (i) => addSocialWorkerPost({ db, actor: coordinator, ambitoId, input: i }),
      },
      {
        name: 'leps: deleteSocialWorkerPost',
        input: withIds({ postId: posts }, form(DeletePostInput, { base: { version: '1' } })),
        run: (i) => deleteSocialWorkerPost({ db, actor: coordinator, postId: idOf(i, 'postId'), input: formOf(i) }),
      },
      {
        name: 'leps: updateCatalogueEntry',
        input: withIds({ entryId: pathId(catalogue) }, form(CatalogueEntryInput, { base: { version: '1' } })),
        run: (i) => updateCatalogueEntry({ db, actor: admin, entryId: idOf(i, 'entryId'), input: formOf(i) }),
      },
      {
        name: 'collection: openRequest',
        input: form(OpenRequestInput, {
          ...ids,
          base: { title: 'Raccolta', year: '2024', deadline: '2026-12-31', items: ['spesa'], comuni: [fuzz.samarateId] },
        }),
        run: (i) => openRequest({ db, actor: coordinator, ambitoId, input: i, today: TODAY }),
      },
      {
        name: 'collection: saveEntry',
        input: withIds(
          { entryId: entries },
          form(['version', 'controlTotal', 'reason.x', ...entryFields], {
            choices: { 'r.1.area': ['ANZIANI', 'DISABILI'], 'r.1.channel': ['COMUNI', 'FNPS'] },
            base: { version: '1', 'r.1.area': 'ANZIANI', 'r.1.channel': 'COMUNI', 'r.1.committed': '1.000', 'r.1.users': '3' },
          }),
        ),
        run: (i) => saveEntry({ db, actor: referent, entryId: idOf(i, 'entryId'), form: formOf(i) }),
      },
      {
        name: 'collection: reviewEntry',
        input: withIds({ entryId: entries }, form(ReviewInput, { base: { version: '1', decision: 'return', note: 'Da correggere' } })),
        run: (i) => reviewEntry({ db, actor: coordinator, entryId: idOf(i, 'entryId'), input: formOf(i) }),
      },
      {
        name: 'collection: closeRequest',
        input: withIds({ requestId: fc.constant(request.id) }, form(['version'], { base: { version: '1' } })),
        run: (i) => closeRequest({ db, actor: coordinator, requestId: idOf(i, 'requestId'), input: { version: formOf(i).version } }),
      },
    ];
    await fuzzCommands(t, fuzz, specs, SHORT);
  });
});
