// The public face of accounts (client-safe): other modules, shared code and the app import only this or index.server.ts.
import * as base from './accounts.messages.ts';
import * as recovery from './accounts.recovery.messages.ts';

const messages = { it: { ...base.it, ...recovery.it }, en: { ...base.en, ...recovery.en } };

export { can } from './accounts.policy.ts';
export { nav } from './accounts.nav.ts';
export { messages };
