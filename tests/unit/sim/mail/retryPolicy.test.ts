import { describe, expect, it } from 'vitest';
import {
  defaultRetryPolicy,
  hasExpired,
  isDueForWarning,
  nextAttemptAt,
  postfixRetryPolicy,
  retrySchedule,
} from '../../../../src/sim/mail/retryPolicy.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('the fixed retry policy', () => {
  it('tries again every 30 minutes, the classic teaching figure', () => {
    expect(retrySchedule(defaultRetryPolicy, 0).slice(0, 4)).toEqual([0, 30 * MIN, 60 * MIN, 90 * MIN]);
  });

  it('keeps trying for five days, as RFC 5321 §4.5.4.1 asks, and not a try longer', () => {
    const schedule = retrySchedule(defaultRetryPolicy, 0);
    expect(schedule).toHaveLength(5 * 48 + 1);
    expect(schedule.at(-1)).toBe(5 * DAY);
  });
});

describe('the Postfix-like backoff policy', () => {
  it('waits as long as the message is old, but never less than 300 s', () => {
    expect(nextAttemptAt(postfixRetryPolicy, 0, 0)).toBe(300_000);
    expect(nextAttemptAt(postfixRetryPolicy, 0, 300_000)).toBe(600_000);
    expect(nextAttemptAt(postfixRetryPolicy, 0, 600_000)).toBe(1_200_000);
  });

  it('never waits more than 4000 s', () => {
    expect(nextAttemptAt(postfixRetryPolicy, 0, 3 * HOUR)).toBe(3 * HOUR + 4_000_000);
  });

  it('doubles its gaps until they reach the cap', () => {
    const gaps = retrySchedule(postfixRetryPolicy, 0)
      .slice(0, 7)
      .map((t, i, all) => (i === 0 ? 0 : t - (all[i - 1] as number)))
      .slice(1);
    expect(gaps).toEqual([300_000, 300_000, 600_000, 1_200_000, 2_400_000, 4_000_000]);
  });
});

describe('warnings and giving up', () => {
  it('is due for a delay warning after four hours', () => {
    expect(isDueForWarning(defaultRetryPolicy, 0, 4 * HOUR - 1)).toBe(false);
    expect(isDueForWarning(defaultRetryPolicy, 0, 4 * HOUR)).toBe(true);
  });

  it('expires after five days', () => {
    expect(hasExpired(defaultRetryPolicy, 1000, 1000 + 5 * DAY - 1)).toBe(false);
    expect(hasExpired(defaultRetryPolicy, 1000, 1000 + 5 * DAY)).toBe(true);
  });
});
