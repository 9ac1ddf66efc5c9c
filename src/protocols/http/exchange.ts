// What one HTTP exchange came to, as the server machine reports it when its response has gone: the outcome event
// of DESIGN's "Protocol facts in the trace", so that no view has to add up lines and bodies again.

/**
 * HttpExchangeFacts describe one request and the response to it on a connection: which request it was, its
 * method and target (null when the request line could not be read), the status, reason and catalogue id, the
 * octets each message took on the wire (head and body), the response content's size and type, and whether the
 * connection stays open after it.
 */
export interface HttpExchangeFacts {
  readonly request: number;
  readonly method: string | null;
  readonly target: string | null;
  readonly status: number;
  readonly reason: string;
  readonly reply: string;
  readonly requestOctets: number;
  readonly responseOctets: number;
  readonly bodySize: number;
  readonly contentType: string | null;
  /** chunks is how many chunks carried the response body, null when it was not chunked. */
  readonly chunks: number | null;
  readonly connection: 'keep-alive' | 'close';
}

/**
 * BodySend is what a machine emits to send a message body: its octets as they go on the wire (`wire`, chunk
 * framing included), the content they carry, how many chunks (null when not chunked), the request it belongs to,
 * and `credential` when the content is a secret (a login form with a password) that views must mask.
 */
export interface BodySend {
  readonly type: 'body.send';
  readonly wire: string;
  readonly content: string;
  readonly chunks: number | null;
  readonly request: number;
  readonly credential?: boolean;
}
