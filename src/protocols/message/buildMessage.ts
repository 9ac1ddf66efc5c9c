// Composes an RFC 5322 message with MIME parts from what a user agent's compose form holds, as 7-bit octets
// with CRLF line ends, deterministically (no clock, no randomness), and the SMTP envelope it implies.

import { type Mailbox, formatAddressList } from './addresses.ts';
import { encodeBase64Lines } from './base64.ts';
import { formatDate } from './dateTime.ts';
import { encodeWords, needsEncodedWords } from './encodedWords.ts';
import { foldField, HEADER_FOLD_AT } from './headers.ts';
import { formatParameter, parseContentType } from './mimeParams.ts';
import { encodeQuotedPrintable } from './quotedPrintable.ts';
import { TEXT_LINE_MAX } from '../shared/limits.ts';
import { hasControls, isAscii, utf8ToOctets } from '../shared/octets.ts';

/** AddressInput is a mailbox, or a bare address string. */
export type AddressInput = Mailbox | string;

/** Attachment is one file to attach; content is octets. */
export type Attachment = { filename: string; contentType: string; content: string };

/** TextEncoding chooses how a non-ASCII text body is encoded; 'auto' takes whichever is shorter. */
export type TextEncoding = 'auto' | 'quoted-printable' | 'base64';

/**
 * MessageSpec is everything buildMessage needs. `date` is virtual ms since the epoch; `messageId` is given
 * with or without angle brackets, or made by a function (from the kernel's seeded generator, say). Bcc
 * recipients go only into the envelope. `boundarySeed` (default: the message id) makes multipart boundaries.
 */
export type MessageSpec = {
  from: AddressInput;
  to: readonly AddressInput[];
  cc?: readonly AddressInput[];
  bcc?: readonly AddressInput[];
  subject: string;
  date: number;
  zoneOffsetMinutes?: number;
  messageId: string | (() => string);
  text: string;
  html?: string;
  attachments?: readonly Attachment[];
  extraHeaders?: readonly { name: string; value: string }[];
  boundarySeed?: string;
  textEncoding?: TextEncoding;
};

/** Envelope is the SMTP envelope a message implies: MAIL FROM and one RCPT TO per recipient, Bcc included. */
export type Envelope = { from: string; recipients: string[] };

/** BuiltMessage is the result of buildMessage: the message octets, its envelope and its Message-ID. */
export type BuiltMessage = { octets: string; envelope: Envelope; messageId: string };

type Part = { headers: [string, string][]; body: string };

// Fields the builder writes itself; giving them again as extra headers would duplicate or contradict them.
const OWNED_FIELDS = new Set(['from', 'to', 'cc', 'bcc', 'subject', 'date', 'message-id', 'mime-version']);

function toMailbox(input: AddressInput): Mailbox {
  const mailbox = typeof input === 'string' ? { address: input } : input;
  // Whitespace, controls or angle brackets in an address would corrupt the field or the envelope.
  if (mailbox.address === '' || hasControls(mailbox.address) || /[ \t<>]/.test(mailbox.address)) {
    throw new RangeError(`buildMessage: invalid address ${JSON.stringify(mailbox.address)}`);
  }
  return mailbox;
}

/**
 * toCrlfText normalises line ends to CRLF and ends the text with one, as buildMessage does to text bodies.
 */
export function toCrlfText(text: string): string {
  const crlf = text.replace(/\r\n|\r|\n/g, '\r\n');
  return crlf.endsWith('\r\n') ? crlf : crlf + '\r\n';
}

function textPart(text: string, subtype: string, encoding: TextEncoding): Part {
  const octets = utf8ToOctets(toCrlfText(text));
  const contentType: [string, string] = ['Content-Type', `text/${subtype}; charset=UTF-8`];
  // 7bit data: ASCII without NUL in lines SMTP can carry (RFC 2045 §2.7, RFC 5321 §4.5.3.1.6).
  const sevenBit =
    isAscii(octets) &&
    !octets.includes('\0') &&
    octets.split('\r\n').every((line) => line.length <= TEXT_LINE_MAX - 2);
  if (sevenBit) return { headers: [contentType, ['Content-Transfer-Encoding', '7bit']], body: octets };
  // The text ends with CRLF, which quoted-printable keeps as a hard break; Base64 gets a line end to match.
  const base64 = encodeBase64Lines(octets).join('\r\n') + '\r\n';
  const quoted = encodeQuotedPrintable(octets);
  const useBase64 = encoding === 'base64' || (encoding === 'auto' && base64.length < quoted.length);
  return useBase64
    ? { headers: [contentType, ['Content-Transfer-Encoding', 'base64']], body: base64 }
    : { headers: [contentType, ['Content-Transfer-Encoding', 'quoted-printable']], body: quoted };
}

