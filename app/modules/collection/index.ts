// The public face of the data-requests module (client-safe).
import * as messages from './collection.messages.ts';

export { can } from './collection.policy.ts';
export { nav } from './collection.nav.ts';
export { messages };
