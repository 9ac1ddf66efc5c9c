// BODY and BODYSTRUCTURE (RFC 3501 §7.4.2, §9 `body`): a message's MIME tree as IMAP describes it, built
// from parseMessage's tree by the server, written with or without extension data, and read back by clients.

import { type Envelope, envelopeOf, formatEnvelope } from './envelope.ts';
import { formatNstring, formatString, toOctets } from './strings.ts';
import { fieldText, findField, type HeaderField } from '../message/headers.ts';
import { DEFAULT_CONTENT_TYPE, parseParameterized } from '../message/mimeParams.ts';
import type { MessagePart } from '../message/parseMessage.ts';

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
    return {
      kind: 'multipart',
      parts: part.children.map((child) => bodyStructureOf(octets, child)),
      subtype,
      extension: { params: params(typeField?.value), ...commonExtension(headers) },
    };
  }
  const fields: BodyFields = {
    params:
      typeField === undefined || contentType === DEFAULT_CONTENT_TYPE
        ? [['CHARSET', 'US-ASCII']]
        : params(typeField.value),
    id: raw(headers, 'Content-ID'),
    description: raw(headers, 'Content-Description'),
    encoding: part.transferEncoding.toUpperCase(),
    octets: part.bodyEnd - part.bodyStart,
  };
  const extension: PartExtension = { md5: raw(headers, 'Content-MD5'), ...commonExtension(headers) };
  const lines = lineCount(octets.slice(part.bodyStart, part.bodyEnd));
  const enclosed = part.children[0];
  if (part.decoded.kind === 'message' && enclosed !== undefined) {
    return {
      kind: 'message',
      subtype,
      fields,
      envelope: envelopeOf(enclosed.headers),
      body: bodyStructureOf(octets, enclosed),
      lines,
      extension,
    };
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
