// Reading one whole server response (from ResponseReader: literals inline, no final CRLF) into an
// ImapResponse, for the client machine (RFC 3501 §7, §9 `response`).

import { type StatusItem, STATUS_ITEMS } from './commandTypes.ts';
import { readFetchResponseItems } from './fetchResponse.ts';
import { attempt, type Parsed, Scanner } from './lexer.ts';
import { normaliseMailbox } from './mailboxNames.ts';
import { readResponseCode, type ResponseCode } from './responseCodes.ts';
import type { ImapResponse, StatusValue, TaggedStatus, UntaggedStatus } from './responses.ts';

const TAGGED: readonly TaggedStatus[] = ['OK', 'NO', 'BAD'];
const UNTAGGED: readonly UntaggedStatus[] = ['OK', 'NO', 'BAD', 'PREAUTH', 'BYE'];

// resp-text = ["[" resp-text-code "]" SP] text; servers do send a code with no text after it.
function respText(s: Scanner): { code: ResponseCode | null; text: string } {
  const code = s.peek() === '[' ? readResponseCode(s) : null;
  if (code !== null) s.take(' ');
  const text = s.text.slice(s.pos);
  if (/[\r\n]/.test(text)) s.fail('the text of a response may not hold CR or LF (RFC 3501 §9 TEXT-CHAR)');
  s.pos = s.text.length;
  return { code, text };
}

function statusAfter(s: Scanner): string | null {
  const word = s.match(/[A-Za-z]+(?= |$)/y);
  if (word === null) return null;
  s.take(' ');
  return word.toUpperCase();
}

function mailboxList(s: Scanner, kind: 'list' | 'lsub'): ImapResponse {
  const attributes = s.flagList();
  s.sp('the hierarchy delimiter');
  let delimiter: string | null = null;
  if (s.peek() === '"') {
    delimiter = s.quoted();
    if (delimiter.length !== 1) s.fail('the hierarchy delimiter is one char, or NIL');
  } else {
    if (s.match(/NIL/iy) === null) s.expected('the hierarchy delimiter as a quoted char or NIL');
  }
  s.sp('the mailbox name');
  return { kind, attributes, delimiter, mailbox: normaliseMailbox(s.astring('the mailbox name')) };
}

function statusValues(s: Scanner): StatusValue[] {
  s.expect('(', 'a "(" opening the status values');
  const values: StatusValue[] = [];
  while (!s.take(')')) {
    if (values.length > 0) s.sp('the next status item');
    const start = s.pos;
    const word = (s.match(/[A-Za-z]+/y) ?? s.expected('a status item or ")"')).toUpperCase();
    const item: StatusItem | undefined = STATUS_ITEMS.find((known) => known === word);
    if (item === undefined) s.fail(`unknown status item "${word}"`, start);
    s.sp(`the value of ${item}`);
    values.push({ item, value: s.number(`the value of ${item}`) });
  }
  return values;
}

function numbered(s: Scanner, n: number): ImapResponse {
  const start = s.pos;
  const word = (s.match(/[A-Za-z]+/y) ?? s.expected('EXISTS, RECENT, EXPUNGE or FETCH')).toUpperCase();
  switch (word) {
    case 'EXISTS':
      return { kind: 'exists', count: n };
    case 'RECENT':
      return { kind: 'recent', count: n };
    case 'EXPUNGE':
      return { kind: 'expunge', seq: n };
    case 'FETCH':
      s.sp('the FETCH data');
      return { kind: 'fetch', seq: n, items: readFetchResponseItems(s) };
  }
  return s.fail(`unknown untagged response "${n} ${word}"`, start);
}

function untagged(s: Scanner): ImapResponse {
  if (/[0-9]/.test(s.peek())) {
    const n = s.number('a message number');
    s.sp('the kind of response after the number');
    return numbered(s, n);
  }
  const start = s.pos;
  const word = (s.match(/[A-Za-z]+/y) ?? s.expected('the kind of untagged response')).toUpperCase();
  const status = UNTAGGED.find((known) => known === word);
  if (status !== undefined) {
    s.take(' ');
    return { kind: 'untagged', status, ...respText(s) };
  }
  switch (word) {
    case 'CAPABILITY': {
      const capabilities: string[] = [];
      while (s.take(' ')) capabilities.push(s.atom('a capability name'));
      return { kind: 'capability', capabilities };
    }
    case 'FLAGS':
      s.sp('the flag list');
      return { kind: 'flags', flags: s.flagList() };
    case 'LIST':
    case 'LSUB':
      s.sp('the mailbox attributes');
      return mailboxList(s, word === 'LIST' ? 'list' : 'lsub');
    case 'STATUS': {
      s.sp('the mailbox name');
      const mailbox = normaliseMailbox(s.astring('the mailbox name'));
      s.sp('the status values');
      return { kind: 'status', mailbox, values: statusValues(s) };
    }
    case 'SEARCH': {
      const numbers: number[] = [];
      while (s.take(' ')) numbers.push(s.nzNumber('a message number'));
      return { kind: 'search', numbers };
    }
  }
  return s.fail(`unknown untagged response "${word}"`, start);
}

function response(s: Scanner): ImapResponse {
  if (s.take('+')) {
    s.take(' ');
    return { kind: 'continue', ...respText(s) };
  }
  if (s.take('*')) {
    s.sp('the untagged response');
    return untagged(s);
  }
  const tag = s.tag() ?? s.expected('a tag, "*" or "+" at the start of the response');
  s.sp('the status after the tag');
  const start = s.pos;
  const word = statusAfter(s);
  const status = TAGGED.find((known) => known === word);
  if (status === undefined) return s.fail('a tagged response must be OK, NO or BAD', start);
  return { kind: 'tagged', tag, status, ...respText(s) };
}

/**
 * parseResponse reads one whole response. Unknown untagged responses are refused with a message the client
 * may log and ignore (RFC 3501 §7: clients must cope with data they did not ask for). It never throws.
 */
export function parseResponse(text: string): Parsed<ImapResponse> {
  return attempt(() => {
    const s = new Scanner(text);
    const read = response(s);
    s.end('the response');
    return read;
  });
}
