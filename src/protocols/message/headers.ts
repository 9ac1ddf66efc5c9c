// RFC 5322 header fields: reading a header block with every field's raw octets and offsets (so the UI can
// point at them), unfolding, and folding long fields when writing.

import { octetsToUtf8 } from '../shared/octets.ts';

/**
 * HeaderField is one field as found in the raw octets. `raw` is exactly raw[start, end), folding and final
 * line end included; `value` is the unfolded octets after the colon, without surrounding whitespace.
 */
export type HeaderField = { name: string; value: string; raw: string; start: number; end: number };

/**
 * HeaderBlock is what parseHeaderBlock found: the fields, where the block ends (the empty line or the first
 * line that is not a field), where the body starts (after that empty line), and what was malformed.
 */
export type HeaderBlock = { fields: HeaderField[]; headerEnd: number; bodyStart: number; problems: string[] };

/** HEADER_FOLD_AT is the line length RFC 5322 §2.1.1 asks writers to stay within, without the CRLF. */
export const HEADER_FOLD_AT = 78;

/** HEADER_LINE_MAX is the longest a header line may be, without the CRLF (RFC 5322 §2.1.1). */
export const HEADER_LINE_MAX = 998;

// RFC 5322 §3.6.8: a field name is printable ASCII except ":". Whitespace before the colon is the obsolete
// syntax of §4.5 and still accepted.
const FIELD_START = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:/;

/** unfold removes every line break that is followed by whitespace (RFC 5322 §2.2.3); a bare LF counts too. */
export function unfold(text: string): string {
  return text.replace(/\r?\n(?=[ \t])/g, '');
}

/**
 * parseHeaderBlock reads the header fields of raw[start, end) from its beginning. It never throws: a line
 * that is neither a field nor a continuation ends the block and is reported, and bare LF line ends are
 * accepted.
 */
export function parseHeaderBlock(raw: string, start = 0, end = raw.length): HeaderBlock {
  const fields: HeaderField[] = [];
  const problems: string[] = [];
  let current: { name: string; start: number; end: number; valueStart: number } | null = null;
  let sawBareLf = false;
  let pos = start;
  let block: { headerEnd: number; bodyStart: number } = { headerEnd: end, bodyStart: end };
  const finish = () => {
    if (current === null) return;
    const fieldRaw = raw.slice(current.start, current.end);
    const value = unfold(raw.slice(current.valueStart, current.end).replace(/\r?\n$/, ''));
    const { name, start: fieldStart, end: fieldEnd } = current;
    fields.push({
      name,
      value: value.replace(/^[ \t]+|[ \t\r]+$/g, ''),
      raw: fieldRaw,
      start: fieldStart,
      end: fieldEnd,
    });
    current = null;
  };
  while (pos < end) {
    const newline = raw.indexOf('\n', pos);
    const next = newline === -1 || newline >= end ? end : newline + 1;
    const contentEnd =
      newline === -1 || newline >= end ? end : raw[newline - 1] === '\r' ? newline - 1 : newline;
    if (newline !== -1 && newline < end && contentEnd === newline) sawBareLf = true;
    const line = raw.slice(pos, contentEnd);
    if (line.length > HEADER_LINE_MAX)
      problems.push(`header line at offset ${pos} is longer than 998 octets`);
    if (line === '') {
      block = { headerEnd: pos, bodyStart: next };
      break;
    }
    const fieldStart = FIELD_START.exec(line);
    if ((line.startsWith(' ') || line.startsWith('\t')) && current !== null) {
      current.end = next;
    } else if (fieldStart !== null) {
      finish();
      const [match, name = ''] = fieldStart;
      current = { name, start: pos, end: next, valueStart: pos + match.length };
    } else {
      problems.push(`line at offset ${pos} is not a header field; the body starts there`);
      block = { headerEnd: pos, bodyStart: pos };
      break;
    }
    pos = next;
  }
  finish();
  if (sawBareLf) problems.push('header lines end with a bare LF instead of CRLF');
  return { fields, ...block, problems };
}

/**
 * fieldText turns a field value's octets into text: UTF-8 (allowed in headers by RFC 6532) when they are
 * valid UTF-8, or else one char per octet, so nothing is lost. Encoded words are left for decodeWords.
 */
export function fieldText(octets: string): string {
  const text = octetsToUtf8(octets);
  return text.includes('\ufffd') && !octets.includes('\xef\xbf\xbd') ? octets : text;
}

/** findField returns the first field with this name (case-insensitive), or undefined. */
export function findField(fields: readonly HeaderField[], name: string): HeaderField | undefined {
  const wanted = name.toLowerCase();
  return fields.find((field) => field.name.toLowerCase() === wanted);
}

/**
 * foldField writes `Name: value` folded before whitespace so lines stay within lineMax chars where the value
 * allows (RFC 5322 §2.2.3); a word longer than that keeps its own line. The result has no final CRLF. Any
 * line break inside the value becomes a space, so a value can never inject another field.
 */
export function foldField(name: string, value: string, lineMax = HEADER_FOLD_AT): string {
  const clean = value.replace(/\r\n|\r|\n/g, ' ');
  const segments = clean.match(/[ \t]*[^ \t]+|[ \t]+/g) ?? [];
  const first = segments[0];
  if (first !== undefined && !/^[ \t]/.test(first)) segments[0] = ' ' + first;
  const lines: string[] = [];
  let line = `${name}:`;
  for (const segment of segments) {
    // A line of only whitespace is not allowed (RFC 5322 §3.2.2), so a break goes only before a word; it may
    // come straight after the colon when the first word would not fit beside the name.
    if (line.length + segment.length > lineMax && /[^ \t]/.test(segment)) {
      lines.push(line);
      line = segment;
    } else {
      line += segment;
    }
  }
  lines.push(line);
  return lines.join('\r\n');
}
