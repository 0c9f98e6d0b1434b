// The public face of LEPS (client-safe).
export { can } from './leps.policy.ts';
export { nav } from './leps.nav.ts';
