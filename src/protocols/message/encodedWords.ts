// RFC 2047 encoded words: how Unicode display names and subjects travel in 7-bit header fields.

import { decodeBase64, encodeBase64 } from './base64.ts';
import { decodeCharset } from './charset.ts';
import { hasControls, isAscii, utf8ToOctets } from '../shared/octets.ts';

/** ENCODED_WORD_MAX is the longest an encoded word may be, in chars (RFC 2047 §2). */
export const ENCODED_WORD_MAX = 75;

// RFC 2047 §2: a header line holding encoded words is at most 76 chars; a folded line starts with one space.
const LINE_MAX = 76;

/**
 * WordEncoding is B (Base64, compact for Korean) or Q (quoted-printable-like, readable for mostly-Latin
 * text).
 */
export type WordEncoding = 'B' | 'Q';

/**
 * EncodeWordsOptions: `encoding` defaults to B; `column` is how many chars of the header line come before the
 * text ("Subject: " is 9), so the first word keeps the line within 76 chars.
 */
export type EncodeWordsOptions = { encoding?: WordEncoding; column?: number };

const PREFIX = '=?UTF-8?';
// "=?UTF-8?" + "B?" + "?=" around the payload.
const OVERHEAD = PREFIX.length + 2 + 2;

// RFC 2047 §5 rule 3: only these stay literal in Q so the word is valid in a phrase too; "_" stands for
// space.
function qEncodeChar(code: number): string {
  if (code === 32) return '_';
  const char = String.fromCharCode(code);
  if (/[A-Za-z0-9!*+\-/]/.test(char)) return char;
  return '=' + code.toString(16).toUpperCase().padStart(2, '0');
}

function payload(octets: string, encoding: WordEncoding): string {
  if (encoding === 'B') return encodeBase64(octets);
  let out = '';
  for (let i = 0; i < octets.length; i++) out += qEncodeChar(octets.charCodeAt(i));
  return out;
}

/**
 * needsEncodedWords tells whether text cannot go into a header as it is: non-ASCII, controls, or a look-alike
 * "=?".
 */
export function needsEncodedWords(text: string): boolean {
  return !isAscii(text) || hasControls(text) || text.includes('=?');
}

/**
 * encodeWords encodes Unicode text as UTF-8 encoded words separated by single spaces, which a decoder drops
 * (RFC 2047 §6.2), so the spaces are places to fold. Words never exceed 75 chars and never split a character.
 * Empty text gives the empty string, since an encoded word may not be empty (RFC 2047 §2).
 */
export function encodeWords(text: string, options: EncodeWordsOptions = {}): string {
  const encoding = options.encoding ?? 'B';
  const words: string[] = [];
  let max = Math.min(ENCODED_WORD_MAX, LINE_MAX - (options.column ?? 0));
  let octets = '';
  for (const char of text) {
    const next = octets + utf8ToOctets(char);
    // When the column leaves no room for even one character, the first word still takes one.
    if (octets !== '' && payload(next, encoding).length + OVERHEAD > max) {
      words.push(`${PREFIX}${encoding}?${payload(octets, encoding)}?=`);
      max = ENCODED_WORD_MAX;
      octets = utf8ToOctets(char);
    } else {
      octets = next;
    }
  }
  if (octets !== '') words.push(`${PREFIX}${encoding}?${payload(octets, encoding)}?=`);
  return words.join(' ');
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'word'; charset: string; octets: string; start: number; end: number };

function decodePayload(encoding: string, text: string): string {
  if (encoding === 'B' || encoding === 'b') return decodeBase64(text).octets;
  return text
    .replace(/_/g, ' ')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * decodeWords decodes the encoded words in header text, leaving the rest as it is. Whitespace between two
 * encoded words is dropped (RFC 2047 §6.2); adjacent words in one charset are joined before decoding, so a
 * character split across words by a careless encoder survives. A word in an unknown charset stays encoded.
 */
export function decodeWords(text: string): string {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(ENCODED_WORD)) {
    const [raw, charset = '', encoding = '', data = ''] = match;
    const between = text.slice(last, match.index);
    const previous = pieces[pieces.length - 1];
    if (!(previous?.kind === 'word' && /^[ \t\r\n]*$/.test(between)) && between !== '') {
      pieces.push({ kind: 'text', text: between });
    }
    const octets = decodePayload(encoding, data);
    const current = pieces[pieces.length - 1];
    last = match.index + raw.length;
    if (current?.kind === 'word' && current.charset.toLowerCase() === charset.toLowerCase()) {
      current.octets += octets;
      current.end = last;
    } else {
      pieces.push({ kind: 'word', charset, octets, start: match.index, end: last });
    }
  }
  pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces
    .map((piece) =>
      piece.kind === 'text'
        ? piece.text
        : (decodeCharset(piece.octets, piece.charset) ?? text.slice(piece.start, piece.end)),
    )
    .join('');
}
