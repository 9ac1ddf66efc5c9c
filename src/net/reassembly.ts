// The receiving side of a connection (RFC 793 §3.3, §3.9 "segment text"): RCV.NXT, which segments fall in the
// receive window, and the segments that arrived early, held until the gap before them fills.
import { seqAdd, seqDiff, seqLe, seqLt } from './sequenceNumbers.ts';

/** Delivery is what one arriving segment releases: the octets now in order, and whether the peer's FIN was reached. */
export interface Delivery {
  readonly data: string;
  readonly fin: boolean;
}

interface Piece {
  readonly payload: string;
  readonly fin: boolean;
}

/**
 * Reassembly puts the peer's octets back in order. `synchronize` with the peer's SYN first; then pass each
 * acceptable segment's text to `accept`, which returns only what follows RCV.NXT without a gap.
 */
export class Reassembly {
  readonly #window: number;
  #rcvNxt = 0;
  // Keyed by sequence number and scanned in arrival order, so a duplicate of a piece waiting here is ignored.
  readonly #early = new Map<number, Piece>();

  /** The constructor takes the receive window we advertise, in octets. */
  constructor(window: number) {
    this.#window = window;
  }

  /** rcvNxt is the next sequence number expected from the peer: what our acknowledgements carry. */
  get rcvNxt(): number {
    return this.#rcvNxt;
  }

  /** synchronize sets RCV.NXT just past the peer's SYN, whose sequence number is `irs` (RFC 793 §3.9). */
  synchronize(irs: number): void {
    this.#rcvNxt = seqAdd(irs, 1);
  }

  /** acceptable tells whether some part of a segment falls in the receive window (RFC 793 §3.3, four cases). */
  acceptable(seqNo: number, length: number): boolean {
    const inWindow = (s: number) => seqLe(this.#rcvNxt, s) && seqLt(s, seqAdd(this.#rcvNxt, this.#window));
    if (length === 0) return seqNo === this.#rcvNxt || inWindow(seqNo);
    return inWindow(seqNo) || inWindow(seqAdd(seqNo, length - 1));
  }

  /**
   * accept takes the text (and FIN) of an acceptable segment and delivers what is now in order. Octets already
   * delivered are trimmed, and nothing after the FIN is kept.
   */
  accept(seqNo: number, payload: string, fin: boolean): Delivery {
    if ((payload.length > 0 || fin) && !this.#early.has(seqNo)) this.#early.set(seqNo, { payload, fin });
    let data = '';
    let finReached = false;
    for (let progress = true; progress && !finReached;) {
      progress = false;
      for (const [seq, piece] of this.#early) {
        const end = seqAdd(seq, piece.payload.length);
        if (seqLt(this.#rcvNxt, seq)) continue;
        this.#early.delete(seq);
        if (seqLt(this.#rcvNxt, end)) {
          const fresh = piece.payload.slice(seqDiff(seq, this.#rcvNxt));
          data += fresh;
          this.#rcvNxt = seqAdd(this.#rcvNxt, fresh.length);
        }
        if (piece.fin && this.#rcvNxt === end) {
          this.#rcvNxt = seqAdd(this.#rcvNxt, 1);
          finReached = true;
        }
        progress = true;
        break;
      }
    }
    if (finReached) this.#early.clear();
    return { data, fin: finReached };
  }
}
