// Where an HTTP/1.1 message body ends (RFC 9112 §6.3) and whether a connection stays open after an exchange
// (§9.3): the two decisions both machines make from a message's head before they read on.
import { headerValue, type HttpHeaders } from './message.ts';
import { listValues } from './syntax.ts';

/**
 * BodyFraming says how a body's length is known: there is none, `length` octets follow (Content-Length), the
 * body comes in chunks (Transfer-Encoding: chunked), or it runs until the connection closes (responses only).
 */
export type BodyFraming =
  | { readonly kind: 'none' }
  | { readonly kind: 'length'; readonly length: number }
  | { readonly kind: 'chunked' }
  | { readonly kind: 'untilClose' };

/**
 * FramingError says why a body's length cannot be known: a Content-Length that is not one number (`badLength`),
 * both Content-Length and Transfer-Encoding (`conflicting`), a transfer coding this lab does not implement
 * (`unsupportedCoding`, 501 per RFC 9112 §6.1), or codings whose last is not chunked (`chunkedNotLast`, §6.3).
 */
export type FramingError = {
  readonly error: 'badLength' | 'conflicting' | 'unsupportedCoding' | 'chunkedNotLast';
};

/** contentLength reads Content-Length: a number, null when absent, or 'bad' (RFC 9110 §8.6, RFC 9112 §6.3 item 5). */
export function contentLength(headers: HttpHeaders): number | null | 'bad' {
  const values = headers.filter(([name]) => name.toLowerCase() === 'content-length').flatMap(([, v]) => [v]);
  if (values.length === 0) return null;
  // A list of identical numbers (from a proxy that joined duplicates) is one length; anything else is an error.
  const members = values.flatMap((value) => value.split(',').map((m) => m.trim()));
  const [first] = members;
  if (first === undefined || !/^\d{1,15}$/.test(first) || members.some((m) => m !== first)) return 'bad';
  return Number(first);
}

/** transferCodings lists the codings of every Transfer-Encoding field in order, in lower case (RFC 9112 §6.1). */
export function transferCodings(headers: HttpHeaders): string[] {
  return headers
    .filter(([name]) => name.toLowerCase() === 'transfer-encoding')
    .flatMap(([, value]) => listValues(value).map((coding) => coding.toLowerCase()));
}

/**
 * requestFraming decides a request body's length (RFC 9112 §6.3): chunked when Transfer-Encoding says so,
 * Content-Length's octets otherwise, and no body when neither is present (a request never runs to the close).
 */
export function requestFraming(headers: HttpHeaders): BodyFraming | FramingError {
  const codings = transferCodings(headers);
  const length = contentLength(headers);
  if (codings.length > 0) {
    // §6.3 item 3: both present may be an attempt at request smuggling; a server MAY reject it, and this one does.
    if (length !== null) return { error: 'conflicting' };
    if (codings.some((coding) => coding !== 'chunked')) {
      return codings.at(-1) === 'chunked' ? { error: 'unsupportedCoding' } : { error: 'chunkedNotLast' };
    }
    if (codings.length > 1) return { error: 'chunkedNotLast' };
    return { kind: 'chunked' };
  }
  if (length === 'bad') return { error: 'badLength' };
  return length === null || length === 0 ? { kind: 'none' } : { kind: 'length', length };
}

/**
 * responseFraming decides a response body's length (RFC 9112 §6.3 items 1-2, 4, 6-8): none after HEAD and for
 * 1xx, 204 and 304; chunked; Content-Length; or until the server closes the connection.
 */
export function responseFraming(
  requestMethod: string,
  status: number,
  headers: HttpHeaders,
): BodyFraming | FramingError {
  if (requestMethod === 'HEAD' || (status >= 100 && status < 200) || status === 204 || status === 304)
    return { kind: 'none' };
  const codings = transferCodings(headers);
  if (codings.length > 0) return codings.at(-1) === 'chunked' ? { kind: 'chunked' } : { kind: 'untilClose' };
  const length = contentLength(headers);
  if (length === 'bad') return { error: 'badLength' };
  if (length === null) return { kind: 'untilClose' };
  return length === 0 ? { kind: 'none' } : { kind: 'length', length };
}

/** hasConnectionOption tells whether a Connection field lists `option` (RFC 9110 §7.6.1), case-insensitively. */
export function hasConnectionOption(headers: HttpHeaders, option: string): boolean {
  const wanted = option.toLowerCase();
  return headers.some(
    ([name, value]) =>
      name.toLowerCase() === 'connection' &&
      listValues(value).some((member) => member.toLowerCase() === wanted),
  );
}

/**
 * persistent tells whether a connection stays open after a message (RFC 9112 §9.3): not when it says
 * `Connection: close`; yes for HTTP/1.1; for HTTP/1.0 only when it asks for `keep-alive`.
 */
export function persistent(version: string, headers: HttpHeaders): boolean {
  if (hasConnectionOption(headers, 'close')) return false;
  if (version === 'HTTP/1.1') return true;
  return version === 'HTTP/1.0' && hasConnectionOption(headers, 'keep-alive');
}

/** hostFields counts the Host fields of a request: RFC 9112 §3.2 wants exactly one in HTTP/1.1. */
export function hostFields(headers: HttpHeaders): number {
  return headers.filter(([name]) => name.toLowerCase() === 'host').length;
}

export { headerValue };
