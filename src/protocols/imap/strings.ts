// Writing the string forms of RFC 3501 §4.3 (atom, quoted, literal; astring and nstring built from them),
// choosing the plainest form that carries the octets exactly.

import { isAstringAtom, isListAtom } from './lexer.ts';
import { isOctets, utf8ToOctets } from '../shared/octets.ts';

/**
 * QUOTED_MAX is the longest string written as a quoted string; longer ones go as literals, which a reader
 * sizes up front instead of scanning for the closing quote.
 */
export const QUOTED_MAX = 1024;

// TEXT-CHAR without NUL (RFC 3501 §9): 7-bit, no CR or LF. Quoted strings carry only these.
function isQuotable(code: number): boolean {
  return code >= 0x01 && code <= 0x7f && code !== 0x0a && code !== 0x0d;
}

/** toOctets passes octets through and encodes text with chars above 0xFF as UTF-8. */
export function toOctets(text: string): string {
  return isOctets(text) ? text : utf8ToOctets(text);
}

// Whether octets can be written as a quoted string.
function canQuote(octets: string): boolean {
  if (octets.length > QUOTED_MAX) return false;
  for (let i = 0; i < octets.length; i++) if (!isQuotable(octets.charCodeAt(i))) return false;
  return true;
}

/** formatQuoted writes a quoted string, escaping `"` and `\` (RFC 3501 §9 QUOTED-CHAR). */
export function formatQuoted(octets: string): string {
  return `"${octets.replace(/["\\]/g, '\\$&')}"`;
}

/** formatLiteral writes a literal: `{n}` CRLF and the n octets (RFC 3501 §4.3). */
export function formatLiteral(octets: string): string {
  return `{${octets.length}}\r\n${octets}`;
}

/**
 * formatString writes a `string`: quoted when the octets allow it (7-bit, no CR or LF, not too long), or
 * else a literal. Text with chars above 0xFF is sent as UTF-8.
 */
export function formatString(text: string): string {
  const octets = toOctets(text);
  return canQuote(octets) ? formatQuoted(octets) : formatLiteral(octets);
}

/**
 * formatAstring writes an `astring`: bare when it is atom chars (and "]"), else as formatString does.
 * An empty string is `""`.
 */
export function formatAstring(text: string): string {
  return isAstringAtom(text) ? text : formatString(text);
}

/** formatNstring writes an `nstring`: NIL for null, else a quoted string or literal, never an atom. */
export function formatNstring(text: string | null): string {
  return text === null ? 'NIL' : formatString(text);
}

/** formatListMailbox writes a LIST or LSUB pattern: bare when it can be ("%" and "*" included). */
export function formatListMailbox(pattern: string): string {
  return isListAtom(pattern) ? pattern : formatString(pattern);
}

/** formatFlagList writes flags as a parenthesised list: `(\Seen \Deleted)`. */
export function formatFlagList(flags: readonly string[]): string {
  return `(${flags.join(' ')})`;
}
