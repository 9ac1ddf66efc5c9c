// Reads raw message octets into a tree of MIME parts with the offsets of every header block and body, so the
// UI can show the structure over the bytes. Malformed input gives a best-effort tree and a list of problems.

import { type Mailbox, parseAddressList } from './addresses.ts';
import { decodeBase64 } from './base64.ts';
import { decodeCharset } from './charset.ts';
import { parseDate } from './dateTime.ts';
import { decodeWords } from './encodedWords.ts';
import { fieldText, findField, type HeaderField, parseHeaderBlock } from './headers.ts';
import {
  type ContentType,
  DEFAULT_CONTENT_TYPE,
  parseContentType,
  parseParameterized,
} from './mimeParams.ts';
import { decodeQuotedPrintable } from './quotedPrintable.ts';
import { octetsToUtf8 } from '../shared/octets.ts';

/**
 * DecodedBody is a part's body after its transfer encoding (and charset, for text) is undone. A multipart's
 * parts and a message/rfc822's enclosed message are the part's children.
 */
export type DecodedBody =
  | { kind: 'text'; text: string; charset: string; octets: string }
  | { kind: 'binary'; octets: string }
  | { kind: 'multipart'; boundary: string; preamble: string; epilogue: string }
  | { kind: 'message' };

/**
 * MessagePart is one node of the MIME tree. Offsets index the raw octets given to parseMessage: the part is
 * [start, end), its header block [headerStart, headerEnd) and its body [bodyStart, bodyEnd).
 */
export type MessagePart = {
  headers: HeaderField[];
  contentType: ContentType;
  transferEncoding: string;
  filename?: string;
  start: number;
  end: number;
  headerStart: number;
  headerEnd: number;
  bodyStart: number;
  bodyEnd: number;
  children: MessagePart[];
  decoded: DecodedBody;
  problems: string[];
};

/**
 * ParsedMessage is the tree under `root` plus decoded views of the top-level fields a reader looks at first.
 */
export type ParsedMessage = {
  root: MessagePart;
  subject: string;
  from: Mailbox[];
  to: Mailbox[];
  cc: Mailbox[];
  messageId: string | null;
  date: number | null;
  /** received lists the unfolded Received fields top to bottom: the last hop first (RFC 5321 §4.4). */
  received: string[];
  /** text is the first text/plain body that is not an attachment, outside any enclosed message, or null. */
  text: string | null;
  /** attachments are the parts with a filename or an attachment disposition, outside any enclosed message. */
  attachments: MessagePart[];
  /** problems gathers every part's problems, each prefixed with the part's offset. */
  problems: string[];
};

// Deeper nesting than this is treated as opaque, which bounds recursion on hostile input.
const MAX_DEPTH = 32;
const IDENTITY_ENCODINGS = new Set(['7bit', '8bit', 'binary']);
const DIGEST_CHILD_TYPE: ContentType = Object.freeze({ type: 'message', subtype: 'rfc822', params: {} });
const TEXT_LIKE_MESSAGES = new Set(['delivery-status', 'global-delivery-status', 'disposition-notification']);

type Delimited = {
  parts: [number, number][];
  preamble: [number, number];
  epilogue: [number, number];
  closed: boolean;
};

// RFC 2046 §5.1.1: a delimiter is "--boundary" at the start of a line, optionally "--" after it to close,
// then only whitespace; the line break before it belongs to the delimiter, not to the part.
function splitMultipart(raw: string, start: number, end: number, boundary: string): Delimited {
  const delimiter = '--' + boundary;
  const parts: [number, number][] = [];
  let preamble: [number, number] = [start, end];
  let partStart: number | null = null;
  let search = start;
  while (search < end) {
    const at = raw.indexOf(delimiter, search);
    if (at === -1 || at + delimiter.length > end) break;
    const newline = raw.indexOf('\n', at);
    const lineEnd = newline === -1 || newline >= end ? end : newline;
    const rest = raw.slice(at + delimiter.length, lineEnd).replace(/\r$/, '');
    const closing = rest.startsWith('--');
    if ((at !== start && raw[at - 1] !== '\n') || !/^[ \t]*$/.test(closing ? rest.slice(2) : rest)) {
      search = at + 1;
      continue;
    }
    const floor = partStart ?? start;
    const before = Math.max(floor, raw[at - 1] === '\n' ? (raw[at - 2] === '\r' ? at - 2 : at - 1) : at);
    if (partStart === null) preamble = [start, before];
    else parts.push([partStart, before]);
    const next = lineEnd === end ? end : lineEnd + 1;
    if (closing) return { parts, preamble, epilogue: [next, end], closed: true };
    partStart = next;
    search = next;
  }
  if (partStart !== null) parts.push([partStart, end]);
  return { parts, preamble, epilogue: [end, end], closed: false };
}

