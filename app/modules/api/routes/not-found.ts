export function loader() {
  return Response.json({ error: { code: 'not_found', message: 'Risorsa API inesistente. Vedi /api/v1/openapi.json.' } }, { status: 404 });
}
export const action = loader;
