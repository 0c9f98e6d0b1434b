/**
 * Slowing down repeated failed sign-ins (brute force): within a sliding window, the first failures are free,
 * then each further attempt must wait, doubling up to a cap. Pure: the caller counts failures and passes now.
 */
export const THROTTLE = { windowMinutes: 15, freeFailures: 5, baseDelaySeconds: 30, maxDelaySeconds: 15 * 60 } as const;

export function throttleDecision(
  failureTimes: readonly Date[],
  now: Date,
  rules: typeof THROTTLE = THROTTLE,
): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const windowStart = now.getTime() - rules.windowMinutes * 60_000;
  const recent = failureTimes.filter((t) => t.getTime() > windowStart).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < rules.freeFailures) return { allowed: true };
  const excess = recent.length - rules.freeFailures;
  const delay = Math.min(rules.baseDelaySeconds * 2 ** excess, rules.maxDelaySeconds);
  const last = recent[recent.length - 1]!.getTime();
  const wait = Math.ceil((last + delay * 1000 - now.getTime()) / 1000);
  return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
}

/**
 * Requests anyone may send that make the server write and work (a reset e-mail, the start of an identity provider's
 * sign-in): at most `max` per client address within THROTTLE.windowMinutes. Pure: the caller passes the times of the
 * address's recent requests and now; a refusal says when the oldest of them leaves the window.
 */
export const REQUEST_LIMITS = { reset: 10, oidc: 30 } as const;
export type LimitedRequest = keyof typeof REQUEST_LIMITS;

export function allowanceDecision(
  requestTimes: readonly Date[],
  now: Date,
  max: number,
  windowMinutes: number = THROTTLE.windowMinutes,
): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const windowMs = windowMinutes * 60_000;
  const recent = requestTimes.map((t) => t.getTime()).filter((t) => t > now.getTime() - windowMs);
  if (recent.length < max) return { allowed: true };
  // The (length - max + 1)-th oldest must leave the window for one more request to fit.
  const sorted = recent.sort((a, b) => a - b);
  const frees = sorted[recent.length - max]!;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((frees + windowMs - now.getTime()) / 1000)) };
}

/** Italian text for a wait, e.g. "2 minuti e 5 secondi". */
export function formatWait(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const parts = [];
  if (m) parts.push(`${m} ${m === 1 ? 'minuto' : 'minuti'}`);
  if (s || !m) parts.push(`${s} ${s === 1 ? 'secondo' : 'secondi'}`);
  return parts.join(' e ');
}
