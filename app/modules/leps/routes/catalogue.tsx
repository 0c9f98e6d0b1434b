import { Link } from 'react-router';
import type { Route } from './+types/catalogue';
import { getServices } from '../../../shared/http/request.server.ts';
import { POLICY_AREAS } from '../leps-catalogue.ts';
import { getCurrentCatalogue } from '../leps.queries.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const c = await getCurrentCatalogue(db);
  return {
    catalogue: c
      ? {
          version: c.version,
          title: c.title,
          source: c.source,
          entries: c.entries.map((e) => ({
            code: e.code,
            name: e.name,
            legalReference: e.legalReference,
            fundingText: e.fundingText,
            areas: e.policyAreas.map((a) => a.code),
            priority: e.priority?.number ?? null,
          })),
        }
      : null,
  };
}

export default function Catalogue({ loaderData }: Route.ComponentProps) {
  const { catalogue } = loaderData;
  return (
    <>
      <title>Catalogo dei LEPS – Cantiere</title>
      <h1>Catalogo dei LEPS</h1>
      {!catalogue ? (
        <p>Il catalogo non è ancora stato caricato.</p>
      ) : (
        <>
          <p className="lead">
            {catalogue.title} (versione {catalogue.version})
          </p>
          <p className="small">Fonte: {catalogue.source}</p>
          <div className="table-responsive">
            <table className="table">
              <caption>I {catalogue.entries.length} livelli essenziali delle prestazioni sociali del catalogo</caption>
              <thead>
                <tr>
                  <th scope="col">LEPS</th>
                  <th scope="col">Normativa</th>
                  <th scope="col">Fonte di finanziamento</th>
                  <th scope="col">Aree di policy</th>
                </tr>
              </thead>
              <tbody>
                {catalogue.entries.map((e) => (
                  <tr key={e.code}>
                    <th scope="row">
                      <Link to={`/leps/catalogo/${e.code}`}>{e.name}</Link>
                      {e.priority !== null && <span className="d-block small text-secondary">LEPS prioritario n. {e.priority}</span>}
                    </th>
                    <td>{e.legalReference}</td>
                    <td>{e.fundingText}</td>
                    <td>
                      {e.areas.map((a) => (
                        <abbr key={a} title={POLICY_AREAS[a as keyof typeof POLICY_AREAS]} className="me-1">
                          {a}
                        </abbr>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
