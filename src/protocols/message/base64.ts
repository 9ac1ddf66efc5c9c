// Base64 content transfer encoding of octets (RFC 2045 §6.8), with a decoder that reports what it had to
// skip.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Map([...ALPHABET].map((char, i) => [char, i]));

/** BASE64_LINE_LENGTH is the longest encoded line MIME allows, without its CRLF (RFC 2045 §6.8). */
export const BASE64_LINE_LENGTH = 76;

/** Base64Problem is something decodeBase64 skipped or could not finish, located by offset in its input. */
export type Base64Problem =
  | { kind: 'invalidChar'; offset: number; char: string }
  | { kind: 'dataAfterPadding'; offset: number }
  | { kind: 'truncated'; offset: number };

/**
 * Base64Decoded is the result of decodeBase64: the octets, and the problems met on the way (empty when
 * clean).
 */
export type Base64Decoded = { octets: string; problems: Base64Problem[] };

/** encodeBase64 encodes octets as one line of Base64 with "=" padding. */
export function encodeBase64(octets: string): string {
  let out = '';
  for (let i = 0; i < octets.length; i += 3) {
    const a = octets.charCodeAt(i) & 0xff;
    const b = i + 1 < octets.length ? octets.charCodeAt(i + 1) & 0xff : 0;
    const c = i + 2 < octets.length ? octets.charCodeAt(i + 2) & 0xff : 0;
    const group = (a << 16) | (b << 8) | c;
    out += ALPHABET.charAt(group >> 18) + ALPHABET.charAt((group >> 12) & 63);
    out += i + 1 < octets.length ? ALPHABET.charAt((group >> 6) & 63) : '=';
    out += i + 2 < octets.length ? ALPHABET.charAt(group & 63) : '=';
  }
  return out;
}

/** encodeBase64Lines encodes octets as Base64 cut into lines of at most lineLength chars, for a MIME body. */
export function encodeBase64Lines(octets: string, lineLength = BASE64_LINE_LENGTH): string[] {
  const encoded = encodeBase64(octets);
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += lineLength) lines.push(encoded.slice(i, i + lineLength));
  return lines;
}

/**
 * decodeBase64 decodes Base64 text, ignoring whitespace and line breaks. Other chars outside the alphabet are
 * skipped and reported (RFC 2045 §6.8 says to ignore them), as is anything after the padding and a final
 * group too short to hold an octet.
 */
export function decodeBase64(text: string): Base64Decoded {
  const problems: Base64Problem[] = [];
  let octets = '';
  let group = 0;
  let count = 0;
  let padded = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') continue;
    if (char === '=') {
      padded = true;
      continue;
    }
    const value = SEXTET.get(char);
    if (value === undefined) {
      problems.push({ kind: 'invalidChar', offset: i, char });
      continue;
    }
    if (padded) {
      problems.push({ kind: 'dataAfterPadding', offset: i });
      break;
    }
    group = (group << 6) | value;
    count++;
    if (count === 4) {
      octets += String.fromCharCode(group >> 16, (group >> 8) & 0xff, group & 0xff);
      group = 0;
      count = 0;
    }
  }
  if (count === 1) problems.push({ kind: 'truncated', offset: text.length });
  if (count === 2) octets += String.fromCharCode((group >> 4) & 0xff);
  if (count === 3) octets += String.fromCharCode((group >> 10) & 0xff, (group >> 2) & 0xff);
  return { octets, problems };
}
