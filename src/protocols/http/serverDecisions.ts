// What the HTTP server decides from what it has read: whether a request line, a field line or a whole head is
// acceptable (and if not, which status the RFC names), and how a response goes on the wire. Pure functions from the
// session's context; httpServerMachine says when each is asked.
import { persistent, hasConnectionOption, hostFields, requestFraming, type BodyFraming } from './framing.ts';
import { responseHeadLines, withoutFields } from './format.ts';
import { encodeChunked } from './chunked.ts';
import { HEADER_FIELDS_MAX, HEADER_SECTION_MAX, BODY_MAX } from './limits.ts';
import { headerValue, type HttpHeaders, type HttpRequest, type HttpResponse } from './message.ts';
import { errorResponse, type HttpStatus } from './replies.ts';
import { parseFieldLine, parseRequestLine } from './syntax.ts';

/** HttpServerInput configures one server session (one TCP connection). */
export interface HttpServerInput {
  /** hostname is the server's name, for the words of its own error responses. */
  readonly hostname: string;
  /**
   * allow says which methods a request-target accepts, or null when there is nothing there: the machine then
   * answers 404, or 405 with Allow for a method not listed (HEAD goes wherever GET does), before the application
   * is asked. Without it every well-formed request goes to the application.
   */
  readonly allow?: (target: string) => readonly string[] | null;
  /** interpose lets a teacher force a response (a 500 or 503) for a request; null answers as usual. */
  readonly interpose?: (request: HttpRequest) => HttpResponse | null;
  /** date is the Date field's value now (RFC 9110 §6.6.1, IMF-fixdate); without it no Date is sent. */
  readonly date?: () => string;
  /** maxBody is the largest request body taken, in octets (413 past it); BODY_MAX by default. */
  readonly maxBody?: number;
}

/** SessionEnd says how a server session ended: the client or server closed, a refused request, or a timer. */
export type SessionEnd = 'closed' | 'refused' | 'idle' | 'timeout' | 'connectionLost';

/** RequestInProgress is what has been read of the request being received. */
export interface RequestInProgress {
  readonly method: string;
  readonly target: string;
  readonly version: string;
  readonly headers: HttpHeaders;
  /** headOctets counts the head's octets on the wire, line ends included. */
  readonly headOctets: number;
  readonly body: string;
  readonly bodyWire: number;
  readonly bodyChunks: number | null;
}

/** ServerContext is the server machine's context: its input, how many requests it read, and the current one. */
export interface ServerContext extends HttpServerInput {
  /** requests counts the request lines read on this connection; the current request is number `requests`. */
  readonly requests: number;
  readonly current: RequestInProgress | null;
  readonly ended: SessionEnd | null;
}

/** Refusal is a response the server sends on its own, closing the connection after it. */
export interface Refusal {
  readonly response: HttpResponse;
  /** method is the method of the request refused, or null when its request line could not be read. */
  readonly method: string | null;
}

/** KNOWN_METHODS are the methods of RFC 9110 §9 (and PATCH, RFC 5789); any other is 501 (§9.1). */
export const KNOWN_METHODS: readonly string[] = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
];

// Methods whose requests carry content, so a missing length is refused with 411 (RFC 9110 §15.5.12).
const CONTENT_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** DecidedRequestLine is what a request line starts: a request, or a refusal. */
export type DecidedRequestLine =
  | { readonly kind: 'request'; readonly current: RequestInProgress }
  | { readonly kind: 'refused'; readonly refusal: Refusal };

/** decideRequestLine reads a request line: 400 when malformed (RFC 9112 §3), 505 for another version. */
export function decideRequestLine(line: string): DecidedRequestLine {
  const parsed = parseRequestLine(line);
  if ('error' in parsed) {
    if (parsed.error === 'version')
      return refuse(505, `this server speaks HTTP/1.1 and HTTP/1.0, not ${parsed.version}`, parsed.method);
    return refuse(400, `the request line is malformed: ${parsed.detail}`, null);
  }
  return {
    kind: 'request',
    current: {
      ...parsed,
      headers: [],
      headOctets: line.length + 2,
      body: '',
      bodyWire: 0,
      bodyChunks: null,
    },
  };
}

function refuse(status: HttpStatus, why: string, method: string | null, headers: HttpHeaders = []) {
  return { kind: 'refused', refusal: { response: errorResponse(status, why, headers), method } } as const;
}