function attachmentPart(attachment: Attachment): Part {
  // A media type may carry parameters (`text/plain; charset=UTF-8`); they are kept, and `name` is ours to write.
  const { contentType, problems } = parseContentType(attachment.contentType);
  if (problems.length > 0) {
    throw new RangeError(
      `buildMessage: invalid content type ${JSON.stringify(attachment.contentType)}: ${problems.join('; ')}`,
    );
  }
  const params = Object.entries(contentType.params)
    .filter(([name]) => name !== 'name')
    .map(([name, value]) => formatParameter(name, value))
    .join('');
  const mediaType = `${contentType.type}/${contentType.subtype}${params}`;
  return {
    headers: [
      ['Content-Type', mediaType + formatParameter('name', attachment.filename)],
      ['Content-Disposition', 'attachment' + formatParameter('filename', attachment.filename)],
      ['Content-Transfer-Encoding', 'base64'],
    ],
    body: encodeBase64Lines(attachment.content)
      .map((line) => line + '\r\n')
      .join(''),
  };
}

// FNV-1a over the seed: stable across runs and engines, unlike Math.random.
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

function serialise(part: Part): string {
  const fields = part.headers.map(([name, value]) => writeField(name, value) + '\r\n').join('');
  return fields + '\r\n' + part.body;
}

// Starting with "=_" keeps the boundary out of quoted-printable and Base64 bodies (RFC 2045 §6.7); a 7-bit
// part could still hold it, so each candidate is checked against the parts (RFC 2046 §5.1.1).
function multipart(subtype: string, parts: readonly Part[], seed: string, depth: number): Part {
  const bodies = parts.map(serialise);
  let boundary = '';
  for (let attempt = 0; boundary === '' || bodies.some((body) => body.includes('--' + boundary)); attempt++) {
    const key = `${seed}/${depth}/${attempt}`;
    boundary = `=_mail-lab_${fnv1a(key)}${fnv1a(key + '#')}_${depth}`;
  }
  const body = bodies.map((part) => `--${boundary}\r\n${part}\r\n`).join('') + `--${boundary}--\r\n`;
  return { headers: [['Content-Type', `multipart/${subtype}; boundary="${boundary}"`]], body };
}

function writeField(name: string, value: string): string {
  if (needsEncodedWords(value) && !/^(from|to|cc|reply-to|sender)$/i.test(name)) {
    return foldField(name, encodeWords(value, { column: name.length + 2 }), HEADER_FOLD_AT - 2);
  }
  // RFC 2047 §2: a line holding encoded words stays within 76 chars.
  return foldField(name, value, value.includes('=?') ? HEADER_FOLD_AT - 2 : HEADER_FOLD_AT);
}

/**
 * buildMessage writes the message: a text/plain body, multipart/alternative when there is html, inside
 * multipart/mixed when there are attachments. Text bodies get CRLF line ends and a final CRLF (see
 * toCrlfText). Throws RangeError for an invalid address or content type, or an extra header the builder
 * writes itself.
 */
export function buildMessage(spec: MessageSpec): BuiltMessage {
  const from = toMailbox(spec.from);
  const to = spec.to.map(toMailbox);
  const cc = (spec.cc ?? []).map(toMailbox);
  const bcc = (spec.bcc ?? []).map(toMailbox);
  const rawId = typeof spec.messageId === 'function' ? spec.messageId() : spec.messageId;
  const messageId = rawId.startsWith('<') ? rawId : `<${rawId}>`;
  const seed = spec.boundarySeed ?? messageId;
  const encoding = spec.textEncoding ?? 'auto';

  let body = textPart(spec.text, 'plain', encoding);
  if (spec.html !== undefined)
    body = multipart('alternative', [body, textPart(spec.html, 'html', encoding)], seed, 1);
  const attachments = spec.attachments ?? [];
  if (attachments.length > 0) body = multipart('mixed', [body, ...attachments.map(attachmentPart)], seed, 0);

  const headers: [string, string][] = [['From', formatAddressList([from])]];
  // RFC 5322 §3.6.3: with only blind recipients, an empty group says so without revealing them.
  if (to.length > 0) headers.push(['To', formatAddressList(to)]);
  else if (cc.length === 0) headers.push(['To', 'undisclosed-recipients:;']);
  if (cc.length > 0) headers.push(['Cc', formatAddressList(cc)]);
  headers.push(['Subject', spec.subject], ['Date', formatDate(spec.date, spec.zoneOffsetMinutes)]);
  headers.push(['Message-ID', messageId]);
  for (const { name, value } of spec.extraHeaders ?? []) {
    if (
      OWNED_FIELDS.has(name.toLowerCase()) ||
      /^content-/i.test(name) ||
      !/^[\x21-\x39\x3b-\x7e]+$/.test(name)
    ) {
      throw new RangeError(`buildMessage: extra header "${name}" is not allowed`);
    }
    headers.push([name, value]);
  }
  headers.push(['MIME-Version', '1.0'], ...body.headers);

  // One RCPT TO per address, however many fields name it.
  const recipients = [
    ...new Map([...to, ...cc, ...bcc].map((m) => [m.address.toLowerCase(), m.address])).values(),
  ];
  return {
    octets: serialise({ headers, body: body.body }),
    envelope: { from: from.address, recipients },
    messageId,
  };
}
