// A two-host network on a bare kernel, for testing TCP without any application protocol above it.
import { Network, type NetLink } from '../../../src/net/network.ts';
import type { Socket, SocketEvent } from '../../../src/net/socket.ts';
import type { TcpTuning } from '../../../src/net/tcpTuning.ts';
import { Kernel } from '../../../src/sim/kernel.ts';
import { isKind, type EventOf } from '../../../src/sim/trace.ts';

/** Recorder keeps everything a socket said, and everything it received joined into one string. */
export interface Recorder {
  readonly socket: Socket;
  readonly events: SocketEvent['type'][];
  received: string;
  error: string | null;
}

export function record(socket: Socket): Recorder {
  const r: Recorder = { socket, events: [], received: '', error: null };
  socket.onEvent((e) => {
    r.events.push(e.type);
    if (e.type === 'data') r.received += e.data;
    if (e.type === 'error') r.error = e.error;
  });
  return r;
}

export interface Harness {
  kernel: Kernel;
  net: Network;
  /** accepted holds a recorder per connection the server accepted, in order. */
  accepted: Recorder[];
  segments(): EventOf<'tcp.segment'>[];
  states(host: string): string[];
}

export function twoHosts(
  options: { seed?: number; link?: Partial<NetLink>; tcp?: Partial<TcpTuning>; listen?: number | null } = {},
): Harness {
  const kernel = new Kernel(options.seed ?? 7);
  const net = new Network(
    kernel,
    [
      { id: 'client', addr: '192.0.2.1', tcp: options.tcp ?? {} },
      { id: 'server', addr: '192.0.2.2', tcp: options.tcp ?? {} },
    ],
    [{ id: 'wire', a: 'client', b: 'server', latency: 10, jitter: 0, loss: 0, ...options.link }],
  );
  const accepted: Recorder[] = [];
  const port = options.listen === undefined ? 80 : options.listen;
  if (port !== null) net.listen('server', port, (socket) => accepted.push(record(socket)));
  return {
    kernel,
    net,
    accepted,
    segments: () => kernel.trace.slice().filter(isKind('tcp.segment')),
    states: (host) =>
      kernel.trace
        .slice()
        .filter(isKind('tcp.state'))
        .filter((e) => e.host === host)
        .map((e) => e.to),
  };
}
