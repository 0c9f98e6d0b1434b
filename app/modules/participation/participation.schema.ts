import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cents, createdAt, id, instant, ownerRef, versionedColumns } from '../../shared/db/columns.ts';
import { registerConstraintMessages } from '../../shared/db/errors.ts';
import { bodies, bodyMembers, meetings, organisations, people } from '../governance/index.server.ts';
import { planObjectives, plans } from '../planning/index.server.ts';
import { ambiti } from '../territory/index.server.ts';

// Participation (art. 55 D.Lgs. 117/2017, art. 1 c. 5 L. 328/2000): the planning path of a plan, the thematic tables
// and their members, the open call (manifestazione di interesse) with its applications, replies to meetings, the
// needs register, questionnaires, proposals with their official answers, comments, co-designed projects. The
// organisations, people, bodies and meetings are governance's (written only through its commands); the plans and
// objectives are planning's. Dates are ISO strings; money is integer cents.

const isoDate = (name: string) => date(name, { mode: 'string' });
const list = <T>(name: string) =>
  jsonb(name)
    .$type<T[]>()
    .notNull()
    .default(sql`'[]'::jsonb`);

/** One step of a plan's planning path (e.g. knowledge → tables → synthesis → concertation → approval → transmission). */
export const pathSteps = pgTable(
  'participation_path_steps',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    planId: ownerRef('plan_id', () => plans.id),
    position: integer('position').notNull(),
    /** The key of the template's step it was proposed from (null for a step the Ambito added). */
    templateKey: text('template_key'),
    name: text('name').notNull(),
    description: text('description'),
    inputs: text('inputs'),
    outputs: text('outputs'),
    /** The body that closes the step: a governance body of the Ambito, or its name when it is not one. */
    closingBodyId: uuid('closing_body_id').references(() => bodies.id, { onDelete: 'set null' }),
    closingBodyName: text('closing_body_name'),
    plannedFrom: isoDate('planned_from'),
    plannedTo: isoDate('planned_to'),
    startedOn: isoDate('started_on'),
    closedOn: isoDate('closed_on'),
    /** The act that closed it (e.g. «Delibera dell'Assemblea dei Sindaci n. 12 del 02/12/2024»). */
    closingAct: text('closing_act'),
  }),
  (t) => [uniqueIndex('participation_path_steps_position_unique').on(t.planId, t.position)],
);

/** A thematic table, working group or co-design group of an Ambito for a plan period; its meetings are a governance body's. */
export const thematicTables = pgTable(
  'participation_tables',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    planId: uuid('plan_id').references(() => plans.id, { onDelete: 'set null' }),
    periodStartYear: integer('period_start_year').notNull(),
    periodEndYear: integer('period_end_year').notNull(),
    /** tavolo_tematico | gruppo_di_lavoro | gruppo_coprogettazione | tavolo_concertazione */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    theme: text('theme'),
    policyAreas: list<string>('policy_areas'),
    referentPersonId: uuid('referent_person_id').references(() => people.id, { onDelete: 'set null' }),
    referentName: text('referent_name'),
    objectives: text('objectives'),
    method: text('method'),
    calendar: text('calendar'),
    places: text('places'),
    /** The governance body whose meetings (convocation, attendance, minutes) are this table's. */
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
  }),
  (t) => [
    index('participation_tables_ambito_idx').on(t.ambitoId),
    uniqueIndex('participation_tables_body_unique').on(t.bodyId),
    // The commands compare names trimmed and without case.
    uniqueIndex('participation_tables_name_unique').on(t.ambitoId, t.periodStartYear, t.periodEndYear, sql`lower(btrim(${t.name}))`),
  ],
);

/** An open call (manifestazione di interesse) to join the tables of a plan period. */
export const openCalls = pgTable(
  'participation_calls',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    title: text('title').notNull(),
    description: text('description'),
    opensOn: isoDate('opens_on').notNull(),
    closesOn: isoDate('closes_on').notNull(),
    periodStartYear: integer('period_start_year').notNull(),
    periodEndYear: integer('period_end_year').notNull(),
    /** The tables one can apply to. */
    tableIds: list<string>('table_ids'),
    /** What is done with the applicants' personal data, and for how long it is kept. */
    privacyNotice: text('privacy_notice').notNull(),
    retention: text('retention').notNull(),
    /** Closed early by the coordinator (otherwise the call closes after closesOn). */
    closedAt: instant('closed_at'),
  }),
  (t) => [index('participation_calls_ambito_idx').on(t.ambitoId)],
);

