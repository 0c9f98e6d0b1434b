import { Link } from 'react-router';
import type { Route } from './+types/funding-sources';
import { getActor, getServices } from '../../../shared/http/request.server.ts';
import { can } from '../finance.policy.ts';
import { listFundingSourceRows } from '../finance.queries.ts';

/** The installation's catalogue of funding sources and channels (public; administrators edit it). */
export async function loader({ context }: Route.LoaderArgs) {
  const rows = await listFundingSourceRows(getServices(context).db);
  return {
    canEdit: can(getActor(context), 'catalogue.edit', null),
    rows: rows.map((r) => ({
      code: r.code,
      name: r.name,
      shortName: r.shortName,
      kind: r.kind,
      parentCode: r.parentCode,
      legalBasis: r.legalBasis,
      activeFrom: r.activeFrom,
      activeTo: r.activeTo,
    })),
  };
}

export default function FundingSources({ loaderData }: Route.ComponentProps) {
  const { rows, canEdit } = loaderData;
  return (
    <>
      <title>Fonti di finanziamento – Cantiere</title>
      <h1>Fonti di finanziamento</h1>
      <p className="lead">Il catalogo delle fonti e dei canali di finanziamento di questa installazione, usato dai bilanci dei piani e dalla spesa sociale.</p>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>{rows.length} fonti di finanziamento</caption>
          <thead>
            <tr>
              <th scope="col">Codice</th>
              <th scope="col">Nome</th>
              <th scope="col">Tipo</th>
              <th scope="col">Base normativa</th>
              <th scope="col">Attiva dal</th>
              <th scope="col">Attiva fino al</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">{canEdit ? <Link to={`/fonti-di-finanziamento/${r.code}`}>{r.code}</Link> : r.code}</th>
                <td>
                  {r.name}
                  {r.parentCode ? <span className="d-block small text-secondary">parte di {r.parentCode}</span> : null}
                </td>
                <td>{r.kind}</td>
                <td className="small">{r.legalBasis ?? '—'}</td>
                <td>{r.activeFrom ?? '—'}</td>
                <td>{r.activeTo ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
