// Which application protocol a connection speaks, by the port it was made to (the protocol registry's ports,
// and the echo service (RFC 862) that the TCP demo runs on port 7), and how people write its name.
import { PROTOCOL_NAMES, protocolForPort as registered } from '../protocols/protocolNames.ts';
import type { Protocol } from './trace.ts';

/** ECHO_PORT is where the echo service listens (RFC 862). */
export const ECHO_PORT = 7;

/** protocolForPort names the protocol spoken on a server port, or `raw` for a port nobody registered. */
export function protocolForPort(port: number): Protocol {
  return registered(port) ?? (port === ECHO_PORT ? 'echo' : 'raw');
}

/** protocolTitle is a protocol as people write it: the registry's title, `Echo`, or plain `TCP` for raw bytes. */
export function protocolTitle(protocol: Protocol): string {
  return protocol === 'raw' ? 'TCP' : protocol === 'echo' ? 'Echo' : PROTOCOL_NAMES[protocol].title;
}