/** An organisation's application to a call. The password hash is the future account's, cleared at the decision. */
export const applications = pgTable(
  'participation_applications',
  versionedColumns({
    callId: ownerRef('call_id', () => openCalls.id),
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    organisationName: text('organisation_name').notNull(),
    fiscalCode: text('fiscal_code').notNull(),
    legalForm: text('legal_form').notNull(),
    runtsNumber: text('runts_number'),
    policyAreas: list<string>('policy_areas'),
    tableIds: list<string>('table_ids'),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    passwordHash: text('password_hash'),
    /** in_esame | ammessa | respinta | ritirata */
    status: text('status').notNull().default('in_esame'),
    reason: text('reason'),
    // Submitted at: `createdAt` (versionedColumns); a second key on created_at made every insert name it twice.
    decidedAt: instant('decided_at'),
    decidedBy: text('decided_by'),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    userId: uuid('user_id'),
  }),
  (t) => [
    index('participation_applications_call_idx').on(t.callId),
    uniqueIndex('participation_applications_call_fiscal_code_unique')
      .on(t.callId, t.fiscalCode)
      .where(sql`${t.status} <> 'ritirata'`),
  ],
);

/** An organisation's membership of a table for the period (from admission to the end of the period or until it leaves). */
export const tableMembers = pgTable(
  'participation_members',
  versionedColumns({
    tableId: ownerRef('table_id', () => thematicTables.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The governance body member (the organisation's contact person) that attends the table's meetings. */
    bodyMemberId: uuid('body_member_id').references(() => bodyMembers.id, { onDelete: 'set null' }),
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'set null' }),
    validFrom: isoDate('valid_from').notNull(),
    validTo: isoDate('valid_to').notNull(),
    leftOn: isoDate('left_on'),
    leftReason: text('left_reason'),
  }),
  (t) => [uniqueIndex('participation_members_table_organisation_unique').on(t.tableId, t.organisationId)],
);

/** An organisation's reply to a convocation: it will take part (with who) or not. The recorded attendance stays governance's. */
export const meetingReplies = pgTable(
  'participation_meeting_replies',
  versionedColumns({
    meetingId: ownerRef('meeting_id', () => meetings.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** partecipa | non_partecipa */
    reply: text('reply').notNull(),
    attendeeName: text('attendee_name'),
    note: text('note'),
    repliedBy: text('replied_by').notNull(),
  }),
  (t) => [uniqueIndex('participation_meeting_replies_unique').on(t.meetingId, t.organisationId)],
);

/** A need of the territory as stated by its source; duplicates are merged into one need, keeping both histories. */
export const needs = pgTable(
  'participation_needs',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    planId: uuid('plan_id').references(() => plans.id, { onDelete: 'set null' }),
    tableId: uuid('table_id').references(() => thematicTables.id, { onDelete: 'set null' }),
    category: text('category'),
    statement: text('statement').notNull(),
    targetGroup: text('target_group'),
    policyArea: text('policy_area'),
    comuneIds: list<string>('comune_ids'),
    /** incontro | questionario | dati_servizi | comune | organizzazione */
    sourceKind: text('source_kind').notNull(),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    questionnaireId: uuid('questionnaire_id').references((): AnyPgColumn => questionnaires.id, { onDelete: 'set null' }),
    sourceNote: text('source_note'),
    evidence: text('evidence'),
    /** alta | media | bassa (null: not yet weighed) */
    priority: text('priority'),
    /** The organisation that brought it (null when the Ufficio di Piano recorded it). */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => needs.id, { onDelete: 'set null' }),
    mergedAt: instant('merged_at'),
  }),
  (t) => [index('participation_needs_ambito_idx').on(t.ambitoId)],
);

