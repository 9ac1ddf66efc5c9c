import { describe, expect, it } from 'vitest';
import { RtoEstimator } from '../../../src/net/rtoEstimator.ts';

const tuning = { initialRtoMs: 1000, minRtoMs: 200, maxRtoMs: 60_000 };

describe('the RTO estimator (RFC 6298)', () => {
  it('uses the initial timeout until a round trip has been measured', () => {
    expect(new RtoEstimator(tuning).timeoutMs()).toBe(1000);
  });

  it('sets the timeout from the first sample to SRTT + 4 × RTTVAR, with RTTVAR half the sample', () => {
    const rto = new RtoEstimator(tuning);
    rto.sample(100);
    expect(rto.timeoutMs()).toBe(100 + 4 * 50);
  });

  it('smooths later samples with alpha = 1/8 and beta = 1/4', () => {
    const rto = new RtoEstimator(tuning);
    rto.sample(100);
    rto.sample(200);
    // RTTVAR = 3/4 × 50 + 1/4 × |100 − 200| = 62.5; SRTT = 7/8 × 100 + 1/8 × 200 = 112.5.
    expect(rto.timeoutMs()).toBe(Math.ceil(112.5 + 4 * 62.5));
  });

  it('keeps the timeout at or above the floor', () => {
    const rto = new RtoEstimator(tuning);
    rto.sample(1);
    expect(rto.timeoutMs()).toBe(200);
  });

  it('keeps the timeout at or below the cap', () => {
    const rto = new RtoEstimator(tuning);
    rto.sample(100_000);
    expect(rto.timeoutMs()).toBe(60_000);
  });

  it('adds at least the clock granularity when round trips never vary', () => {
    const rto = new RtoEstimator({ ...tuning, minRtoMs: 0 });
    for (let i = 0; i < 100; i += 1) rto.sample(100.5);
    expect(rto.timeoutMs()).toBe(Math.ceil(100.5 + 1));
  });

  it('doubles the timeout with each backoff, up to the cap', () => {
    const rto = new RtoEstimator(tuning);
    rto.backOff();
    rto.backOff();
    rto.backOff();
    expect(rto.backoffs).toBe(3);
    expect(rto.timeoutMs()).toBe(8000);
    for (let i = 0; i < 10; i += 1) rto.backOff();
    expect(rto.timeoutMs()).toBe(60_000);
  });

  it('returns to the measured timeout when the backoff is reset', () => {
    const rto = new RtoEstimator(tuning);
    rto.sample(100);
    rto.backOff();
    rto.resetBackoff();
    expect(rto.backoffs).toBe(0);
    expect(rto.timeoutMs()).toBe(300);
  });
});
