import { type LoaderFunctionArgs } from 'react-router';
import { getActor, getServices, guard, siteBase } from '../../../shared/http/request.server.ts';
import { ambitoCatalogue, CONTENT_TYPES, fileResponse, publishingAmbito } from '../opendata.server.ts';
import { mergeNodes, toJsonLd, toTurtle, type RdfNode } from '../opendata.dcat.ts';
import { authorize } from '../opendata.policy.ts';
import { listPublishingAmbiti } from '../opendata.queries.ts';
import { latestInstant, missingPublisherFields } from '../opendata.rules.ts';

/**
 * The DCAT-AP_IT catalogue, as JSON-LD (`catalogo.jsonld`) or Turtle (`catalogo.ttl`): of one Ambito
 * (`/dati/<codice>/catalogo.*`, 404 while it does not publish), or of every Ambito that publishes (`/dati/catalogo.*`:
 * their catalogues in one graph, each with its own publisher). Public, CORS open, ETag and Last-Modified with 304.
 */
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const { db } = getServices(context);
  const base = siteBase(context, request);
  const format = new URL(request.url).pathname.endsWith('.ttl') ? 'ttl' : 'jsonld';
  const now = new Date();
  let nodes: RdfNode[];
  let lastModified: Date;
  let fileName: string;
  if (params.code) {
    const { ambito, publisher } = await publishingAmbito(db, params.code);
    await guard(request, async () => authorize(getActor(context), 'opendata.read', ambito));
    const catalogue = await ambitoCatalogue(db, ambito, publisher, base, now);
    nodes = catalogue.nodes;
    lastModified = catalogue.lastChange;
    fileName = `catalogo-${ambito.code}.${format}`;
  } else {
    await guard(request, async () => authorize(getActor(context), 'opendata.read', null));
    const publishing = (await listPublishingAmbiti(db)).filter((r) => missingPublisherFields(r.publisher).length === 0);
    const catalogues = [];
    for (const r of publishing) {
      const { publisher, ...ambito } = r;
      catalogues.push(await ambitoCatalogue(db, ambito, publisher, base, now));
    }
    nodes = mergeNodes(catalogues.map((c) => c.nodes));
    lastModified = latestInstant(catalogues.map((c) => c.lastChange)) ?? new Date(0);
    fileName = `catalogo.${format}`;
  }
  const body = format === 'ttl' ? toTurtle(nodes) : `${JSON.stringify(toJsonLd(nodes), null, 2)}\n`;
  return fileResponse(request, body, { contentType: CONTENT_TYPES[format], lastModified, fileName });
}
