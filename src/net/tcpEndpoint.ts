// One end of a TCP connection: the transmission control block of RFC 793 §3.2 (sequence variables, send and
// receive buffers, retransmission) driving the state chart in tcpMachine.ts. It is the Socket applications hold.
import { createActor, type Actor } from 'xstate';
import type { NetEnvironment } from './environment.ts';
import { seqAdd, seqDiff, seqLe, seqLt } from './sequenceNumbers.ts';
import type { Socket, SocketEvent, SocketListener } from './socket.ts';
import { tcpMachine, type TcpMachineEvent, type TcpOps } from './tcpMachine.ts';
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

interface Unacked {
  readonly seq: number;
  readonly payload: string;
  readonly control: 'SYN' | 'FIN' | null;
  sentAt: number;
  retransmitted: boolean;
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

/** TcpEndpoint is a connection endpoint; create it with `connect` or `accept`, never both. */
export class TcpEndpoint implements Socket {
  readonly conn: ConnId;
  readonly local: Endpoint;
  readonly remote: Endpoint;
  readonly #env: NetEnvironment;
  readonly #carrier: SegmentCarrier;
  readonly #tuning: TcpTuning;
  readonly #actor: Actor<typeof tcpMachine>;
  readonly #listeners: SocketListener[] = [];
  #state: TcpState = 'CLOSED';
  #finished = false;

  // Send sequence variables (RFC 793 §3.2).
  readonly #iss: number;
  #sndUna: number;
  #sndNxt: number;
  #sndWnd = 0;
  #peerMss: number;
  // Receive sequence variables.
  #rcvNxt = 0;
  #outOfOrder = new Map<number, { payload: string; fin: boolean }>();

  #sendBuffer = '';
  #finQueued = false;
  #finSeq: number | null = null;
  #finAcked = false;
  #synchronized = false;
  #ackPending = false;
  #unacked: Unacked[] = [];
  #rtoTimer: number | null = null;
  #rto: number;
  #backoff = 0;
  #srtt: number | null = null;
  #rttvar = 0;
  #driving = 0;
  #pending: (() => void)[] = [];

