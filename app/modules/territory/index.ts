// The public face of territory (client-safe).
import * as messages from './territory.messages.ts';

export { authorize, can } from './territory.policy.ts';
export { CENSUS_2011_DATE } from './territory.rules.ts';
export { nav } from './territory.nav.ts';
export { messages };
