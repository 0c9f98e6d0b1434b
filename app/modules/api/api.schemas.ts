import { z } from 'zod';

// Response shapes of the public API, used both to build responses and to describe them in OpenAPI.
export const AmbitoSummary = z.object({
  code: z.string().describe('Codice dell’Ambito nell’URL, es. "gallarate"'),
  name: z.string(),
  region: z.object({ code: z.string().describe('Codice ISTAT della regione'), name: z.string() }),
});

export const ComuneOfAmbito = z.object({
  istatCode: z.string().describe('Codice ISTAT a 6 cifre'),
  name: z.string(),
  province: z.string(),
  isCapofila: z.boolean(),
  memberSince: z.string().describe('Data ISO di ingresso nell’Ambito'),
  population2011: z.number().int().nullable().describe('Popolazione legale al censimento 2011 (Fonte: ISTAT)'),
});

export const AmbitoDetail = AmbitoSummary.extend({
  managementForm: z.string().nullable(),
  healthDistrict: z.string().nullable(),
  description: z.string().nullable(),
  capofila: z.string().nullable().describe('Codice ISTAT del comune capofila'),
  comuniCount: z.number().int(),
  population: z.object({
    total: z.number().int(),
    missing: z.number().int().describe('Comuni senza dato, esclusi dal totale'),
    source: z.string(),
  }),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe('Messaggio in italiano per l’utente'),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const Me = z.object({
  authenticated: z.boolean(),
  user: z
    .object({
      email: z.string(),
      name: z.string(),
      via: z.enum(['session', 'token']),
      roles: z.array(
        z.object({
          role: z.string(),
          ambitoId: z.string().nullable(),
          comuneId: z.string().nullable(),
          organisationName: z.string().nullable(),
          regionCode: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
});
