import type { Route } from './+types/openapi';
import { openApiDocument } from '../openapi.ts';

export function loader({ request }: Route.LoaderArgs) {
  return Response.json(openApiDocument(new URL(request.url).origin), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
