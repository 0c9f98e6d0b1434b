// The public face of participation (client-safe).
import * as messages from './participation.messages.ts';

export { can } from './participation.policy.ts';
export { nav } from './participation.nav.ts';
export { messages };
// Part «projects»: the constants of a co-designed project and the pure figures' rules.
export { PROJECT_PROCEDURES, PROJECT_STATUSES, SDG_GOALS, resourceTotals } from './participation.projects.rules.ts';
export { participationFigures, share } from './participation.figures.rules.ts';
