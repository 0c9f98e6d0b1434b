// The public face of participation (client-safe).
import * as messages from './participation.messages.ts';

export { can } from './participation.policy.ts';
export { nav } from './participation.nav.ts';
export { messages };
