// One end of a TCP connection, the Socket applications hold: the transmission control block of RFC 793 §3.2,
// which joins send buffer, retransmission and reassembly and drives the state chart of tcpMachine.ts (tcpChart.ts).
import type { Clock, NetEnvironment, NetTimerTag } from './environment.ts';
import { UNSTAMPED } from './netEvents.ts';
import { Reassembly } from './reassembly.ts';
import { Retransmission, type Unacked } from './retransmission.ts';
import { SendBuffer } from './sendBuffer.ts';
import { seqAdd, seqLe, seqLt } from './sequenceNumbers.ts';
import type { Socket, SocketEvent, SocketListener } from './socket.ts';
import { TcpChart } from './tcpChart.ts';
import type { TcpMachineEvent, TcpOps } from './tcpMachine.ts';
import type { TcpTuning } from './tcpTuning.ts';
import {
  hasFlag,
  segmentLength,
  type ConnId,
  type Endpoint,
  type Segment,
  type SocketError,
  type TcpFlag,
  type TcpState,
} from './types.ts';

/** SegmentCarrier is the network as an endpoint sees it: a way to send a segment, and to leave the table. */
export interface SegmentCarrier {
  transmit(segment: Omit<Segment, 'id'>, retransmission: boolean): void;
  release(endpoint: TcpEndpoint): void;
}

type SegmentFact = Exclude<TcpMachineEvent, { type: `app.${string}` } | { type: 'timer.giveUp' }>;

/** resetFor builds the RST that answers a segment nobody expected (RFC 793 §3.4, "Reset Generation"). */
export function resetFor(segment: Segment): Omit<Segment, 'id'> {
  const base = { conn: segment.conn, src: segment.dst, dst: segment.src, window: 0, payload: '' };
  if (hasFlag(segment, 'ACK')) return { ...base, flags: ['RST'], seqNo: segment.ackNo, ackNo: 0 };
  return {
    ...base,
    flags: ['ACK', 'RST'],
    seqNo: 0,
    ackNo: seqAdd(segment.seqNo, segmentLength(segment)),
  };
}

/**
 * TcpEndpoint is a connection endpoint; create it with `connect` or `accept`, never both, or as one a checkpoint
 * kept in TIME-WAIT (see `timeWait`), which only waits out its timer.
 */
export class TcpEndpoint implements Socket {
  readonly conn: ConnId;
  readonly local: Endpoint;
  readonly remote: Endpoint;
  readonly #env: NetEnvironment;
  readonly #carrier: SegmentCarrier;
  readonly #tuning: TcpTuning;
  readonly #chart: TcpChart;
  readonly #listeners: SocketListener[] = [];
  #state: TcpState = 'CLOSED';
  #finished = false;
  readonly #sendBuffer: SendBuffer;
  readonly #retransmission: Retransmission;
  readonly #reassembly: Reassembly;
  #synchronized = false;
  /** ackPending: something arrived that we have not acknowledged yet; ackNow: and it cannot wait. */
  #ackPending = false;
  #ackNow = false;
  /** fullSegmentsUnacked counts full-sized segments since our last ACK (RFC 1122 §4.2.3.2: ACK every second). */
  #fullSegmentsUnacked = 0;
  #delayedAck: number | null = null;
  /**
   * receiving is set while an arriving segment is handled, application included: what the application writes
   * or closes in answer leaves together when it is done, as one segment that also carries the ACK (and the FIN,
   * when the application closed), the way a real stack answers a request.
   */
  #receiving = false;
  /** endHeld is a peer's FIN the chart has taken, whose `end` waits until the data before it is delivered. */
  #holdEnd = false;
  #endHeld = false;
  #driving = 0;
  #pending: (() => void)[] = [];
  readonly #tag: NetTimerTag;
  /** #restoredTimer is a restored TIME-WAIT's own timer, armed by `armTimeWait` (its chart has none). */
  #restoredTimer: number | null = null;