export const needObjectives = pgTable(
  'participation_need_objectives',
  {
    id: id(),
    needId: ownerRef('need_id', () => needs.id),
    objectiveId: ownerRef('objective_id', () => planObjectives.id),
    linkedAt: createdAt(),
    linkedBy: text('linked_by').notNull(),
  },
  (t) => [uniqueIndex('participation_need_objectives_unique').on(t.needId, t.objectiveId)],
);

/** A proposal from an organisation (draft until submitted) or from a meeting, with the official answer and its reasons. */
export const proposals = pgTable(
  'participation_proposals',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    tableId: uuid('table_id').references(() => thematicTables.id, { onDelete: 'set null' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    /** Null for a proposal recorded from a meeting by the Ufficio di Piano. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    needId: uuid('need_id').references(() => needs.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** bozza | presentata */
    status: text('status').notNull().default('bozza'),
    submittedAt: instant('submitted_at'),
    submittedBy: text('submitted_by'),
    /** accolta | parzialmente_accolta | non_accolta (null: not answered yet) */
    outcome: text('outcome'),
    outcomeReasons: text('outcome_reasons'),
    answeredAt: instant('answered_at'),
    answeredBy: text('answered_by'),
    hiddenAt: instant('hidden_at'),
    hiddenReason: text('hidden_reason'),
    hiddenBy: text('hidden_by'),
  }),
  (t) => [index('participation_proposals_ambito_idx').on(t.ambitoId)],
);

export const proposalObjectives = pgTable(
  'participation_proposal_objectives',
  {
    id: id(),
    proposalId: ownerRef('proposal_id', () => proposals.id),
    objectiveId: ownerRef('objective_id', () => planObjectives.id),
    linkedAt: createdAt(),
    linkedBy: text('linked_by').notNull(),
  },
  (t) => [uniqueIndex('participation_proposal_objectives_unique').on(t.proposalId, t.objectiveId)],
);

/** A table member's comment on a proposal; the coordinator can hide it with a reason (kept in the audit log). */
export const proposalComments = pgTable(
  'participation_comments',
  versionedColumns({
    proposalId: ownerRef('proposal_id', () => proposals.id),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    authorUserId: uuid('author_user_id'),
    body: text('body').notNull(),
    hiddenAt: instant('hidden_at'),
    hiddenReason: text('hidden_reason'),
    hiddenBy: text('hidden_by'),
  }),
  (t) => [index('participation_comments_proposal_idx').on(t.proposalId)],
);

/** A questionnaire for a table's members or for anyone with its public link. */
export const questionnaires = pgTable(
  'participation_questionnaires',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    tableId: uuid('table_id').references(() => thematicTables.id, { onDelete: 'set null' }),
    callId: uuid('call_id').references(() => openCalls.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    intro: text('intro'),
    /** membri (the members of the table, or of every table of the Ambito) | pubblico (anyone with the link) */
    audience: text('audience').notNull(),
    /** The random token of the public link (null for members-only questionnaires). */
    publicToken: text('public_token'),
    /** organizzazione (one answer per organisation) | persona (one per person) */
    respondent: text('respondent').notNull(),
    /** bozza | aperto | chiuso */
    status: text('status').notNull().default('bozza'),
    opensOn: isoDate('opens_on'),
    closesOn: isoDate('closes_on'),
    /** Why personal data are asked (null: none are asked), and how long the answers are kept. */
    personalDataPurpose: text('personal_data_purpose'),
    retention: text('retention').notNull(),
    /** The figures published elsewhere (e.g. in the plan) to be shown beside the computed ones: respondents. */
    publishedRespondents: integer('published_respondents'),
    publishedSource: text('published_source'),
  }),
  (t) => [index('participation_questionnaires_ambito_idx').on(t.ambitoId), uniqueIndex('participation_questionnaires_token_unique').on(t.publicToken)],
);

