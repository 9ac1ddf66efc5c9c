// HTTP/1.1's size limits and timers, in octets and in milliseconds of the simulation's virtual clock. The machines
// use the timers as XState delays, so no timer runs outside the clock given to the actor.

/**
 * HEAD_LINE_MAX is the longest request line or field line, in octets with its CRLF. RFC 9112 §3 asks every
 * recipient to take request lines of at least 8000 octets; a longer request line is 414, a longer field line 431.
 */
export const HEAD_LINE_MAX = 8192;

/** HEADER_SECTION_MAX bounds a whole header section in octets (RFC 6585 §5: 431 when it is larger). */
export const HEADER_SECTION_MAX = 16 * 1024;

/** HEADER_FIELDS_MAX bounds how many field lines one message may have (431 past it, like Apache's LimitRequestFields). */
export const HEADER_FIELDS_MAX = 100;

/** BODY_MAX is the largest request body a server takes by default (RFC 9110 §15.5.14: 413 Content Too Large). */
export const BODY_MAX = 1024 * 1024;

/** RESPONSE_BODY_MAX is the largest response body a client reads before it gives up on the response. */
export const RESPONSE_BODY_MAX = 16 * 1024 * 1024;

/** CHUNK_SIZE is how many octets of content a sender puts in one chunk of a chunked body (RFC 9112 §7.1). */
export const CHUNK_SIZE = 1024;

/** HTTP_TIMERS holds the timers of both sides, with the figures of Apache httpd's defaults. */
export const HTTP_TIMERS = {
  /**
   * keepAlive: a persistent connection idle between requests is closed by the server after this long (Apache's
   * KeepAliveTimeout, 5 s; RFC 9112 §9.5 lets either side close an idle connection at any time).
   */
  keepAlive: 5_000,
  /**
   * request: a request that has begun (or a new connection) with no further line or body octet for this long is
   * answered 408 Request Timeout and closed (RFC 9110 §15.5.9; Apache's Timeout, 60 s).
   */
  request: 60_000,
  /** response: the client waiting for (the rest of) a response gives up after this long without a byte. */
  response: 60_000,
} as const;
