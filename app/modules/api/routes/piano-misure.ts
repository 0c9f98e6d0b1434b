import type { Route } from './+types/piano-misure';
import { z } from 'zod';
import { monitoringApi } from '../../monitoring/index.server.ts';
import { intKey, pageOf, readPage, textKey, uuidKey } from '../api.paging.ts';
import { readablePlan } from '../api.plans.server.ts';
import { measurementValue } from '../api.privacy.ts';
import { Measurement } from '../api.schemas.ts';
import { apiRead } from '../api.server.ts';

const KEY = z.tuple([intKey, textKey, intKey, textKey, textKey, uuidKey]);

/**
 * The measurements of a plan the caller reads. Who reads the Ambito's monitoring (monitoring policy) gets the exact
 * values and the notes; everyone else the values through the privacy rule (api.privacy.ts), without notes.
 */
export function loader({ context, params, request }: Route.LoaderArgs) {
  return apiRead({ context, request }, async (read) => {
    const page = readPage(read.url, 'misure', KEY);
    const { plan, scope } = await readablePlan(read, params.plan);
    const inside = monitoringApi.readsMonitoringInside(read.actor, scope);
    const rows = await monitoringApi.listMeasurementsForApi(read.db, plan.id, page);
    return pageOf(
      read.url,
      'misure',
      page.limit,
      rows,
      (m) => m.key,
      (m) =>
        Measurement.parse({
          id: m.id,
          objectiveCode: m.objectiveCode,
          indicatorCode: m.indicatorCode,
          indicatorKind: m.indicatorKind,
          period: m.period,
          comune: m.comune,
          ...measurementValue(m.indicatorKind, m.value, !inside),
          status: m.status,
          ...(inside ? { note: m.note } : {}),
          version: m.version,
          updatedAt: m.updatedAt.toISOString(),
        }),
    );
  });
}
