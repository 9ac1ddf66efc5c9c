// A user agent reading its mail with POP3: connect to port 110 of its server, run the POP3 client machine in
// download-and-delete or download-and-keep mode, and report each message downloaded and how the visit ended.
import { createActor } from 'xstate';
import type { Socket } from '../../net/socket.ts';
import type { SocketError } from '../../net/types.ts';
import { findField, parseHeaderBlock } from '../../protocols/message/headers.ts';
import type { ClientEnd } from '../../protocols/pop3/clientResponses.ts';
import { RESPONSE_LINE_MAX } from '../../protocols/pop3/limits.ts';
import { pop3ClientMachine, type RetrievedMessage } from '../../protocols/pop3/pop3ClientMachine.ts';
import { TEXT_LINE_MAX } from '../../protocols/shared/limits.ts';
import { bindLineSession } from '../services/lineSession.ts';
import { openConnection } from '../services/openConnection.ts';
import type { ServiceContext } from '../services/service.ts';

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
export interface FetchReport {
  readonly outcome: 'ok' | 'failed';
  readonly count: number;
  readonly detail: string;
}

/** POP3_PORT_OF_SERVER is the port a reader connects to (RFC 1939 §3). */
export const POP3_PORT_OF_SERVER = 110;

const CONNECT_FAILURE: Record<SocketError, string> = {
  refused: 'connection refused',
  timeout: 'connection timed out',
  unreachable: 'no route to host',
  reset: 'connection reset by peer',
  'host-down': 'network is down',
};

const ENDED: Record<Exclude<ClientEnd, 'quit'>, string> = {
  refused: 'the server refused the session in its greeting',
  authFailed: 'the server refused the user name, the password or the lock',
  connectionLost: 'the connection was lost before QUIT, so the server removed nothing',
  timeout: 'the server stopped answering',
  protocolError: 'the server broke the POP3 protocol',
};

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
  const failed = (detail: string) => done({ outcome: 'failed', count: 0, detail });
  ctx.resolver().lookup(account.server, 'A', (result) => {
    const a = result.ok ? result.records.find((r) => r.type === 'A') : undefined;
    if (a?.type !== 'A')
      return failed(
        `cannot find the address of ${account.server} (${result.ok ? 'no A record' : result.error})`,
      );
    const socket = openConnection(ctx.network, ctx.emit, ctx.host, a.address, POP3_PORT_OF_SERVER);
    let started = false;
    socket.onEvent((event) => {
      if (event.type === 'connected' && !started) {
        started = true;
        runClient(ctx, socket, account, options, done);
      } else if (event.type === 'error' && !started) {
        failed(`connect to ${account.server}[${a.address}]:110: ${CONNECT_FAILURE[event.error]}`);
      }
    });
  });
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
    if (output === undefined) return done({ outcome: 'failed', count, detail: 'the session ended early' });
    if (output.ended !== 'quit') return done({ outcome: 'failed', count, detail: ENDED[output.ended] });
    // RFC 1939 §6: +OK to QUIT after logging in says UPDATE removed every marked message (none, in keep mode).
    const removed =
      options.mode === 'delete'
        ? output.updated
          ? `, ${output.marked.length} removed`
          : ', none removed'
        : '';
    done({
      outcome: output.updated ? 'ok' : 'failed',
      count,
      detail: `${output.listing.length} listed, ${count} downloaded${removed}`,
    });
  });
  bindLineSession(socket, actor, {
    host: ctx.host,
    protocol: 'pop3',
    machine: 'pop3-client',
    // Body lines of RETR may be as long as the message's own lines; the status line is limited (RFC 2449 §4).
    maxLine: Math.max(RESPONSE_LINE_MAX, TEXT_LINE_MAX * 4),
    emit: (e) => ctx.emit(e),
  });
}

/** messageIdOf reads a downloaded message's Message-ID field, or null when it has none. */
export function messageIdOf(raw: string): string | null {
  const field = findField(parseHeaderBlock(raw).fields, 'message-id');
  return field ? field.value.trim() : null;
}