/** DecidedFieldLine is a field line taken into the request, or a refusal. */
export type DecidedFieldLine =
  | { readonly kind: 'field'; readonly current: RequestInProgress }
  | { readonly kind: 'refused'; readonly refusal: Refusal };

/**
 * decideFieldLine adds a field line to the request: 400 when it is malformed (no colon, whitespace before it,
 * folded: RFC 9112 §5), 431 when the head grows past its limits (RFC 6585 §5).
 */
export function decideFieldLine(current: RequestInProgress, line: string): DecidedFieldLine {
  const method = current.method;
  const parsed = parseFieldLine(line);
  if ('error' in parsed) {
    const why = {
      noColon: 'a header line has no colon',
      spaceBeforeColon: 'a header name is followed by whitespace before its colon',
      badName: 'a header name has characters a token may not have',
      obsFold: 'a header line starts with whitespace (obsolete line folding)',
      badValue: 'a header value has control characters',
    }[parsed.error];
    return refuse(400, why, method);
  }
  const headOctets = current.headOctets + line.length + 2;
  if (current.headers.length >= HEADER_FIELDS_MAX)
    return refuse(431, `more than ${HEADER_FIELDS_MAX} header fields`, method);
  if (headOctets > HEADER_SECTION_MAX)
    return refuse(431, `the header section is larger than ${HEADER_SECTION_MAX} octets`, method);
  return {
    kind: 'field',
    current: { ...current, headers: [...current.headers, [parsed.name, parsed.value]], headOctets },
  };
}

/** DecidedHead is what the end of a head leads to: read a body, a complete request, or a refusal. */
export type DecidedHead =
  | { readonly kind: 'body'; readonly framing: BodyFraming; readonly continue: boolean }
  | { readonly kind: 'complete' }
  | { readonly kind: 'refused'; readonly refusal: Refusal };

/**
 * decideHead judges a whole head (RFC 9112 §3.2, §6.3; RFC 9110 §10.1.1): one Host in HTTP/1.1, a body length the
 * server can know and will take, and an expectation it can meet. `continue` asks for a 100 Continue first.
 */
export function decideHead(context: ServerContext, current: RequestInProgress): DecidedHead {
  const { method, headers, version } = current;
  if (version === 'HTTP/1.1' && hostFields(headers) !== 1)
    return refuse(400, 'an HTTP/1.1 request needs exactly one Host header', method);
  const framing = requestFraming(headers);
  if ('error' in framing) {
    if (framing.error === 'unsupportedCoding')
      return refuse(501, 'the only transfer coding this server knows is chunked', method);
    const why = {
      badLength: 'Content-Length is not one number',
      conflicting: 'the request has both Content-Length and Transfer-Encoding',
      chunkedNotLast: 'chunked must be the last transfer coding, once',
    }[framing.error];
    return refuse(400, why, method);
  }
  const expect = headerValue(headers, 'expect');
  if (expect !== undefined && expect.toLowerCase() !== '100-continue')
    return refuse(417, `this server cannot meet the expectation "${expect}"`, method);
  const lengthGiven = framing.kind !== 'none' || headerValue(headers, 'content-length') !== undefined;
  if (CONTENT_METHODS.has(method) && !lengthGiven)
    return refuse(411, `${method} needs a Content-Length (or chunked transfer coding)`, method);
  const max = context.maxBody ?? BODY_MAX;
  if (framing.kind === 'length' && framing.length > max)
    return refuse(413, `the body is larger than ${max} octets`, method);
  if (framing.kind === 'none') return { kind: 'complete' };
  return { kind: 'body', framing, continue: expect !== undefined && version === 'HTTP/1.1' };
}

/** bodyTooLarge tells whether a body being read (a chunked one, whose length was not announced) passed the limit. */
export function bodyTooLarge(context: ServerContext, current: RequestInProgress): boolean {
  return current.body.length > (context.maxBody ?? BODY_MAX);
}

/** refusalForTooLarge is the 413 for a chunked body that grew past the limit. */
export function refusalForTooLarge(context: ServerContext, method: string): Refusal {
  return refuse(413, `the body is larger than ${context.maxBody ?? BODY_MAX} octets`, method).refusal;
}

/** requestOf is the finished request as the application sees it. */
export function requestOf(current: RequestInProgress): HttpRequest {
  const { method, target, version, headers, body } = current;
  return { method, target, version, headers, body };
}

