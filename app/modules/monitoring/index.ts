// The public face of monitoring (client-safe).
import * as messages from './monitoring.messages.ts';

export { can } from './monitoring.policy.ts';
export { nav } from './monitoring.nav.ts';
export { describeTarget, type TargetRule } from './targets.rules.ts';
export { messages };
export { TARGET_STATUSES, type TargetStatus } from './targets.rules.ts';
export { ACHIEVEMENT_BAND_LABELS, type AchievementBand } from './evaluation.rules.ts';
