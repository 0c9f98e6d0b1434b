import { z } from 'zod';
import { DEFAULT_LIMIT, MAX_LIMIT } from './api.paging.ts';
import {
  Action,
  AmbitoBudgetLine,
  AmbitoDetail,
  AmbitoSummary,
  ApiError,
  BudgetLine,
  ComuneOfAmbito,
  Indicator,
  LepsTarget,
  LepsYear,
  Me,
  Measurement,
  ObjectiveDetail,
  ObjectiveSummary,
  Page,
  PlanDetail,
  PlanSummary,
  ServiceUsersRow,
  SpendingRow,
  Target,
} from './api.schemas.ts';

/** The schemas of the API as OpenAPI components, each referenced by its id (the handlers parse with the same schemas). */
export const COMPONENTS = {
  AmbitoSummary,
  AmbitoDetail,
  ComuneOfAmbito,
  Me,
  Error: ApiError,
  Page,
  PlanSummary,
  PlanDetail,
  ObjectiveSummary,
  ObjectiveDetail,
  Action,
  Target,
  Indicator,
  BudgetLine,
  AmbitoBudgetLine,
  Measurement,
  SpendingRow,
  ServiceUsersRow,
  LepsTarget,
  LepsYear,
};

/** The API's response schemas as OpenAPI components, each referenced by its id. */
function componentSchemas() {
  const registry = z.registry<{ id: string }>();
  for (const [id, s] of Object.entries(COMPONENTS)) registry.add(s, { id });
  const { schemas } = z.toJSONSchema(registry, { io: 'output', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const { $schema: _ignored, $id: _id, ...rest } = s as Record<string, unknown>;
      return [id, rest];
    }),
  );
}
const ref = (id: keyof typeof COMPONENTS) => ({ $ref: `#/components/schemas/${id}` });
const json = (s: object) => ({ 'application/json': { schema: s } });
const error = (description: string) => ({ description, content: json(ref('Error')) });

const readHeaders = {
  ETag: { description: 'ETag forte: sha-256 (base64url) del corpo della risposta', schema: { type: 'string' } },
  'Cache-Control': {
    description: 'public, max-age=60 senza autenticazione (dati pubblici, uguali per tutti); private, no-cache con autenticazione',
    schema: { type: 'string' },
  },
  Vary: { description: 'Authorization, Cookie', schema: { type: 'string' } },
};
const linkHeader = { Link: { description: 'Presente quando c’è una pagina successiva: <URL>; rel="next"', schema: { type: 'string' } } };

const param = (name: string, where: 'path' | 'query' | 'header', description: string, schema: object = { type: 'string' }) => ({
  name,
  in: where,
  required: where === 'path',
  schema,
  description,
});
const codeParam = param('code', 'path', 'Codice dell’Ambito, es. gallarate');
const planParam = param('plan', 'path', 'Identificativo (UUID) del piano; un valore che non è un UUID è un errore 400', { type: 'string', format: 'uuid' });
const objectiveParam = param('objective', 'path', 'Codice dell’obiettivo nel piano, es. 1 o LEPS-PUA');
const ifNoneMatch = param('If-None-Match', 'header', 'L’ETag di una risposta precedente: se non è cambiata la risposta è 304 senza corpo');
const pageParams = [
  param('limit', 'query', `Righe per pagina, da 1 a ${MAX_LIMIT} (predefinito ${DEFAULT_LIMIT})`, {
    type: 'integer',
    minimum: 1,
    maximum: MAX_LIMIT,
    default: DEFAULT_LIMIT,
  }),
  param('cursor', 'query', 'Cursore opaco della pagina successiva: si usa l’URL di page.next (o dell’intestazione Link) così com’è'),
];
const yearParam = param('anno', 'query', 'Solo l’anno indicato, es. 2022', { type: 'integer', minimum: 1900, maximum: 2100 });
const areaParam = param('area', 'query', 'Solo l’area indicata (codice della classificazione regionale, es. MINORI_FAMIGLIA)');
const planFilter = param('piano', 'query', 'Solo le righe di questo piano (UUID)', { type: 'string', format: 'uuid' });

const notModified = { description: 'Non modificata rispetto all’ETag di If-None-Match (nessun corpo)', headers: readHeaders };
const badRequest = error('Parametro non valido (limit, cursor, anno, area, piano o identificativo): il messaggio e issues[].path lo nominano');
const unauthenticated = error('Token non valido, revocato o scaduto');

