import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importProjects } from './participation.projects.commands.ts';
import { listProjects } from './participation.projects.queries.ts';
import { importPublishedFigures } from './participation.published.commands.ts';
import { importTables } from './participation.tables.commands.ts';
import { listTables } from './participation.tables.queries.ts';

/**
 * Participation of the ATS n. 6 Fano (fixtures/demo/fano, seed 000): the seven thematic tables (no meetings, no
 * members: the report gives neither dates nor names), the figures the report publishes (25 meetings, 2 tables with
 * the unions, 7 thematic tables, more than 60 bodies) beside them, and the six co-designed networks.
 */
export const fanoParticipationSteps: DemoStep[] = [
  {
    name: 'tavoli tematici dell’ATS n. 6 Fano',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'fano');
      if (!ambito || (await listTables(db, ambito.id)).length > 0) return;
      const r = await importTables({ db, actor, ambitoId: ambito.id, file: file('demo/fano/tavoli.json') });
      log.info('demo: tavoli dell’ATS n. 6 Fano importati', { ...r });
    },
  },
  {
    // Idempotent by itself: a second run finds the same figures and writes nothing.
    name: 'cifre della partecipazione pubblicate dall’ATS n. 6 Fano',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'fano');
      if (!ambito) return;
      const r = await importPublishedFigures({ db, actor, ambitoId: ambito.id, file: file('demo/fano/partecipazione-cifre-pubblicate.json') });
      if (r.created + r.updated > 0) log.info('demo: cifre pubblicate dell’ATS n. 6 Fano', { ...r });
    },
  },
  {
    name: 'reti co-progettate dell’ATS n. 6 Fano',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'fano');
      if (!ambito || (await listProjects(db, ambito.id)).projects.length > 0) return;
      const r = await importProjects({ db, actor, ambitoId: ambito.id, ...file('demo/fano/progetti-coprogettati.json') });
      log.info('demo: reti dell’ATS n. 6 Fano importate', { ...r });
    },
  },
];
