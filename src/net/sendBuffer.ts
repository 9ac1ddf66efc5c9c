// The sending side of a connection (RFC 793 §3.2, §3.7): the octets the application wrote, cut into segments the
// MSS and the peer's window allow, and the send sequence variables ISS, SND.UNA, SND.NXT and SND.WND.
import { seqAdd, seqDiff, seqLt } from './sequenceNumbers.ts';

/** DEFAULT_MSS is the segment size to assume when the peer announces none (RFC 879, RFC 1122 §4.2.2.6). */
export const DEFAULT_MSS = 536;

/**
 * SendBuffer is the stream we send, from ISS to the FIN. The application's octets queue with `write`; each
 * `nextChunk` taken must then be sent at `nxt` and recorded with `advance`, and `acknowledge` moves SND.UNA.
 */
export class SendBuffer {
  /** iss is our initial sequence number, the sequence number of our SYN. */
  readonly iss: number;
  readonly #mss: number;
  #una: number;
  #nxt: number;
  #wnd = 0;
  #peerMss = DEFAULT_MSS;
  #queued = '';
  #finQueued = false;
  #finSeq: number | null = null;
  #finAcked = false;

  /** The constructor takes the ISS and the largest segment we are willing to receive (our MSS). */
  constructor(iss: number, mss: number) {
    this.iss = iss;
    this.#mss = mss;
    this.#una = iss;
    this.#nxt = iss;
  }

  /** una is SND.UNA, the oldest sequence number not yet acknowledged. */
  get una(): number {
    return this.#una;
  }

  /** nxt is SND.NXT, where the next new segment starts. */
  get nxt(): number {
    return this.#nxt;
  }

  /** finQueued tells whether the application has closed its side, so nothing more may be written. */
  get finQueued(): boolean {
    return this.#finQueued;
  }

  /** finSent tells whether our FIN has taken its place in the sequence space; no data may follow it. */
  get finSent(): boolean {
    return this.#finSeq !== null;
  }

  /** learnPeer records what the peer's SYN announced: its MSS option and its window. */
  learnPeer(mss: number | undefined, window: number): void {
    this.#peerMss = mss ?? DEFAULT_MSS;
    this.#wnd = window;
  }

  /** synSent puts SND.NXT just past our SYN, which is sent (or sent again) at the ISS. */
  synSent(): void {
    this.#nxt = seqAdd(this.iss, 1);
  }

  /** write queues octets behind those already written. */
  write(octets: string): void {
    this.#queued += octets;
  }

  /** queueFin asks for a FIN once every queued octet has been sent. */
  queueFin(): void {
    this.#finQueued = true;
  }

  /** finDue tells whether the FIN is asked for, not yet sent, and no written octet is left to go before it. */
  finDue(): boolean {
    return this.#finQueued && this.#finSeq === null && this.#queued.length === 0;
  }

  /** markFinSent places our FIN at SND.NXT; `advance(1)` once it is sent. */
  markFinSent(): void {
    this.#finSeq = this.#nxt;
  }

  /**
   * nextChunk takes the next segment's text off the queue: at most one MSS (the smaller of ours and the peer's)
   * and no more than the peer's window leaves room for beside what is in flight. It is '' when nothing may go.
   */
  nextChunk(): string {
    if (this.#queued.length === 0) return '';
    const inFlight = seqDiff(this.#una, this.#nxt);
    const room = Math.min(Math.min(this.#mss, this.#peerMss), this.#wnd - inFlight);
    if (room <= 0) return '';
    const chunk = this.#queued.slice(0, room);
    this.#queued = this.#queued.slice(chunk.length);
    return chunk;
  }

  /** advance moves SND.NXT past `length` octets of sequence space just sent. */
  advance(length: number): void {
    this.#nxt = seqAdd(this.#nxt, length);
  }

  /**
   * acknowledge takes the peer's acknowledgement number and window. It returns true when SND.UNA moved, that is
   * when the acknowledgement covers something new.
   */
  acknowledge(ackNo: number, window: number): boolean {
    this.#wnd = window;
    if (!seqLt(this.#una, ackNo)) return false;
    this.#una = ackNo;
    return true;
  }

  /** finAcknowledged is true once, for the first acknowledgement that covers our FIN. */
  finAcknowledged(): boolean {
    if (this.#finSeq === null || this.#finAcked || !seqLt(this.#finSeq, this.#una)) return false;
    this.#finAcked = true;
    return true;
  }
}
