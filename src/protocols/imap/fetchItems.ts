// The data items a FETCH asks for (RFC 3501 §6.4.5, §9 `fetch-att`): the macros ALL, FAST and FULL, plain
// items like FLAGS and ENVELOPE, and BODY[section]<origin.count> with its section specs.

import type { Scanner } from './lexer.ts';
import { MAX_UINT32 } from './lexer.ts';
import { formatAstring } from './strings.ts';

/** SectionText is what of a part a section names (RFC 3501 §9 `section-msgtext`, `section-text`). */
export type SectionText =
  | { kind: 'HEADER' }
  | { kind: 'TEXT' }
  | { kind: 'MIME' }
  | { kind: 'HEADER.FIELDS' | 'HEADER.FIELDS.NOT'; fields: string[] };

/**
 * Section is the inside of BODY[…]: a part number path (1.2.3, empty for the whole message) and what of
 * that part; BODY[] is `{ part: [], text: null }`.
 */
export type Section = { part: number[]; text: SectionText | null };

/** Partial is `<origin.count>`: count octets from origin (RFC 3501 §6.4.5). */
export type Partial = { origin: number; count: number };

/** SimpleFetchItem names a FETCH item that takes no section (RFC 3501 §6.4.5). */
export type SimpleFetchItem =
  | 'ENVELOPE'
  | 'FLAGS'
  | 'INTERNALDATE'
  | 'RFC822'
  | 'RFC822.HEADER'
  | 'RFC822.SIZE'
  | 'RFC822.TEXT'
  | 'BODY'
  | 'BODYSTRUCTURE'
  | 'UID';

/** FetchAttribute is one requested item; BODY[…] and BODY.PEEK[…] are `section`, with peek telling which. */
export type FetchAttribute =
  { kind: SimpleFetchItem } | { kind: 'section'; peek: boolean; section: Section; partial: Partial | null };

/** FetchMacro is a FETCH shorthand that stands alone instead of a list (RFC 3501 §6.4.5). */
export type FetchMacro = 'ALL' | 'FAST' | 'FULL';

/** FetchItems is what FETCH asks for: the items, and the macro they came from if one was used. */
export type FetchItems = { macro: FetchMacro | null; items: FetchAttribute[] };

const SIMPLE_ITEMS: ReadonlySet<string> = new Set<SimpleFetchItem>([
  'ENVELOPE',
  'FLAGS',
  'INTERNALDATE',
  'RFC822',
  'RFC822.HEADER',
  'RFC822.SIZE',
  'RFC822.TEXT',
  'BODY',
  'BODYSTRUCTURE',
  'UID',
]);

/** MACRO_ITEMS are what each macro stands for (RFC 3501 §6.4.5). */
export const MACRO_ITEMS: Readonly<Record<FetchMacro, readonly SimpleFetchItem[]>> = {
  ALL: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE'],
  FAST: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE'],
  FULL: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE', 'BODY'],
};

function isSimpleItem(name: string): name is SimpleFetchItem {
  return SIMPLE_ITEMS.has(name);
}

function isMacro(name: string): name is FetchMacro {
  return name === 'ALL' || name === 'FAST' || name === 'FULL';
}

function headerList(s: Scanner): string[] {
  const open = s.pos;
  s.expect('(', 'a parenthesised list of header field names, like (DATE FROM)');
  const fields: string[] = [];
  do {
    if (s.atEnd()) s.fail('the header field list is never closed with ")"', open);
    fields.push(s.astring('a header field name'));
  } while (s.take(' '));
  s.expect(')', 'a ")" closing the header field list');
  return fields;
}

function sectionText(s: Scanner, afterPart: boolean): SectionText {
  const start = s.pos;
  const name = (s.match(/[A-Za-z.]+/y) ?? s.expected('HEADER, HEADER.FIELDS, TEXT or MIME')).toUpperCase();
  if (name === 'HEADER' || name === 'TEXT') return { kind: name };
  if (name === 'MIME') {
    if (!afterPart) s.fail('MIME names the header of a part, so it needs a part number: BODY[1.MIME]', start);
    return { kind: 'MIME' };
  }
  if (name === 'HEADER.FIELDS' || name === 'HEADER.FIELDS.NOT') {
    s.sp('the list of header field names');
    return { kind: name, fields: headerList(s) };
  }
  return s.fail(
    `"${name}" is not a section; use HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or MIME`,
    start,
  );
}

