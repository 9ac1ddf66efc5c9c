// Opening a connection from a simulated host: the one place that describes it in the trace (`conn.opened`, with
// client, server, port and protocol) before its SYN leaves, so no view has to guess who opened it; and reaching a
// server by name, with the facts of why it could not be reached, for services and for the terminal alike.
import type { Network } from '../../net/network.ts';
import type { Socket } from '../../net/socket.ts';
import type { HostId, SocketError } from '../../net/types.ts';
import { protocolForPort } from '../protocolForPort.ts';
import type { Unreachable, UnstampedEvent } from '../trace.ts';
import type { DnsResolver } from '../dns/dnsResolver.ts';
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

// An address in dotted form needs no lookup, as a browser given http://192.0.2.2/ or `telnet 192.0.2.14 25` does none.
const DOTTED_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;

/** AddressLookupFailure is how the DNS gave no address for a name: no A record, or the lookup's own error. */
export type AddressLookupFailure = Extract<Unreachable, { why: 'no-address' }>['dns'];

/**
 * resolveAddress gives the address `server` names: the name itself when it is already an address, else its A
 * record from the DNS (`resolver` is asked for only then, so a host that never looks a name up needs none).
 * `found` or `failed` is called once, and never both.
 */
export function resolveAddress(
  resolver: () => DnsResolver,
  server: string,
  found: (address: string) => void,
  failed: (dns: AddressLookupFailure) => void,
): void {
  if (DOTTED_ADDRESS.test(server)) return found(server);
  resolver().lookup(server, 'A', (result) => {
    const a = result.ok ? result.records.find((r) => r.type === 'A') : undefined;
    if (a?.type === 'A') found(a.address);
    else failed(result.ok ? 'no-record' : result.error);
  });
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
  resolveAddress(
    () => ctx.resolver(),
    server,
    connect,
    (dns) => unreachable({ why: 'no-address', server, dns }),
  );
}

/** SOCKET_ERROR_TEXT is strerror(3)'s words on Linux, as a mail server's log, its bounce and telnet show them. */
export const SOCKET_ERROR_TEXT: Readonly<Record<SocketError, string>> = {
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