/** A GET of the read API: its parameters, the 200 (a list with its page, or one record), 304, 400, 401 and 404. */
function read(op: {
  summary: string;
  description?: string;
  operationId: string;
  parameters: object[];
  item: keyof typeof COMPONENTS;
  list: boolean;
  notFound: string;
}) {
  const body = op.list
    ? { type: 'object', properties: { data: { type: 'array', items: ref(op.item) }, page: ref('Page') }, required: ['data', 'page'] }
    : { type: 'object', properties: { data: ref(op.item) }, required: ['data'] };
  return {
    get: {
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      operationId: op.operationId,
      parameters: [...op.parameters, ...(op.list ? pageParams : []), ifNoneMatch],
      responses: {
        '200': { description: op.summary, headers: op.list ? { ...readHeaders, ...linkHeader } : readHeaders, content: json(body) },
        '304': notModified,
        ...(op.list || op.parameters.includes(planParam) ? { '400': badRequest } : {}),
        '401': unauthenticated,
        '404': error(op.notFound),
      },
    },
  };
}

const PUBLIC_PLANS =
  'Senza autenticazione (o senza un ruolo nell’Ambito) si leggono solo i piani adottati (adopted, transmitted, implementation, closed); un piano in bozza o in consultazione risponde 404 come un piano inesistente.';
const PRIVACY =
  'Per chi non legge l’Ambito dall’interno i conteggi di persone sotto 5 non sono pubblicati (null con suppressed: true; art. 26 c.4 D.Lgs. 33/2013).';

