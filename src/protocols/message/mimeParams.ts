// Structured MIME header values with parameters (RFC 2045 §5.1 Content-Type, RFC 2183 Content-Disposition),
// including RFC 2231 parameter continuations and charset-encoded values.

import { decodeCharset } from './charset.ts';
import { hasControls, isAscii, utf8ToOctets } from '../shared/octets.ts';

/** ContentType is a parsed Content-Type: lowercase type and subtype, parameters keyed by lowercase name. */
export type ContentType = { type: string; subtype: string; params: Record<string, string> };

/** ParameterizedValue is a header value of the form `value; name=param; ...`, parsed. */
export type ParameterizedValue = { value: string; params: Record<string, string>; problems: string[] };

/**
 * DEFAULT_CONTENT_TYPE is what a part without a usable Content-Type is (RFC 2045 §5.2); frozen, as parts
 * share it.
 */
export const DEFAULT_CONTENT_TYPE: ContentType = Object.freeze({
  type: 'text',
  subtype: 'plain',
  params: Object.freeze({ charset: 'us-ascii' }),
});

// RFC 2045 §5.1: a token is printable ASCII without space and tspecials ()<>@,;:\"/[]?=.
const TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`{|}~]+$/;

// Splits at ";" outside quoted strings and comments, dropping comments (RFC 5322 §3.2.2 CFWS).
function splitParts(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value.charAt(i);
    if (char === '\\' && (quoted || depth > 0)) {
      if (depth === 0) current += char + value.charAt(i + 1);
      i++;
    } else if (quoted) {
      current += char;
      if (char === '"') quoted = false;
    } else if (char === '(') {
      depth++;
    } else if (depth > 0) {
      if (char === ')') depth--;
    } else if (char === '"') {
      quoted = true;
      current += char;
    } else if (char === ';') {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim());
}

function unquote(text: string): string {
  return text.startsWith('"')
    ? text.slice(1, text.endsWith('"') && text.length > 1 ? -1 : undefined).replace(/\\(.)/g, '$1')
    : text;
}

function percentDecode(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * parseParameterized reads `value; name=param; ...`. Names are lowercased; quoted values are unquoted; RFC
 * 2231 sections (`name*0=`, `name*1*=`) are joined in order and `charset'lang'%XX` values decoded. It never
 * throws.
 */
export function parseParameterized(text: string): ParameterizedValue {
  const [head = '', ...rest] = splitParts(text);
  const problems: string[] = [];
  const plain = new Map<string, string>();
  const sections = new Map<string, { index: number; encoded: boolean; value: string }[]>();
  for (const part of rest) {
    if (part === '') continue;
    const match = /^([^=\s*]+)(\*(\d+))?(\*)?\s*=\s*([^]*)$/.exec(part);
    if (match === null) {
      problems.push(`parameter "${part}" has no "="`);
      continue;
    }
    const [, rawName = '', , index, star, rawValue = ''] = match;
    const name = rawName.toLowerCase();
    const value = unquote(rawValue);
    if (index === undefined && star === undefined) {
      if (plain.has(name)) problems.push(`parameter "${name}" appears twice`);
      plain.set(name, value);
    } else {
      const list = sections.get(name) ?? [];
      list.push({ index: index === undefined ? 0 : Number(index), encoded: star !== undefined, value });
      sections.set(name, list);
    }
  }
  for (const [name, list] of sections) {
    list.sort((a, b) => a.index - b.index);
    let charset = '';
    let octets = '';
    list.forEach((section, i) => {
      let value = section.value;
      if (section.encoded && i === 0) {
        const [cs = '', , ...tail] = value.split("'");
        charset = cs;
        value = tail.join("'");
      }
      octets += section.encoded ? percentDecode(value) : value;
    });
    const decoded = charset === '' ? octets : decodeCharset(octets, charset);
    if (decoded === null) problems.push(`parameter "${name}" is in unknown charset "${charset}"`);
    // RFC 2231 §4: the extended form wins over a plain one given for older readers.
    plain.set(name, decoded ?? octets);
  }
  return { value: head.toLowerCase(), params: Object.fromEntries(plain), problems };
}

/**
 * parseContentType reads a Content-Type value; anything unusable gives DEFAULT_CONTENT_TYPE and a problem.
 */
export function parseContentType(text: string): { contentType: ContentType; problems: string[] } {
  const { value, params, problems } = parseParameterized(text);
  const [type = '', subtype = '', ...extra] = value.split('/').map((piece) => piece.trim());
  if (!TOKEN.test(type) || !TOKEN.test(subtype) || extra.length > 0) {
    return { contentType: DEFAULT_CONTENT_TYPE, problems: [...problems, `"${value}" is not a media type`] };
  }
  return { contentType: { type, subtype, params }, problems };
}

// Long values are cut into RFC 2231 §3 sections so no header line nears the 998-octet limit.
const SECTION_LENGTH = 60;

/**
 * formatParameter writes `; name=value` for a header: as a token when it can be, quoted when it has specials,
 * in RFC 2231 form (`name*=UTF-8''%XX`) when it is not ASCII, and in numbered sections when it is long.
 */
export function formatParameter(name: string, value: string): string {
  if (!isAscii(value) || hasControls(value) || value.includes('\t')) {
    const encoded = utf8ToOctets(value).replace(/[^A-Za-z0-9!#$&+\-.^_`|~]/g, (char) => {
      return '%' + char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
    });
    const prefixed = "UTF-8''" + encoded;
    if (prefixed.length <= SECTION_LENGTH) return `; ${name}*=${prefixed}`;
    // A section never ends inside a %XX escape.
    const sections = prefixed.match(new RegExp(`(?:%[0-9A-F]{2}|[^%]){1,${SECTION_LENGTH / 3}}`, 'g')) ?? [];
    return sections.map((section, i) => `; ${name}*${i}*=${section}`).join('');
  }
  if (value.length > SECTION_LENGTH) {
    const sections = value.match(new RegExp(`[^]{1,${SECTION_LENGTH}}`, 'g')) ?? [];
    return sections.map((section, i) => `; ${name}*${i}=${quote(section)}`).join('');
  }
  return `; ${name}=${quote(value)}`;
}

function quote(value: string): string {
  return TOKEN.test(value) ? value : `"${value.replace(/["\\]/g, '\\$&')}"`;
}
