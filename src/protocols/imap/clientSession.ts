// The IMAP client machine's vocabulary: what goes in (input, events) and out (emitted lines and reports, output),
// its timers, the state it keeps, and how a command becomes the lines it is sent as. No XState here.
import type { ClientLineFacts, SentLine } from '../shared/lineFacts.ts';
import type { ImapJob, JobFailure } from './clientJobs.ts';
import type { MailboxState, MailboxUpdate } from './clientMailbox.ts';
import { clientCommandFacts, continuationFacts } from './clientLineFacts.ts';
import type { ImapResult } from './clientResults.ts';
import type { ImapCommandBody } from './commandTypes.ts';
import { commandChunks, formatCommand } from './formatCommand.ts';
import type { ResponseReader } from './reader.ts';
import type { ImapResponse } from './responses.ts';

/** ImapClientInput is who logs in, and the jobs to run first; more can be sent later as `job.add`. */
export interface ImapClientInput {
  readonly user: string;
  readonly password: string;
  readonly jobs?: readonly ImapJob[];
}

/**
 * ImapClientEnd says how the session ended: LOGOUT answered, or cut short: the greeting was BYE (`refused`),
 * the login was refused (`authFailed`, after which the client still logs out), the server said BYE unasked,
 * the connection dropped, no answer came in time, or the server broke the grammar (`protocolError`).
 */
export type ImapClientEnd =
  'logout' | 'refused' | 'authFailed' | 'bye' | 'connectionLost' | 'timeout' | 'protocolError';

/** ImapClientOutput is the machine's output when it reaches `done`. */
export interface ImapClientOutput {
  readonly ended: ImapClientEnd;
  readonly capabilities: readonly string[];
}

/**
 * ImapClientEmitted is what the client emits: command lines (without CRLF) with their facts, a close, and
 * for the reader: each job's result or failure, and each update the selected mailbox received.
 */
export type ImapClientEmitted =
  | SentLine<ClientLineFacts>
  | { type: 'connection.close' }
  | { type: 'imap.result'; result: ImapResult }
  | { type: 'imap.update'; mailbox: string; update: MailboxUpdate }
  | { type: 'imap.failed'; failure: JobFailure };

/** Tagged, Continue and Untagged are the three kinds of response the machine tells apart. */
export type Tagged = Extract<ImapResponse, { kind: 'tagged' }>;
export type Continue = Extract<ImapResponse, { kind: 'continue' }>;
export type Untagged = Exclude<ImapResponse, Tagged | Continue>;

/**
 * ImapClientEvent is what the I/O layer and the reader send in: the connection opening and closing, each
 * received line without its CRLF (line.overlong for one over the framer's limit), and jobs. The response.*
 * events are raised inside, one per whole response (literals included).
 */
export type ImapClientEvent =
  | { type: 'connection.opened' }
  | { type: 'line.received'; line: string }
  | { type: 'line.overlong' }
  | { type: 'connection.closed' }
  | { type: 'job.add'; job: ImapJob }
  | { type: 'response.tagged'; response: Tagged }
  | { type: 'response.untagged'; response: Untagged }
  | { type: 'response.continue'; response: Continue }
  | { type: 'response.malformed'; message: string };

/** IMAP_CLIENT_TIMERS are the client's timers on the virtual clock. */
export const IMAP_CLIENT_TIMERS = {
  /** How long the client waits for an answer; RFC 3501 §5.4 gives servers at least 30 minutes of quiet. */
  response: 10 * 60_000,
  /** RFC 2177 §3: re-issue IDLE at least every 29 minutes, before the server's autologout. */
  idleRefresh: 29 * 60_000,
} as const;

/** Idle is the state of an IDLE in progress: whether "+" came, and whether DONE went. */
export interface Idle {
  readonly accepted: boolean;
  readonly doneSent: boolean;
}

/** Running is the job in progress: its planned commands, the one in flight, and every response so far. */
export interface Running {
  readonly job: ImapJob;
  readonly steps: readonly ImapCommandBody[];
  readonly index: number;
  readonly tag: string;
  readonly responses: readonly ImapResponse[];
  readonly idle: Idle | null;
}

/** ClientContext is the machine's context. */
export interface ClientContext {
  readonly user: string;
  readonly password: string;
  /** The reader is the machine's own, made with it: it holds the part of a response read so far. */
  readonly reader: ResponseReader;
  readonly tags: number;
  /** The tag of the command outside any job (CAPABILITY, LOGIN, AUTHENTICATE, LOGOUT) in flight. */
  readonly sessionTag: string | null;
  readonly capabilities: readonly string[];
  readonly queue: readonly ImapJob[];
  readonly running: Running | null;
  readonly mailbox: MailboxState | null;
  /** Lines to send after each next "+": a command's literals, or the SASL response. */
  readonly afterContinue: readonly (readonly SentLine<ClientLineFacts>[])[];
  /** loggingOut is set once LOGOUT is sent, after which BYE is the expected answer, not news. */
  readonly loggingOut: boolean;
  readonly ended: ImapClientEnd;
}

/** tagOf is the tag of the count-th command: A001, A002 … */
export function tagOf(count: number): string {
  return `A${String(count).padStart(3, '0')}`;
}

// A command as lines: the first goes now, each later chunk after a "+" (RFC 3501 §7.5). A literal's octets may
// hold CRLFs, so a chunk can be several lines; LOGIN's are credentials and are masked.
export function commandLines(tag: string, body: ImapCommandBody): SentLine<ClientLineFacts>[][] {
  const command = { tag, ...body };
  const chunks = commandChunks(formatCommand(command));
  const credential = body.name === 'LOGIN';
  return chunks.map((chunk, index) => {
    const lines = chunk.replace(/\r\n$/, '').split('\r\n');
    return lines.map((line) => ({
      type: 'line.send' as const,
      line,
      facts: index === 0 ? clientCommandFacts(command) : continuationFacts(credential),
    }));
  });
}

/** hasCapability tells whether the server listed a capability, in any case. */
export function hasCapability(capabilities: readonly string[], name: string): boolean {
  return capabilities.some((capability) => capability.toUpperCase() === name);
}
// Whatever was running, and every job still waiting, fails with the reason the session ended.
export function pendingFailures(
  context: ClientContext,
  reason: 'connectionLost' | 'timeout' | 'protocolError',
): JobFailure[] {
  const jobs = [...(context.running === null ? [] : [context.running.job]), ...context.queue];
  return jobs.map((job) => ({
    job,
    verb: null,
    reason,
    text: 'the session ended before the job was done',
    code: null,
  }));
}
