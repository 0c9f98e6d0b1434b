// The needs step of participation's demo: the register of §4.2.3 (and the 8 dimensions of §4.2.2) of the Gallarate plan
// 2025-2027, through the module's own CSV importer (fixtures/demo/gallarate/partecipazione/README.md gives the sources).
import { count, eq } from 'drizzle-orm';
import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { ValidationError } from '../../shared/errors.ts';
import { log } from '../../shared/log.ts';
import { listPlans } from '../planning/index.server.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importNeeds } from './participation.needs.import.ts';
import { needs, thematicTables } from './participation.schema.ts';

export const NEEDS_FIXTURE = 'demo/gallarate/partecipazione/bisogni-2025-2027.csv';

export const needsStep: DemoStep = {
  name: 'registro dei bisogni 2025-2027 dell’Ambito di Gallarate',
  async run({ db, actor, file }) {
    const ambito = await getAmbitoByCode(db, 'gallarate');
    if (!ambito) return;
    const [present] = await db.select({ n: count() }).from(needs).where(eq(needs.ambitoId, ambito.id));
    if (present!.n > 0) return;
    // The needs name their tables: the tables step (before this one) creates them.
    const [tables] = await db.select({ n: count() }).from(thematicTables).where(eq(thematicTables.ambitoId, ambito.id));
    if (tables!.n === 0) {
      log.warn('demo: bisogni non caricati, mancano i tavoli tematici');
      return;
    }
    const plan = (await listPlans(db, ambito.id)).find((p) => p.periodStartYear === 2025 && p.periodEndYear === 2027);
    try {
      const summary = await importNeeds({ db, actor, ambitoId: ambito.id }, { ...file(NEEDS_FIXTURE), planId: plan?.id ?? null });
      log.info('demo: bisogni importati', summary);
    } catch (error) {
      // The file is refused whole (e.g. a table of the fixture the tables step did not create): the rest of the demo
      // goes on, and the log says which rows and columns.
      if (!(error instanceof ValidationError)) throw error;
      log.warn('demo: bisogni non importati', { issues: error.issues.slice(0, 10) });
    }
  },
};
