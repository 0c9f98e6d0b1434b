import { PASSWORD_MIN_LENGTH } from '../../shared/auth/password.ts';
import { ROLES } from '../../shared/auth/actor.ts';
import { noControlCharacters, z } from '../../shared/validation.ts';
import { normaliseFiscalCode } from './accounts.oidc.rules.ts';

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().email('Inserisci un indirizzo e-mail valido.'),
  password: z.string().min(1, 'Inserisci la password.').max(1024),
  redirectTo: z.string().optional(),
});

export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `La password deve avere almeno ${PASSWORD_MIN_LENGTH} caratteri.`)
  .max(1024, 'La password è troppo lunga.');

export const RoleGrantInput = z
  .object({
    role: z.enum(ROLES, { message: `Ruolo sconosciuto (ammessi: ${ROLES.join(', ')}).` }),
    ambitoCode: z
      .string()
      .refine(...noControlCharacters('Ambito'))
      .trim()
      .optional(),
    comuneIstatCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'Codice ISTAT del comune: 6 cifre.')
      .optional(),
    organisationName: z
      .string()
      .refine(...noControlCharacters('Organizzazione'))
      .trim()
      .min(2)
      .optional(),
    regionCode: z
      .string()
      .trim()
      .regex(/^\d{2}$/, 'Codice ISTAT della regione: 2 cifre.')
      .optional(),
  })
  .superRefine((g, ctx) => {
    const need = (cond: boolean, path: string, message: string) => {
      if (!cond) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    switch (g.role) {
      case 'admin':
        break;
      case 'regional_reviewer':
        need(!!g.regionCode, 'regionCode', 'Il revisore regionale richiede la regione (--region).');
        break;
      case 'comune_referent':
        need(!!g.ambitoCode, 'ambitoCode', 'Il referente comunale richiede l’Ambito (--ambito).');
        need(!!g.comuneIstatCode, 'comuneIstatCode', 'Il referente comunale richiede il comune (--comune).');
        break;
      case 'third_sector':
        need(!!g.ambitoCode, 'ambitoCode', 'Il membro del Terzo settore richiede l’Ambito (--ambito).');
        need(!!g.organisationName, 'organisationName', 'Il membro del Terzo settore richiede l’organizzazione (--organisation).');
        break;
      default:
        need(!!g.ambitoCode, 'ambitoCode', 'Questo ruolo richiede l’Ambito (--ambito).');
    }
  });
export type RoleGrantInput = z.infer<typeof RoleGrantInput>;

export const CreateUserInput = z.object({
  email: z.string().trim().toLowerCase().email('Indirizzo e-mail non valido.'),
  name: z
    .string()
    .refine(...noControlCharacters('Nome'))
    .trim()
    .min(2, 'Il nome deve avere almeno 2 caratteri.')
    .max(200),
  password: Password,
  locale: z.enum(['it', 'en']).default('it'),
  roles: z.array(RoleGrantInput).default([]),
  /** The person's codice fiscale, for signing in with an identity provider that proves it (SPID, CIE; `TINIT-` accepted). */
  fiscalCode: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const code = normaliseFiscalCode(v);
      if (!code) ctx.addIssue({ code: 'custom', message: 'Codice fiscale non valido: 16 caratteri, come RSSMRA80A01H501U.' });
      return code ?? undefined;
    }),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export const CreateTokenInput = z.object({
  name: z
    .string()
    .refine(...noControlCharacters('Nome del token'))
    .trim()
    .min(2, 'Dai un nome al token (almeno 2 caratteri), per riconoscerlo quando vorrai revocarlo.')
    .max(100, 'Nome del token troppo lungo (massimo 100 caratteri).'),
  expiresInDays: z.coerce
    .number()
    .int()
    .min(1, 'La scadenza va da 1 a 365 giorni.')
    .max(365, 'La scadenza va da 1 a 365 giorni.')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

/** An invitation: the person's address, name, language and roles; the password is chosen through the link. */
export const InviteUserInput = CreateUserInput.omit({ password: true });
export type InviteUserInput = z.input<typeof InviteUserInput>;
