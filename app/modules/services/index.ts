// The public face of the services-catalogue module (client-safe).
import * as messages from './services.messages.ts';

export { can } from './services.policy.ts';
export { nav } from './services.nav.ts';
export { messages };
