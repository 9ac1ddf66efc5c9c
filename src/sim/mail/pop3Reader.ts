// A user agent reading its mail with POP3: connect to port 110 of its server, run the POP3 client machine in
// download-and-delete or download-and-keep mode, and report each message downloaded and how the visit ended.
import { createActor } from 'xstate';
import type { Socket } from '../../net/socket.ts';
import { findField, parseHeaderBlock } from '../../protocols/message/headers.ts';
import { RESPONSE_LINE_MAX } from '../../protocols/pop3/limits.ts';
import {
  pop3ClientMachine,
  pop3ClientReader,
  type RetrievedMessage,
} from '../../protocols/pop3/pop3ClientMachine.ts';
import { TEXT_LINE_MAX } from '../../protocols/shared/limits.ts';
import { bindLineSession } from '../services/lineSession.ts';
import { reachServer } from '../services/openConnection.ts';
import type { ServiceContext } from '../services/service.ts';
import type { EventOf, FetchFailure } from '../trace.ts';

/** ReadingAccount is where and as whom a user agent reads its mail. */
export interface ReadingAccount {
  /** server is the host of the mail server that keeps the user's mailbox. */
  readonly server: string;
  readonly user: string;
  readonly password: string;
}

/** Pop3FetchOptions says how to visit the maildrop: delete what was downloaded, or keep it and skip what was seen. */
export interface Pop3FetchOptions {
  readonly mode: 'delete' | 'keep';
  /** seen are the unique-ids downloaded on earlier visits; only keep mode passes them (RFC 1939 §8). */
  readonly seen: readonly string[];
  /** downloaded is told of each message as soon as RETR brought it, before the session ends. */
  downloaded(message: RetrievedMessage): void;
}

/** FetchReport is how one visit to the mail server ended, in the terms of `ua.fetchResult`. */
export type FetchReport = Pick<
  EventOf<'ua.fetchResult'>,
  'outcome' | 'count' | 'listed' | 'removed' | 'folder' | 'failure'
>;

/** fetchFailed is a visit that downloaded nothing, for `failure`. */
export function fetchFailed(failure: FetchFailure): FetchReport {
  return { outcome: 'failed', count: 0, listed: null, removed: null, folder: null, failure };
}

/** POP3_PORT_OF_SERVER is the port a reader connects to (RFC 1939 §3). */
export const POP3_PORT_OF_SERVER = 110;

/**
 * fetchWithPop3 visits `account`'s maildrop once: it looks the server up, connects to port 110 and runs the client
 * machine. `done` is called once, after every `downloaded`, when the visit is over for whatever reason.
 */
export function fetchWithPop3(
  ctx: ServiceContext,
  account: ReadingAccount,
  options: Pop3FetchOptions,
  done: (report: FetchReport) => void,
): void {
  reachServer(
    ctx,
    account.server,
    POP3_PORT_OF_SERVER,
    (socket) => runClient(ctx, socket, account, options, done),
    (why) => done(fetchFailed(why)),
  );
}

function runClient(
  ctx: ServiceContext,
  socket: Socket,
  account: ReadingAccount,
  options: Pop3FetchOptions,
  done: (report: FetchReport) => void,
): void {
  const actor = createActor(pop3ClientMachine, {
    input: {
      user: account.user,
      password: account.password,
      apop: false,
      seen: options.mode === 'keep' ? options.seen : [],
      deleteRetrieved: options.mode === 'delete',
    },
    clock: ctx.kernel.clock,
  });
  let told = 0;
  let reported = false;
  // Each message is told as RETR brings it, so a visit cut short still shows what reached the user. The machine's
  // next command (DELE, RETR or QUIT) is sent in the same step, so its line.send tells first: the trace reads
  // "downloaded" before the command that follows.
  const tell = () => {
    const retrieved = actor.getSnapshot().context.retrieved;
    for (; told < retrieved.length; told++) options.downloaded(retrieved[told] as RetrievedMessage);
  };
  actor.on('line.send', tell);
  actor.subscribe((snapshot) => {
    tell();
    const retrieved = snapshot.context.retrieved;
    if (snapshot.status !== 'done' || reported) return;
    reported = true;
    const output = snapshot.output;
    const count = retrieved.length;
    const ended = (
      end: Extract<FetchFailure, { why: 'ended' }>['end'],
      listed: number | null,
    ): FetchReport => ({
      outcome: 'failed',
      count,
      listed,
      removed: null,
      folder: null,
      failure: { why: 'ended', end },
    });
    if (output === undefined) return done(ended('connectionLost', null));
    if (output.ended !== 'quit') return done(ended(output.ended, output.listing.length));
    // RFC 1939 §6: +OK to QUIT after logging in says UPDATE removed every marked message (none, in keep mode).
    if (!output.updated) return done(ended('notUpdated', output.listing.length));
    done({
      outcome: 'ok',
      count,
      listed: output.listing.length,
      removed: options.mode === 'delete' ? output.marked.length : null,
      folder: null,
      failure: null,
    });
  });
  bindLineSession(socket, actor, {
    host: ctx.host,
    protocol: 'pop3',
    machine: 'pop3-client',
    // Body lines of RETR may be as long as the message's own lines; the status line is limited (RFC 2449 §4).
    maxLine: Math.max(RESPONSE_LINE_MAX, TEXT_LINE_MAX * 4),
    reader: pop3ClientReader,
    emit: (e) => ctx.emit(e),
  });
}

/** messageIdOf reads a downloaded message's Message-ID field, or null when it has none. */
export function messageIdOf(raw: string): string | null {
  const field = findField(parseHeaderBlock(raw).fields, 'message-id');
  return field ? field.value.trim() : null;
}
