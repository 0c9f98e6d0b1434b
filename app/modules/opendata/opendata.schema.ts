import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ownerRef, versionedColumns } from '../../shared/db/columns.ts';
import { ambiti } from '../territory/index.server.ts';

/**
 * Who publishes an Ambito's open data (DCAT-AP_IT): the publisher (dct:publisher, the ente capofila) and the rights
 * holder (dct:rightsHolder) with their IPA codes (Indice delle Pubbliche Amministrazioni), the contact e-mail of the
 * catalogue (dcat:contactPoint) and the update frequency its datasets declare unless they have their own (a code of the
 * EU frequency vocabulary). One row per Ambito, kept by its coordinator; without it nothing is published.
 */
export const opendataPublishers = pgTable(
  'opendata_publishers',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    publisherName: text('publisher_name').notNull(),
    publisherIpaCode: text('publisher_ipa_code').notNull(),
    rightsHolderName: text('rights_holder_name').notNull(),
    rightsHolderIpaCode: text('rights_holder_ipa_code').notNull(),
    contactEmail: text('contact_email').notNull(),
    /** A code of http://publications.europa.eu/resource/authority/frequency/ (never UNKNOWN). */
    updateFrequency: text('update_frequency').notNull(),
  }),
  (t) => [uniqueIndex('opendata_publishers_ambito_unique').on(t.ambitoId)],
);

export type OpendataPublisherRow = typeof opendataPublishers.$inferSelect;
