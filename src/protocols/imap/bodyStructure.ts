// BODY and BODYSTRUCTURE (RFC 3501 §7.4.2, §9 `body`): a message's MIME tree as IMAP describes it, built
// from parseMessage's tree by the server, written with or without extension data, and read back by clients.

import { type Envelope, envelopeOf, formatEnvelope } from './envelope.ts';
import { formatNstring, formatString, toOctets } from './strings.ts';
import { fieldText, findField, type HeaderField } from '../message/headers.ts';
import { DEFAULT_CONTENT_TYPE, parseParameterized } from '../message/mimeParams.ts';
import { type MessagePart, parseMessage } from '../message/parseMessage.ts';

/** BodyParam is one attribute/value pair of a parameter list, in the order the message gave them. */
export type BodyParam = [name: string, value: string];

/** BodyDisposition is a Content-Disposition: its type and parameters (RFC 2183). */
export type BodyDisposition = { type: string; params: BodyParam[] };

/** BodyExtension is the extension data of BODYSTRUCTURE, after the basic fields (RFC 3501 §7.4.2). */
export type BodyExtension = {
  disposition: BodyDisposition | null;
  language: string[] | null;
  location: string | null;
};

/** BodyFields are the basic fields of a non-multipart part: parameters, id, description, encoding, size. */
export type BodyFields = {
  params: BodyParam[];
  id: string | null;
  description: string | null;
  encoding: string;
  octets: number;
};

/**
 * BodyStructure is one node: a multipart with its parts and subtype, a text part (which counts its lines),
 * a message/rfc822 part (with the enclosed message's envelope, structure and lines), or any other part.
 * `extension` is null in the BODY form, which has none.
 */
export type BodyStructure =
  | { kind: 'multipart'; parts: BodyStructure[]; subtype: string; extension: MultipartExtension | null }
  | { kind: 'text'; subtype: string; fields: BodyFields; lines: number; extension: PartExtension | null }
  | {
      kind: 'message';
      subtype: string;
      fields: BodyFields;
      envelope: Envelope;
      body: BodyStructure;
      lines: number;
      extension: PartExtension | null;
    }
  | { kind: 'basic'; type: string; subtype: string; fields: BodyFields; extension: PartExtension | null };

/** PartExtension is a non-multipart part's extension data: the body MD5, then the common fields. */
export type PartExtension = { md5: string | null } & BodyExtension;

/** MultipartExtension is a multipart's extension data: its parameters, then the common fields. */
export type MultipartExtension = { params: BodyParam[] } & BodyExtension;

const EMPTY_TEXT: BodyStructure = {
  kind: 'text',
  subtype: 'PLAIN',
  fields: { params: [['CHARSET', 'US-ASCII']], id: null, description: null, encoding: '7BIT', octets: 0 },
  lines: 0,
  extension: { md5: null, disposition: null, language: null, location: null },
};

function lineCount(body: string): number {
  const breaks = body.split('\n').length - 1;
  return body === '' || body.endsWith('\n') ? breaks : breaks + 1;
}

// Parameter names are written in capitals, as RFC 3501's examples do; values stay as the message has them.
function params(value: string | undefined): BodyParam[] {
  if (value === undefined) return [];
  const found = parseParameterized(fieldText(value)).params;
  return Object.entries(found).map(([name, text]) => [name.toUpperCase(), toOctets(text)]);
}

function raw(headers: readonly HeaderField[], name: string): string | null {
  return findField(headers, name)?.value ?? null;
}

function commonExtension(headers: readonly HeaderField[]): BodyExtension {
  const disposition = raw(headers, 'Content-Disposition');
  const language = raw(headers, 'Content-Language');
  return {
    disposition:
      disposition === null
        ? null
        : { type: parseParameterized(disposition).value.toUpperCase(), params: params(disposition) },
    language: language === null ? null : language.split(',').map((tag) => tag.trim()),
    location: raw(headers, 'Content-Location'),
  };
}

const IDENTITY_ENCODINGS: ReadonlySet<string> = new Set(['7bit', '8bit', 'binary']);

// The message a message/rfc822 part encloses, with the octets its offsets index. An encoded one (which RFC
// 2045 §6.4 forbids, so parseMessage leaves it unparsed) is read from its decoded octets, as RFC 3501 §9
// lets MESSAGE/RFC822 appear only with an envelope and a body structure.
function enclosedMessage(octets: string, part: MessagePart): { octets: string; root: MessagePart } | null {
  const child = part.children[0];
  if (part.decoded.kind === 'message' && child !== undefined) return { octets, root: child };
  const { type, subtype } = part.contentType;
  if (type !== 'message' || subtype !== 'rfc822' || IDENTITY_ENCODINGS.has(part.transferEncoding))
    return null;
  if (part.decoded.kind !== 'binary') return null;
  return { octets: part.decoded.octets, root: parseMessage(part.decoded.octets).root };
}

