// The retransmission queue of RFC 793 §3.7 and the one timer RFC 6298 §5 keeps for it: segments wait here until
// an acknowledgement covers them, and when the timer expires the oldest of them goes out again.
import type { NetEnvironment } from './environment.ts';
import { RtoEstimator } from './rtoEstimator.ts';
import { seqAdd, seqLe } from './sequenceNumbers.ts';
import type { TcpTuning } from './tcpTuning.ts';

/** Unacked is a segment sent and not yet acknowledged: where it starts, its text, and the control bit it holds. */
export interface Unacked {
  readonly seq: number;
  readonly payload: string;
  readonly control: 'SYN' | 'FIN' | null;
  /** sentAt is when it last left, so an acknowledgement can time the round trip. */
  readonly sentAt: number;
  /** retransmitted marks a segment sent more than once, whose round trip is ambiguous (RFC 6298 §3). */
  readonly retransmitted: boolean;
}

type Entry = { -readonly [K in keyof Unacked]: Unacked[K] };

/** RetransmissionTuning is the part of the tuning that sets the timeout and how often to try again. */
export type RetransmissionTuning = Pick<
  TcpTuning,
  'initialRtoMs' | 'minRtoMs' | 'maxRtoMs' | 'synRetries' | 'dataRetries'
>;

/**
 * Retransmission holds the segments in flight and the timer that guards the oldest. `track` each segment as it
 * is sent and `acknowledge` what the peer acknowledges; on expiry it calls `onExpiry`, which answers with
 * `resendHead` or, once `exhausted`, gives the connection up. `stop` it when the connection is over.
 */
export class Retransmission {
  readonly #env: Pick<NetEnvironment, 'now' | 'schedule' | 'cancel'>;
  readonly #tuning: RetransmissionTuning;
  readonly #estimator: RtoEstimator;
  readonly #onExpiry: () => void;
  #queue: Entry[] = [];
  #timer: number | null = null;

  constructor(
    env: Pick<NetEnvironment, 'now' | 'schedule' | 'cancel'>,
    tuning: RetransmissionTuning,
    onExpiry: () => void,
  ) {
    this.#env = env;
    this.#tuning = tuning;
    this.#estimator = new RtoEstimator(tuning);
    this.#onExpiry = onExpiry;
  }

  /** hasSyn tells whether our SYN is still waiting for its acknowledgement. */
  hasSyn(): boolean {
    return this.#queue.some((u) => u.control === 'SYN');
  }

  /**
   * track queues a segment that starts at `seq`; call it just before the segment is transmitted. The timer
   * starts if it is not running already (RFC 6298 §5.1).
   */
  track(seq: number, payload: string, control: Unacked['control']): void {
    this.#queue.push({ seq, payload, control, sentAt: this.#env.now(), retransmitted: false });
    if (this.#timer === null) this.#start();
  }

  /**
   * acknowledge drops every segment that `ackNo` covers whole, timing those sent only once, and restarts the
   * timer for what is left (RFC 6298 §5.3). Call it only for an acknowledgement of new data.
   */
  acknowledge(ackNo: number): void {
    const now = this.#env.now();
    while (this.#queue.length > 0) {
      const head = this.#queue[0] as Entry;
      const end = seqAdd(head.seq, head.payload.length + (head.control ? 1 : 0));
      if (!seqLe(end, ackNo)) break;
      // Karn's algorithm: only segments sent once give a round-trip sample (RFC 6298 §3).
      if (!head.retransmitted) this.#estimator.sample(now - head.sentAt);
      this.#queue.shift();
    }
    this.#estimator.resetBackoff();
    this.stop();
    if (this.#queue.length > 0) this.#start();
  }

  /** exhausted tells whether the oldest segment was sent again as often as the tuning allows for its kind. */
  exhausted(): boolean {
    const head = this.#queue[0];
    const limit = head?.control === 'SYN' ? this.#tuning.synRetries : this.#tuning.dataRetries;
    return this.#estimator.backoffs >= limit;
  }

  /**
   * resendHead hands the oldest segment to `send` again with the timeout doubled, then restarts the timer
   * (RFC 6298 §5.4–5.6). Call it from `onExpiry`, when the queue is not empty.
   */
  resendHead(send: (segment: Unacked) => void): void {
    const head = this.#queue[0];
    if (head === undefined) return;
    this.#estimator.backOff();
    head.retransmitted = true;
    head.sentAt = this.#env.now();
    send(head);
    this.#start();
  }

  /** stop cancels the timer; segments stay queued. */
  stop(): void {
    if (this.#timer !== null) this.#env.cancel(this.#timer);
    this.#timer = null;
  }

  #start(): void {
    const at = this.#env.now() + this.#estimator.timeoutMs();
    this.#timer = this.#env.schedule(at, () => this.#expire());
  }

  #expire(): void {
    this.#timer = null;
    if (this.#queue.length > 0) this.#onExpiry();
  }
}
