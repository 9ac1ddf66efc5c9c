// SEARCH criteria (RFC 3501 §6.4.4, §9 `search-key`): flag keys, string keys, dates, sizes, HEADER, UID and
// sequence sets, and the NOT, OR and parenthesised combinations of them.

import { formatDate, type ImapDate, readDate } from './imapDates.ts';
import { MAX_NESTING, type Scanner } from './lexer.ts';
import { formatSequenceSet, looksLikeSequenceSet, readSequenceSet, type SequenceSet } from './sequenceSet.ts';
import { formatAstring } from './strings.ts';

/** FlagSearchKey is a key that tests a flag or the session's \Recent state and takes no argument. */
export type FlagSearchKey =
  | 'ALL'
  | 'ANSWERED'
  | 'DELETED'
  | 'DRAFT'
  | 'FLAGGED'
  | 'NEW'
  | 'OLD'
  | 'RECENT'
  | 'SEEN'
  | 'UNANSWERED'
  | 'UNDELETED'
  | 'UNDRAFT'
  | 'UNFLAGGED'
  | 'UNSEEN';

/** TextSearchKey is a key that looks for a substring in a header field or the message text. */
export type TextSearchKey = 'BCC' | 'BODY' | 'CC' | 'FROM' | 'SUBJECT' | 'TEXT' | 'TO';

/** DateSearchKey compares the internal date (BEFORE, ON, SINCE) or the Date field (SENT…) with a day. */
export type DateSearchKey = 'BEFORE' | 'ON' | 'SINCE' | 'SENTBEFORE' | 'SENTON' | 'SENTSINCE';

/**
 * SearchKey is one search criterion. Keywords of RFC 3501 are in capitals; `sequence` (a bare sequence
 * set) and `group` (criteria in parentheses, all of which must match) are the two forms without one.
 */
export type SearchKey =
  | { key: FlagSearchKey }
  | { key: TextSearchKey; value: string }
  | { key: 'KEYWORD' | 'UNKEYWORD'; flag: string }
  | { key: DateSearchKey; date: ImapDate }
  | { key: 'LARGER' | 'SMALLER'; size: number }
  | { key: 'HEADER'; field: string; value: string }
  | { key: 'NOT'; operand: SearchKey }
  | { key: 'OR'; left: SearchKey; right: SearchKey }
  | { key: 'UID'; set: SequenceSet }
  | { key: 'sequence'; set: SequenceSet }
  | { key: 'group'; keys: SearchKey[] };

const FLAG_KEYS: readonly FlagSearchKey[] = [
  'ALL',
  'ANSWERED',
  'DELETED',
  'DRAFT',
  'FLAGGED',
  'NEW',
  'OLD',
  'RECENT',
  'SEEN',
  'UNANSWERED',
  'UNDELETED',
  'UNDRAFT',
  'UNFLAGGED',
  'UNSEEN',
];
const TEXT_KEYS: readonly TextSearchKey[] = ['BCC', 'BODY', 'CC', 'FROM', 'SUBJECT', 'TEXT', 'TO'];
const DATE_KEYS: readonly DateSearchKey[] = ['BEFORE', 'ON', 'SINCE', 'SENTBEFORE', 'SENTON', 'SENTSINCE'];

function isOneOf<T extends string>(names: readonly T[], name: string): name is T {
  return (names as readonly string[]).includes(name);
}

function group(s: Scanner, depth: number): SearchKey {
  const open = s.pos++;
  const keys: SearchKey[] = [];
  do {
    if (s.atEnd()) s.fail('unbalanced parentheses: this "(" of the search is never closed', open);
    keys.push(readKey(s, depth + 1));
  } while (s.take(' '));
  if (!s.take(')')) {
    if (s.atEnd()) s.fail('unbalanced parentheses: this "(" of the search is never closed', open);
    s.expected('a space or ")" after a search key');
  }
  return { key: 'group', keys };
}

function readKey(s: Scanner, depth: number): SearchKey {
  if (depth > MAX_NESTING) s.fail(`search criteria nest deeper than ${MAX_NESTING} levels`);
  if (s.peek() === '(') return group(s, depth);
  if (looksLikeSequenceSet(s)) return { key: 'sequence', set: readSequenceSet(s) };
  const start = s.pos;
  const word = s.match(/[^ ()]+/y) ?? s.expected('a search key');
  const name = word.toUpperCase();
  if (isOneOf(FLAG_KEYS, name)) return { key: name };
  const argument = () => s.sp(`the argument of ${name}`);
  if (isOneOf(TEXT_KEYS, name)) {
    argument();
    return { key: name, value: s.astring(`the string that ${name} looks for`) };
  }
  if (isOneOf(DATE_KEYS, name)) {
    argument();
    return { key: name, date: readDate(s) };
  }
  switch (name) {
    case 'KEYWORD':
    case 'UNKEYWORD':
      argument();
      return { key: name, flag: s.atom(`the keyword that ${name} tests`) };
    case 'LARGER':
    case 'SMALLER':
      argument();
      return { key: name, size: s.number(`the size in octets for ${name}`) };
    case 'HEADER': {
      argument();
      const field = s.astring('the header field name for HEADER');
      s.sp('the string that HEADER looks for');
      return { key: 'HEADER', field, value: s.astring('the string that HEADER looks for') };
    }
    case 'NOT':
      argument();
      return { key: 'NOT', operand: readKey(s, depth + 1) };
    case 'OR': {
      argument();
      const left = readKey(s, depth + 1);
      s.sp('the second criterion of OR');
      return { key: 'OR', left, right: readKey(s, depth + 1) };
    }
    case 'UID':
      argument();
      return { key: 'UID', set: readSequenceSet(s) };
  }
  return s.fail(`unknown search key "${word}"`, start);
}

/** readSearchKeys reads one or more criteria separated by spaces, up to the end of the command. */
export function readSearchKeys(s: Scanner): SearchKey[] {
  const keys = [readKey(s, 0)];
  while (!s.atEnd()) {
    s.sp('the next search key');
    keys.push(readKey(s, 0));
  }
  return keys;
}

/** formatSearchKey writes one criterion as readSearchKeys reads it. */
export function formatSearchKey(key: SearchKey): string {
  switch (key.key) {
    case 'sequence':
      return formatSequenceSet(key.set);
    case 'group':
      return `(${key.keys.map(formatSearchKey).join(' ')})`;
    case 'UID':
      return `UID ${formatSequenceSet(key.set)}`;
    case 'NOT':
      return `NOT ${formatSearchKey(key.operand)}`;
    case 'OR':
      return `OR ${formatSearchKey(key.left)} ${formatSearchKey(key.right)}`;
    case 'HEADER':
      return `HEADER ${formatAstring(key.field)} ${formatAstring(key.value)}`;
    case 'KEYWORD':
    case 'UNKEYWORD':
      return `${key.key} ${key.flag}`;
    case 'LARGER':
    case 'SMALLER':
      return `${key.key} ${key.size}`;
    case 'BEFORE':
    case 'ON':
    case 'SINCE':
    case 'SENTBEFORE':
    case 'SENTON':
    case 'SENTSINCE':
      return `${key.key} ${formatDate(key.date)}`;
    case 'BCC':
    case 'BODY':
    case 'CC':
    case 'FROM':
    case 'SUBJECT':
    case 'TEXT':
    case 'TO':
      return `${key.key} ${formatAstring(key.value)}`;
    default:
      return key.key;
  }
}
