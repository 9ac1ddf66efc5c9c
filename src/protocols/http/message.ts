// HTTP/1.1 messages as the facts both sides agree on (RFC 9110 §6, RFC 9112 §2-§3): what the codec parses from the
// wire and formats onto it, what the server machine hands to the application behind it, and what the webmail answers.

/** HttpHeaders are the header fields in the order they crossed the wire, names as sent (compare case-insensitively). */
export type HttpHeaders = readonly (readonly [name: string, value: string])[];

/** HttpRequest is one request (RFC 9112 §3): request line, header fields, and the body's octets (one char per octet). */
export interface HttpRequest {
  readonly method: string;
  /** target is the request-target as sent, origin-form (`/inbox?page=2`) for everything the webmail serves. */
  readonly target: string;
  /** version is `HTTP/1.1` or `HTTP/1.0`; anything else is answered 505 before a request is made of it. */
  readonly version: string;
  readonly headers: HttpHeaders;
  readonly body: string;
}

/** HttpResponse is one response (RFC 9112 §4): status line, header fields, and the body's octets. */
export interface HttpResponse {
  readonly status: number;
  readonly reason: string;
  readonly headers: HttpHeaders;
  readonly body: string;
}

/** headerValue is the value of the first field named `name` (case-insensitive, RFC 9110 §5.1), or undefined. */
export function headerValue(headers: HttpHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [field, value] of headers) if (field.toLowerCase() === wanted) return value;
  return undefined;
}
