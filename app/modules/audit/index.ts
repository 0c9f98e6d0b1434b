// The public face of audit (client-safe).
import * as messages from './audit.messages.ts';

export { can } from './audit.policy.ts';
export { nav } from './audit.nav.ts';
export { messages };
