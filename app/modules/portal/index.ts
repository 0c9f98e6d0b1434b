// The public face of the portal module (client-safe): the public pages of an Ambito, no sign-in needed.
import * as messages from './portal.messages.ts';

export { nav } from './portal.nav.ts';
export { messages };
