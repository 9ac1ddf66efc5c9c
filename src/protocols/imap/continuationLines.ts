// Lines a client sends that are not commands: the DONE that ends IDLE (RFC 2177 §3) and the responses of an
// AUTHENTICATE exchange (RFC 3501 §6.2.2). The server machine reads them itself while IDLE or AUTHENTICATE
// is in progress, without the CommandReader.

/** isIdleDone tells whether a line ends IDLE: "DONE" in any case (RFC 2177 §3; ABNF strings ignore case). */
export function isIdleDone(line: string): boolean {
  return line.toUpperCase() === 'DONE';
}

/** SaslResponse is a client's answer to an AUTHENTICATE challenge. */
export type SaslResponse =
  { kind: 'response'; base64: string } | { kind: 'cancel' } | { kind: 'invalid'; message: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * parseSaslResponse reads a line sent in answer to a "+" challenge: BASE64 (possibly empty), or "*", which
 * cancels the exchange and is answered with BAD (RFC 3501 §6.2.2).
 */
export function parseSaslResponse(line: string): SaslResponse {
  if (line === '*') return { kind: 'cancel' };
  if (BASE64.test(line)) return { kind: 'response', base64: line };
  return { kind: 'invalid', message: 'the response to a challenge must be BASE64, or "*" to cancel' };
}