  constructor(
    env: NetEnvironment,
    carrier: SegmentCarrier,
    tuning: TcpTuning,
    conn: ConnId,
    local: Endpoint,
    remote: Endpoint,
  ) {
    this.#env = env;
    this.#carrier = carrier;
    this.#tuning = tuning;
    this.conn = conn;
    this.local = local;
    this.remote = remote;
    this.#iss = env.randomUint32();
    this.#sndUna = this.#iss;
    this.#sndNxt = this.#iss;
    this.#peerMss = 536;
    this.#rto = tuning.initialRtoMs;
    const ops: TcpOps = {
      sendSyn: () => this.#sendSyn(['SYN']),
      sendSynAck: () => this.#sendSyn(['SYN', 'ACK']),
      sendAck: () => this.#sendAck(),
      queueFin: () => {
        this.#finQueued = true;
        this.#flush();
      },
      sendRst: () => this.#send(['RST', 'ACK'], this.#sndNxt, '', false),
      connected: () => {
        this.#synchronized = true;
        this.#notify({ type: 'connected' });
        this.#flush();
      },
      peerClosed: () => this.#notify({ type: 'end' }),
      failed: (error) => this.#fail(error),
    };
    this.#actor = createActor(tcpMachine, {
      input: { ops, timeWaitMs: tuning.timeWaitMs },
      clock: env.clock,
    });
    this.#actor.subscribe((snapshot) => this.#onState(snapshot.value));
  }

  /** connect starts an active open: the endpoint sends SYN and waits in SYN-SENT. */
  connect(): void {
    this.#actor.start();
    this.#drive({ type: 'app.connect' });
  }

  /** accept starts a passive open with the SYN that arrived on a listening port. */
  accept(syn: Segment): void {
    this.#actor.start();
    this.#drive({ type: 'app.listen' });
    this.receive(syn);
  }

  state(): TcpState {
    return this.#state;
  }

  write(octets: string): void {
    if (this.#finished || this.#finQueued) return;
    this.#sendBuffer += octets;
    this.#flush();
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
    this.#actor.stop();
  }

  /** receive handles a segment addressed to this endpoint (RFC 793 §3.9, "SEGMENT ARRIVES"). */
  receive(segment: Segment): void {
    if (this.#finished) return;
    const { facts, data } = this.#ingest(segment);
    for (const fact of facts) if (fact.type !== 'segment.fin') this.#drive(fact);
    if (data.length > 0 && !this.#finished) this.#notify({ type: 'data', data });
    for (const fact of facts) if (fact.type === 'segment.fin') this.#drive(fact);
    if (this.#finished) return;
    this.#flush();
    if (this.#ackPending) this.#sendAck();
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
      const ackAcceptable = ack && seqLt(this.#iss, seg.ackNo) && seqLe(seg.ackNo, this.#sndNxt);
      if (ack && !ackAcceptable) return rst ? { facts, data: '' } : this.#answerWithReset(seg, facts);
      if (rst) {
        if (ackAcceptable) facts.push({ type: 'segment.rst', error: 'refused' });
        return { facts, data: '' };
      }
      if (syn) {
        this.#learnPeer(seg);
        if (ack) this.#acknowledged(seg.ackNo, seg.window);
        facts.push({ type: seqLt(this.#iss, this.#sndUna) ? 'segment.synAck' : 'segment.syn' });
      }
      return { facts, data: '' };
    }

    if (!this.#acceptable(seg)) {
      if (!rst) this.#ackPending = true;
      return { facts, data: '' };
    }
    if (rst) {
      facts.push({ type: 'segment.rst', error: this.#synchronized ? 'reset' : 'refused' });
      return { facts, data: '' };
    }
    if (syn) {
      // A SYN inside the window is an error in a synchronised state: reset (RFC 793 §3.9).
      this.#send(['RST'], this.#sndNxt, '', false);
      facts.push({ type: 'segment.rst', error: 'reset' });
      return { facts, data: '' };
    }
    if (!ack) return { facts, data: '' };
    if (seqLt(this.#sndNxt, seg.ackNo)) {
      this.#ackPending = true;
      return { facts, data: '' };
    }
    if (this.#state === 'SYN-RECEIVED') {
      if (!seqLt(this.#sndUna, seg.ackNo)) return this.#answerWithReset(seg, facts);
      facts.push({ type: 'segment.ackOfSyn' });
    }
    this.#acknowledged(seg.ackNo, seg.window);
    if (this.#finSeq !== null && !this.#finAcked && seqLt(this.#finSeq, this.#sndUna)) {
      this.#finAcked = true;
      facts.push({ type: 'segment.finAcked' });
    }
    const takesData = this.#state !== 'CLOSE-WAIT' && this.#state !== 'CLOSING' && this.#state !== 'LAST-ACK';
    if (!takesData || this.#state === 'TIME-WAIT') return { facts, data: '' };
    const { data, fin } = this.#reassemble(seg);
    if (fin) facts.push({ type: 'segment.fin' });
    return { facts, data };
  }

  #answerWithReset(seg: Segment, facts: SegmentFact[]): { facts: SegmentFact[]; data: string } {
    this.#carrier.transmit(resetFor(seg), false);
    return { facts, data: '' };
  }

  #learnPeer(seg: Segment): void {
    this.#rcvNxt = seqAdd(seg.seqNo, 1);
    this.#peerMss = seg.mss ?? 536;
    this.#sndWnd = seg.window;
  }

  // RFC 793 §3.3, "segment acceptability": some part of the segment must fall in the receive window.
  #acceptable(seg: Segment): boolean {
    const len = segmentLength(seg);
    const wnd = this.#tuning.window;
    const inWindow = (s: number) => seqLe(this.#rcvNxt, s) && seqLt(s, seqAdd(this.#rcvNxt, wnd));
    if (len === 0) return seg.seqNo === this.#rcvNxt || inWindow(seg.seqNo);
    return inWindow(seg.seqNo) || inWindow(seqAdd(seg.seqNo, len - 1));
  }

  #acknowledged(ackNo: number, window: number): void {
    this.#sndWnd = window;
    if (!seqLt(this.#sndUna, ackNo)) return;
    this.#sndUna = ackNo;
    const now = this.#env.now();
    while (this.#unacked.length > 0) {
      const head = this.#unacked[0] as Unacked;
      const end = seqAdd(head.seq, head.payload.length + (head.control ? 1 : 0));
      if (!seqLe(end, ackNo)) break;
      // Karn's algorithm: only segments sent once give a round-trip sample (RFC 6298 §3).
      if (!head.retransmitted) this.#sampleRtt(now - head.sentAt);
      this.#unacked.shift();
    }
    this.#backoff = 0;
    this.#stopTimer();
    if (this.#unacked.length > 0) this.#startTimer();
  }

  #sampleRtt(r: number): void {
    if (this.#srtt === null) {
      this.#srtt = r;
      this.#rttvar = r / 2;
    } else {
      this.#rttvar = 0.75 * this.#rttvar + 0.25 * Math.abs(this.#srtt - r);
      this.#srtt = 0.875 * this.#srtt + 0.125 * r;
    }
    const t = this.#tuning;
    this.#rto = Math.min(
      t.maxRtoMs,
      Math.max(t.minRtoMs, Math.ceil(this.#srtt + Math.max(1, 4 * this.#rttvar))),
    );
  }

  // Deliver what is now in order; keep what arrived early until the gap before it fills.
  #reassemble(seg: Segment): { data: string; fin: boolean } {
    const fin = hasFlag(seg, 'FIN');
    if (seg.payload.length > 0 || fin) {
      this.#ackPending = true;
      if (!this.#outOfOrder.has(seg.seqNo)) this.#outOfOrder.set(seg.seqNo, { payload: seg.payload, fin });
    }
    let data = '';
    let finReached = false;
    for (let progress = true; progress && !finReached;) {
      progress = false;
      for (const [seq, piece] of this.#outOfOrder) {
        const end = seqAdd(seq, piece.payload.length);
        if (seqLt(this.#rcvNxt, seq)) continue;
        this.#outOfOrder.delete(seq);
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
    if (finReached) this.#outOfOrder.clear();
    return { data, fin: finReached };
  }

  #flush(): void {
    if (this.#finished) return;
    const canSendData = this.#synchronized && this.#finSeq === null;
    const mss = Math.min(this.#tuning.mss, this.#peerMss);
    while (canSendData && this.#sendBuffer.length > 0) {
      const inFlight = seqDiff(this.#sndUna, this.#sndNxt);
      const room = Math.min(mss, this.#sndWnd - inFlight);
      if (room <= 0) break;
      const chunk = this.#sendBuffer.slice(0, room);
      this.#sendBuffer = this.#sendBuffer.slice(chunk.length);
      this.#track(chunk, null);
      this.#send(['ACK', 'PSH'], this.#sndNxt, chunk, false);
      this.#sndNxt = seqAdd(this.#sndNxt, chunk.length);
    }
    const mayFin = this.#synchronized || this.#state === 'SYN-RECEIVED' || this.#state === 'FIN-WAIT-1';
    if (this.#finQueued && this.#finSeq === null && this.#sendBuffer.length === 0 && mayFin) {
      this.#finSeq = this.#sndNxt;
      this.#track('', 'FIN');
      this.#send(['ACK', 'FIN'], this.#sndNxt, '', false);
      this.#sndNxt = seqAdd(this.#sndNxt, 1);
    }
  }

  #sendSyn(flags: TcpFlag[]): void {
    // In a simultaneous open our SYN is already waiting for its ACK; it is answered, not sent anew.
    if (!this.#unacked.some((u) => u.control === 'SYN')) this.#track('', 'SYN');
    this.#send(flags, this.#iss, '', false);
    this.#sndNxt = seqAdd(this.#iss, 1);
  }

  #sendAck(): void {
    this.#send(['ACK'], this.#sndNxt, '', false);
  }

  #track(payload: string, control: Unacked['control']): void {
    this.#unacked.push({
      seq: this.#sndNxt,
      payload,
      control,
      sentAt: this.#env.now(),
      retransmitted: false,
    });
    if (this.#rtoTimer === null) this.#startTimer();
  }

  #send(flags: TcpFlag[], seqNo: number, payload: string, retransmission: boolean): void {
    const synchronised = this.#state !== 'CLOSED' && this.#state !== 'SYN-SENT' && this.#state !== 'LISTEN';
    const withAck = flags.includes('ACK') || (synchronised && !flags.includes('RST'));
    const finalFlags = withAck && !flags.includes('ACK') ? [...flags, 'ACK' as const] : flags;
    const carriesAck = finalFlags.includes('ACK');
    if (carriesAck) this.#ackPending = false;
    this.#carrier.transmit(
      {
        conn: this.conn,
        src: this.local,
        dst: this.remote,
        flags: sortFlags(finalFlags),
        seqNo,
        ackNo: carriesAck ? this.#rcvNxt : 0,
        window: this.#tuning.window,
        payload,
        ...(finalFlags.includes('SYN') ? { mss: this.#tuning.mss } : {}),
      },
      retransmission,
    );
  }

  #startTimer(): void {
    const delay = Math.min(this.#tuning.maxRtoMs, this.#rto * 2 ** this.#backoff);
    this.#rtoTimer = this.#env.schedule(this.#env.now() + delay, () => this.#onRetransmissionTimeout());
  }

  #stopTimer(): void {
    if (this.#rtoTimer !== null) this.#env.cancel(this.#rtoTimer);
    this.#rtoTimer = null;
  }

  // RFC 6298 §5: on expiry, send the earliest unacknowledged segment again and double the timeout.
  #onRetransmissionTimeout(): void {
    this.#rtoTimer = null;
    const head = this.#unacked[0];
    if (!head || this.#finished) return;
    const limit = head.control === 'SYN' ? this.#tuning.synRetries : this.#tuning.dataRetries;
    if (this.#backoff >= limit) {
      this.#drive({ type: 'timer.giveUp' });
      return;
    }
    this.#backoff += 1;
    head.retransmitted = true;
    head.sentAt = this.#env.now();
    const flags: TcpFlag[] =
      head.control === 'SYN'
        ? this.#state === 'SYN-SENT'
          ? ['SYN']
          : ['SYN', 'ACK']
        : head.control === 'FIN'
          ? ['ACK', 'FIN']
          : ['ACK', 'PSH'];
    this.#send(flags, head.seq, head.payload, true);
    this.#startTimer();
  }

  #onState(next: string): void {
    const to = next as TcpState;
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
    this.#stopTimer();
    this.#carrier.release(this);
  }

  // Events reach the application only after the chart has finished its step: an application reacting inside
  // one of the chart's actions (starting its own machine, say) would run in the middle of a transition.
  #drive(event: TcpMachineEvent): void {
    this.#driving += 1;
    try {
      this.#actor.send(event);
    } finally {
      this.#driving -= 1;
    }
    if (this.#driving === 0) {
      const pending = this.#pending;
      this.#pending = [];
      for (const deliver of pending) deliver();
    }
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

const flagOrder: readonly TcpFlag[] = ['SYN', 'ACK', 'PSH', 'FIN', 'RST'];

function sortFlags(flags: readonly TcpFlag[]): TcpFlag[] {
  return flagOrder.filter((f) => flags.includes(f));
}
