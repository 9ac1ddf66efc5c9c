// The retry schedule counts from each attempt's start, may wait for Postfix's queue scan, and never puts the
// last try off past the give-up time.
import { describe, expect, it } from 'vitest';
import {
  defaultRetryPolicy,
  nextAttemptAt,
  postfixQueueRunDelay,
  postfixRetryPolicy,
} from '../../../../src/sim/mail/retryPolicy.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('the retry schedule', () => {
  it('counts the 30 minutes from the start of an attempt, not from the end of its 31 s connect timeout', () => {
    expect(nextAttemptAt(defaultRetryPolicy, 0, 10 * MIN, 10 * MIN + 31_000)).toBe(40 * MIN);
  });

  it('follows at once an attempt that lasted longer than the interval', () => {
    expect(nextAttemptAt(defaultRetryPolicy, 0, 0, 45 * MIN)).toBe(45 * MIN);
  });

  it('backs off by the age of the message when the attempt started', () => {
    expect(nextAttemptAt(postfixRetryPolicy, 0, 600_000, 631_000)).toBe(1_200_000);
  });

  it('waits for the next scan of the deferred queue when queue_run_delay is set', () => {
    const scanning = { ...postfixRetryPolicy, queueRunDelay: postfixQueueRunDelay };
    // Due at 331 s + 331 s = 662 s; the queue manager scans at 600 s and 900 s.
    expect(nextAttemptAt(scanning, 0, 331_000, 362_000)).toBe(900_000);
    expect(nextAttemptAt(scanning, 0, 300_000, 330_000)).toBe(600_000);
  });

  it('gives a message its last try at the give-up time rather than an interval after it', () => {
    const policy = { kind: 'fixed' as const, interval: 10 * MIN, warnAfter: HOUR, giveUpAfter: 4 * HOUR };
    const start = 4 * HOUR - 5 * MIN;
    expect(nextAttemptAt(policy, 0, start, start + 31_000)).toBe(4 * HOUR);
  });
});