export const questionnaireQuestions = pgTable(
  'participation_questions',
  versionedColumns({
    questionnaireId: ownerRef('questionnaire_id', () => questionnaires.id),
    position: integer('position').notNull(),
    /** scelta_singola | scelta_multipla | scala | numero | testo */
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    help: text('help'),
    required: boolean('required').notNull().default(false),
    options: list<string>('options'),
    scaleMin: integer('scale_min'),
    scaleMax: integer('scale_max'),
    scaleMinLabel: text('scale_min_label'),
    scaleMaxLabel: text('scale_max_label'),
    /** The shares published elsewhere, option → percent as printed (e.g. {"aumentato": 66.7}). */
    publishedShares: jsonb('published_shares').$type<Record<string, number>>(),
  }),
  (t) => [uniqueIndex('participation_questions_position_unique').on(t.questionnaireId, t.position)],
);

/** One response: one per organisation or per person (respondentKey), never two. */
export const questionnaireResponses = pgTable(
  'participation_responses',
  {
    id: id(),
    questionnaireId: ownerRef('questionnaire_id', () => questionnaires.id),
    /** org:<organisation id> | user:<user id> | anon:<random> (public link) */
    respondentKey: text('respondent_key').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    userId: uuid('user_id'),
    /** Only where the questionnaire states why it asks them. */
    respondentName: text('respondent_name'),
    respondentEmail: text('respondent_email'),
    submittedAt: createdAt(),
  },
  (t) => [uniqueIndex('participation_responses_respondent_unique').on(t.questionnaireId, t.respondentKey)],
);

export const questionnaireAnswers = pgTable(
  'participation_answers',
  {
    id: id(),
    responseId: ownerRef('response_id', () => questionnaireResponses.id),
    questionId: ownerRef('question_id', () => questionnaireQuestions.id),
    /** A string (single choice, text), a list of strings (multiple choice) or a number (scale, number). */
    value: jsonb('value').$type<string | string[] | number>().notNull(),
  },
  (t) => [uniqueIndex('participation_answers_unique').on(t.responseId, t.questionId)],
);

/** A co-designed project (co-progettazione): partners, procedure, period, resources, beneficiaries, Agenda 2030 goals. */
export const coDesignProjects = pgTable(
  'participation_projects',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    planId: uuid('plan_id').references(() => plans.id, { onDelete: 'set null' }),
    tableId: uuid('table_id').references(() => thematicTables.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    summary: text('summary'),
    /** avviso_pubblico | accordo_partenariato | convenzione | altro */
    procedure: text('procedure').notNull(),
    procedureAct: text('procedure_act'),
    startsOn: isoDate('starts_on'),
    endsOn: isoDate('ends_on'),
    beneficiaries: text('beneficiaries'),
    beneficiariesCount: integer('beneficiaries_count'),
    sdgGoals: list<number>('sdg_goals'),
    /** in_progettazione | attivo | concluso | sospeso */
    status: text('status').notNull(),
    leadOrganisationId: uuid('lead_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
  }),
  (t) => [index('participation_projects_ambito_idx').on(t.ambitoId)],
);

export const projectPartners = pgTable(
  'participation_project_partners',
  {
    id: id(),
    projectId: ownerRef('project_id', () => coDesignProjects.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role'),
  },
  (t) => [uniqueIndex('participation_project_partners_unique').on(t.projectId, t.organisationId)],
);

export const projectResources = pgTable('participation_project_resources', {
  id: id(),
  projectId: ownerRef('project_id', () => coDesignProjects.id),
  /** The funding source as named by the finance catalogue (code) or by the act. */
  fundingSource: text('funding_source').notNull(),
  year: integer('year'),
  amountCents: cents('amount_cents').notNull(),
  note: text('note'),
});

export const projectObjectives = pgTable(
  'participation_project_objectives',
  {
    id: id(),
    projectId: ownerRef('project_id', () => coDesignProjects.id),
    objectiveId: ownerRef('objective_id', () => planObjectives.id),
  },
  (t) => [uniqueIndex('participation_project_objectives_unique').on(t.projectId, t.objectiveId)],
);

registerConstraintMessages({
  participation_tables_name_unique: { key: 'part.dup.tableName', field: 'name' },
  participation_tables_body_unique: { key: 'part.dup.tableBody', field: 'bodyId' },
  participation_members_table_organisation_unique: 'part.dup.member',
  participation_meeting_replies_unique: 'part.dup.reply',
  participation_path_steps_position_unique: 'part.dup.pathStep',
});