function decodeTransfer(body: string, encoding: string, problems: string[]): string {
  if (encoding === 'base64') {
    const decoded = decodeBase64(body);
    // One line per kind of problem, so a body of junk cannot flood the report.
    const invalid = decoded.problems.filter((problem) => problem.kind === 'invalidChar');
    const [first] = invalid;
    if (first !== undefined) {
      problems.push(
        `Base64 body has ${invalid.length} invalid chars, the first ${JSON.stringify(first.char)}`,
      );
    }
    if (decoded.problems.some((problem) => problem.kind === 'dataAfterPadding')) {
      problems.push('Base64 body has data after its padding');
    }
    if (decoded.problems.some((problem) => problem.kind === 'truncated')) {
      problems.push('Base64 body ends in the middle of a group');
    }
    return decoded.octets;
  }
  if (encoding === 'quoted-printable') {
    const decoded = decodeQuotedPrintable(body);
    problems.push(...decoded.problems.map((problem) => `quoted-printable body, ${problem}`));
    return decoded.octets;
  }
  if (!IDENTITY_ENCODINGS.has(encoding))
    problems.push(`unknown transfer encoding "${encoding}"; body left as is`);
  return body;
}

function leafBody(octets: string, contentType: ContentType, problems: string[]): DecodedBody {
  const { type, subtype, params } = contentType;
  if (type !== 'text' && !(type === 'message' && TEXT_LIKE_MESSAGES.has(subtype))) {
    return { kind: 'binary', octets };
  }
  const charset = params.charset ?? 'us-ascii';
  let text = decodeCharset(octets, charset);
  if (text === null) {
    problems.push(`unknown charset "${charset}"; read as UTF-8`);
    text = octetsToUtf8(octets);
  }
  return { kind: 'text', text, charset, octets };
}

function findFilename(headers: readonly HeaderField[], contentType: ContentType): string | undefined {
  const disposition = findField(headers, 'content-disposition');
  const name =
    disposition === undefined ? undefined : parseParameterized(fieldText(disposition.value)).params.filename;
  // Many mailers put encoded words in quoted filenames, though RFC 2047 §5 forbids it; readers decode them.
  const found = name ?? contentType.params.name;
  return found === undefined ? undefined : decodeWords(found);
}

function parsePart(
  raw: string,
  start: number,
  end: number,
  defaultType: ContentType,
  depth: number,
): MessagePart {
  const block = parseHeaderBlock(raw, start, end);
  const problems = [...block.problems];
  const headers = block.fields;
  const typeField = findField(headers, 'content-type');
  let contentType = defaultType;
  if (typeField !== undefined) {
    const parsed = parseContentType(fieldText(typeField.value));
    contentType = parsed.contentType;
    problems.push(...parsed.problems);
  }
  const encodingField = findField(headers, 'content-transfer-encoding');
  const transferEncoding = encodingField === undefined ? '7bit' : encodingField.value.trim().toLowerCase();
  const bodyStart = Math.min(block.bodyStart, end);
  const part: MessagePart = {
    headers,
    contentType,
    transferEncoding,
    start,
    end,
    headerStart: start,
    headerEnd: block.headerEnd,
    bodyStart,
    bodyEnd: end,
    children: [],
    decoded: { kind: 'binary', octets: '' },
    problems,
  };
  const filename = findFilename(headers, contentType);
  if (filename !== undefined) part.filename = filename;
  const nested =
    contentType.type === 'multipart' || (contentType.type === 'message' && contentType.subtype === 'rfc822');
  if (nested) {
    const refusal =
      depth >= MAX_DEPTH
        ? `nested deeper than ${MAX_DEPTH} levels; not parsed further`
        : IDENTITY_ENCODINGS.has(transferEncoding)
          ? null
          : `a ${contentType.type} part may not be ${transferEncoding} (RFC 2045 §6.4)`;
    if (refusal !== null) {
      problems.push(refusal);
    } else if (contentType.type === 'message') {
      part.children = [parsePart(raw, bodyStart, end, DEFAULT_CONTENT_TYPE, depth + 1)];
      part.decoded = { kind: 'message' };
      return part;
    } else if (splitInto(part, raw, typeField, depth)) {
      return part;
    }
  }
  part.decoded = leafBody(
    decodeTransfer(raw.slice(bodyStart, end), transferEncoding, problems),
    contentType,
    problems,
  );
  return part;
}

