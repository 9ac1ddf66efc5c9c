// Writing HTTP/1.1 message heads onto the wire (RFC 9112 §3-§5): the start line, one line per field, and the
// empty line that ends the head. Lines come without their CRLF; the I/O glue adds it.
import type { HttpHeaders, HttpRequest, HttpResponse } from './message.ts';

/** requestHeadLines are a request's head lines: request line, field lines and the empty line. */
export function requestHeadLines(
  request: Pick<HttpRequest, 'method' | 'target' | 'version' | 'headers'>,
): string[] {
  return [`${request.method} ${request.target} ${request.version}`, ...fieldLines(request.headers), ''];
}

/** responseHeadLines are a response's head lines, the status line written with `version`. */
export function responseHeadLines(
  version: string,
  response: Pick<HttpResponse, 'status' | 'reason' | 'headers'>,
): string[] {
  return [`${version} ${response.status} ${response.reason}`, ...fieldLines(response.headers), ''];
}

/** fieldLines writes each field as `name: value` (RFC 9112 §5: one space after the colon is customary). */
export function fieldLines(headers: HttpHeaders): string[] {
  return headers.map(([name, value]) => `${name}: ${value}`);
}

/** withoutFields is `headers` less every field named in `names` (case-insensitive). */
export function withoutFields(headers: HttpHeaders, names: readonly string[]): HttpHeaders {
  const drop = new Set(names.map((name) => name.toLowerCase()));
  return headers.filter(([name]) => !drop.has(name.toLowerCase()));
}