  /**
   * The constructor makes a new endpoint in CLOSED; with `timeWait`, one in TIME-WAIT as a checkpoint kept it,
   * its chart restored there and nothing drawn from the generator. A TIME-WAIT endpoint has no data to send or
   * take, so it keeps no sequence numbers: a stray segment to it (none is in flight at a checkpoint) would be
   * answered from zero.
   */
  constructor(
    env: NetEnvironment,
    carrier: SegmentCarrier,
    tuning: TcpTuning,
    conn: ConnId,
    local: Endpoint,
    remote: Endpoint,
    timeWait = false,
  ) {
    this.#env = env;
    this.#carrier = carrier;
    this.#tuning = tuning;
    this.conn = conn;
    this.local = local;
    this.remote = remote;
    this.#sendBuffer = new SendBuffer(timeWait ? 0 : env.randomUint32(), tuning.mss);
    this.#retransmission = new Retransmission(env, tuning, () => this.#onRetransmissionTimeout());
    this.#reassembly = new Reassembly(tuning.window);
    const ops: TcpOps = {
      sendSyn: () => this.#sendSyn(['SYN']),
      sendSynAck: () => this.#sendSyn(['SYN', 'ACK']),
      sendAck: () => this.#sendAck(),
      queueFin: () => {
        this.#sendBuffer.queueFin();
        if (!this.#receiving) this.#flush();
      },
      sendRst: () => this.#send(['RST', 'ACK'], this.#sendBuffer.nxt, '', false),
      connected: () => {
        this.#synchronized = true;
        this.#notify({ type: 'connected' });
        if (!this.#receiving) this.#flush();
      },
      peerClosed: () => {
        if (this.#holdEnd) this.#endHeld = true;
        else this.#notify({ type: 'end' });
      },
      failed: (error) => this.#fail(error),
    };
    // The chart's one timer (TIME-WAIT's) is tagged, so a checkpoint can be taken while it waits.
    const tag: NetTimerTag = { kind: 'tcp.timeWait', host: local.host, conn };
    this.#tag = tag;
    const clock: Clock = {
      setTimeout: (fn, timeout) => env.schedule(env.now() + Math.max(0, timeout), () => fn(), 'world', tag),
      clearTimeout: (id) => {
        if (typeof id === 'number') env.cancel(id);
      },
      now: () => env.now(),
    };
    const input = { ops, timeWaitMs: tuning.timeWaitMs };
    // Restored, the chart does not enter TIME-WAIT again, so it neither reports that step nor sets its timer.
    this.#chart = new TcpChart(
      input,
      clock,
      (state) => this.#onState(state),
      timeWait ? 'TIME-WAIT' : undefined,
    );
    if (timeWait) {
      this.#state = 'TIME-WAIT';
      this.#synchronized = true;
    }
  }

  /** armTimeWait sets a restored TIME-WAIT's timer to end at `at`, as its chart's timer would have. */
  armTimeWait(at: number): void {
    if (this.#state !== 'TIME-WAIT' || this.#restoredTimer !== null)
      throw new Error(`TcpEndpoint.armTimeWait: ${this.conn} is not a restored TIME-WAIT`);
    this.#restoredTimer = this.#env.schedule(
      at,
      () => {
        this.#restoredTimer = null;
        this.#inChart(() => this.#chart.timeUp());
      },
      'world',
      this.#tag,
    );
  }

  /** connect starts an active open: the endpoint sends SYN and waits in SYN-SENT. */
  connect(): void {
    this.#drive({ type: 'app.connect' });
  }

  /** accept starts a passive open with the SYN that arrived on a listening port. */
  accept(syn: Segment): void {
    this.#drive({ type: 'app.listen' });
    this.receive(syn);
  }

  state(): TcpState {
    return this.#state;
  }

  write(octets: string): void {
    if (this.#finished || this.#sendBuffer.finQueued) return;
    this.#sendBuffer.write(octets);
    if (!this.#receiving) this.#flush();
  }

  close(): void {
    if (!this.#finished) this.#drive({ type: 'app.close' });
  }

  abort(): void {
    if (!this.#finished) this.#drive({ type: 'app.abort' });
  }

  onEvent(listener: SocketListener): void {
    this.#listeners.push(listener);
  }

  /** crash forgets the connection without a word to the peer, as when its host loses power. */
  crash(error: SocketError = 'host-down'): void {
    if (this.#finished) return;
    this.#env.emit({ kind: 'tcp.error', conn: this.conn, host: this.local.host, error });
    this.#notify({ type: 'error', error }, true);
    this.#finish();
    this.#chart.stop();
  }

  /**
   * receive handles a segment addressed to this endpoint (RFC 793 §3.9, "SEGMENT ARRIVES"). A FIN moves the
   * chart before the application reads the data that came with it, as in a kernel, which takes the FIN at once
   * while the application reads later: a client that answers the server's last reply by closing then closes
   * from CLOSE-WAIT (LAST-ACK), not in a simultaneous close. The application hears `end` after the data.
   */
  receive(segment: Segment): void {
    if (this.#finished) return;
    const outer = this.#receiving;
    this.#receiving = true;
    try {
      const { facts, data } = this.#ingest(segment);
      this.#holdEnd = true;
      try {
        for (const fact of facts) this.#drive(fact);
      } finally {
        this.#holdEnd = false;
      }
      if (data.length > 0 && !this.#finished) this.#notify({ type: 'data', data });
      if (this.#endHeld) {
        this.#endHeld = false;
        this.#notify({ type: 'end' });
      }
    } finally {
      this.#receiving = outer;
    }
    if (this.#finished || outer) return;
    this.#flush();
    this.#settleAck();
  }

  /**
   * settleAck acknowledges what arrived: at once when it cannot wait (a FIN, a segment out of order, the second
   * full-sized segment), otherwise after the delayed-ACK time, unless data of ours carries the ACK before then
   * (RFC 1122 §4.2.3.2, RFC 5681 §4.2).
   */
  #settleAck(): void {
    if (!this.#ackPending) return;
    if (this.#ackNow || this.#tuning.delayedAckMs <= 0) {
      this.#sendAck();
      return;
    }
    if (this.#delayedAck !== null) return;
    this.#delayedAck = this.#env.schedule(this.#env.now() + this.#tuning.delayedAckMs, () => {
      this.#delayedAck = null;
      if (this.#ackPending && !this.#finished) this.#sendAck();
    });
  }

  #ingest(seg: Segment): { facts: SegmentFact[]; data: string } {
    const facts: SegmentFact[] = [];
    const ack = hasFlag(seg, 'ACK');
    const rst = hasFlag(seg, 'RST');
    const syn = hasFlag(seg, 'SYN');
    if (this.#state === 'LISTEN') {
      if (rst) return { facts, data: '' };
      if (ack) return this.#answerWithReset(seg, facts);
      if (syn) {
        this.#learnPeer(seg);
        facts.push({ type: 'segment.syn' });
      }
      return { facts, data: '' };
    }
    if (this.#state === 'SYN-SENT') {
      const out = this.#sendBuffer;
      const ackAcceptable = ack && seqLt(out.iss, seg.ackNo) && seqLe(seg.ackNo, out.nxt);
      if (ack && !ackAcceptable) return rst ? { facts, data: '' } : this.#answerWithReset(seg, facts);
      if (rst) {
        if (ackAcceptable) facts.push({ type: 'segment.rst', error: 'refused' });
        return { facts, data: '' };
      }
      if (syn) {
        this.#learnPeer(seg);
        if (ack) this.#acknowledged(seg.ackNo, seg.window);
        facts.push({ type: seqLt(out.iss, out.una) ? 'segment.synAck' : 'segment.syn' });
      }
      return { facts, data: '' };
    }

    if (!this.#reassembly.acceptable(seg.seqNo, segmentLength(seg))) {
      if (!rst) this.#ackAtOnce();
      return { facts, data: '' };
    }
    if (rst) {
      facts.push({ type: 'segment.rst', error: this.#synchronized ? 'reset' : 'refused' });
      return { facts, data: '' };
    }
    if (syn) {
      // A SYN inside the window is an error in a synchronised state: reset (RFC 793 §3.9).
      this.#send(['RST'], this.#sendBuffer.nxt, '', false);
      facts.push({ type: 'segment.rst', error: 'reset' });
      return { facts, data: '' };
    }
    if (!ack) return { facts, data: '' };
    if (seqLt(this.#sendBuffer.nxt, seg.ackNo)) {
      this.#ackAtOnce();
      return { facts, data: '' };
    }
    if (this.#state === 'SYN-RECEIVED') {
      if (!seqLt(this.#sendBuffer.una, seg.ackNo)) return this.#answerWithReset(seg, facts);
      facts.push({ type: 'segment.ackOfSyn' });
    }
    this.#acknowledged(seg.ackNo, seg.window);
    if (this.#sendBuffer.finAcknowledged()) facts.push({ type: 'segment.finAcked' });
    const takesData = this.#state !== 'CLOSE-WAIT' && this.#state !== 'CLOSING' && this.#state !== 'LAST-ACK';
    if (!takesData || this.#state === 'TIME-WAIT') return { facts, data: '' };
    const fin = hasFlag(seg, 'FIN');
    const inOrder = seg.seqNo === this.#reassembly.rcvNxt;
    const delivery = this.#reassembly.accept(seg.seqNo, seg.payload, fin);
    if (fin || !inOrder) this.#ackAtOnce();
    else if (seg.payload.length > 0) {
      this.#ackPending = true;
      if (seg.payload.length >= this.#tuning.mss) this.#fullSegmentsUnacked += 1;
      if (this.#fullSegmentsUnacked >= 2) this.#ackNow = true;
    }
    if (delivery.fin) facts.push({ type: 'segment.fin' });
    return { facts, data: delivery.data };
  }

  #ackAtOnce(): void {
    this.#ackPending = true;
    this.#ackNow = true;
  }

  #answerWithReset(seg: Segment, facts: SegmentFact[]): { facts: SegmentFact[]; data: string } {
    this.#carrier.transmit(resetFor(seg), false);
    return { facts, data: '' };
  }

  #learnPeer(seg: Segment): void {
    this.#reassembly.synchronize(seg.seqNo);
    this.#sendBuffer.learnPeer(seg.mss, seg.window);
  }

  #acknowledged(ackNo: number, window: number): void {
    if (this.#sendBuffer.acknowledge(ackNo, window)) this.#retransmission.acknowledge(ackNo);
  }

  #flush(): void {
    if (this.#finished) return;
    const out = this.#sendBuffer;
    const canSendData = this.#synchronized && !out.finSent;
    const mayFin = this.#synchronized || this.#state === 'SYN-RECEIVED' || this.#state === 'FIN-WAIT-1';
    while (canSendData) {
      const chunk = out.nextChunk();
      if (chunk === '') break;
      const seq = out.nxt;
      this.#retransmission.track(seq, chunk, null);
      out.advance(chunk.length);
      // The last octets before a FIN carry it, as one segment (FIN, PSH, ACK): the server's last reply and
      // its close arrive together, as in a capture of a server that answers QUIT and closes.
      const withFin = out.finDue() && mayFin;
      if (withFin) {
        out.markFinSent();
        this.#retransmission.track(out.nxt, '', 'FIN');
      }
      this.#send(withFin ? ['ACK', 'PSH', 'FIN'] : ['ACK', 'PSH'], seq, chunk, false);
      if (withFin) out.advance(1);
    }
    if (out.finDue() && mayFin) {
      out.markFinSent();
      this.#retransmission.track(out.nxt, '', 'FIN');
      this.#send(['ACK', 'FIN'], out.nxt, '', false);
      out.advance(1);
    }
  }

  #sendSyn(flags: TcpFlag[]): void {
    const out = this.#sendBuffer;
    // In a simultaneous open our SYN is already waiting for its ACK; it is answered, not sent anew.
    if (!this.#retransmission.hasSyn()) this.#retransmission.track(out.nxt, '', 'SYN');
    this.#send(flags, out.iss, '', false);
    out.synSent();
  }

  #sendAck(): void {
    this.#send(['ACK'], this.#sendBuffer.nxt, '', false);
  }

  #send(flags: TcpFlag[], seqNo: number, payload: string, retransmission: boolean): void {
    const synchronised = this.#state !== 'CLOSED' && this.#state !== 'SYN-SENT' && this.#state !== 'LISTEN';
    const withAck = flags.includes('ACK') || (synchronised && !flags.includes('RST'));
    // The network puts the bits in their order and shares one array for each set (flagSet) as it carries them.
    const finalFlags = withAck && !flags.includes('ACK') ? [...flags, 'ACK' as const] : flags;
    const carriesAck = finalFlags.includes('ACK');
    if (carriesAck) this.#acked();
    const segment = {
      conn: this.conn,
      src: this.local,
      dst: this.remote,
      flags: finalFlags,
      seqNo,
      ackNo: carriesAck ? this.#reassembly.rcvNxt : 0,
      window: this.#tuning.window,
      payload,
    };
    this.#carrier.transmit(
      finalFlags.includes('SYN') ? { ...segment, mss: this.#tuning.mss } : segment,
      retransmission,
    );
  }

  #acked(): void {
    this.#ackPending = false;
    this.#ackNow = false;
    this.#fullSegmentsUnacked = 0;
    if (this.#delayedAck !== null) {
      this.#env.cancel(this.#delayedAck);
      this.#delayedAck = null;
    }
  }

  // RFC 6298 §5: on expiry, send the earliest unacknowledged segment again, or give up after too many tries.
  #onRetransmissionTimeout(): void {
    if (this.#finished) return;
    if (this.#retransmission.exhausted()) {
      this.#drive({ type: 'timer.giveUp' });
      return;
    }
    this.#retransmission.resendHead((head) => this.#send(this.#flagsOf(head), head.seq, head.payload, true));
  }

  #flagsOf(segment: Unacked): TcpFlag[] {
    if (segment.control === 'SYN') return this.#state === 'SYN-SENT' ? ['SYN'] : ['SYN', 'ACK'];
    return segment.control === 'FIN' ? ['ACK', 'FIN'] : ['ACK', 'PSH'];
  }

  #onState(to: TcpState): void {
    if (to === this.#state) return;
    const from = this.#state;
    this.#state = to;
    // The CLOSED → LISTEN step of a passive open is the listening socket's, not this connection's.
    if (!(from === 'CLOSED' && to === 'LISTEN')) {
      this.#env.emit({
        kind: 'tcp.state',
        conn: this.conn,
        host: this.local.host,
        port: this.local.port,
        from,
        to,
        t: 0,
        seq: UNSTAMPED,
      });
    }
    if (to === 'CLOSED' && from !== 'CLOSED') {
      const failedAlready = this.#finished;
      this.#finish();
      if (!failedAlready) this.#notify({ type: 'closed' }, true);
    }
  }

  #fail(error: SocketError): void {
    this.#env.emit({ kind: 'tcp.error', conn: this.conn, host: this.local.host, error });
    this.#notify({ type: 'error', error }, true);
    this.#finish();
  }

  #finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#retransmission.stop();
    if (this.#delayedAck !== null) this.#env.cancel(this.#delayedAck);
    this.#delayedAck = null;
    if (this.#restoredTimer !== null) this.#env.cancel(this.#restoredTimer);
    this.#restoredTimer = null;
    this.#carrier.release(this);
  }

  // Events reach the application only after the chart has finished its step: an application reacting inside
  // one of the chart's actions (starting its own machine, say) would run in the middle of a transition.
  #drive(event: TcpMachineEvent): void {
    this.#inChart(() => this.#chart.send(event));
  }

  #inChart(step: () => void): void {
    this.#driving += 1;
    try {
      step();
    } finally {
      this.#driving -= 1;
    }
    if (this.#driving > 0) return;
    const pending = this.#pending;
    this.#pending = [];
    for (const deliver of pending) deliver();
  }

  #notify(event: SocketEvent, evenWhenFinished = false): void {
    if (this.#driving > 0) {
      this.#pending.push(() => this.#deliver(event, evenWhenFinished));
      return;
    }
    this.#deliver(event, evenWhenFinished);
  }

  #deliver(event: SocketEvent, evenWhenFinished: boolean): void {
    if (this.#finished && !evenWhenFinished) return;
    // A snapshot, so a listener added while an event is dispatched hears only the events after it.
    for (const listener of [...this.#listeners]) listener(event);
  }
}
