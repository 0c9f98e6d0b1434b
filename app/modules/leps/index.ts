// The public face of LEPS (client-safe).
import * as messages from './leps.messages.ts';

export { can } from './leps.policy.ts';
export { nav } from './leps.nav.ts';
export { messages };
// The staffing rules the national returns (reports module) compute the L. 178/2020 return with (pure, client-safe).
export {
  AMBITO_EMPLOYER_KINDS,
  EMPLOYER_KINDS,
  countsFor,
  socialWorkerContribution,
  staffFteOn,
  SOCIAL_WORKER_RULES,
  type ContributionBand,
  type EmployerKind,
  type SocialWorkerContribution,
  type SocialWorkerPost,
} from './leps.rules.ts';
