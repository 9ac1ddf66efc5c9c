// RFC 3464 delivery status notifications: writing the bounce or delay warning a mail server returns to a
// message's sender, in Postfix's shape, and reading one (ours or a real MTA's) back into its fields.

import { toCrlfText } from './buildMessage.ts';
import { formatDate } from './dateTime.ts';
import { notificationText } from './deliveryStatusText.ts';
import { fieldText, findField, foldField, type HeaderField, parseHeaderBlock } from './headers.ts';
import { type MessagePart, parseMessage } from './parseMessage.ts';
import { isAscii, utf8ToOctets } from '../shared/octets.ts';

/** DsnAction is what a DSN reports: delivery given up, or still being retried (RFC 3464 §2.3.3). */
export type DsnAction = 'failed' | 'delayed';

/**
 * DsnRecipientSpec describes one recipient of a DSN. `diagnosticCode` is the remote reply or local error
 * without its type; `diagnosticKind` (default 'smtp') says which: an SMTP reply, or a local error such as a
 * refused connection, which is no SMTP reply and is typed `X-Mail-Lab` as Postfix types it `X-Postfix`.
 * `willRetryUntil` is written for delayed DSNs only (RFC 3464 §2.3.9).
 */
export type DsnRecipientSpec = {
  finalRecipient: string;
  originalRecipient?: string;
  status: string;
  remoteMta?: string;
  diagnosticCode?: string;
  diagnosticKind?: 'smtp' | 'x-local';
  willRetryUntil?: number;
  humanReason: string;
};

/**
 * DeliveryStatusSpec is everything buildDeliveryStatusNotification needs. Times are virtual ms since the
 * epoch, written in the zone `zoneOffsetMinutes` east of UTC (default 0); `sender` is the original envelope
 * sender; `original` is the raw octets of the message reported on; `boundarySeed` makes the boundary.
 */
export type DeliveryStatusSpec = {
  action: DsnAction;
  reportingMta: string;
  queueId: string;
  date: number;
  zoneOffsetMinutes?: number;
  messageId: string;
  sender: string;
  arrivalDate: number;
  recipients: readonly DsnRecipientSpec[];
  original: string;
  returnContent: 'full' | 'headers';
  boundarySeed: string;
  /**
   * noticeQueueId is the notice's own queue id; with it the notice opens with the Received field of the server
   * that made it, `Received: by host (Mail Lab) id …; date`, as Postfix writes one.
   */
  noticeQueueId?: string;
};

/**
 * ParsedDsnRecipient is one group of per-recipient fields (RFC 3464 §2.3). Addresses and the Remote-MTA name
 * come without their type; `diagnosticType` is as written ('smtp', 'X-Postfix', 'X-Mail-Lab'); folded
 * values are unfolded; `willRetryUntil` is the date-time text.
 */
export type ParsedDsnRecipient = {
  finalRecipient: string;
  originalRecipient?: string;
  action: string;
  status: string;
  remoteMta?: string;
  diagnosticType?: string;
  diagnosticCode?: string;
  willRetryUntil?: string;
};

/**
 * ParsedDeliveryStatusNotification is what parseDeliveryStatusNotification read. `perMessage` holds the
 * per-message fields (RFC 3464 §2.2) by name as written, values unfolded; `from` and `to` are addresses;
 * `humanText` is the decoded first part with LF line ends; `originalHeaders` is the returned message's
 * header block as raw octets, each field ending with its line break, or '' when nothing was returned.
 */
export type ParsedDeliveryStatusNotification = {
  subject: string;
  from: string;
  to: string;
  humanText: string;
  perMessage: Record<string, string>;
  recipients: ParsedDsnRecipient[];
  originalHeaders: string;
};

