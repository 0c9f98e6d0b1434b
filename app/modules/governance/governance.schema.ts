import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, ownerRef, versionedColumns } from '../../shared/db/columns.ts';
import { registerConstraintMessages } from '../../shared/db/errors.ts';
import { ambiti, comuni } from '../territory/index.server.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * The registry of organisations an Ambito works with: comuni, health bodies, third-sector bodies (ODV, APS,
 * cooperative sociali…, with their RUNTS number), trade unions, schools, other public bodies.
 */
export const organisations = pgTable(
  'organisations',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    fiscalCode: text('fiscal_code'),
    runtsNumber: text('runts_number'),
    /** For kind "comune": the comune it is. */
    comuneId: uuid('comune_id').references(() => comuni.id),
    email: text('email'),
    address: text('address'),
  }),
  (t) => [
    index('organisations_ambito_idx').on(t.ambitoId),
    uniqueIndex('organisations_ambito_fiscal_code_unique')
      .on(t.ambitoId, t.fiscalCode)
      .where(sql`${t.fiscalCode} is not null`),
  ],
);

/** People with minimal personal data: name, role, organisation, e-mail. */
export const people = pgTable(
  'people',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    fullName: text('full_name').notNull(),
    roleTitle: text('role_title'),
    email: text('email'),
  }),
  (t) => [index('people_ambito_idx').on(t.ambitoId)],
);

/** A governance body of an Ambito (Assemblea dei Sindaci, Ufficio di Piano, tavoli…) with its voting rule. */
export const bodies = pgTable(
  'governance_bodies',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    name: text('name').notNull(),
    type: text('type').notNull(),
    kind: text('kind').notNull(),
    description: text('description'),
    /** The body this one works inside (e.g. a tavolo tematico of the Tavolo del Terzo Settore). */
    parentBodyId: uuid('parent_body_id').references((): AnyPgColumn => bodies.id, { onDelete: 'set null' }),
    /** The voting rule (see governance/voting.rules.ts), null for bodies that do not vote. */
    votingRule: jsonb('voting_rule'),
  }),
  (t) => [index('governance_bodies_ambito_idx').on(t.ambitoId)],
);

