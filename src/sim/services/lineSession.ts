// Wires a sans-I/O line machine (an SMTP, POP3 or IMAP session) to a simulated socket: bytes in are framed
// into lines, lines out get their CRLF, and every line and state change is written to the trace.
import type { AnyActorRef, SnapshotFrom, StateValue } from 'xstate';
import type { Socket } from '../../net/socket.ts';
import { UNSTAMPED } from '../../net/netEvents.ts';
import type { ConnId, HostId } from '../../net/types.ts';
import { onSentLine } from '../../protocols/sentLines.ts';
import { LineFramer, type SplitFramedLine } from '../../protocols/shared/lineFramer.ts';
import { oneItem, type LineReader } from '../../protocols/shared/lineReader.ts';
import { octetsToUtf8 } from '../../protocols/shared/octets.ts';
import type { EmittedEvent, Protocol } from '../trace.ts';
import { lineEvent } from './lineEvent.ts';

/** LineSessionOptions say who speaks, which protocol, and how long a line may be before it is `overlong`. */
export interface LineSessionOptions<TSnapshot = unknown> {
  readonly host: HostId;
  readonly protocol: Protocol;
  /** machine names the chart in the trace, e.g. `smtp-server`. */
  readonly machine: string;
  readonly maxLine: number;
  /**
   * splitBareLf tells the actor at once of a line ended by LF alone, as `line.bareLf`, so that it can explain
   * CRLF to a client such as netcat without -C instead of seeming to hang; otherwise the LF stays in the line.
   */
  readonly splitBareLf?: boolean;
  /**
   * reader, the machine's own (smtpServerReader, say), makes its events of the lines that arrived together; without
   * one every line is an event of its own.
   */
  readonly reader?: LineReader<{ type: string }, TSnapshot>;
  emit(event: EmittedEvent): void;
}

/** stateName writes a state value as a dotted path: `transaction.data`. */
export function stateName(value: StateValue): string {
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([key, child]) => (child === undefined ? key : `${key}.${stateName(child)}`))
    .join(',');
}

/**
 * traceStateChanges writes each change of the actor's state to the trace as `session.state` of `machine` on
 * `conn`: the first snapshot only sets where it starts.
 */
export function traceStateChanges(
  actor: AnyActorRef,
  conn: ConnId,
  host: HostId,
  machine: string,
  emit: (event: EmittedEvent) => void,
): void {
  let state: string | null = null;
  actor.subscribe((snapshot: { value: StateValue }) => {
    const next = stateName(snapshot.value);
    if (state !== null && next !== state)
      emit({ kind: 'session.state', conn, host, machine, from: state, to: next, t: 0, seq: UNSTAMPED });
    state = next;
  });
}

// The reader of a machine without one of its own: every item is an event.
const everyLine: LineReader<{ type: string }, unknown> = (_snapshot, items, from) => oneItem(items, from);

/**
 * bindLineSession connects a started-or-not actor to a socket that is already connected, starts the actor and
 * sends it `connection.opened`. The actor must accept the line-machine events (`line.received`, `line.overlong`,
 * `connection.opened`, `connection.closed`, and whatever its reader makes) and emit `line.send` (a SentLine, whose facts go into the trace with
 * the line), `connection.close`, and perhaps `connection.abort` (drop the connection without a word).
 */
export function bindLineSession<TActor extends AnyActorRef>(
  socket: Socket,
  actor: TActor,
  options: LineSessionOptions<SnapshotFrom<TActor>>,
): void {
  const { host, protocol, machine, emit, reader = everyLine } = options;
  const framer = options.splitBareLf
    ? LineFramer.splittingBareLf(options.maxLine)
    : new LineFramer<SplitFramedLine>(options.maxLine);
  let open = true;
  // Lines a machine sends while it handles one event go out in one write, as a real server's buffered output is
  // flushed once it has answered: a POP3 RETR or a multi-line EHLO reply then fills segments instead of taking
  // one segment a line. Lines sent on their own (a timer's, say) are written at once.
  let pending: string[] | null = null;
  const flush = () => {
    const lines = pending;
    pending = null;
    if (lines !== null && lines.length > 0 && open) socket.write(lines.join(''));
  };
  traceStateChanges(actor, socket.conn, host, machine, emit);
  onSentLine(actor, (emitted) => {
    if (!open) return;
    const text = octetsToUtf8(emitted.line);
    emit(lineEvent(socket.conn, host, protocol, text, emitted.facts));
    if (pending !== null) pending.push(`${emitted.line}\r\n`);
    else socket.write(`${emitted.line}\r\n`);
  });
  actor.on('connection.abort', () => {
    flush();
    if (!open) return;
    open = false;
    socket.abort();
  });
  actor.on('connection.close', () => {
    flush();
    if (!open) return;
    open = false;
    socket.close();
  });
  // A machine that has finished (after QUIT, say) hears nothing more.
  const batch = (work: () => void) => {
    if (pending !== null) return work();
    pending = [];
    work();
    flush();
  };
  const tell = (event: { type: string }) => {
    if (actor.getSnapshot().status === 'active') batch(() => actor.send(event));
  };
  socket.onEvent((event) => {
    if (event.type === 'data') {
      // Answers to pipelined commands that arrived together leave together.
      batch(() => {
        const items = framer.push(event.data);
        for (let i = 0; i < items.length;) {
          // The reader reads the state the machine is in now, after the lines before these.
          const { event, count } = reader(actor.getSnapshot(), items, i);
          tell(event);
          i += count;
        }
      });
    } else if (event.type === 'end') {
      // The peer will send nothing more; a machine that has not closed yet learns the connection is gone.
      tell({ type: 'connection.closed' });
      if (open) {
        open = false;
        socket.close();
      }
    } else if (event.type === 'closed' || event.type === 'error') {
      open = false;
      tell({ type: 'connection.closed' });
    }
  });
  actor.start();
  tell({ type: 'connection.opened' });
}
