import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { importServices, loadNomenclature } from './services.commands.ts';
import { hasNomenclature, hasServices } from './services.queries.ts';

/**
 * The national nomenclature (fixtures/catalogues/nomenclatore-servizi.json), then the services the Gallarate plan
 * 2025-2027 describes (fixtures/demo/gallarate/servizi, see its README), through the catalogue's own importer. They
 * run after finance and leps: the services refer to their funds, areas and LEPS.
 */
export const servicesSteps: DemoStep[] = [
  {
    name: 'nomenclatore nazionale degli interventi e servizi sociali',
    async run({ db, actor, file }) {
      if (await hasNomenclature(db)) return;
      const { fileName, text } = file('catalogues/nomenclatore-servizi.json');
      const summary = await loadNomenclature({ db, actor, fileName, text });
      log.info('demo: nomenclatore dei servizi caricato', { ...summary });
    },
  },
  {
    name: 'catalogo dei servizi dell’Ambito di Gallarate (Piano di Zona 2025-2027)',
    async run({ db, actor, file }) {
      const ambito = await getAmbitoByCode(db, 'gallarate');
      if (!ambito || (await hasServices(db, ambito.id))) return;
      const { fileName, text } = file('demo/gallarate/servizi/servizi-gallarate.csv');
      const summary = await importServices({ db, actor, ambitoId: ambito.id, fileName, text });
      log.info('demo: catalogo dei servizi importato', { ...summary });
    },
  },
];