// Fills in a multipart's children; false when there is no boundary to split at.
function splitInto(
  part: MessagePart,
  raw: string,
  typeField: HeaderField | undefined,
  depth: number,
): boolean {
  // The boundary is compared as octets, so it is read from the raw field, not its decoded text.
  const boundary = typeField === undefined ? undefined : parseParameterized(typeField.value).params.boundary;
  if (boundary === undefined || boundary === '') {
    part.problems.push('multipart without a boundary parameter; body left as is');
    return false;
  }
  const split = splitMultipart(raw, part.bodyStart, part.end, boundary);
  if (split.parts.length === 0) part.problems.push(`no "--${boundary}" delimiter line found`);
  else if (!split.closed) part.problems.push(`no closing "--${boundary}--" line`);
  // RFC 2046 §5.1.5: in a digest, parts are messages unless they say otherwise.
  const childType: ContentType =
    part.contentType.subtype === 'digest' ? DIGEST_CHILD_TYPE : DEFAULT_CONTENT_TYPE;
  part.children = split.parts.map(([s, e]) => parsePart(raw, s, e, childType, depth + 1));
  part.decoded = {
    kind: 'multipart',
    boundary,
    preamble: raw.slice(...split.preamble),
    epilogue: raw.slice(...split.epilogue),
  };
  return true;
}

function gatherProblems(part: MessagePart, into: string[]): void {
  into.push(...part.problems.map((problem) => `part at offset ${part.start}: ${problem}`));
  for (const child of part.children) gatherProblems(child, into);
}

function isAttachment(part: MessagePart): boolean {
  const disposition = findField(part.headers, 'content-disposition');
  return (
    part.filename !== undefined ||
    (disposition !== undefined && parseParameterized(disposition.value).value === 'attachment')
  );
}

// The reader's view stops at an enclosed message: its text and files belong to that message, not this one.
function readerParts(part: MessagePart): MessagePart[] {
  if (part.decoded.kind === 'message') return [part];
  return [part, ...part.children.flatMap(readerParts)];
}

function addresses(root: MessagePart, name: string, problems: string[]): Mailbox[] {
  const wanted = name.toLowerCase();
  return root.headers
    .filter((field) => field.name.toLowerCase() === wanted)
    .flatMap((field) => {
      const parsed = parseAddressList(fieldText(field.value));
      problems.push(...parsed.problems.map((problem) => `${name}: ${problem}`));
      return parsed.mailboxes;
    });
}

/** parseMessage reads raw message octets (CRLF line ends; bare LF tolerated). It never throws. */
export function parseMessage(octets: string): ParsedMessage {
  const root = parsePart(octets, 0, octets.length, DEFAULT_CONTENT_TYPE, 0);
  const problems: string[] = [];
  gatherProblems(root, problems);
  const parts = readerParts(root);
  const attachments = parts.filter(isAttachment);
  const body = parts.find(
    (part) => !isAttachment(part) && part.decoded.kind === 'text' && part.contentType.subtype === 'plain',
  );
  const subjectField = findField(root.headers, 'subject');
  const idField = findField(root.headers, 'message-id');
  const dateField = findField(root.headers, 'date');
  return {
    root,
    subject: subjectField === undefined ? '' : decodeWords(fieldText(subjectField.value)),
    from: addresses(root, 'From', problems),
    to: addresses(root, 'To', problems),
    cc: addresses(root, 'Cc', problems),
    messageId: idField === undefined ? null : (/<[^<>]*>/.exec(idField.value)?.[0] ?? idField.value),
    date: dateField === undefined ? null : parseDate(dateField.value),
    received: root.headers.filter((f) => f.name.toLowerCase() === 'received').map((f) => fieldText(f.value)),
    text: body?.decoded.kind === 'text' ? body.decoded.text : null,
    attachments,
    problems,
  };
}
