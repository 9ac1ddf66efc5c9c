// Who opened each connection, as the simulation wrote it down before the SYN left (`conn.opened`: client,
// server, port, protocol). Views read a connection's ends from here; none guesses them from the segments.
import type { ConnId, Endpoint } from '../net/types.ts';
import type { EventOf, TraceEvent } from '../sim/trace.ts';

/** ConnOpened is a connection as it was described when it opened. */
export type ConnOpened = EventOf<'conn.opened'>;

/** connOpenings maps each connection the trace describes to its `conn.opened` event. */
export function connOpenings(trace: readonly TraceEvent[]): Map<ConnId, ConnOpened> {
  const out = new Map<ConnId, ConnOpened>();
  for (const e of trace) if (e.kind === 'conn.opened') out.set(e.conn, e);
  return out;
}

/**
 * sentByClient says whether a segment of the connection left its client: everything the server sends leaves
 * from the port the client connected to, on the server.
 */
export function sentByClient(
  opened: ConnOpened,
  segment: { readonly from: Pick<Endpoint, 'host' | 'port'> },
): boolean {
  return !(segment.from.host === opened.server && segment.from.port === opened.port);
}

/** ConnEnds are the two endpoints of a connection, the client's first. */
export interface ConnEnds {
  readonly client: Endpoint;
  readonly server: Endpoint;
}

/** connEnds reads both endpoints off one segment of the connection, in either direction. */
export function connEnds(
  opened: ConnOpened,
  segment: { readonly from: Endpoint; readonly to: Endpoint },
): ConnEnds {
  return sentByClient(opened, segment)
    ? { client: segment.from, server: segment.to }
    : { client: segment.to, server: segment.from };
}
