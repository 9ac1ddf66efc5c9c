// The retransmission timeout of RFC 6298: a smoothed round-trip time and its variation, measured from
// acknowledgements, and the exponential backoff that stretches the timeout while segments keep getting lost.
import type { TcpTuning } from './tcpTuning.ts';

/** RtoTuning is the part of the tuning that bounds the timeout. */
export type RtoTuning = Pick<TcpTuning, 'initialRtoMs' | 'minRtoMs' | 'maxRtoMs'>;

/**
 * RtoEstimator turns round-trip samples into a retransmission timeout. Feed it only samples from segments
 * sent once (Karn's rule, RFC 6298 §3); the caller keeps that rule, since only it knows what was resent.
 */
export class RtoEstimator {
  readonly #tuning: RtoTuning;
  #srtt: number | null = null;
  #rttvar = 0;
  #rto: number;
  #backoffs = 0;

  constructor(tuning: RtoTuning) {
    this.#tuning = tuning;
    this.#rto = tuning.initialRtoMs;
  }

  /** backoffs counts the expiries since the last new acknowledgement; it is also the retry count. */
  get backoffs(): number {
    return this.#backoffs;
  }

  /** timeoutMs is how long the timer runs: the RTO doubled once per backoff, never past the cap (RFC 6298 §5.5). */
  timeoutMs(): number {
    return Math.min(this.#tuning.maxRtoMs, this.#rto * 2 ** this.#backoffs);
  }

  /** sample updates SRTT, RTTVAR and the RTO with one round-trip measurement r, in milliseconds. */
  sample(r: number): void {
    // RFC 6298 §2.2 for the first measurement, §2.3 (alpha = 1/8, beta = 1/4) for the rest.
    if (this.#srtt === null) {
      this.#srtt = r;
      this.#rttvar = r / 2;
    } else {
      this.#rttvar = 0.75 * this.#rttvar + 0.25 * Math.abs(this.#srtt - r);
      this.#srtt = 0.875 * this.#srtt + 0.125 * r;
    }
    // RFC 6298 §2.4 and §2.5: K = 4, a clock granularity of 1 ms, then the floor and the cap.
    const t = this.#tuning;
    this.#rto = Math.min(
      t.maxRtoMs,
      Math.max(t.minRtoMs, Math.ceil(this.#srtt + Math.max(1, 4 * this.#rttvar))),
    );
  }

  /** backOff doubles the timeout after an expiry (RFC 6298 §5.5); `resetBackoff` undoes it. */
  backOff(): void {
    this.#backoffs += 1;
  }

  /** resetBackoff returns to the measured RTO once new data is acknowledged. */
  resetBackoff(): void {
    this.#backoffs = 0;
  }
}
