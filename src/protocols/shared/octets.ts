// Octets as JS binary strings (one char per byte, codes 0–255): the form bytes take on the simulated wire and
// in the trace. Unicode text is converted here, at the edges.

const utf8Encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF as content, so decoding never drops octets silently.
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** utf8ToOctets encodes Unicode text as UTF-8 octets; a lone surrogate becomes U+FFFD (EF BF BD). */
export function utf8ToOctets(text: string): string {
  // ASCII encodes to itself; a classroom's thousand messages are mostly ASCII, and encoding each showed in profiles.
  if (isAscii(text)) return text;
  return bytesToOctets(utf8Encoder.encode(text));
}

/**
 * octetsToUtf8 decodes UTF-8 octets to text. Invalid sequences become U+FFFD and it never throws; a char
 * above 0xFF (not an octet) is treated like an invalid byte.
 */
export function octetsToUtf8(octets: string): string {
  // ASCII decodes to itself; most lines are ASCII, and copying each one into bytes showed in profiles.
  if (isAscii(octets)) return octets;
  return utf8Decoder.decode(octetsToBytes(octets));
}

/** isOctets tells whether every char of s is an octet (char code 0–255). */
export function isOctets(s: string): boolean {
  return everyCode(s, (code) => code <= 0xff);
}

/** isAscii tells whether every octet of s is 7-bit (0–127). */
export function isAscii(s: string): boolean {
  // A regular expression first, not a predicate per char: this runs on every line the lab carries. It leaves out
  // other controls (lint forbids them in a pattern), so a string with one or a non-ASCII char takes the loop.
  return !MAYBE_NOT_ASCII.test(s) || everyCode(s, (code) => code <= 0x7f);
}

const MAYBE_NOT_ASCII = /[^\t\n\r -~]/;

/** hasControls tells whether s holds an ASCII control other than tab (0–8, 10–31, 127): a line break, NUL, … */
export function hasControls(s: string): boolean {
  return !everyCode(s, (code) => code === 9 || (code >= 32 && code !== 127));
}

function everyCode(s: string, test: (code: number) => boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    if (!test(s.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * octetsToBytes copies octets into a Uint8Array; a char above 0xFF becomes 0xFF, a byte never valid in UTF-8.
 */
export function octetsToBytes(octets: string): Uint8Array {
  const bytes = new Uint8Array(octets.length);
  for (let i = 0; i < octets.length; i++) {
    bytes[i] = Math.min(octets.charCodeAt(i), 0xff);
  }
  return bytes;
}

/** bytesToOctets turns bytes into an octet string. */
export function bytesToOctets(bytes: Uint8Array): string {
  // Chunked so String.fromCharCode never receives more arguments than the engine allows.
  const chunk = 0x8000;
  let out = '';
  for (let i = 0; i < bytes.length; i += chunk) {
    out += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return out;
}
