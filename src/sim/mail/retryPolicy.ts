// When a mail server tries a deferred message again, warns its sender, and gives up (RFC 5321 §4.5.4.1:
// retry at least 30 minutes apart, give up after at least 4–5 days). Pure arithmetic on virtual time.

/**
 * RetryPolicy is a server's queue schedule: a `fixed` interval (the classic teaching figure of 30 minutes) or
 * Postfix-style `backoff`, where the next retry waits as long as the message is old, clamped to [min, max].
 * A backoff may add Postfix's queue scan: a deferred message whose time has come waits for the queue manager's
 * next scan of the deferred queue, every `queueRunDelay` ms from the start (Postfix's queue_run_delay, 300 s).
 */
export type RetryPolicy =
  | { kind: 'fixed'; interval: number; warnAfter: number; giveUpAfter: number }
  | {
      kind: 'backoff';
      min: number;
      max: number;
      warnAfter: number;
      giveUpAfter: number;
      queueRunDelay?: number;
    };

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

/** postfixQueueRunDelay is Postfix's queue_run_delay: the deferred queue is scanned every 300 s. */
export const postfixQueueRunDelay = 300_000;

/**
 * nextAttemptAt is when to try again a message that arrived at `arrivedAt` after an attempt that started at
 * `startedAt` failed temporarily at `endedAt` (the same instant when left out). The wait counts from the
 * attempt's start, as a real queue schedules it, so a 31 s connect timeout does not push every later attempt
 * back by 31 s; an attempt that outlasted the wait is followed at once, never earlier than its end. No attempt is
 * put off past the give-up time: a message still deferred then gets its last try at that time and bounces if it
 * fails, so its fate is known at most one attempt's length after giveUpAfter.
 */
export function nextAttemptAt(
  policy: RetryPolicy,
  arrivedAt: number,
  startedAt: number,
  endedAt: number = startedAt,
): number {
  const wait =
    policy.kind === 'fixed'
      ? policy.interval
      : Math.min(policy.max, Math.max(policy.min, startedAt - arrivedAt));
  const due = Math.max(endedAt, startedAt + wait);
  // The queue manager only picks the message up on its next scan at or after the moment it is due.
  const scanned =
    policy.kind === 'backoff' && policy.queueRunDelay !== undefined
      ? Math.ceil(due / policy.queueRunDelay) * policy.queueRunDelay
      : due;
  return Math.min(scanned, Math.max(endedAt, arrivedAt + policy.giveUpAfter));
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