/** Membership of a person in a body, with position, represented comune (its weight) and validity dates. */
export const bodyMembers = pgTable(
  'governance_body_members',
  versionedColumns({
    bodyId: ownerRef('body_id', () => bodies.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** The comune this member represents (a mayor, a comune's referent): gives the population weight. */
    comuneId: uuid('comune_id').references(() => comuni.id),
    position: text('position').notNull(),
    /** When this member sits as the delegate of another member. */
    delegateOfMemberId: uuid('delegate_of_member_id'),
    /** Null when the start of the membership is not known (e.g. a mayor «pro tempore» named by a document). */
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
  }),
  (t) => [
    index('governance_body_members_body_idx').on(t.bodyId),
    // A person's memberships of a body must not overlap (checked by the commands under lockBusinessKey); the index is
    // the backstop for the same membership recorded twice (an unknown start counts as one date).
    uniqueIndex('governance_body_members_person_from_unique').on(t.bodyId, t.personId, sql`coalesce(${t.validFrom}, '-infinity'::date)`),
  ],
);

export const meetings = pgTable(
  'meetings',
  versionedColumns({
    bodyId: ownerRef('body_id', () => bodies.id),
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    status: text('status').notNull().default('programmata'),
    convokedAt: timestamp('convoked_at', { withTimezone: true }),
    /** Bumped at every change sent to participants (iCalendar SEQUENCE). */
    icsSequence: integer('ics_sequence').notNull().default(0),
    minutes: text('minutes'),
    minutesApprovedAt: date('minutes_approved_at', { mode: 'string' }),
    minutesApprovedBy: text('minutes_approved_by'),
  }),
  (t) => [index('meetings_body_idx').on(t.bodyId, t.startsAt), index('meetings_ambito_idx').on(t.ambitoId, t.startsAt)],
);

export const agendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: id(),
    meetingId: ownerRef('meeting_id', () => meetings.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
  },
  (t) => [uniqueIndex('meeting_agenda_items_position_unique').on(t.meetingId, t.position)],
);

export const attendance = pgTable(
  'meeting_attendance',
  {
    id: id(),
    meetingId: ownerRef('meeting_id', () => meetings.id),
    memberId: ownerRef('member_id', () => bodyMembers.id),
    status: text('status').notNull(),
    delegateName: text('delegate_name'),
  },
  (t) => [uniqueIndex('meeting_attendance_member_unique').on(t.meetingId, t.memberId)],
);

export const meetingAttachments = pgTable(
  'meeting_attachments',
  {
    id: id(),
    meetingId: ownerRef('meeting_id', () => meetings.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    sha256: text('sha256').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    uploadedBy: text('uploaded_by').notNull(),
  },
  (t) => [index('meeting_attachments_meeting_idx').on(t.meetingId)],
);

/** A decision (deliberazione) of a body, with the rule in force when it was voted. */
export const decisions = pgTable(
  'decisions',
  versionedColumns({
    bodyId: ownerRef('body_id', () => bodies.id),
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    number: text('number').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    subject: text('subject').notNull(),
    text: text('text'),
    /** Snapshot of the body's voting rule at the time of the vote. */
    votingRule: jsonb('voting_rule').notNull(),
  }),
  (t) => [uniqueIndex('decisions_body_number_unique').on(t.bodyId, t.number), index('decisions_ambito_idx').on(t.ambitoId, t.date)],
);

/** One row per member at the vote: attendance, vote and the weight used (frozen at the time of the vote). */
export const decisionVotes = pgTable(
  'decision_votes',
  {
    id: id(),
    decisionId: ownerRef('decision_id', () => decisions.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => bodyMembers.id),
    label: text('label').notNull(),
    weight: bigint('weight', { mode: 'number' }),
    weightSource: text('weight_source'),
    /** The date the weight's population refers to (e.g. 2011-10-09 for the 2011 census), to flag old weights. */
    weightReferenceDate: date('weight_reference_date', { mode: 'string' }),
    attendance: text('attendance').notNull(),
    vote: text('vote'),
  },
  (t) => [uniqueIndex('decision_votes_member_unique').on(t.decisionId, t.memberId)],
);

/** The Accordo di programma of a plan period: parties, adhering organisations, validity, signatures, signed file. */
export const agreements = pgTable(
  'agreements',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    title: text('title').notNull(),
    periodStartYear: integer('period_start_year').notNull(),
    periodEndYear: integer('period_end_year').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    adoptedOn: date('adopted_on', { mode: 'string' }),
    signedFileName: text('signed_file_name'),
    signedFileMime: text('signed_file_mime'),
    signedFile: bytea('signed_file'),
  }),
  (t) => [index('agreements_ambito_idx').on(t.ambitoId), uniqueIndex('agreements_ambito_period_unique').on(t.ambitoId, t.periodStartYear, t.periodEndYear)],
);

export const agreementParties = pgTable(
  'agreement_parties',
  {
    id: id(),
    agreementId: ownerRef('agreement_id', () => agreements.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** "sottoscrittore" (party) or "aderente" (adhering organisation). */
    role: text('role').notNull(),
  },
  (t) => [uniqueIndex('agreement_parties_unique').on(t.agreementId, t.organisationId)],
);

export const agreementSignatures = pgTable('agreement_signatures', {
  id: id(),
  agreementId: ownerRef('agreement_id', () => agreements.id),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  signerName: text('signer_name').notNull(),
  signerRole: text('signer_role').notNull(),
  /** Null when the document does not date the signature (digital signatures carry their own timestamp). */
  signedOn: date('signed_on', { mode: 'string' }),
});

registerConstraintMessages({
  organisations_ambito_fiscal_code_unique: { key: 'gov.dup.fiscalCode', field: 'fiscalCode' },
  governance_body_members_person_from_unique: { key: 'gov.dup.member', field: 'personId' },
  decisions_body_number_unique: { key: 'gov.dup.decisionNumber', field: 'number' },
  agreements_ambito_period_unique: { key: 'gov.dup.agreement', field: 'periodStartYear' },
  agreement_parties_unique: { key: 'gov.dup.party', field: 'organisationId' },
  meeting_attendance_member_unique: 'gov.dup.attendance',
});
