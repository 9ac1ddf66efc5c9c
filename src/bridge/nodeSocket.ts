// A real TCP connection (node:net) seen through the simulation's Socket interface, so that the very line
// machines that run over virtual TCP can be bound to it with bindLineSession.
import { connect as netConnect, type Socket as NetSocket } from 'node:net';
import type { Socket, SocketEvent, SocketListener } from '../net/socket.ts';
import type { ConnId, Endpoint, SocketError, TcpState } from '../net/types.ts';

// The errno codes node reports, by what they mean to an application of the simulated network.
const SOCKET_ERRORS: Readonly<Record<string, SocketError>> = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ENETDOWN: 'host-down',
  EHOSTDOWN: 'host-down',
};

/** socketErrorOf names a node socket error as the simulation does; anything unexpected counts as a reset. */
export function socketErrorOf(error: Error): SocketError {
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined ? SOCKET_ERRORS[code] : undefined) ?? 'reset';
}

// Node may write an IPv4 peer as an IPv4-mapped IPv6 address; the teaching log wants the plain form.
function plainAddress(address: string | undefined): string {
  if (address === undefined) return '0.0.0.0';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

function endpoint(address: string | undefined, port: number | undefined): Endpoint {
  const addr = plainAddress(address);
  return { host: addr, addr, port: port ?? 0 };
}

/**
 * NodeSocket wraps a node:net socket: `write` sends octets as latin1 bytes, `close` ends our direction after
 * what was written (FIN), `abort` resets (RST). Events follow SocketEvent: `connected` once an outgoing
 * connection is established, `data`, `end` on the peer's FIN, then `closed`, or `error` instead of `closed`.
 * The socket must allow half-open connections (`allowHalfOpen: true`), or node would answer the peer's FIN by
 * itself and the application could no longer choose when to close, as it can over virtual TCP.
 */
export class NodeSocket implements Socket {
  readonly conn: ConnId;
  readonly #raw: NetSocket;
  readonly #listeners: SocketListener[] = [];
  #local: Endpoint;
  #remote: Endpoint;
  #connected: boolean;
  #weClosed = false;
  #peerClosed = false;
  #peerClosedFirst = false;
  #finished = false;

  /** The constructor takes a socket just accepted by a server, or one whose connect() is under way. */
  constructor(raw: NetSocket, conn: ConnId) {
    this.#raw = raw;
    this.conn = conn;
    this.#connected = !raw.connecting && raw.remoteAddress !== undefined;
    this.#local = endpoint(raw.localAddress, raw.localPort);
    this.#remote = endpoint(raw.remoteAddress, raw.remotePort);
    raw.on('connect', () => {
      this.#connected = true;
      this.#local = endpoint(raw.localAddress, raw.localPort);
      this.#remote = endpoint(raw.remoteAddress, raw.remotePort);
      this.#notify({ type: 'connected' });
    });
    raw.on('data', (chunk: Buffer) => this.#notify({ type: 'data', data: chunk.toString('latin1') }));
    raw.on('end', () => {
      this.#peerClosed = true;
      this.#peerClosedFirst = !this.#weClosed;
      this.#notify({ type: 'end' });
    });
    raw.on('error', (error) => this.#finish({ type: 'error', error: socketErrorOf(error) }));
    raw.on('close', () => this.#finish({ type: 'closed' }));
  }

  /** local is our end: address and port as the operating system chose them. */
  get local(): Endpoint {
    return this.#local;
  }

  /** remote is the peer's end; its host is its address, as no name service is asked. */
  get remote(): Endpoint {
    return this.#remote;
  }

  /**
   * state approximates the RFC 793 state from what node lets an application see: it cannot see ACKs, so a
   * closing end stays in FIN-WAIT-1, and once node reports `close` the socket is CLOSED even where the
   * operating system still keeps TIME-WAIT.
   */
  state(): TcpState {
    if (this.#finished || this.#raw.destroyed) return 'CLOSED';
    if (!this.#connected) return 'SYN-SENT';
    if (this.#weClosed && this.#peerClosed) return this.#peerClosedFirst ? 'LAST-ACK' : 'TIME-WAIT';
    if (this.#weClosed) return 'FIN-WAIT-1';
    if (this.#peerClosed) return 'CLOSE-WAIT';
    return 'ESTABLISHED';
  }

  write(octets: string): void {
    if (this.#finished || this.#weClosed || this.#raw.destroyed) return;
    this.#raw.write(Buffer.from(octets, 'latin1'));
  }

  close(): void {
    if (this.#finished || this.#weClosed || this.#raw.destroyed) return;
    this.#weClosed = true;
    this.#raw.end();
  }

  abort(): void {
    if (this.#finished || this.#raw.destroyed) return;
    this.#raw.resetAndDestroy();
  }

  onEvent(listener: SocketListener): void {
    this.#listeners.push(listener);
  }

  // Node reports `close` after `error` too; the Socket contract says nothing comes after either.
  #finish(event: SocketEvent): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#notify(event);
  }

  #notify(event: SocketEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }
}

/**
 * connectNodeSocket opens a real TCP connection and resolves once it is established, with a NodeSocket ready
 * for bindLineSession (which wants a connected socket); it rejects with the SocketError if the connect fails.
 */
export function connectNodeSocket(host: string, port: number, conn: ConnId): Promise<NodeSocket> {
  return new Promise((resolve, reject) => {
    const raw = netConnect({ host, port, allowHalfOpen: true });
    const socket = new NodeSocket(raw, conn);
    socket.onEvent((event) => {
      if (event.type === 'connected') resolve(socket);
      else if (event.type === 'error') reject(new Error(`connect to ${host}:${port}: ${event.error}`));
    });
  });
}
