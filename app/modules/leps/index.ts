// The public face of LEPS (client-safe).
import * as messages from './leps.messages.ts';

export { can } from './leps.policy.ts';
export { nav } from './leps.nav.ts';
export { messages };
