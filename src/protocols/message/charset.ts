// Turns octets in a MIME charset into text, for bodies and encoded words; labels follow the WHATWG Encoding
// Standard, which browsers and Node share (so "ks_c_5601-1987", common in Korean mail, reads as EUC-KR).

import { octetsToBytes, octetsToUtf8 } from '../shared/octets.ts';

const decoders = new Map<string, TextDecoder | null>();

function decoderFor(label: string): TextDecoder | null {
  let decoder = decoders.get(label);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = null;
    }
    decoders.set(label, decoder);
  }
  return decoder;
}

/**
 * decodeCharset decodes octets labelled with a MIME charset, or returns null when the charset is unknown.
 * Malformed octets become U+FFFD. An RFC 2231 language suffix ("UTF-8*ko") is ignored.
 */
export function decodeCharset(octets: string, charset: string): string | null {
  const label = charset.replace(/\*.*$/, '').trim().toLowerCase();
  if (label === 'utf-8' || label === 'utf8') return octetsToUtf8(octets);
  return decoderFor(label)?.decode(octetsToBytes(octets)) ?? null;
}
