// Address lists in From, To and Cc (RFC 5322 §3.4): writing them with encoded Unicode display names, and
// reading them back leniently, groups and obsolete forms included.

import { decodeWords, encodeWords, needsEncodedWords } from './encodedWords.ts';

/** Mailbox is one address with its optional display name, in Unicode. */
export type Mailbox = { name?: string; address: string };

/** ParsedAddressList is what parseAddressList found, and what it had to guess about. */
export type ParsedAddressList = { mailboxes: Mailbox[]; problems: string[] };

// atext plus spaces between words: a phrase that needs no quoting (RFC 5322 §3.2.3, §3.2.5).
const PLAIN_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+( [A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/;

/**
 * formatMailbox writes `Name <address>`: the name as it is when it is a plain phrase, quoted when it holds
 * specials, as encoded words when it is not printable ASCII (RFC 2047 §5 rule 3); a bare address without a
 * name.
 */
export function formatMailbox(mailbox: Mailbox): string {
  const name = mailbox.name ?? '';
  if (name === '') return mailbox.address;
  if (needsEncodedWords(name)) return `${encodeWords(name)} <${mailbox.address}>`;
  if (PLAIN_PHRASE.test(name)) return `${name} <${mailbox.address}>`;
  return `"${name.replace(/["\\]/g, '\\$&')}" <${mailbox.address}>`;
}

/** formatAddressList writes mailboxes separated by ", ", ready for foldField. */
export function formatAddressList(mailboxes: readonly Mailbox[]): string {
  return mailboxes.map(formatMailbox).join(', ');
}

type Token =
  | { kind: 'word'; text: string; raw: string }
  | { kind: 'comment'; text: string }
  | { kind: 'special'; char: string };

// Anything up to whitespace or a special; only ASCII whitespace separates, so raw UTF-8 names (RFC 6532) keep
// theirs.
const ATOM = /[^ \t\r\n()<>,:;@"]+/y;

function tokenize(value: string, problems: string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < value.length) {
    const char = value.charAt(i);
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      i++;
    } else if (char === '"') {
      let text = '';
      let j = i + 1;
      for (; j < value.length && value.charAt(j) !== '"'; j++) {
        if (value.charAt(j) === '\\') j++;
        text += value.charAt(j);
      }
      if (j >= value.length) problems.push('unterminated quoted string');
      tokens.push({ kind: 'word', text: text.replace(/\r?\n(?=[ \t])/g, ''), raw: value.slice(i, j + 1) });
      i = j + 1;
    } else if (char === '(') {
      let depth = 0;
      let text = '';
      let j = i;
      for (; j < value.length; j++) {
        const c = value.charAt(j);
        if (c === '\\') {
          j++;
          text += value.charAt(j);
          continue;
        }
        if (c === '(') depth++;
        if (c === ')') depth--;
        if (depth === 0) break;
        if (depth > 1 || c !== '(') text += c;
      }
      if (j >= value.length) problems.push('unterminated comment');
      tokens.push({ kind: 'comment', text });
      i = j + 1;
    } else if ('<>,:;@'.includes(char)) {
      tokens.push({ kind: 'special', char });
      i++;
    } else {
      ATOM.lastIndex = i;
      const atom = ATOM.exec(value)?.[0] ?? char;
      tokens.push({ kind: 'word', text: atom, raw: atom });
      i += atom.length;
    }
  }
  return tokens;
}

// Only ASCII whitespace is syntax here; a name may well start or end with, say, an ideographic space.
function trimAscii(text: string): string {
  return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

function phrase(tokens: readonly Token[]): string {
  const words = tokens.flatMap((token) => (token.kind === 'word' ? [token.text] : []));
  return trimAscii(decodeWords(words.join(' ')));
}

function toMailbox(tokens: readonly Token[], problems: string[]): Mailbox | null {
  const meaningful = tokens.filter((token) => token.kind !== 'comment');
  if (meaningful.length === 0) return null;
  const open = meaningful.findIndex((token) => token.kind === 'special' && token.char === '<');
  let address: string;
  let name: string;
  if (open !== -1) {
    const close = meaningful.findIndex(
      (token, i) => i > open && token.kind === 'special' && token.char === '>',
    );
    if (close === -1) problems.push('"<" without ">"');
    let inside = meaningful.slice(open + 1, close === -1 ? undefined : close);
    // An obsolete source route ("<@relay:user@host>", RFC 5322 §4.4) is dropped.
    const routeEnd = inside.findLastIndex((token) => token.kind === 'special' && token.char === ':');
    inside = inside.slice(routeEnd + 1);
    address = inside
      .map((token) => (token.kind === 'word' ? token.raw : token.kind === 'special' ? token.char : ''))
      .join('');
    name = phrase(meaningful.slice(0, open));
  } else {
    address = meaningful
      .map((token) => (token.kind === 'word' ? token.raw : token.kind === 'special' ? token.char : ''))
      .join('');
    // "user@host (Name)" is an old way to give a display name.
    name = decodeWords(
      tokens.flatMap((token) => (token.kind === 'comment' ? [token.text] : [])).join(' '),
    ).trim();
    if (meaningful.filter((token) => token.kind === 'word').length > 1 && !address.includes('@')) {
      problems.push(`"${address}" looks like a name without an address`);
    }
  }
  if (!address.includes('@')) problems.push(`address "${address}" has no "@"`);
  return name === '' ? { address } : { name, address };
}

/**
 * parseAddressList reads an address list given as text (decode the field's octets first). Group names are
 * dropped and their members kept (RFC 5322 §3.4); encoded words in display names are decoded. It never
 * throws.
 */
export function parseAddressList(value: string): ParsedAddressList {
  const problems: string[] = [];
  const mailboxes: Mailbox[] = [];
  let entry: Token[] = [];
  let inAngle = false;
  const flush = () => {
    const mailbox = toMailbox(entry, problems);
    if (mailbox !== null) mailboxes.push(mailbox);
    entry = [];
  };
  for (const token of tokenize(value, problems)) {
    if (token.kind === 'special' && token.char === '<') inAngle = true;
    if (token.kind === 'special' && token.char === '>') inAngle = false;
    if (token.kind === 'special' && !inAngle && (token.char === ',' || token.char === ';')) {
      flush();
    } else if (token.kind === 'special' && !inAngle && token.char === ':') {
      entry = [];
    } else {
      entry.push(token);
    }
  }
  flush();
  return { mailboxes, problems };
}
