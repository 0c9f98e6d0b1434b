import { route } from '@react-router/dev/routes';
import type { RouteConfigEntry } from '@react-router/dev/routes';

// The open data: the national page and combined catalogue, each Ambito's page and catalogue, and its datasets as files
// (`<dataset>.csv`, `<dataset>.json`: one route reads the name and the extension). Stable public addresses.
export const opendataRoutes: RouteConfigEntry[] = [
  route('dati', 'modules/opendata/routes/national.tsx'),
  route('dati/catalogo.jsonld', 'modules/opendata/routes/catalogue.ts', { id: 'opendata-catalogue-jsonld' }),
  route('dati/catalogo.ttl', 'modules/opendata/routes/catalogue.ts', { id: 'opendata-catalogue-ttl' }),
  route('dati/:code', 'modules/opendata/routes/ambito.tsx'),
  route('dati/:code/catalogo.jsonld', 'modules/opendata/routes/catalogue.ts', { id: 'opendata-ambito-catalogue-jsonld' }),
  route('dati/:code/catalogo.ttl', 'modules/opendata/routes/catalogue.ts', { id: 'opendata-ambito-catalogue-ttl' }),
  route('dati/:code/:file', 'modules/opendata/routes/dataset-file.ts'),
];