/**
 * decideRouting answers a request before the application, when the machine can: a teacher's forced response,
 * 501 for an unknown method (RFC 9110 §9.1), 404 for a target with nothing there, 405 with Allow for a method the
 * target does not take (§15.5.6). Null sends the request on to the application.
 */
export function decideRouting(context: ServerContext, request: HttpRequest): HttpResponse | null {
  const forced = context.interpose?.(request) ?? null;
  if (forced !== null) return forced;
  if (!KNOWN_METHODS.includes(request.method))
    return errorResponse(501, `this server does not implement the method ${request.method}`);
  if (context.allow === undefined) return null;
  const path = request.target.split('?')[0] ?? request.target;
  const allowed = context.allow(path);
  if (allowed === null) return errorResponse(404, `there is nothing at ${path} on ${context.hostname}`);
  const methods = allowed.includes('GET') && !allowed.includes('HEAD') ? [...allowed, 'HEAD'] : allowed;
  if (!methods.includes(request.method))
    return errorResponse(405, `${path} takes ${methods.join(', ')}, not ${request.method}`, [
      ['Allow', methods.join(', ')],
    ]);
  return null;
}

/** keepsOpen tells whether the connection stays open after `response` to `current` (RFC 9112 §9.3, §9.6). */
export function keepsOpen(current: RequestInProgress | null, response: HttpResponse): boolean {
  if (current === null) return false;
  return persistent(current.version, current.headers) && !hasConnectionOption(response.headers, 'close');
}

/** WireResponse is a response as it goes out: its head lines, the field names in order, and the body's octets. */
export interface WireResponse {
  readonly head: readonly string[];
  readonly fieldNames: readonly string[];
  readonly headers: HttpHeaders;
  /** body is the body's octets as they cross the wire (chunk framing included); content is what they carry. */
  readonly body: string;
  readonly content: string;
  /** size is the content's length; chunks how many chunks carried it (null when not chunked). */
  readonly size: number;
  readonly chunks: number | null;
}

/**
 * wireResponse writes the response the application (or the machine) made for the wire: Date first, the
 * application's own fields, then how the body is framed (Content-Length, or chunked when the application asked
 * for it and the client speaks HTTP/1.1) and Connection: close when the server will close (RFC 9112 §9.6). A
 * response to HEAD, and 1xx, 204 and 304, carry no body (RFC 9110 §6.4.1).
 */
export function wireResponse(
  context: ServerContext,
  current: RequestInProgress | null,
  response: HttpResponse,
  close: boolean,
): WireResponse {
  const version = current?.version ?? 'HTTP/1.1';
  const wantsChunked = /(^|,)\s*chunked\s*$/i.test(headerValue(response.headers, 'transfer-encoding') ?? '');
  const own = withoutFields(response.headers, ['content-length', 'transfer-encoding', 'connection', 'date']);
  const bodiless =
    current?.method === 'HEAD' || response.status < 200 || response.status === 204 || response.status === 304;
  const chunked =
    wantsChunked && version === 'HTTP/1.1' && response.status !== 204 && response.status !== 304;
  const framing: HttpHeaders = chunked
    ? [['Transfer-Encoding', 'chunked']]
    : response.status === 204 || response.status === 304 || response.status < 200
      ? []
      : [['Content-Length', String(response.body.length)]];
  const connection: HttpHeaders = close
    ? [['Connection', 'close']]
    : version === 'HTTP/1.0'
      ? [['Connection', 'keep-alive']]
      : [];
  const date: HttpHeaders = context.date === undefined ? [] : [['Date', context.date()]];
  const headers = [...date, ...own, ...framing, ...connection];
  // RFC 9110 §2.5: a server sends its own version, HTTP/1.1, whatever the request's (1.0 included).
  const head = responseHeadLines('HTTP/1.1', { ...response, headers });
  const size = bodiless ? 0 : response.body.length;
  const fieldNames = headers.map(([name]) => name);
  if (bodiless) return { head, fieldNames, headers, body: '', content: '', size, chunks: null };
  if (!chunked)
    return { head, fieldNames, headers, body: response.body, content: response.body, size, chunks: null };
  const encoded = encodeChunked(response.body);
  return {
    head,
    fieldNames,
    headers,
    body: encoded.wire,
    content: response.body,
    size,
    chunks: encoded.chunks,
  };
}
