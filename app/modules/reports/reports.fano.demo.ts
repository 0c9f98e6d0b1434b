import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { createImpactReport, publishImpactReport, updateImpactReport } from './impact.commands.ts';
import { getImpactReportOfYear } from './impact.queries.ts';
import { IMPACT_SECTIONS } from './impact.rules.ts';

/**
 * The introductions of the Fano report 2022: the words of the ATS's own report (seed 000), quoted, so that the demo
 * adds no claim of its own. The figures under them are computed from the records the other demo steps loaded.
 */
const INTROS: Record<(typeof IMPACT_SECTIONS)[number], string> = {
  plan: '«Il Piano Territoriale Sociale è frutto della condivisione con gli stakeholders della rete del welfare territoriale»: un **cantiere aperto** nella logica della co-programmazione e della co-progettazione.',
  participation:
    '«Un ampio percorso partecipato di co-programmazione con tutti gli stakeholder territoriali per fare emergere i bisogni e stimolare le proposte.»',
  agenda2030:
    '«Sono 17 gli obiettivi da raggiungere entro il 2030, 17 sfide che presentano un chiaro impatto sociale. Ecco quelli che abbiamo attivato nel nostro territorio.»',
  projects: '«Nuovi percorsi di costruzione del sistema di welfare per realizzare progettazioni innovative in un’ottica di sussidiarietà e corresponsabilità.»',
  leps: 'Il potenziamento del servizio sociale professionale nei 9 comuni, con gli uffici di promozione sociale.',
  users: 'I servizi gestiti in forma associata: le persone raggiunte nel 2022.',
  spending: 'I contributi alle famiglie con persone con disabilità e con anziani non autosufficienti, e le risorse delle reti co-progettate.',
};

/** The social-impact report 2022 of the ATS n. 6 Fano: created, written and published through the report's commands. */
export const fanoReportsSteps: DemoStep[] = [
  {
    name: 'bilancio sociale 2022 dell’ATS n. 6 Fano',
    async run({ db, actor }) {
      const ambito = await getAmbitoByCode(db, 'fano');
      if (!ambito || (await getImpactReportOfYear(db, ambito.id, 2022))) return;
      const created = await createImpactReport({
        db,
        actor,
        ambitoId: ambito.id,
        input: { year: '2022', title: 'Il welfare della nostra comunità – Bilancio sociale 2022', seriesFromYear: '2019' },
      });
      const form: Record<string, string> = { version: String(created.version), title: created.title, seriesFromYear: '2019' };
      IMPACT_SECTIONS.forEach((key, i) => {
        form[`include.${key}`] = 'on';
        form[`position.${key}`] = String(i + 1);
        form[`intro.${key}`] = INTROS[key];
      });
      const saved = await updateImpactReport({ db, actor, reportId: created.id, input: form });
      await publishImpactReport({ db, actor, reportId: created.id, input: { version: saved.version } });
      log.info('demo: bilancio sociale 2022 dell’ATS n. 6 Fano pubblicato', { sections: IMPACT_SECTIONS.length });
    },
  },
];
