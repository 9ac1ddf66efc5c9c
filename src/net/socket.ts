// The socket API that applications in the simulation use: listen, connect, write, close, and events back.
import type { ConnId, Endpoint, SocketError, TcpState } from './types.ts';

/**
 * SocketEvent is what a connection tells its application: `connected` once the handshake completes, `data` as
 * octets arrive in order, `end` when the peer has sent its FIN (no more data will come), `closed` when both
 * directions are done, and `error` when the connection failed or was reset. After `closed` or `error`, nothing.
 */
export type SocketEvent =
  | { type: 'connected' }
  | { type: 'data'; data: string }
  | { type: 'end' }
  | { type: 'closed' }
  | { type: 'error'; error: SocketError };

/** SocketListener receives a socket's events. */
export type SocketListener = (event: SocketEvent) => void;

/** Socket is one end of a TCP connection as an application holds it. */
export interface Socket {
  readonly conn: ConnId;
  readonly local: Endpoint;
  readonly remote: Endpoint;
  /** state is the endpoint's RFC 793 state. */
  state(): TcpState;
  /** write queues octets (a binary string) for sending; they go out once the connection is established. */
  write(octets: string): void;
  /** close sends FIN after the written data: an orderly close of our direction. */
  close(): void;
  /** abort sends RST and forgets the connection at once. */
  abort(): void;
  /** onEvent adds a listener; listeners are called in the order they were added. */
  onEvent(listener: SocketListener): void;
}

/** AcceptHandler is called with each new connection on a listening port, before its handshake completes. */
export type AcceptHandler = (socket: Socket) => void;
