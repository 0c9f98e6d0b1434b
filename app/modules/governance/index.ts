// The public face of governance (client-safe).
import * as messages from './governance.messages.ts';

export { can } from './governance.policy.ts';
export { nav } from './governance.nav.ts';
export { messages };
