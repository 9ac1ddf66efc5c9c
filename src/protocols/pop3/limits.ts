// POP3's line limits and timers, in octets and in milliseconds of the simulation's virtual clock. The machines use
// the timers as XState delays, so no timer runs outside the clock given to the actor.

/** COMMAND_LINE_MAX is the longest command line, in octets including the CRLF (RFC 2449 §4). */
export const COMMAND_LINE_MAX = 255;

/** RESPONSE_LINE_MAX is the longest first line of a response, in octets including the CRLF (RFC 2449 §4). */
export const RESPONSE_LINE_MAX = 512;

/** POP3_TIMERS holds the timers of both sides. */
export const POP3_TIMERS = {
  /** RFC 1939 §3: the server's inactivity autologout timer, which MUST be at least 10 minutes. */
  autologout: 10 * 60_000,
  /** The client waiting for a response; RFC 1939 sets none, so it waits as long as the server would. */
  response: 10 * 60_000,
} as const;
