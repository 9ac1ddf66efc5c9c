// The HTTP status codes this lab's machines and webmail send, as named values with the reason phrases of RFC 9110
// §15 (and RFC 6585 for 431). Logic refers to a status by number; the catalogue id is `http.` and the number.
import type { HttpHeaders, HttpResponse } from './message.ts';

/** REASONS is the catalogue: every status a server here can send, with the RFC's reason phrase. */
export const REASONS = {
  100: 'Continue', // RFC 9110 §15.2.1: go on and send the body (after Expect: 100-continue)
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other', // §15.4.4: after a POST, GET the page this names
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed', // §15.5.6: MUST carry Allow
  408: 'Request Timeout',
  411: 'Length Required',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  417: 'Expectation Failed',
  431: 'Request Header Fields Too Large', // RFC 6585 §5
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
} as const;

/** HttpStatus is a catalogued status code. */
export type HttpStatus = keyof typeof REASONS;

/** HttpReplyId is a catalogued response's id across protocols: `http.` and its status (`http.404`). */
export type HttpReplyId = `http.${number}`;

/** CATALOGUED_STATUSES lists every catalogued status, lowest first. */
export const CATALOGUED_STATUSES: readonly HttpStatus[] = Object.keys(REASONS)
  .map(Number)
  .sort((a, b) => a - b) as HttpStatus[];

/** isCatalogued tells whether `status` has an entry in the catalogue. */
export function isCatalogued(status: number): status is HttpStatus {
  return Object.hasOwn(REASONS, status);
}

/** replyId is the catalogue id of a status: `http.404`. A status nobody catalogued still gets its own number. */
export function replyId(status: number): HttpReplyId {
  return `http.${status}`;
}

/** reasonPhrase is the RFC's reason phrase for a status, or the class's name for one nobody catalogued. */
export function reasonPhrase(status: number): string {
  if (isCatalogued(status)) return REASONS[status];
  const classes = ['', 'Informational', 'Success', 'Redirection', 'Client Error', 'Server Error'];
  return classes[Math.floor(status / 100)] ?? 'Unknown';
}

/**
 * errorResponse is a short plain-text response for a status the server decides on its own (a malformed request,
 * a forced fault): the status line's words and one sentence why. `headers` go before the body's own fields.
 */
export function errorResponse(status: HttpStatus, why: string, headers: HttpHeaders = []): HttpResponse {
  const reason = REASONS[status];
  return {
    status,
    reason,
    headers: [...headers, ['Content-Type', 'text/plain; charset=utf-8']],
    body: `${status} ${reason}: ${why}\n`,
  };
}
