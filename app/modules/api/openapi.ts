import { z } from 'zod';
import { AmbitoDetail, AmbitoSummary, ApiError, ComuneOfAmbito, Me } from './api.schemas.ts';

/** The API's response schemas as OpenAPI components, each referenced by its id. */
function componentSchemas() {
  const registry = z.registry<{ id: string }>();
  const named = { AmbitoSummary, AmbitoDetail, ComuneOfAmbito, Me, Error: ApiError };
  for (const [id, s] of Object.entries(named)) registry.add(s, { id });
  const { schemas } = z.toJSONSchema(registry, { io: 'output', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const { $schema: _ignored, $id: _id, ...rest } = s as Record<string, unknown>;
      return [id, rest];
    }),
  );
}
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (s: object) => ({ 'application/json': { schema: s } });
const errors = {
  '401': { description: 'Token non valido, revocato o scaduto', content: json(ref('Error')) },
  '404': { description: 'Ambito inesistente', content: json(ref('Error')) },
};
const codeParam = { name: 'code', in: 'path', required: true, schema: { type: 'string' }, description: 'Codice dell’Ambito, es. gallarate' };

/** The OpenAPI 3.1 description of /api/v1, built from the same zod schemas the handlers use. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Cantiere API',
      version: '1.0.0',
      description:
        'API JSON di Cantiere. Autenticazione: la sessione del browser oppure un token personale (creato e revocato nella pagina Profilo) inviato come «Authorization: Bearer <token>». Senza autenticazione sono leggibili i dati pubblici. I messaggi di errore sono in italiano.',
      license: { name: 'EUPL-1.2' },
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearer: [] }, { session: [] }, {}],
    paths: {
      '/me': {
        get: {
          summary: 'Chi sta chiamando',
          operationId: 'getMe',
          responses: { '200': { description: 'Utente autenticato (o anonimo)', content: json(ref('Me')) }, '401': errors['401'] },
        },
      },
      '/ambiti': {
        get: {
          summary: 'Elenco degli Ambiti',
          operationId: 'listAmbiti',
          responses: {
            '200': {
              description: 'Gli Ambiti',
              content: json({ type: 'object', properties: { data: { type: 'array', items: ref('AmbitoSummary') } }, required: ['data'] }),
            },
            '401': errors['401'],
          },
        },
      },
      '/ambiti/{code}': {
        get: {
          summary: 'Un Ambito con la sua popolazione',
          operationId: 'getAmbito',
          parameters: [codeParam],
          responses: {
            '200': { description: 'L’Ambito', content: json({ type: 'object', properties: { data: ref('AmbitoDetail') }, required: ['data'] }) },
            ...errors,
          },
        },
      },
      '/ambiti/{code}/comuni': {
        get: {
          summary: 'I comuni di un Ambito',
          operationId: 'listAmbitoComuni',
          parameters: [
            codeParam,
            {
              name: 'date',
              in: 'query',
              required: false,
              schema: { type: 'string', format: 'date' },
              description: 'Composizione a questa data (predefinito: oggi)',
            },
          ],
          responses: {
            '200': {
              description: 'I comuni membri alla data',
              content: json({
                type: 'object',
                properties: { data: { type: 'array', items: ref('ComuneOfAmbito') }, date: { type: 'string', format: 'date' } },
                required: ['data', 'date'],
              }),
            },
            ...errors,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Token personale (prefisso cnt_)' },
        session: { type: 'apiKey', in: 'cookie', name: 'cantiere_session' },
      },
      schemas: componentSchemas(),
    },
  };
}
