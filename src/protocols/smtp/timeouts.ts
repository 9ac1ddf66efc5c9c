// SMTP timeouts of RFC 5321 §4.5.3.2, in milliseconds of the simulation's virtual clock. The machines use them as
// XState delays, so no timer runs outside the clock given to the actor.

/** SMTP_TIMEOUTS holds the RFC's minimum per-command timeouts; a client's starts when it sends a command. */
export const SMTP_TIMEOUTS = {
  /** §4.5.3.2.1: the client waiting for the 220 greeting. */
  initialGreeting: 5 * 60_000,
  /** §4.5.3.2.2: the client waiting for the reply to MAIL (used too for EHLO, HELO, AUTH and QUIT). */
  mail: 5 * 60_000,
  /** §4.5.3.2.3: the client waiting for each RCPT reply. */
  rcpt: 5 * 60_000,
  /** §4.5.3.2.4: the client waiting for 354 after DATA. */
  dataInitiation: 2 * 60_000,
  /** §4.5.3.2.6: the client waiting for the reply to the final "."; the server may be delivering. */
  dataTermination: 10 * 60_000,
  /**
   * The client waiting for the reply to RSET. §4.5.3.2 names no figure for it; this is Postfix's
   * smtp_rset_timeout, used when it ends a failed transaction or probes a cached connection before reusing it.
   */
  rset: 20_000,
  /** §4.5.3.2.7: the server waiting for the next command or line of data. */
  serverIdle: 5 * 60_000,
} as const;
