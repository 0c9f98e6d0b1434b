import type { MessageKey } from '../../shared/i18n/messages.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { noControlCharacters, PG_INTEGER_MAX, z } from '../../shared/validation.ts';
import { FREQUENCIES } from './opendata.vocabulary.ts';

/** A message of a field, in the request's language, naming the field (its label is a dictionary key). */
const says = (key: MessageKey, label: MessageKey) => ({ error: () => tr(key, { label: tr(label) }) });

const name = (label: MessageKey) =>
  z
    .string(says('od.val.required', label))
    .refine(...noControlCharacters(() => tr(label)))
    .trim()
    .min(1, says('od.val.required', label))
    .max(300, says('od.val.tooLong', label));

/**
 * An IPA code (Indice delle Pubbliche Amministrazioni): lower-case letters, digits and underscores, as IndicePA
 * assigns them (`c_d869` for the Comune di Gallarate, `r_lombar` for Regione Lombardia); written in capitals, it is
 * lowered.
 */
const ipaCode = (label: MessageKey) =>
  z
    .string(says('od.val.required', label))
    .trim()
    .toLowerCase()
    .min(1, says('od.val.required', label))
    .regex(/^[a-z0-9][a-z0-9_]{1,29}$/, says('od.val.ipa', label));

/** The publisher settings of an Ambito, from the coordinator's form. */
export const PublisherInput = z.object({
  version: z.coerce.number().int().nonnegative().max(PG_INTEGER_MAX).default(0),
  publisherName: name('od.pub.publisherName'),
  publisherIpaCode: ipaCode('od.pub.publisherIpaCode'),
  rightsHolderName: name('od.pub.rightsHolderName'),
  rightsHolderIpaCode: ipaCode('od.pub.rightsHolderIpaCode'),
  contactEmail: z
    .string(says('od.val.required', 'od.pub.contactEmail'))
    .trim()
    .min(1, says('od.val.required', 'od.pub.contactEmail'))
    .max(254, says('od.val.tooLong', 'od.pub.contactEmail'))
    .pipe(z.email(says('od.val.email', 'od.pub.contactEmail'))),
  updateFrequency: z.enum(FREQUENCIES, says('od.val.frequency', 'od.pub.updateFrequency')),
});
export type PublisherInput = z.input<typeof PublisherInput>;
