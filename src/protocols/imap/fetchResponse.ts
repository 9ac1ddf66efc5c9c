// The data items of an untagged FETCH response (RFC 3501 §7.4.2, §9 `msg-att`): written by the server from
// what it knows of a message, read back by the client.

import { type BodyStructure, formatBodyStructure } from './bodyStructure.ts';
import { bodyStructureFromValue } from './bodyStructureValue.ts';
import { type Envelope, envelopeFromValue, formatEnvelope } from './envelope.ts';
import { formatSection, readSection, type Section } from './fetchItems.ts';
import { formatDateTime, type ImapDateTime, readDateTime } from './imapDates.ts';
import type { Scanner } from './lexer.ts';
import { formatFlagList, formatNstring } from './strings.ts';

/**
 * FetchResponseItem is one item of a FETCH response. `section` is BODY[section]<origin> with the octets
 * (null for NIL); `origin` is there only when the client asked for a partial fetch (§7.4.2).
 */
export type FetchResponseItem =
  | { item: 'FLAGS'; flags: string[] }
  | { item: 'UID'; uid: number }
  | { item: 'INTERNALDATE'; date: ImapDateTime }
  | { item: 'RFC822.SIZE'; size: number }
  | { item: 'ENVELOPE'; envelope: Envelope }
  | { item: 'BODY' | 'BODYSTRUCTURE'; body: BodyStructure }
  | { item: 'RFC822' | 'RFC822.HEADER' | 'RFC822.TEXT'; data: string | null }
  | { item: 'section'; section: Section; origin: number | null; data: string | null };

/** formatFetchResponseItem writes one item: `FLAGS (\Seen)`, `BODY[HEADER] {342}…`. */
export function formatFetchResponseItem(item: FetchResponseItem): string {
  switch (item.item) {
    case 'FLAGS':
      return `FLAGS ${formatFlagList(item.flags)}`;
    case 'UID':
      return `UID ${item.uid}`;
    case 'INTERNALDATE':
      return `INTERNALDATE ${formatDateTime(item.date)}`;
    case 'RFC822.SIZE':
      return `RFC822.SIZE ${item.size}`;
    case 'ENVELOPE':
      return `ENVELOPE ${formatEnvelope(item.envelope)}`;
    case 'BODY':
    case 'BODYSTRUCTURE':
      return `${item.item} ${formatBodyStructure(item.body, item.item === 'BODYSTRUCTURE')}`;
    case 'RFC822':
    case 'RFC822.HEADER':
    case 'RFC822.TEXT':
      return `${item.item} ${formatNstring(item.data)}`;
    case 'section': {
      const origin = item.origin === null ? '' : `<${item.origin}>`;
      return `BODY[${formatSection(item.section)}]${origin} ${formatNstring(item.data)}`;
    }
  }
}

function readItem(s: Scanner): FetchResponseItem {
  const start = s.pos;
  const name = (s.match(/[A-Za-z0-9.]+/y) ?? s.expected('a FETCH data item')).toUpperCase();
  if (name === 'BODY' && s.peek() === '[') {
    const section = readSection(s);
    const origin = s.take('<') ? s.number('the origin octet') : null;
    if (origin !== null) s.expect('>', 'a ">" closing the origin');
    s.sp('the section data');
    return { item: 'section', section, origin, data: s.nstring('the section data') };
  }
  s.sp(`the value of ${name}`);
  switch (name) {
    case 'FLAGS':
      return { item: name, flags: s.flagList() };
    case 'UID':
      return { item: name, uid: s.nzNumber('the UID') };
    case 'INTERNALDATE':
      return { item: name, date: readDateTime(s) };
    case 'RFC822.SIZE':
      return { item: name, size: s.number('the size') };
    case 'ENVELOPE': {
      const read = envelopeFromValue(s.value());
      return read.ok ? { item: name, envelope: read.envelope } : s.fail(read.message, start);
    }
    case 'BODY':
    case 'BODYSTRUCTURE': {
      const read = bodyStructureFromValue(s.value());
      return read.ok ? { item: name, body: read.value } : s.fail(read.message, start);
    }
    case 'RFC822':
    case 'RFC822.HEADER':
    case 'RFC822.TEXT':
      return { item: name, data: s.nstring(`the ${name} data`) };
  }
  return s.fail(`unknown FETCH response item "${name}"`, start);
}

/** readFetchResponseItems reads the parenthesised item list of a FETCH response (RFC 3501 §9 `msg-att`). */
export function readFetchResponseItems(s: Scanner): FetchResponseItem[] {
  const open = s.pos;
  s.expect('(', 'a "(" opening the FETCH data');
  const items: FetchResponseItem[] = [];
  do {
    if (s.atEnd()) s.fail('unbalanced parentheses: the FETCH data is never closed', open);
    items.push(readItem(s));
  } while (s.take(' '));
  if (!s.take(')')) {
    if (s.atEnd()) s.fail('unbalanced parentheses: the FETCH data is never closed', open);
    s.expected('a space or ")" after a FETCH data item');
  }
  return items;
}

/** formatFetchResponseItems writes the parenthesised item list of a FETCH response. */
export function formatFetchResponseItems(items: readonly FetchResponseItem[]): string {
  return `(${items.map(formatFetchResponseItem).join(' ')})`;
}
