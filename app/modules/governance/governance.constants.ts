// The governance module's controlled vocabularies (shared by forms, validation, importers and pages).
// Values are stable codes stored in the database; their words are in governance.messages.ts (`gov.enum.<vocabulary>.<code>`).
import type { Attendance, Vote, VotingRuleType } from './voting.rules.ts';

/** Kinds of organisation in the registry of an Ambito (third-sector kinds per D.Lgs. 117/2017, Codice del Terzo settore). */
export const ORGANISATION_KINDS = [
  'comune',
  'ente_sanitario',
  'odv',
  'aps',
  'cooperativa_sociale_a',
  'cooperativa_sociale_b',
  'impresa_sociale',
  'fondazione',
  'ente_religioso',
  'sindacato',
  'scuola',
  'altro_ente_pubblico',
  'altro',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * Kinds that can be enrolled in the RUNTS (Registro unico nazionale del Terzo settore, D.Lgs. 117/2017 art. 45-46):
 * ODV, APS, imprese sociali (cooperative sociali included), fondazioni and other ETS, the «ramo» of an ente religioso;
 * not public bodies (comuni, health bodies, schools, other public bodies) nor trade unions (art. 4, c. 2).
 */
export const RUNTS_KINDS: readonly OrganisationKind[] = ORGANISATION_KINDS.filter(
  (kind) => !['comune', 'ente_sanitario', 'sindacato', 'scuola', 'altro_ente_pubblico'].includes(kind),
);

/** Types of governance body. The first is the political body (Assemblea, Comitato or Tavolo dei Sindaci). */
export const BODY_TYPES = [
  'assemblea_sindaci',
  'ufficio_di_piano',
  'tavolo_tecnici',
  'tavolo_terzo_settore',
  'cabina_di_regia',
  'tavolo_alto_concertazione',
  'tavolo_tematico',
  'altro',
] as const;
export type BodyType = (typeof BODY_TYPES)[number];

/** The body types whose meetings only the Ufficio di Piano convenes (political bodies of the mayors). */
export const POLITICAL_BODY_TYPES: readonly BodyType[] = ['assemblea_sindaci'];

export const BODY_KINDS = ['politico', 'tecnico', 'consultivo', 'coprogettazione'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const POSITIONS = ['presidente', 'vicepresidente', 'segretario', 'componente'] as const;
export type Position = (typeof POSITIONS)[number];

export const MEETING_STATUSES = ['programmata', 'convocata', 'svolta'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ATTENDANCES = ['present', 'absent', 'delegated'] as const satisfies readonly Attendance[];

export const VOTES = ['for', 'against', 'abstained'] as const satisfies readonly Vote[];

export const RULE_TYPES = ['majority_present', 'qualified_majority', 'unanimity', 'population_weighted'] as const satisfies readonly VotingRuleType[];

export const PARTY_ROLES = ['sottoscrittore', 'aderente'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/**
 * Attachments of meetings: the accepted types (by extension) and the MIME type the download is served with. A type is
 * named by its extension in capitals (JPEG for .jpg too).
 */
export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
} as const;
export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES;
export const attachmentTypeName = (extension: AttachmentExtension) => (extension === 'jpg' ? 'JPEG' : extension.toUpperCase());
/** The accepted types in words («PDF, ODT, …, JPEG»), for the upload form's hint and the refusal of another type. */
export const ACCEPTED_ATTACHMENTS = [...new Set((Object.keys(ATTACHMENT_TYPES) as AttachmentExtension[]).map(attachmentTypeName))].join(', ');

/** 10 MB, the largest attachment (and signed Accordo) accepted. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The time zone meetings are entered and shown in. */
export const MEETING_TIME_ZONE = 'Europe/Rome';
