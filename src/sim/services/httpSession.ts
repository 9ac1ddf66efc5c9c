// Wires a sans-I/O HTTP machine (server or client side) to a simulated socket. Heads are lines, bodies are
// octets: an HttpFramer cuts what arrives into head lines until the machine says a body follows (`body.expect`),
// then counts the body's octets, so every head line and every body reaches the trace with its facts.
import type { AnyActorRef } from 'xstate';
import type { Socket } from '../../net/socket.ts';
import type { HostId } from '../../net/types.ts';
import type { BodySend, HttpExchangeFacts } from '../../protocols/http/exchange.ts';
import type { BodyFraming } from '../../protocols/http/framing.ts';
import { HEAD_LINE_MAX } from '../../protocols/http/limits.ts';
import { HttpFramer } from '../../protocols/http/messageFramer.ts';
import { onSentLine } from '../../protocols/sentLines.ts';
import { octetsToUtf8 } from '../../protocols/shared/octets.ts';
import type { EmittedEvent } from '../trace.ts';
import { lineEvent } from './lineEvent.ts';
import { traceStateChanges } from './lineSession.ts';

/** HttpSessionOptions say who speaks, on which side, and under which name the machine's chart is traced. */
export interface HttpSessionOptions {
  readonly host: HostId;
  /** machine names the chart in the trace: `http-server` or `http-client`. */
  readonly machine: string;
  /** maxLine bounds a head line in octets with its CRLF; HEAD_LINE_MAX by default. */
  readonly maxLine?: number;
  /**
   * maxHeld bounds what may wait unread while the machine is not reading (a pipelining client while the server's
   * application works); past it the connection is reset. 64 KiB by default.
   */
  readonly maxHeld?: number;
  emit(event: EmittedEvent): void;
}

const MAX_HELD = 64 * 1024;

/**
 * bindHttpSession connects an HTTP machine actor to a socket that is connected (or, for a client, whose
 * handshake will complete), starts the actor and sends it `connection.opened`. The actor must accept
 * `connection.opened`, `connection.closed`, `line.received`, `line.overlong`, `body.received`, `body.complete`
 * and `body.invalid`, carry the tag `reading` in the states where it takes input (what arrives otherwise waits),
 * and may emit `line.send`/`lines.send`, `body.expect`, `body.send`, `exchange.completed` (server side: written
 * as `http.exchange`), `connection.close` and `connection.abort`. Events for the machine from its owner (the
 * application's response, the next request) go through the returned handle, so that input held meanwhile is read.
 */
export function bindHttpSession(
  socket: Socket,
  actor: AnyActorRef,
  options: HttpSessionOptions,
): HttpSessionHandle {
  const { host, machine, emit } = options;
  const side = machine.endsWith('server') ? 'server' : 'client';
  const framer = new HttpFramer(options.maxLine ?? HEAD_LINE_MAX);
  let open = true;
  let ended = false;
  // What the machine sends while it handles one event leaves in one write, as a server's buffered output does.
  let pending: string[] | null = null;
  const write = (octets: string) => {
    if (!open) return;
    if (pending !== null) pending.push(octets);
    else socket.write(octets);
  };
  const flush = () => {
    const parts = pending;
    pending = null;
    if (parts !== null && parts.length > 0 && open) socket.write(parts.join(''));
  };
  const batch = (work: () => void) => {
    if (pending !== null) return work();
    pending = [];
    work();
    flush();
  };
  const active = () => actor.getSnapshot().status === 'active';
  const tell = (event: { readonly type: string; readonly [field: string]: unknown }) => {
    if (active()) batch(() => actor.send(event));
  };
  const reading = () =>
    active() && (actor.getSnapshot() as { hasTag(tag: string): boolean }).hasTag('reading');

  // Items are pulled one at a time, and only while the machine reads: a body's framing is set by the machine
  // as it reads the head's end, before the next item is cut.
  let pumping = false;
  const pump = () => {
    if (pumping) return;
    pumping = true;
    try {
      while (reading()) {
        const item = framer.next();
        if (item === null) break;
        if (item.kind === 'line') tell({ type: 'line.received', line: item.line });
        else if (item.kind === 'overlong') tell({ type: 'line.overlong' });
        else if (item.kind === 'body') tell({ type: 'body.received', octets: item.octets });
        else if (item.kind === 'bodyEnd')
          tell({ type: 'body.complete', wire: item.wire, chunks: item.chunks });
        else tell({ type: 'body.invalid', detail: item.detail });
      }
    } finally {
      pumping = false;
    }
    if (ended && !framer.inBody) {
      ended = false;
      tell({ type: 'connection.closed' });
      if (open) {
        open = false;
        socket.close();
      }
    }
  };

  traceStateChanges(actor, socket.conn, host, machine, emit);
  onSentLine(actor, (sent) => {
    if (!open) return;
    const text = octetsToUtf8(sent.line);
    emit(lineEvent(socket.conn, host, 'http', text, sent.facts));
    write(`${sent.line}\r\n`);
  });
  actor.on('body.expect', (event: { framing: BodyFraming }) => framer.expectBody(event.framing));
  actor.on('body.send', (event: BodySend) => {
    if (!open) return;
    emit({
      kind: 'http.body',
      conn: socket.conn,
      host,
      from: side,
      request: event.request,
      content: event.content,
      size: event.content.length,
      wireOctets: event.wire.length,
      chunks: event.chunks,
      ...(event.credential === true ? { credential: true } : {}),
    });
    write(event.wire);
  });
  actor.on('exchange.completed', (event: { exchange: HttpExchangeFacts }) => {
    emit({ kind: 'http.exchange', conn: socket.conn, host, client: socket.remote.host, ...event.exchange });
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
  socket.onEvent((event) => {
    if (event.type === 'data') {
      framer.push(event.data);
      if (!reading() && framer.buffered > (options.maxHeld ?? MAX_HELD)) {
        // Nobody is reading and the peer keeps sending: memory stays bounded by dropping the connection.
        open = false;
        socket.abort();
        tell({ type: 'connection.closed' });
        return;
      }
      batch(pump);
    } else if (event.type === 'end') {
      // The peer will send nothing more: a body that runs to the close is complete, then the connection is gone.
      framer.end();
      ended = true;
      batch(pump);
    } else if (event.type === 'closed' || event.type === 'error') {
      open = false;
      tell({ type: 'connection.closed' });
    }
  });
  actor.start();
  tell({ type: 'connection.opened' });
  return {
    send(event) {
      // The event may put the machine back to reading (a response sent, a request to make): what waited is read.
      batch(() => {
        tell(event);
        pump();
      });
    },
  };
}

/** HttpSessionHandle is how the one who bound a session tells its machine something: a response, a request. */
export interface HttpSessionHandle {
  send(event: { readonly type: string; readonly [field: string]: unknown }): void;
}