/** The OpenAPI 3.1 description of /api/v1, built from the same zod schemas the handlers use. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Cantiere API',
      version: '1.1.0',
      description: [
        'API JSON di Cantiere, in sola lettura. Autenticazione: la sessione del browser oppure un token personale (creato e revocato nella pagina Profilo) inviato come «Authorization: Bearer <token>». Senza autenticazione sono leggibili i dati pubblici: i piani adottati con obiettivi, azioni, indicatori, misure e bilancio, la spesa sociale, gli utenti dei servizi e il rapporto assistenti sociali/abitanti; mai bozze, completezza, varianti o storico. I messaggi di errore sono in italiano.',
        `Paginazione: gli elenchi rispondono { data, page: { limit, next } } in un ordine stabile su una chiave unica; limit da 1 a ${MAX_LIMIT} (predefinito ${DEFAULT_LIMIT}); page.next (e l’intestazione Link rel="next") è l’URL della pagina successiva con un cursore opaco, null sull’ultima. Ogni riga compare una sola volta anche se i dati cambiano tra una pagina e l’altra.`,
        'Cache: ogni risposta ha un ETag forte; con If-None-Match uguale la risposta è 304 senza corpo. Cache-Control: public, max-age=60 senza autenticazione, private, no-cache con autenticazione; Vary: Authorization, Cookie.',
        'Importi in centesimi di euro (interi), date ISO, percentuali calcolate dai loro numeratori e denominatori.',
      ].join('\n\n'),
      license: { name: 'EUPL-1.2' },
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearer: [] }, { session: [] }, {}],
    paths: {
      '/me': {
        get: {
          summary: 'Chi sta chiamando',
          operationId: 'getMe',
          responses: { '200': { description: 'Utente autenticato (o anonimo)', content: json(ref('Me')) }, '401': unauthenticated },
        },
      },
      '/ambiti': {
        get: {
          summary: 'Elenco degli Ambiti',
          operationId: 'listAmbiti',
          parameters: [ifNoneMatch],
          responses: {
            '200': {
              description: 'Gli Ambiti',
              headers: readHeaders,
              content: json({ type: 'object', properties: { data: { type: 'array', items: ref('AmbitoSummary') } }, required: ['data'] }),
            },
            '304': notModified,
            '401': unauthenticated,
          },
        },
      },
      '/ambiti/{code}': read({
        summary: 'Un Ambito con la sua popolazione',
        operationId: 'getAmbito',
        parameters: [codeParam],
        item: 'AmbitoDetail',
        list: false,
        notFound: 'Ambito inesistente',
      }),
      '/ambiti/{code}/comuni': {
        get: {
          summary: 'I comuni di un Ambito',
          operationId: 'listAmbitoComuni',
          parameters: [codeParam, param('date', 'query', 'Composizione a questa data (predefinito: oggi)', { type: 'string', format: 'date' }), ifNoneMatch],
          responses: {
            '200': {
              description: 'I comuni membri alla data',
              headers: readHeaders,
              content: json({
                type: 'object',
                properties: { data: { type: 'array', items: ref('ComuneOfAmbito') }, date: { type: 'string', format: 'date' } },
                required: ['data', 'date'],
              }),
            },
            '304': notModified,
            '400': error('Data non valida'),
            '401': unauthenticated,
            '404': error('Ambito inesistente'),
          },
        },
      },
      '/ambiti/{code}/piani': read({
        summary: 'I piani di un Ambito',
        description: `Dal periodo più recente. ${PUBLIC_PLANS}`,
        operationId: 'listAmbitoPiani',
        parameters: [codeParam],
        item: 'PlanSummary',
        list: true,
        notFound: 'Ambito inesistente',
      }),
      '/ambiti/{code}/bilancio': read({
        summary: 'Le righe di bilancio dei piani di un Ambito, per area e fondo',
        description: `Dal piano più vecchio, ciascuno nel suo ordine (obiettivo, riga). Con «anno» solo le righe di quell’anno (non quelle dell’intero periodo). ${PUBLIC_PLANS}`,
        operationId: 'listAmbitoBilancio',
        parameters: [codeParam, planFilter, yearParam],
        item: 'AmbitoBudgetLine',
        list: true,
        notFound: 'Ambito inesistente',
      }),
      '/ambiti/{code}/spesa': read({
        summary: 'La spesa sociale di un Ambito per comune × area × canale × anno',
        description:
          'Ordinata per anno, area, canale. Cifre aggregate, pubbliche; nota e file di provenienza di ogni riga solo per chi legge le pagine economiche dell’Ambito.',
        operationId: 'listAmbitoSpesa',
        parameters: [codeParam, yearParam, areaParam],
        item: 'SpendingRow',
        list: true,
        notFound: 'Ambito inesistente',
      }),
      '/ambiti/{code}/utenti': read({
        summary: 'Gli utenti dei servizi di un Ambito per comune × area × anno, con la spesa e il costo per utente',
        description: `Ordinati per anno e area. ${PRIVACY}`,
        operationId: 'listAmbitoUtenti',
        parameters: [codeParam, yearParam, areaParam],
        item: 'ServiceUsersRow',
        list: true,
        notFound: 'Ambito inesistente',
      }),
      '/ambiti/{code}/leps': read({
        summary: 'Il rapporto assistenti sociali/abitanti di un Ambito anno per anno, con i target LEPS',
        description:
          'Dal primo dato di popolazione o di personale fino all’anno in corso: ETP al 31 dicembre, popolazione, abitanti per ETP e i target della L. 178/2020 (1:5.000 e 1:4.000). Cifre aggregate, pubbliche.',
        operationId: 'listAmbitoLeps',
        parameters: [codeParam],
        item: 'LepsYear',
        list: true,
        notFound: 'Ambito inesistente',
      }),
      '/piani/{plan}': read({
        summary: 'Un piano con il modello, il piano precedente e le sue cifre',
        description: PUBLIC_PLANS,
        operationId: 'getPiano',
        parameters: [planParam],
        item: 'PlanDetail',
        list: false,
        notFound: 'Piano inesistente o non visibile',
      }),
      '/piani/{plan}/obiettivi': read({
        summary: 'Gli obiettivi di un piano, nell’ordine del piano',
        description: PUBLIC_PLANS,
        operationId: 'listPianoObiettivi',
        parameters: [planParam],
        item: 'ObjectiveSummary',
        list: true,
        notFound: 'Piano inesistente o non visibile',
      }),
      '/piani/{plan}/obiettivi/{objective}': read({
        summary: 'Un obiettivo con la scheda, le azioni, gli indicatori (con i target) e le righe di bilancio',
        description: PUBLIC_PLANS,
        operationId: 'getPianoObiettivo',
        parameters: [planParam, objectiveParam],
        item: 'ObjectiveDetail',
        list: false,
        notFound: 'Piano o obiettivo inesistente o non visibile',
      }),
      '/piani/{plan}/azioni': read({
        summary: 'Le azioni di un piano, nell’ordine del piano',
        description: PUBLIC_PLANS,
        operationId: 'listPianoAzioni',
        parameters: [planParam],
        item: 'Action',
        list: true,
        notFound: 'Piano inesistente o non visibile',
      }),
      '/piani/{plan}/indicatori': read({
        summary: 'Gli indicatori di un piano con i target per anno, nell’ordine del piano',
        description: PUBLIC_PLANS,
        operationId: 'listPianoIndicatori',
        parameters: [planParam],
        item: 'Indicator',
        list: true,
        notFound: 'Piano inesistente o non visibile',
      }),
      '/piani/{plan}/misure': read({
        summary: 'Le misure degli indicatori di un piano (Ambito o comune), con lo stato del periodo',
        description: `Nell’ordine degli indicatori, poi per periodo. Valori esatti e note per chi legge il monitoraggio dell’Ambito. ${PRIVACY} ${PUBLIC_PLANS}`,
        operationId: 'listPianoMisure',
        parameters: [planParam],
        item: 'Measurement',
        list: true,
        notFound: 'Piano inesistente o non visibile',
      }),
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
