// The public face of the regional workspace (client-safe): its words, its menu entry, its policy.
import * as messages from './region.messages.ts';

export { can } from './region.policy.ts';
export { messages };
export { nav } from './region.nav.ts';
