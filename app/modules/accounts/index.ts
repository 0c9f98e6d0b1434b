// The public face of accounts (client-safe): other modules, shared code and the app import only this or index.server.ts.
import * as messages from './accounts.messages.ts';

export { can } from './accounts.policy.ts';
export { messages };
