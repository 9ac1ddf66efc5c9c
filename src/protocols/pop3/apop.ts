// APOP (RFC 1939 §7): the server's greeting carries a timestamp, and the client proves it knows a shared secret by
// sending the MD5 digest of the timestamp followed by the secret, so the secret never crosses the network.
import { utf8ToOctets } from '../shared/octets.ts';
import { md5Hex } from './md5.ts';

// The timestamp has the syntax of an RFC 822 msg-id, angle brackets included.
const TIMESTAMP = /<[^<>\s]+>/;

/** greetingTimestamp finds the APOP timestamp in a greeting's text, or null when there is none. */
export function greetingTimestamp(text: string): string | null {
  return TIMESTAMP.exec(text)?.[0] ?? null;
}

/**
 * apopDigest is the digest APOP sends: MD5 over the timestamp (angle brackets included) followed by the secret (as
 * UTF-8), in lower-case hexadecimal.
 */
export function apopDigest(timestamp: string, secret: string): string {
  return md5Hex(utf8ToOctets(timestamp + secret));
}
