// The public face of the open data module (client-safe): public datasets and their DCAT-AP_IT catalogue.
import * as messages from './opendata.messages.ts';

export { can } from './opendata.policy.ts';
export { messages };
