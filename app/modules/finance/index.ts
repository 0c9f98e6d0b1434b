// The public face of finance (client-safe).
import * as messages from './finance.messages.ts';

export { can } from './finance.policy.ts';
export { nav } from './finance.nav.ts';
export { messages };
