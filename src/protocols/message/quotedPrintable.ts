// Quoted-printable content transfer encoding (RFC 2045 §6.7): mostly-ASCII text kept readable, 7-bit clean.

/**
 * QP_LINE_LENGTH is the longest encoded line, without its CRLF, counting a soft break's "=" (RFC 2045 §6.7
 * rule 5).
 */
export const QP_LINE_LENGTH = 76;

/** QuotedPrintableDecoded is the result of decodeQuotedPrintable: the octets, and what was malformed. */
export type QuotedPrintableDecoded = { octets: string; problems: string[] };

const HEX = '0123456789ABCDEF';

function escape(code: number): string {
  return '=' + HEX.charAt(code >> 4) + HEX.charAt(code & 15);
}

// Rule 2 (literal representation): printable ASCII except "=" stays as it is.
function isLiteral(code: number): boolean {
  return (code >= 33 && code <= 60) || (code >= 62 && code <= 126);
}

/**
 * encodeQuotedPrintable encodes octets whose line ends are CRLF. Each CRLF stays a hard line break (rule 4);
 * a bare CR or LF is escaped. Space and tab are escaped at the end of a line (rule 3), and longer lines get
 * soft breaks (rule 5) that never split an escape.
 */
export function encodeQuotedPrintable(octets: string): string {
  return octets.split('\r\n').map(encodeLine).join('\r\n');
}

function encodeLine(line: string): string {
  const tokens: string[] = [];
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i) & 0xff;
    const literal = isLiteral(code) || (isWhitespace(code) && i < line.length - 1);
    tokens.push(literal ? String.fromCharCode(code) : escape(code));
  }
  const out: string[] = [];
  let current: string[] = [];
  let length = 0;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] ?? '';
    // The last token needs no room after it; any other must leave a column for a soft break's "=".
    const room = i === tokens.length - 1 ? QP_LINE_LENGTH : QP_LINE_LENGTH - 1;
    if (length + token.length <= room) {
      current.push(token);
      length += token.length;
      i++;
      continue;
    }
    // Whitespace may not end an encoded line (rule 3): escape it, or carry it on to the next line if there is
    // no room for the escape.
    while (isWhitespace(lastCode(current)) && length + 2 > QP_LINE_LENGTH - 1) {
      current.pop();
      length--;
      i--;
    }
    const tail = lastCode(current);
    if (isWhitespace(tail)) current[current.length - 1] = escape(tail);
    out.push(current.join(''));
    current = [];
    length = 0;
  }
  out.push(current.join(''));
  return out.join('=\r\n');
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9;
}

function lastCode(tokens: readonly string[]): number {
  const last = tokens[tokens.length - 1];
  return last !== undefined && last.length === 1 ? last.charCodeAt(0) : -1;
}

/**
 * decodeQuotedPrintable decodes quoted-printable text. Trailing whitespace on a line is dropped as rule 3
 * asks of decoders; "=" before a line end is a soft break; an "=" not followed by two hex digits is kept and
 * reported, once for the whole text so that garbage cannot make the report grow without bound.
 */
export function decodeQuotedPrintable(text: string): QuotedPrintableDecoded {
  const lines = text.split(/\r\n|\n/);
  let octets = '';
  let stray = 0;
  let firstStrayLine = 0;
  lines.forEach((rawLine, lineIndex) => {
    let line = rawLine.replace(/[ \t]+$/, '');
    const soft = line.endsWith('=');
    if (soft) line = line.slice(0, -1);
    for (let i = 0; i < line.length; i++) {
      const char = line.charAt(i);
      const hex = line.slice(i + 1, i + 3);
      if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
        octets += String.fromCharCode(parseInt(hex, 16));
        i += 2;
        continue;
      }
      if (char === '=' && stray++ === 0) firstStrayLine = lineIndex + 1;
      octets += char;
    }
    if (!soft && lineIndex < lines.length - 1) octets += '\r\n';
  });
  const problems =
    stray === 0 ? [] : [`${stray} "=" not followed by two hex digits, the first on line ${firstStrayLine}`];
  return { octets, problems };
}
