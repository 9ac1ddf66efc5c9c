// Mailbox names on the wire: modified UTF-7 for names beyond printable ASCII (RFC 3501 §5.1.3), and INBOX,
// whose name is case-insensitive (RFC 3501 §5.1, §9 `mailbox`).

/** INBOX is the primary mailbox's name, however a client spells it. */
export const INBOX = 'INBOX';

/** MailboxNameDecoded is a decoded name, or why the wire form is not valid modified UTF-7. */
export type MailboxNameDecoded = { ok: true; name: string } | { ok: false; problem: string };

// RFC 3501 §5.1.3: modified BASE64 is RFC 2045 BASE64 with "," in place of "/", and no padding.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,';

const BROKEN_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * normaliseMailbox turns every case variant of INBOX into INBOX and leaves any other name as it is
 * (RFC 3501 §9: an astring of the letters I N B O X is INBOX).
 */
export function normaliseMailbox(name: string): string {
  return name.toUpperCase() === INBOX ? INBOX : name;
}

/** isInbox tells whether a wire name means INBOX. */
export function isInbox(name: string): boolean {
  return name.toUpperCase() === INBOX;
}

function isPrintableAscii(code: number): boolean {
  return code >= 0x20 && code <= 0x7e;
}

function encodeRun(units: readonly number[]): string {
  let out = '';
  let bits = 0;
  let buffer = 0;
  for (const unit of units) {
    buffer = (buffer << 16) | unit;
    bits += 16;
    while (bits >= 6) {
      bits -= 6;
      out += ALPHABET.charAt((buffer >> bits) & 0x3f);
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET.charAt((buffer << (6 - bits)) & 0x3f);
  return `&${out}-`;
}

/**
 * encodeMailboxName writes a Unicode name in modified UTF-7: printable ASCII stands for itself, "&" is
 * "&-", and every other run of chars is UTF-16 in modified BASE64 between "&" and "-" (RFC 3501 §5.1.3).
 * 받은편지함 is &vBvHQNO4ycDVaA-.
 */
export function encodeMailboxName(name: string): string {
  let out = '';
  let run: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (isPrintableAscii(code)) {
      if (run.length > 0) out += encodeRun(run);
      run = [];
      out += code === 0x26 ? '&-' : name.charAt(i);
    } else {
      run.push(code);
    }
  }
  if (run.length > 0) out += encodeRun(run);
  return out;
}

function decodeRun(text: string): { ok: true; units: number[] } | { ok: false; problem: string } {
  const units: number[] = [];
  let bits = 0;
  let buffer = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    if (value === -1) return { ok: false, problem: `"${char}" is not a modified BASE64 char` };
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 16) {
      bits -= 16;
      units.push((buffer >> bits) & 0xffff);
    }
  }
  // Leftover bits are padding: fewer than 6 of them, all zero (RFC 2152, as RFC 3501 §5.1.3 refers to it).
  if (bits >= 6 || (buffer & ((1 << bits) - 1)) !== 0) {
    return { ok: false, problem: `"&${text}-" does not end on a whole UTF-16 unit` };
  }
  return { ok: true, units };
}

/**
 * decodeMailboxName reads a modified UTF-7 wire name into Unicode. It refuses what RFC 3501 §5.1.3 forbids:
 * an unterminated shift, bad BASE64, printable ASCII written in BASE64, a shift straight after another
 * ("&AGE-&AGI-" is one shift), and 8-bit octets. It never throws.
 */
export function decodeMailboxName(wire: string): MailboxNameDecoded {
  let name = '';
  let i = 0;
  let lastShiftEnd = -1;
  while (i < wire.length) {
    const code = wire.charCodeAt(i);
    if (!isPrintableAscii(code)) {
      return { ok: false, problem: `octet 0x${code.toString(16)} at ${i} must be written in modified UTF-7` };
    }
    if (code !== 0x26) {
      name += wire.charAt(i++);
      continue;
    }
    const end = wire.indexOf('-', i + 1);
    if (end === -1) return { ok: false, problem: `the "&" at ${i} is never closed with "-"` };
    if (end === i + 1) {
      name += '&';
      i = end + 1;
      continue;
    }
    if (i === lastShiftEnd) {
      return { ok: false, problem: `the shift at ${i} follows another; they must be one (no "-&")` };
    }
    const run = decodeRun(wire.slice(i + 1, end));
    if (!run.ok) return run;
    const text = String.fromCharCode(...run.units);
    if (/[\x20-\x7e]/.test(text)) {
      return {
        ok: false,
        problem: `"${wire.slice(i, end + 1)}" encodes printable ASCII, which stands for itself`,
      };
    }
    if (BROKEN_SURROGATE.test(text)) {
      return { ok: false, problem: `"${wire.slice(i, end + 1)}" holds a broken UTF-16 surrogate pair` };
    }
    name += text;
    i = end + 1;
    lastShiftEnd = i;
  }
  return { ok: true, name };
}