/** readSection reads `[section-spec]` including its brackets (RFC 3501 §9 `section`). */
export function readSection(s: Scanner): Section {
  const open = s.pos;
  s.expect('[', 'a "[" opening the section');
  const part: number[] = [];
  let text: SectionText | null = null;
  if (!s.take(']')) {
    if (/[0-9]/.test(s.peek())) {
      do part.push(s.nzNumber('a part number'));
      while (s.take('.') && /[0-9]/.test(s.peek()));
      if (s.text.charAt(s.pos - 1) === '.') text = sectionText(s, true);
    } else {
      text = sectionText(s, false);
    }
    if (!s.take(']')) s.fail(`the section is never closed with "]", ${s.found()}`, open);
  }
  return { part, text };
}

function partial(s: Scanner): Partial | null {
  if (!s.take('<')) return null;
  const origin = s.number('the first octet of a partial fetch');
  s.expect('.', 'a "." between the origin and the count, as in <0.1024>');
  const count = s.nzNumber('the number of octets of a partial fetch');
  s.expect('>', 'a ">" closing the partial fetch');
  if (origin + count > MAX_UINT32 + 1) s.fail('the partial fetch reaches beyond 4294967295 octets');
  return { origin, count };
}

function fetchAttribute(s: Scanner): FetchAttribute {
  const start = s.pos;
  const name = (s.match(/[A-Za-z0-9.]+/y) ?? s.expected('a FETCH data item')).toUpperCase();
  if ((name === 'BODY' || name === 'BODY.PEEK') && s.peek() === '[') {
    const section = readSection(s);
    return { kind: 'section', peek: name === 'BODY.PEEK', section, partial: partial(s) };
  }
  if (name === 'BODY.PEEK') s.fail('BODY.PEEK needs a section, as in BODY.PEEK[HEADER]', start);
  if (isSimpleItem(name)) return { kind: name };
  if (isMacro(name)) s.fail(`${name} is a macro and must stand alone, not inside a list`, start);
  return s.fail(`unknown FETCH data item "${name}"`, start);
}

/**
 * readFetchItems reads what FETCH asks for: a macro, one item, or a parenthesised list of items. A macro is
 * expanded into `items` and kept in `macro`.
 */
export function readFetchItems(s: Scanner): FetchItems {
  const macro = s.match(/(?:ALL|FAST|FULL)(?![A-Za-z0-9.[])/iy);
  if (macro !== null) {
    const name = macro.toUpperCase() as FetchMacro;
    return { macro: name, items: MACRO_ITEMS[name].map((kind) => ({ kind })) };
  }
  if (s.peek() !== '(') return { macro: null, items: [fetchAttribute(s)] };
  const open = s.pos++;
  const items: FetchAttribute[] = [];
  do {
    if (s.atEnd()) s.fail('unbalanced parentheses: the list of FETCH items is never closed', open);
    items.push(fetchAttribute(s));
  } while (s.take(' '));
  if (!s.take(')')) {
    if (s.atEnd()) s.fail('unbalanced parentheses: the list of FETCH items is never closed', open);
    s.expected('a space or ")" after a FETCH item');
  }
  return { macro: null, items };
}

/** formatSection writes the inside of BODY[…]: `1.2.HEADER.FIELDS (DATE FROM)`. */
export function formatSection(section: Section): string {
  const parts = section.part.map(String);
  const text = section.text;
  if (text !== null) {
    parts.push(
      text.kind === 'HEADER.FIELDS' || text.kind === 'HEADER.FIELDS.NOT'
        ? `${text.kind} (${text.fields.map(formatAstring).join(' ')})`
        : text.kind,
    );
  }
  return parts.join('.');
}

/** formatFetchAttribute writes one requested item: `FLAGS`, `BODY.PEEK[HEADER]<0.100>`. */
export function formatFetchAttribute(item: FetchAttribute): string {
  if (item.kind !== 'section') return item.kind;
  const range = item.partial === null ? '' : `<${item.partial.origin}.${item.partial.count}>`;
  return `${item.peek ? 'BODY.PEEK' : 'BODY'}[${formatSection(item.section)}]${range}`;
}

/** formatFetchItems writes what FETCH asks for: the macro if there is one, else a parenthesised list. */
export function formatFetchItems(fetch: FetchItems): string {
  if (fetch.macro !== null) return fetch.macro;
  return `(${fetch.items.map(formatFetchAttribute).join(' ')})`;
}
