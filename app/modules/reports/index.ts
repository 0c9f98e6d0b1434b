// The public face of the reports module (client-safe): the plan document, the glossary, the social-impact report.
import * as messages from './reports.messages.ts';

export { can } from './reports.policy.ts';
export { messages };
export { nav } from './reports.nav.ts';