/**
 * bodyStructureOf describes a part of parseMessage's tree (its root for the whole message); `octets` are
 * the raw message octets the tree was parsed from. Types, subtypes and encodings are in capitals; a part
 * without a Content-Type gets ("CHARSET" "US-ASCII") as RFC 3501 §7.4.2's examples show.
 */
export function bodyStructureOf(octets: string, part: MessagePart): BodyStructure {
  const { headers, contentType } = part;
  const typeField = findField(headers, 'content-type');
  const subtype = contentType.subtype.toUpperCase();
  if (contentType.type === 'multipart' && part.decoded.kind === 'multipart') {
    // RFC 3501 §9 body-type-mpart needs at least one part; a multipart without any has one empty text part.
    const parts = part.children.map((child) => bodyStructureOf(octets, child));
    return {
      kind: 'multipart',
      parts: parts.length > 0 ? parts : [EMPTY_TEXT],
      subtype,
      extension: { params: params(typeField?.value), ...commonExtension(headers) },
    };
  }
  const fields: BodyFields = {
    params: contentType === DEFAULT_CONTENT_TYPE ? [['CHARSET', 'US-ASCII']] : params(typeField?.value),
    id: raw(headers, 'Content-ID'),
    description: raw(headers, 'Content-Description'),
    encoding: part.transferEncoding.toUpperCase(),
    octets: part.bodyEnd - part.bodyStart,
  };
  const extension: PartExtension = { md5: raw(headers, 'Content-MD5'), ...commonExtension(headers) };
  const lines = lineCount(octets.slice(part.bodyStart, part.bodyEnd));
  const enclosed = enclosedMessage(octets, part);
  if (enclosed !== null) {
    const envelope = envelopeOf(enclosed.root.headers);
    const body = bodyStructureOf(enclosed.octets, enclosed.root);
    return { kind: 'message', subtype, fields, envelope, body, lines, extension };
  }
  if (contentType.type === 'text') return { kind: 'text', subtype, fields, lines, extension };
  return { kind: 'basic', type: contentType.type.toUpperCase(), subtype, fields, extension };
}

function formatParams(list: readonly BodyParam[]): string {
  return list.length === 0 ? 'NIL' : `(${list.flatMap((pair) => pair.map(formatString)).join(' ')})`;
}

function formatCommon(extension: BodyExtension): string {
  const { disposition, language, location } = extension;
  const dsp =
    disposition === null ? 'NIL' : `(${formatString(disposition.type)} ${formatParams(disposition.params)})`;
  const lang =
    language === null || language.length === 0
      ? 'NIL'
      : language.length === 1
        ? formatNstring(language[0] ?? '')
        : `(${language.map(formatString).join(' ')})`;
  return `${dsp} ${lang} ${formatNstring(location)}`;
}

function formatFields(fields: BodyFields): string {
  const { id, description, encoding, octets } = fields;
  return `${formatParams(fields.params)} ${formatNstring(id)} ${formatNstring(description)} ${formatString(encoding)} ${octets}`;
}

/**
 * formatBodyStructure writes a structure as FETCH returns it: with extension data for BODYSTRUCTURE
 * (`extensible`), without for BODY, which RFC 3501 §7.4.2 says must never carry it.
 */
export function formatBodyStructure(body: BodyStructure, extensible: boolean): string {
  if (body.kind === 'multipart') {
    const parts = body.parts.map((part) => formatBodyStructure(part, extensible)).join('');
    const ext =
      extensible && body.extension !== null
        ? ` ${formatParams(body.extension.params)} ${formatCommon(body.extension)}`
        : '';
    return `(${parts} ${formatString(body.subtype)}${ext})`;
  }
  const type = body.kind === 'basic' ? body.type : body.kind === 'text' ? 'TEXT' : 'MESSAGE';
  let out = `${formatString(type)} ${formatString(body.subtype)} ${formatFields(body.fields)}`;
  if (body.kind === 'message') {
    out += ` ${formatEnvelope(body.envelope)} ${formatBodyStructure(body.body, extensible)} ${body.lines}`;
  }
  if (body.kind === 'text') out += ` ${body.lines}`;
  if (extensible && body.extension !== null) {
    out += ` ${formatNstring(body.extension.md5)} ${formatCommon(body.extension)}`;
  }
  return `(${out})`;
}
