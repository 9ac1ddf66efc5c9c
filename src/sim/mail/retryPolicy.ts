// When a mail server tries a deferred message again, warns its sender, and gives up (RFC 5321 §4.5.4.1:
// retry at least 30 minutes apart, give up after at least 4–5 days). Pure arithmetic on virtual time.

/**
 * RetryPolicy is a server's queue schedule: a `fixed` interval (the classic teaching figure of 30 minutes) or
 * Postfix-style `backoff`, where the next retry waits as long as the message is old, clamped to [min, max].
 */
export type RetryPolicy =
  | { kind: 'fixed'; interval: number; warnAfter: number; giveUpAfter: number }
  | { kind: 'backoff'; min: number; max: number; warnAfter: number; giveUpAfter: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** defaultRetryPolicy is the textbook's: every 30 minutes, a warning after 4 hours, a bounce after 5 days. */
export const defaultRetryPolicy: RetryPolicy = {
  kind: 'fixed',
  interval: 30 * MINUTE,
  warnAfter: 4 * HOUR,
  giveUpAfter: 5 * DAY,
};

/** postfixRetryPolicy mirrors Postfix's defaults: backoff from 300 s to 4000 s, warn after 4 h, 5 days. */
export const postfixRetryPolicy: RetryPolicy = {
  kind: 'backoff',
  min: 300_000,
  max: 4_000_000,
  warnAfter: 4 * HOUR,
  giveUpAfter: 5 * DAY,
};

/** nextAttemptAt is when to try again after a temporary failure at `now` of a message that arrived at `arrivedAt`. */
export function nextAttemptAt(policy: RetryPolicy, arrivedAt: number, now: number): number {
  if (policy.kind === 'fixed') return now + policy.interval;
  const age = now - arrivedAt;
  return now + Math.min(policy.max, Math.max(policy.min, age));
}

/** hasExpired is true once a message has waited as long as the policy allows; the next failure bounces it. */
export function hasExpired(policy: RetryPolicy, arrivedAt: number, now: number): boolean {
  return now - arrivedAt >= policy.giveUpAfter;
}

/** isDueForWarning is true once a message has been delayed long enough to tell its sender (once). */
export function isDueForWarning(policy: RetryPolicy, arrivedAt: number, now: number): boolean {
  return now - arrivedAt >= policy.warnAfter;
}

/** retrySchedule lists the attempt times of a message that never gets through, up to the bounce. */
export function retrySchedule(policy: RetryPolicy, arrivedAt: number): number[] {
  const times = [arrivedAt];
  for (let now = arrivedAt; !hasExpired(policy, arrivedAt, now);) {
    now = nextAttemptAt(policy, arrivedAt, now);
    times.push(now);
  }
  return times;
}
