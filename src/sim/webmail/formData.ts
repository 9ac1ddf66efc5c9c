// What a browser puts in a request for the webmail to read: an HTML form's fields (application/x-www-form-urlencoded,
// WHATWG URL §5.1), the query of a request-target, and the Cookie field (RFC 6265 §5.4). Pure functions.
import { octetsToUtf8 } from '../../protocols/shared/octets.ts';

/** FormFields are a form's name/value pairs in the order sent; a name may repeat. */
export type FormFields = readonly (readonly [name: string, value: string])[];

/** FormParse is the fields, or why the body is not a form the webmail can read. */
export type FormParse = { ok: true; fields: FormFields } | { ok: false; problem: string };

// A percent sign must start two hex digits; WHATWG passes a stray one through, but a form the webmail's own
// pages made never has one, so it is a sign of a body that is not a form at all.
const BAD_PERCENT = /%(?![0-9A-Fa-f]{2})/;

function percentDecode(octets: string): string {
  return octets.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * parseForm reads an application/x-www-form-urlencoded body (octets, one char per octet): `&`-separated
 * `name=value` pairs, `+` for a space, %XX for an octet, the octets read as UTF-8 (WHATWG URL §5.1).
 */
export function parseForm(body: string): FormParse {
  if (BAD_PERCENT.test(body)) return { ok: false, problem: 'a % that does not start two hex digits' };
  const fields: [string, string][] = [];
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = at === -1 ? pair : pair.slice(0, at);
    const value = at === -1 ? '' : pair.slice(at + 1);
    const decode = (text: string) => octetsToUtf8(percentDecode(text.replace(/\+/g, ' ')));
    fields.push([decode(name), decode(value)]);
  }
  return { ok: true, fields };
}

/** formField is the first value of a field, or undefined when the form has none of that name. */
export function formField(fields: FormFields, name: string): string | undefined {
  return fields.find(([field]) => field === name)?.[1];
}

/** RequestTarget is an origin-form request-target split into its path and its query's fields. */
export interface RequestTarget {
  readonly path: string;
  readonly query: FormFields;
}

/**
 * splitTarget splits `/message/3?folder=INBOX` into its path and query (RFC 9112 §3.2.1 origin-form), or gives
 * null for a target that is not origin-form (`*`, an absolute URI) or whose query is not readable.
 */
export function splitTarget(target: string): RequestTarget | null {
  if (!target.startsWith('/')) return null;
  const hash = target.indexOf('#');
  const bare = hash === -1 ? target : target.slice(0, hash);
  const question = bare.indexOf('?');
  const path = question === -1 ? bare : bare.slice(0, question);
  const query = parseForm(question === -1 ? '' : bare.slice(question + 1));
  return query.ok ? { path, query: query.fields } : null;
}

/** cookieValue is the value of the cookie `name` in a Cookie field (`a=1; sid=…`, RFC 6265 §5.4), if sent. */
export function cookieValue(field: string | undefined, name: string): string | undefined {
  if (field === undefined) return undefined;
  for (const pair of field.split(';')) {
    const at = pair.indexOf('=');
    if (at === -1) continue;
    if (pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/** encodeFormValue percent-encodes text for a query or form value (UTF-8, WHATWG's form set), for links. */
export function encodeFormValue(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+');
}
