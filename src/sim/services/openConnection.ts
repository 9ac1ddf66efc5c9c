// Opening a connection from a simulated host: the one place that describes it in the trace (`conn.opened`, with
// client, server, port and protocol) before its SYN leaves, so no view has to guess who opened it; and reaching a
// server by name, with the facts of why it could not be reached.
import type { Network } from '../../net/network.ts';
import type { Socket } from '../../net/socket.ts';
import type { HostId, SocketError } from '../../net/types.ts';
import { protocolForPort } from '../protocolForPort.ts';
import type { Unreachable, UnstampedEvent } from '../trace.ts';
import type { ServiceContext } from './service.ts';

/** openConnection connects `host` to `addr`:`port` and writes `conn.opened` just before the SYN. */
export function openConnection(
  network: Network,
  emit: (event: UnstampedEvent) => void,
  host: HostId,
  addr: string,
  port: number,
): Socket {
  return network.connect(host, addr, port, (conn, local, remote) =>
    emit({
      kind: 'conn.opened',
      conn,
      client: local.host,
      server: remote.host,
      port,
      protocol: protocolForPort(port),
    }),
  );
}

/**
 * reachServer looks `server` up (its A record) and connects to `port`: `connected` gets the socket once the
 * handshake is done, `unreachable` the facts of why there is none. Each is called at most once, and never both.
 */
export function reachServer(
  ctx: ServiceContext,
  server: string,
  port: number,
  connected: (socket: Socket) => void,
  unreachable: (why: Unreachable) => void,
): void {
  const connect = (address: string) => {
    const socket = openConnection(ctx.network, ctx.emit, ctx.host, address, port);
    let started = false;
    socket.onEvent((event) => {
      if (started || (event.type !== 'connected' && event.type !== 'error')) return;
      started = true;
      if (event.type === 'connected') connected(socket);
      else unreachable({ why: 'connect', server, address, port, error: event.error });
    });
  };
  // An address in dotted form needs no lookup, as a browser given http://192.0.2.2/ does none.
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(server)) return connect(server);
  ctx.resolver().lookup(server, 'A', (result) => {
    const a = result.ok ? result.records.find((r) => r.type === 'A') : undefined;
    if (a?.type === 'A') return connect(a.address);
    unreachable({ why: 'no-address', server, dns: result.ok ? 'no-record' : result.error });
  });
}

// strerror(3)'s words on Linux, as a mail server's log and its bounce show them.
const SOCKET_ERROR_TEXT: Record<SocketError, string> = {
  refused: 'Connection refused',
  timeout: 'Connection timed out',
  unreachable: 'No route to host',
  reset: 'Connection reset by peer',
  'host-down': 'Network is down',
};

/**
 * connectFailureText is a failed connection as a server logs it, Postfix's way: `connect to
 * hamburger.edu[192.0.2.14]:25: Connection refused`. It is the server's own text (a bounce quotes it), not UI text.
 */
export function connectFailureText(
  server: string,
  address: string,
  port: number,
  error: SocketError,
): string {
  return `connect to ${server}[${address}]:${port}: ${SOCKET_ERROR_TEXT[error]}`;
}
