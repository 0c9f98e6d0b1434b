import type { DemoStep } from '../../shared/demo/load-demo.ts';
import { log } from '../../shared/log.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { savePublisher } from './opendata.commands.ts';
import { getPublisher } from './opendata.queries.ts';

/** The open data of the demo Ambito di Gallarate: who publishes them (fixtures/demo/gallarate/opendata.json). */
export const opendataSteps: DemoStep[] = [
  {
    name: 'chi pubblica i dati aperti dell’Ambito di Gallarate',
    async run({ db, actor, read }) {
      const { ambito: code, $comment: _comment, ...input } = JSON.parse(read('demo/gallarate/opendata.json')) as Record<string, string>;
      const ambito = await getAmbitoByCode(db, code!);
      if (!ambito || (await getPublisher(db, ambito.id))) return;
      const row = await savePublisher({ db, actor, ambitoId: ambito.id, input: { ...input, version: 0 } });
      log.info('demo: impostazioni dei dati aperti salvate', { ambito: code, editore: row.publisherName, ipa: row.publisherIpaCode });
    },
  },
];
