// The two SASL mechanisms of SMTP AUTH that the lab teaches: PLAIN (RFC 4616) and LOGIN (the draft-murchison-sasl-login
// mechanism every mail client speaks), and the strict Base64 that RFC 4954 §4 requires of each line.
import { decodeBase64, encodeBase64 } from '../message/base64.ts';
import { octetsToUtf8, utf8ToOctets } from '../shared/octets.ts';

/** SaslMechanism is a mechanism this lab's server offers and its client uses. */
export type SaslMechanism = 'PLAIN' | 'LOGIN';

/** SASL_MECHANISMS lists the offered mechanisms, in the order EHLO advertises them. */
export const SASL_MECHANISMS: readonly SaslMechanism[] = ['PLAIN', 'LOGIN'];

/** LOGIN_USERNAME_CHALLENGE is "Username:" in Base64, the first 334 challenge of AUTH LOGIN. */
export const LOGIN_USERNAME_CHALLENGE = 'VXNlcm5hbWU6';

/** LOGIN_PASSWORD_CHALLENGE is "Password:" in Base64, the second 334 challenge of AUTH LOGIN. */
export const LOGIN_PASSWORD_CHALLENGE = 'UGFzc3dvcmQ6';

/** SASL_CANCEL is the line a client sends instead of a response to abandon the exchange (RFC 4954 §4). */
export const SASL_CANCEL = '*';

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** isSaslMechanism tells whether a mechanism name (upper case) is one we offer. */
export function isSaslMechanism(name: string): name is SaslMechanism {
  return (SASL_MECHANISMS as readonly string[]).includes(name);
}

/** decodeSaslResponse decodes one Base64 response line to UTF-8 text, or returns null when it is not clean Base64. */
export function decodeSaslResponse(line: string): string | null {
  if (!STRICT_BASE64.test(line)) return null;
  const decoded = decodeBase64(line);
  return decoded.problems.length === 0 ? octetsToUtf8(decoded.octets) : null;
}

/** encodeSaslResponse encodes text as the Base64 of its UTF-8, for a response line or an initial response. */
export function encodeSaslResponse(text: string): string {
  return encodeBase64(utf8ToOctets(text));
}

/**
 * parsePlainResponse splits a decoded PLAIN message `authzid NUL authcid NUL passwd` (RFC 4616 §2). An authzid
 * naming someone else asks to act for them, which the lab does not allow, so it yields null like a malformed one.
 */
export function parsePlainResponse(message: string): { user: string; password: string } | null {
  const parts = message.split('\0');
  if (parts.length !== 3) return null;
  const [authzid = '', user = '', password = ''] = parts;
  if (user === '' || (authzid !== '' && authzid !== user)) return null;
  return { user, password };
}

/** encodePlainResponse builds the Base64 PLAIN message for a user and password, with an empty authzid. */
export function encodePlainResponse(user: string, password: string): string {
  return encodeSaslResponse(`\0${user}\0${password}`);
}
