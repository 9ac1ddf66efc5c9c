// Which application protocol a connection speaks, by the well-known port it was made to (RFC 6335 registry).
import type { Protocol } from './trace.ts';

const WELL_KNOWN: Readonly<Record<number, Protocol>> = {
  7: 'echo',
  25: 'smtp',
  80: 'http',
  110: 'pop3',
  143: 'imap',
  587: 'smtp',
};

/** protocolForPort names the protocol usually spoken on a server port, or `raw` for any other port. */
export function protocolForPort(port: number): Protocol {
  return WELL_KNOWN[port] ?? 'raw';
}
