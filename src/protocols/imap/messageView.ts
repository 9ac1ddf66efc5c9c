// What the server reads out of a stored message: the octets of a BODY[section] (RFC 3501 §6.4.5), the FETCH data
// items of one message, and whether it matches SEARCH criteria (§6.4.4). Pure functions over raw octets.
import { findField } from '../message/headers.ts';
import { parseDate } from '../message/dateTime.ts';
import { type MessagePart, parseMessage } from '../message/parseMessage.ts';
import type { StoredFetch } from './backend.ts';
import { bodyStructureOf } from './bodyStructure.ts';
import { envelopeOf } from './envelope.ts';
import { type FetchAttribute, MACRO_ITEMS, type Section } from './fetchItems.ts';
import type { FetchResponseItem } from './fetchResponse.ts';
import { compareDates, dateInZone, type ImapDate } from './imapDates.ts';
import type { SearchKey } from './search.ts';
import { sequenceSetIncludes } from './sequenceSet.ts';

/** ParsedStored is a stored message with its MIME tree, parsed at most once per command. */
export interface ParsedStored {
  readonly stored: StoredFetch;
  readonly root: MessagePart;
}

// A reader lists the same messages' ENVELOPE and BODYSTRUCTURE every time it looks, and a stored message never
// changes, so parsed trees are kept by their text: at most PARSED_KEPT of them, each under PARSED_MAX_OCTETS, the
// oldest dropped first. Parsing is pure, so a kept tree is the tree a new parse would give.
const PARSED_KEPT = 128;
const PARSED_MAX_OCTETS = 1 << 20;
const parsedByText = new Map<string, MessagePart>();

function parsedRoot(raw: string): MessagePart {
  const kept = parsedByText.get(raw);
  if (kept !== undefined) return kept;
  const root = parseMessage(raw).root;
  if (raw.length <= PARSED_MAX_OCTETS) {
    if (parsedByText.size >= PARSED_KEPT) parsedByText.delete(parsedByText.keys().next().value as string);
    parsedByText.set(raw, root);
  }
  return root;
}

/** parseStored parses a stored message's MIME tree. */
export function parseStored(stored: StoredFetch): ParsedStored {
  return { stored, root: parsedRoot(stored.raw) };
}

// The part a section's part path names: a multipart's n-th child, or the single part itself as part 1; below a
// message/rfc822 part the path goes on in the message it encloses (RFC 3501 §6.4.5).
function findPart(root: MessagePart, path: readonly number[]): MessagePart | null {
  let part: MessagePart = root;
  for (const [i, n] of path.entries()) {
    const enclosed = part.children[0];
    if (i > 0 && part.decoded.kind === 'message' && enclosed !== undefined) part = enclosed;
    if (part.contentType.type === 'multipart') {
      const child = part.children[n - 1];
      if (child === undefined) return null;
      part = child;
    } else if (n !== 1) {
      return null;
    }
  }
  return part;
}

// The message whose HEADER or TEXT a section means: the whole message, or the one a message/rfc822 part holds.
function messageOf(root: MessagePart, path: readonly number[]): MessagePart | null {
  if (path.length === 0) return root;
  const part = findPart(root, path);
  if (part === null || part.decoded.kind !== 'message') return null;
  return part.children[0] ?? null;
}

/**
 * sectionOctets are the octets BODY[section] returns, or null (NIL) when the section names nothing in this
 * message. A header section includes the empty line that ends it (RFC 3501 §6.4.5).
 */
export function sectionOctets(message: ParsedStored, section: Section): string | null {
  const { raw } = message.stored;
  const { part: path, text } = section;
  if (text === null) {
    if (path.length === 0) return raw;
    const part = findPart(message.root, path);
    return part === null ? null : raw.slice(part.bodyStart, part.bodyEnd);
  }
  if (text.kind === 'MIME') {
    const part = findPart(message.root, path);
    return part === null ? null : raw.slice(part.headerStart, part.bodyStart);
  }
  const inner = messageOf(message.root, path);
  if (inner === null) return null;
  switch (text.kind) {
    case 'TEXT':
      return raw.slice(inner.bodyStart, path.length === 0 ? raw.length : inner.bodyEnd);
    case 'HEADER':
      return raw.slice(inner.headerStart, inner.bodyStart);
    case 'HEADER.FIELDS':
    case 'HEADER.FIELDS.NOT': {
      const names = new Set(text.fields.map((field) => field.toLowerCase()));
      const keep = text.kind === 'HEADER.FIELDS';
      const fields = inner.headers.filter((field) => names.has(field.name.toLowerCase()) === keep);
      return `${fields.map((field) => field.raw).join('')}\r\n`;
    }
  }
}

/** setsSeen tells whether fetching an item sets \Seen: BODY[...] without PEEK, RFC822 and RFC822.TEXT (§6.4.5). */
export function setsSeen(item: FetchAttribute): boolean {
  if (item.kind === 'section') return !item.peek;
  return item.kind === 'RFC822' || item.kind === 'RFC822.TEXT';
}

/** expandFetch gives the items a FETCH asks for, its macro spelled out. */
export function expandFetch(macro: keyof typeof MACRO_ITEMS | null, items: readonly FetchAttribute[]) {
  return macro === null ? [...items] : MACRO_ITEMS[macro].map((kind): FetchAttribute => ({ kind }));
}

/**
 * fetchItem is one FETCH data item of a message. `flags` are the flags to report (after any \Seen this fetch set).
 */
