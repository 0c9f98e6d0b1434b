import { data, type LoaderFunctionArgs } from 'react-router';
import { getActor, getServices, guard, siteBase } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { buildDatasets } from '../opendata.build.server.ts';
import { datasetDef } from '../opendata.datasets.ts';
import { authorize } from '../opendata.policy.ts';
import { parseDatasetFile, romeDay } from '../opendata.rules.ts';
import { CONTENT_TYPES, datasetCsv, datasetJson, fileResponse, modifiedOf, publishingAmbito } from '../opendata.server.ts';

/**
 * A dataset of an Ambito as a file: `/dati/<codice>/<dataset>.csv` or `.json` (public, CORS open, ETag and
 * Last-Modified with 304). 404 for an unknown dataset or extension, and while the Ambito does not publish.
 */
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const file = parseDatasetFile(params.file ?? '');
  if (!file) throw data(tr('od.notFound.file'), { status: 404 });
  const { db } = getServices(context);
  const { ambito, publisher } = await publishingAmbito(db, params.code ?? '');
  await guard(request, async () => authorize(getActor(context), 'opendata.read', ambito));
  const base = siteBase(context, request);
  const built = (await buildDatasets({ db, ambito, publisher, base, now: new Date() }, [file.id])).get(file.id)!;
  const def = datasetDef(file.id)!;
  const lastModified = modifiedOf(built, publisher);
  const body =
    file.format === 'csv'
      ? datasetCsv(def, built.rows)
      : `${JSON.stringify(datasetJson(def, built.rows, { ambito, publisher, modified: romeDay(lastModified), base }), null, 2)}\n`;
  return fileResponse(request, body, { contentType: CONTENT_TYPES[file.format], lastModified, fileName: `${ambito.code}-${file.id}.${file.format}` });
}
