// Which application protocol a connection speaks, by the port it was made to: the protocol registry's ports,
// and the echo service (RFC 862) that the TCP demo runs on port 7.
import { protocolForPort as registered } from '../protocols/registry.ts';
import type { Protocol } from './trace.ts';

/** ECHO_PORT is where the echo service listens (RFC 862). */
export const ECHO_PORT = 7;

/** protocolForPort names the protocol spoken on a server port, or `raw` for a port nobody registered. */
export function protocolForPort(port: number): Protocol {
  return registered(port) ?? (port === ECHO_PORT ? 'echo' : 'raw');
}