const CRLF = '\r\n';
// Postfix's subjects for a bounce and for a delay warning.
const SUBJECTS: Record<DsnAction, string> = {
  failed: 'Undelivered Mail Returned to Sender',
  delayed: 'Delayed Mail (still being retried)',
};
// buildMessage's rule: whitespace, controls or angle brackets in an address would corrupt a field.
const ADDRESS = /^[!-;=?-~\u0080-\u{10ffff}]+$/u;
// A domain name or an address literal, as Postfix writes Remote-MTA ("dns; 127.0.0.1").
const HOST = /^(?:[A-Za-z0-9_.-]+|\[[A-Za-z0-9.:]+\])$/;
// RFC 3464 §2.3.4: no leading zeros.
const STATUS = /^[245]\.(?:0|[1-9]\d{0,2})\.(?:0|[1-9]\d{0,2})$/;
// RFC 2046 §5.1.1: a boundary is 1–70 bchars; anything else in a queue id or host name becomes "_".
const NOT_BCHAR = /[^A-Za-z0-9'()+_,\-./:=?]/g;

function check(ok: boolean, what: string, value: string): void {
  if (!ok) throw new RangeError(`buildDeliveryStatusNotification: invalid ${what} ${JSON.stringify(value)}`);
}

// RFC 3464 §2.1 requires message/delivery-status to be 7bit. Other characters are written in RFC 6533 §3's
// \x{HHHH} form, so nothing is silently lost; line breaks become spaces, so no value can start a new field.
function escapeUnicode(text: string, keep: RegExp): string {
  return text.replace(/\r\n|[\r\n\t]/g, ' ').replace(/[^]/gu, (char) => {
    return keep.test(char) ? char : `\\x{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`;
  });
}

// An ASCII address is typed rfc822; any other is typed utf-8 with "\" and non-ASCII escaped (RFC 6533 §3).
function addressValue(address: string): string {
  return isAscii(address)
    ? `rfc822; ${address}`
    : `utf-8; ${escapeUnicode(address, /^[\x21-\x5b\x5d-\x7e]$/)}`;
}

function fields(list: readonly (readonly [string, string])[]): string {
  return list.map(([name, value]) => foldField(name, value) + CRLF).join('');
}

// FNV-1a, as buildMessage uses for its boundaries: stable across runs and engines, unlike Math.random.
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

// Postfix's shape, "queue-id.number/host"; a candidate found in any part is skipped (RFC 2046 §5.1.1).
function chooseBoundary(spec: DeliveryStatusSpec, parts: readonly string[]): string {
  const queueId = spec.queueId.replace(NOT_BCHAR, '_').slice(0, 20);
  const host = spec.reportingMta.replace(NOT_BCHAR, '_').slice(0, 40);
  for (let attempt = 0; ; attempt++) {
    const boundary = `${queueId}.${fnv1a(`${spec.boundarySeed}/${attempt}`)}/${host}`;
    if (!parts.some((part) => part.includes('--' + boundary))) return boundary;
  }
}

function deliveryReport(spec: DeliveryStatusSpec): string {
  const date = (ms: number) => formatDate(ms, spec.zoneOffsetMinutes);
  const perMessage = fields([
    ['Reporting-MTA', `dns; ${spec.reportingMta}`],
    // Extension fields (RFC 3464 §2.4), named after Postfix's X-Postfix-Queue-ID and X-Postfix-Sender.
    ['X-Mail-Lab-Queue-ID', spec.queueId],
    ['X-Mail-Lab-Sender', addressValue(spec.sender)],
    ['Arrival-Date', date(spec.arrivalDate)],
  ]);
  const groups = spec.recipients.map((recipient) => {
    const list: [string, string][] = [['Final-Recipient', addressValue(recipient.finalRecipient)]];
    if (recipient.originalRecipient !== undefined) {
      list.push(['Original-Recipient', addressValue(recipient.originalRecipient)]);
    }
    list.push(['Action', spec.action], ['Status', recipient.status]);
    if (recipient.remoteMta !== undefined) list.push(['Remote-MTA', `dns; ${recipient.remoteMta}`]);
    if (recipient.diagnosticCode !== undefined) {
      const type = recipient.diagnosticKind === 'x-local' ? 'X-Mail-Lab' : 'smtp';
      list.push(['Diagnostic-Code', `${type}; ${escapeUnicode(recipient.diagnosticCode, /^[\x20-\x7e]$/)}`]);
    }
    if (spec.action === 'delayed' && recipient.willRetryUntil !== undefined) {
      list.push(['Will-Retry-Until', date(recipient.willRetryUntil)]);
    }
    return fields(list);
  });
  // RFC 3464 §2.1: the per-message fields, then each group of per-recipient fields after a blank line.
  return [perMessage, ...groups].join(CRLF);
}

// 8bit data has CRLF as its only line break (RFC 2045 §2.8), and each part's body ends with one.
function crlfOctets(octets: string): string {
  const crlf = octets.replace(/\r\n|\r|\n/g, CRLF);
  return crlf === '' || crlf.endsWith(CRLF) ? crlf : crlf + CRLF;
}

function part(headers: readonly (readonly [string, string])[], body: string): string {
  return fields(headers) + CRLF + body;
}

function returnedPart(spec: DeliveryStatusSpec): string {
  const original = crlfOctets(spec.original);
  const full = spec.returnContent === 'full';
  // RFC 6522 §4 (text/rfc822-headers): the header block alone, without the empty line that ends it.
  // The returned message keeps its Return-Path, the envelope sender it was queued with, as Postfix returns it.
  const { fields: originalFields } = parseHeaderBlock(original);
  const withPath =
    originalFields[0]?.name.toLowerCase() === 'return-path'
      ? original
      : `Return-Path: <${spec.sender}>${CRLF}${original}`;
  const body = full ? withPath : withPath.slice(0, parseHeaderBlock(withPath).headerEnd);
  const fieldsOfPart: [string, string][] = [
    ['Content-Description', full ? 'Undelivered Message' : 'Undelivered Message Headers'],
    ['Content-Type', full ? 'message/rfc822' : 'text/rfc822-headers'],
    ['Content-Transfer-Encoding', '8bit'],
  ];
  return part(fieldsOfPart, body);
}

function validate(spec: DeliveryStatusSpec): void {
  check(HOST.test(spec.reportingMta), 'reporting MTA', spec.reportingMta);
  check(/^[\x21-\x7e]+$/.test(spec.queueId), 'queue id', spec.queueId);
  // RFC 3464 §2: a DSN goes to the envelope sender, so there is none for a null sender (MAIL FROM:<>).
  check(ADDRESS.test(spec.sender), 'sender', spec.sender);
  check(/^<?[\x21-\x3b\x3d\x3f-\x7e]+>?$/.test(spec.messageId), 'Message-ID', spec.messageId);
  check(Number.isFinite(spec.date) && Number.isFinite(spec.arrivalDate), 'date', `${spec.date}`);
  // RFC 3464 §2.1: at least one group of per-recipient fields.
  check(spec.recipients.length > 0, 'recipient list', '[]');
  for (const recipient of spec.recipients) {
    check(ADDRESS.test(recipient.finalRecipient), 'final recipient', recipient.finalRecipient);
    if (recipient.originalRecipient !== undefined) {
      check(ADDRESS.test(recipient.originalRecipient), 'original recipient', recipient.originalRecipient);
    }
    check(STATUS.test(recipient.status), 'status', recipient.status);
    if (recipient.remoteMta !== undefined)
      check(HOST.test(recipient.remoteMta), 'remote MTA', recipient.remoteMta);
    if (recipient.willRetryUntil !== undefined) {
      check(Number.isFinite(recipient.willRetryUntil), 'Will-Retry-Until', `${recipient.willRetryUntil}`);
    }
  }
}

/**
 * buildDeliveryStatusNotification writes the raw octets (CRLF) of a DSN as Postfix shapes one: a
 * multipart/report (RFC 6522) of a text/plain notice, the message/delivery-status report (RFC 3464) and the
 * original message, whole (message/rfc822) or its header block (text/rfc822-headers). The notice and the
 * original are labelled 8bit, as Postfix labels them, so non-ASCII in them travels as it is; everything else
 * is 7-bit. Send it with MAIL FROM:<> to the original envelope sender (RFC 3464 §2), so no DSN answers it.
 * Throws RangeError for an invalid address, host, queue id, Message-ID, status or date, or no recipients.
 */
export function buildDeliveryStatusNotification(spec: DeliveryStatusSpec): string {
  validate(spec);
  const willRetryUntil = spec.recipients.flatMap((r) =>
    r.willRetryUntil === undefined ? [] : [r.willRetryUntil],
  );
  const notice = notificationText({
    action: spec.action,
    reportingMta: spec.reportingMta,
    date: spec.date,
    arrivalDate: spec.arrivalDate,
    ...(willRetryUntil.length > 0 ? { willRetryUntil: Math.max(...willRetryUntil) } : {}),
    recipients: spec.recipients.map((r) => ({ recipient: r.finalRecipient, reason: r.humanReason })),
  });
  const parts = [
    part(
      [
        ['Content-Description', 'Notification'],
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Content-Transfer-Encoding', '8bit'],
      ],
      utf8ToOctets(toCrlfText(notice)),
    ),
    part(
      [
        ['Content-Description', 'Delivery report'],
        ['Content-Type', 'message/delivery-status'],
      ],
      deliveryReport(spec),
    ),
    returnedPart(spec),
  ];
  const boundary = chooseBoundary(spec, parts);
  const messageId = spec.messageId.startsWith('<') ? spec.messageId : `<${spec.messageId}>`;
  const received =
    spec.noticeQueueId === undefined
      ? ''
      : `Received: by ${spec.reportingMta} (Mail Lab)${CRLF}\tid ${spec.noticeQueueId}; ${formatDate(spec.date, spec.zoneOffsetMinutes)}${CRLF}`;
  const header =
    received +
    fields([
      ['Date', formatDate(spec.date, spec.zoneOffsetMinutes)],
      ['From', `Mail Delivery System <MAILER-DAEMON@${spec.reportingMta}>`],
      ['Subject', SUBJECTS[spec.action]],
      ['To', utf8ToOctets(spec.sender)],
      // RFC 3834 §5: an automatic reply, so no responder answers it in turn.
      ['Auto-Submitted', 'auto-replied'],
      ['MIME-Version', '1.0'],
    ]) +
    // Folded before the boundary, as Postfix writes it.
    `Content-Type: multipart/report; report-type=delivery-status;${CRLF}\tboundary="${boundary}"${CRLF}` +
    // RFC 2045 §6.4: a multipart is labelled with the widest encoding of its parts.
    fields([
      ['Content-Transfer-Encoding', '8bit'],
      ['Message-ID', messageId],
    ]);
  const body = parts.map((part) => `${CRLF}--${boundary}${CRLF}${part}`).join('');
  return `${header}${CRLF}This is a MIME-encapsulated message.${CRLF}${body}${CRLF}--${boundary}--${CRLF}`;
}

// RFC 3464 §2.1.1: fields fold as RFC 822 fields do. Postfix indents continuation lines by four spaces, so a
// fold and its indent read as one space, as the writer meant them.
function reportValue(field: HeaderField): string {
  const afterColon = field.raw.slice(field.raw.indexOf(':') + 1);
  return fieldText(
    afterColon
      .replace(/\r?\n$/, '')
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim(),
  );
}

// Reads the blank-line separated groups of fields; a line that is neither a field nor blank is skipped, so
// one bad line does not hide the groups after it.
function reportGroups(octets: string): HeaderField[][] {
  const groups: HeaderField[][] = [];
  let pos = 0;
  while (pos < octets.length) {
    const block = parseHeaderBlock(octets, pos);
    if (block.fields.length > 0) groups.push(block.fields);
    if (block.bodyStart > pos) {
      pos = block.bodyStart;
    } else {
      const newline = octets.indexOf('\n', pos);
      pos = newline === -1 ? octets.length : newline + 1;
    }
  }
  return groups;
}

// "type; value" sub-fields (RFC 3464 §2.1.2); a value without a type is taken whole.
function typed(value: string): { type: string; value: string } {
  const semicolon = value.indexOf(';');
  if (semicolon === -1) return { type: '', value: value.trim() };
  return { type: value.slice(0, semicolon).trim(), value: value.slice(semicolon + 1).trim() };
}

function address(value: string): string {
  const { type, value: text } = typed(value);
  const bare = text.replace(/^<(.*)>$/, '$1');
  if (type.toLowerCase() !== 'utf-8') return bare;
  return bare.replace(/\\x\{([0-9A-Fa-f]{1,6})\}/g, (escape, hex: string) => {
    const code = parseInt(hex, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : escape;
  });
}

function readRecipient(group: readonly HeaderField[]): ParsedDsnRecipient {
  const get = (name: string) => {
    const field = findField(group, name);
    return field === undefined ? undefined : reportValue(field);
  };
  const finalRecipient = get('Final-Recipient');
  const originalRecipient = get('Original-Recipient');
  const status = get('Status') ?? '';
  const recipient: ParsedDsnRecipient = {
    finalRecipient: address(finalRecipient ?? originalRecipient ?? ''),
    action: (get('Action') ?? '').toLowerCase(),
    // RFC 3464 §2.3.4: a comment may follow the code.
    status: /^\d\.\d{1,3}\.\d{1,3}/.exec(status)?.[0] ?? status,
  };
  if (originalRecipient !== undefined) recipient.originalRecipient = address(originalRecipient);
  const remoteMta = get('Remote-MTA');
  if (remoteMta !== undefined) recipient.remoteMta = typed(remoteMta).value;
  const diagnostic = get('Diagnostic-Code');
  if (diagnostic !== undefined) {
    const { type, value } = typed(diagnostic);
    recipient.diagnosticType = type;
    recipient.diagnosticCode = value;
  }
  const willRetryUntil = get('Will-Retry-Until');
  if (willRetryUntil !== undefined) recipient.willRetryUntil = willRetryUntil;
  return recipient;
}

function isType(part: MessagePart, type: string, subtypes: readonly string[]): boolean {
  return part.contentType.type === type && subtypes.includes(part.contentType.subtype);
}

// The first text/plain in the human-readable part, which may itself be a multipart/alternative (RFC 6522 §3).
function plainText(part: MessagePart): string | null {
  if (part.decoded.kind === 'text' && isType(part, 'text', ['plain'])) return part.decoded.text;
  if (part.decoded.kind !== 'multipart') return null;
  for (const child of part.children) {
    const text = plainText(child);
    if (text !== null) return text;
  }
  return null;
}

function returnedHeaders(raw: string, part: MessagePart): string {
  const enclosed = part.children[0];
  if (enclosed !== undefined) return raw.slice(enclosed.headerStart, enclosed.headerEnd);
  // A header-only part, or an enclosed message the parser would not open (say, a Base64 message/rfc822).
  const octets = part.decoded.kind === 'text' || part.decoded.kind === 'binary' ? part.decoded.octets : '';
  return octets.slice(0, parseHeaderBlock(octets).headerEnd);
}

/**
 * parseDeliveryStatusNotification reads a DSN's raw octets (CRLF, or bare LF as saved mail often has) into
 * its fields, or returns null when it is not a multipart/report of report-type delivery-status (or RFC
 * 6533's global-delivery-status) holding a delivery-status part. Parts are found by type, not position, so
 * a DSN from a careless MTA still reads. It never throws.
 */
export function parseDeliveryStatusNotification(raw: string): ParsedDeliveryStatusNotification | null {
  const message = parseMessage(raw);
  const { root } = message;
  const reportType = root.contentType.params['report-type']?.toLowerCase() ?? '';
  if (!isType(root, 'multipart', ['report'])) return null;
  if (reportType !== 'delivery-status' && reportType !== 'global-delivery-status') return null;
  const reportIndex = root.children.findIndex((part) =>
    isType(part, 'message', ['delivery-status', 'global-delivery-status']),
  );
  const report = root.children[reportIndex];
  if (report === undefined || report.decoded.kind !== 'text') return null;

  const [perMessageFields = [], ...recipientGroups] = reportGroups(report.decoded.octets);
  const perMessage: Record<string, string> = {};
  for (const field of perMessageFields) {
    // RFC 3464 §2.2: each per-message field appears at most once; the first is kept.
    if (!(field.name in perMessage)) perMessage[field.name] = reportValue(field);
  }
  const human = reportIndex > 0 ? root.children[0] : undefined;
  const returned = root.children
    .slice(reportIndex + 1)
    .find(
      (part) =>
        isType(part, 'message', ['rfc822', 'global', 'global-headers']) ||
        isType(part, 'text', ['rfc822-headers']),
    );
  return {
    subject: message.subject,
    from: message.from[0]?.address ?? '',
    to: message.to[0]?.address ?? '',
    humanText: (human === undefined ? '' : (plainText(human) ?? '')).replace(/\r\n/g, '\n'),
    perMessage,
    recipients: recipientGroups.map(readRecipient),
    originalHeaders: returned === undefined ? '' : returnedHeaders(raw, returned),
  };
}