export function fetchItem(
  message: ParsedStored,
  item: FetchAttribute,
  flags: readonly string[],
): FetchResponseItem {
  const { stored, root } = message;
  switch (item.kind) {
    case 'FLAGS':
      return { item: 'FLAGS', flags: [...flags] };
    case 'UID':
      return { item: 'UID', uid: stored.uid };
    case 'INTERNALDATE':
      return { item: 'INTERNALDATE', date: { ms: stored.internalDate, zoneMinutes: 0 } };
    case 'RFC822.SIZE':
      return { item: 'RFC822.SIZE', size: stored.raw.length };
    case 'ENVELOPE':
      return { item: 'ENVELOPE', envelope: envelopeOf(root.headers) };
    case 'BODY':
    case 'BODYSTRUCTURE':
      return { item: item.kind, body: bodyStructureOf(stored.raw, root) };
    case 'RFC822':
      return { item: 'RFC822', data: stored.raw };
    case 'RFC822.HEADER':
      return { item: 'RFC822.HEADER', data: stored.raw.slice(root.headerStart, root.bodyStart) };
    case 'RFC822.TEXT':
      return { item: 'RFC822.TEXT', data: stored.raw.slice(root.bodyStart) };
    case 'section': {
      const octets = sectionOctets(message, item.section);
      if (item.partial === null)
        return { item: 'section', section: item.section, origin: null, data: octets };
      const { origin, count } = item.partial;
      const data = octets === null ? null : octets.slice(origin, origin + count);
      return { item: 'section', section: item.section, origin, data };
    }
  }
}

/** SearchTarget is one message as SEARCH sees it: its sequence number in the session and its stored form. */
export interface SearchTarget {
  readonly seq: number;
  readonly message: ParsedStored;
}

/** SearchScope is the mailbox around the messages: its size and largest UID, for `*` in sets. */
export interface SearchScope {
  readonly exists: number;
  readonly largestUid: number;
}

// SEARCH strings match as case-insensitive substrings of the octets (RFC 3501 §6.4.4, US-ASCII and UTF-8 alike).
function contains(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase());
}

function fieldContains(root: MessagePart, name: string, value: string): boolean {
  return root.headers.some(
    (field) => field.name.toLowerCase() === name.toLowerCase() && contains(field.value, value),
  );
}

function sentDate(root: MessagePart): ImapDate | null {
  const field = findField(root.headers, 'date');
  const ms = field === undefined ? null : parseDate(field.value);
  return ms === null ? null : dateInZone(ms, 0);
}

const FLAG_OF: Readonly<Record<string, string>> = {
  ANSWERED: '\\Answered',
  DELETED: '\\Deleted',
  DRAFT: '\\Draft',
  FLAGGED: '\\Flagged',
  RECENT: '\\Recent',
  SEEN: '\\Seen',
};

/** searchMatches tells whether a message meets one search key (RFC 3501 §6.4.4). */
export function searchMatches(key: SearchKey, target: SearchTarget, scope: SearchScope): boolean {
  const { stored, root } = target.message;
  const has = (flag: string) => stored.flags.some((f) => f.toLowerCase() === flag.toLowerCase());
  switch (key.key) {
    case 'ALL':
      return true;
    case 'ANSWERED':
    case 'DELETED':
    case 'DRAFT':
    case 'FLAGGED':
    case 'RECENT':
    case 'SEEN':
      return has(FLAG_OF[key.key] ?? '');
    case 'UNANSWERED':
    case 'UNDELETED':
    case 'UNDRAFT':
    case 'UNFLAGGED':
    case 'UNSEEN':
      return !has(FLAG_OF[key.key.slice(2)] ?? '');
    case 'NEW':
      return has('\\Recent') && !has('\\Seen');
    case 'OLD':
      return !has('\\Recent');
    case 'KEYWORD':
      return has(key.flag);
    case 'UNKEYWORD':
      return !has(key.flag);
    case 'BCC':
    case 'CC':
    case 'FROM':
    case 'SUBJECT':
    case 'TO':
      return fieldContains(root, key.key, key.value);
    case 'HEADER':
      return key.value === ''
        ? root.headers.some((field) => field.name.toLowerCase() === key.field.toLowerCase())
        : fieldContains(root, key.field, key.value);
    case 'BODY':
      return contains(stored.raw.slice(root.bodyStart), key.value);
    case 'TEXT':
      return contains(stored.raw, key.value);
    case 'BEFORE':
    case 'ON':
    case 'SINCE':
      return compareDay(dateInZone(stored.internalDate, 0), key.key, key.date);
    case 'SENTBEFORE':
    case 'SENTON':
    case 'SENTSINCE': {
      const sent = sentDate(root);
      const how = key.key === 'SENTBEFORE' ? 'BEFORE' : key.key === 'SENTON' ? 'ON' : 'SINCE';
      return sent !== null && compareDay(sent, how, key.date);
    }
    case 'LARGER':
      return stored.raw.length > key.size;
    case 'SMALLER':
      return stored.raw.length < key.size;
    case 'NOT':
      return !searchMatches(key.operand, target, scope);
    case 'OR':
      return searchMatches(key.left, target, scope) || searchMatches(key.right, target, scope);
    case 'UID':
      return sequenceSetIncludes(key.set, stored.uid, scope.largestUid);
    case 'sequence':
      return sequenceSetIncludes(key.set, target.seq, scope.exists);
    case 'group':
      return key.keys.every((inner) => searchMatches(inner, target, scope));
  }
}

// BEFORE is strictly earlier, ON the same day, SINCE the same day or later (RFC 3501 §6.4.4).
function compareDay(day: ImapDate, how: 'BEFORE' | 'ON' | 'SINCE', date: ImapDate): boolean {
  const order = compareDates(day, date);
  if (how === 'BEFORE') return order < 0;
  if (how === 'ON') return order === 0;
  return order >= 0;
}
