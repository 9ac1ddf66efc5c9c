// One SMTP delivery: find where mail for a domain goes (MX, else the domain's own address, RFC 5321 §5.1),
// connect to port 25 (or the submission port), run the SMTP client machine, and say what became of each
// recipient in the terms a delivery status notification needs.
import { createActor } from 'xstate';
import type { ConnId } from '../../net/types.ts';
import type { SmtpClientInput } from '../../protocols/smtp/smtpClientMachine.ts';
import {
  smtpClientMachine,
  smtpClientReader,
  type RecipientResult,
} from '../../protocols/smtp/smtpClientMachine.ts';
import { bindLineSession } from '../services/lineSession.ts';
import { connectFailureText, openConnection } from '../services/openConnection.ts';
import type { ServiceContext } from '../services/service.ts';

/** RecipientReport is one recipient's fate after an attempt, with what a bounce or warning would say. */
export interface RecipientReport {
  readonly recipient: string;
  readonly outcome: 'delivered' | 'temporary' | 'permanent';
  /** status is the enhanced status code (RFC 3463), e.g. 5.1.1. */
  readonly status: string;
  /** diagnostic is the remote reply (`550 5.1.1 …`) or, for failures with no reply, our own description. */
  readonly diagnostic: string;
  readonly diagnosticKind: 'smtp' | 'x-local';
  /** reason is one human line, Postfix-style: `host hamburger.edu[192.0.2.11] said: 550 … (in reply to RCPT TO command)`. */
  readonly reason: string;
}

/** DeliveryReport is the result of one attempt at one destination. */
export interface DeliveryReport {
  readonly recipients: readonly RecipientReport[];
  /** remote is the mail exchanger that answered, if any. */
  readonly remote: { readonly host: string; readonly addr: string } | null;
  /** possiblyDelivered is true when the connection died after the final "." and before its reply (§6.1). */
  readonly possiblyDelivered: boolean;
  /**
   * unreachable is the last connect failure (`connect to …: Connection timed out`) when no exchanger answered and
   * at least one would not take our connection, or null; a queue then treats the destination as dead.
   */
  readonly unreachable: string | null;
}

/** DeliveryRequest is what to send: HELO name, envelope, message octets, port, and credentials for 587. */
export type DeliveryRequest = Omit<SmtpClientInput, 'reuse'> & { readonly port: number };

/**
 * SmtpSession is an open SMTP client connection that a connection cache may give more messages to, one
 * transaction at a time, while it is idle.
 */
export interface SmtpSession {
  readonly conn: ConnId;
  readonly remote: { readonly host: string; readonly addr: string };
  /** openedAt is when the connection was established; Postfix's reuse time limit counts from it. */
  readonly openedAt: number;
  /** uses counts the transactions begun on the connection, 1 for its first message (Postfix logs it as conn_use). */
  readonly uses: number;
  /** send delivers another message on this idle connection, beginning with the RSET probe. */
  send(request: DeliveryRequest, handlers: ReuseHandlers): void;
  /** end says QUIT on this idle connection. */
  end(): void;
}

/**
 * ReuseHandlers hear what became of a message sent on a reused connection: `started` once the server answered
 * the probe (with the connection's use count), then `done`; or only `refused`, when the probe failed and the
 * message must go on another connection.
 */
export interface ReuseHandlers {
  started(use: number): void;
  done(report: DeliveryReport): void;
  refused(): void;
}

/** SessionHooks keep a delivery's connection open after its transaction, for a connection cache. */
export interface SessionHooks {
  /** idleTime is how long an idle connection waits for another message before QUIT. */
  readonly idleTime: number;
  /** opened is told when the SMTP session starts on a connection. */
  opened(session: SmtpSession): void;
  /** idle is told each time a transaction has ended and the connection waits, open, for the next. */
  idle(session: SmtpSession): void;
  /** closed is told once, when the session is over, whatever ended it. */
  closed(session: SmtpSession): void;
}

const STAGE_COMMAND: Partial<Record<RecipientResult['reason'], string>> = {
  greeting: 'the initial protocol greeting',
  helo: 'EHLO command',
  auth: 'AUTH command',
  mail: 'MAIL FROM command',
  rcpt: 'RCPT TO command',
  data: 'DATA command',
  dataEnd: 'end of DATA command',
};

function everyone(
  request: DeliveryRequest,
  outcome: 'temporary' | 'permanent',
  status: string,
  text: string,
): DeliveryReport {
  return {
    recipients: request.envelope.to.map((recipient) => ({
      recipient,
      outcome,
      status,
      diagnostic: text,
      diagnosticKind: 'x-local',
      reason: text,
    })),
    remote: null,
    possiblyDelivered: false,
    unreachable: null,
  };
}

/**
 * deliverViaMx delivers to the mail exchangers of `domain`, best preference first, moving on when one cannot
 * be reached. `done` is called once with a report for every recipient of the request. With `hooks`, the
 * connection stays open after the transaction for more messages (see SessionHooks).
 */
export function deliverViaMx(
  ctx: ServiceContext,
  domain: string,
  request: DeliveryRequest,
  done: (report: DeliveryReport) => void,
  hooks?: SessionHooks,
): void {
  ctx.resolver().lookup(domain, 'MX', (result) => {
    if (!result.ok) {
      if (result.error === 'nxdomain')
        return done(
          everyone(
            request,
            'permanent',
            '5.4.4',
            `Host or domain name not found. Name service error for name=${domain} type=MX: Host not found`,
          ),
        );
      return done(
        everyone(
          request,
          'temporary',
          '4.4.3',
          `Host or domain name not found. Name service error for name=${domain} type=MX: Host not found, try again`,
        ),
      );
    }
    const exchangers = result.records.flatMap((r) => (r.type === 'MX' ? [r.exchange] : []));
    // No MX records: the domain itself is the implicit MX (RFC 5321 §5.1).
    tryTargets(ctx, exchangers.length > 0 ? exchangers : [domain], request, done, null, hooks);
  });
}

/** deliverToHost delivers to one named host (a user agent's own server, say), looked up in DNS. */
export function deliverToHost(
  ctx: ServiceContext,
  name: string,
  request: DeliveryRequest,
  done: (report: DeliveryReport) => void,
): void {
  tryTargets(ctx, [name], request, done, null);
}

function tryTargets(
  ctx: ServiceContext,
  targets: readonly string[],
  request: DeliveryRequest,
  done: (report: DeliveryReport) => void,
  lastFailure: DeliveryReport | null,
  hooks?: SessionHooks,
): void {
  const [name, ...rest] = targets;
  if (name === undefined) {
    done(lastFailure ?? everyone(request, 'temporary', '4.4.1', 'no mail exchanger could be reached'));
    return;
  }
  ctx.resolver().lookup(name, 'A', (result) => {
    const a = result.ok ? result.records.find((r) => r.type === 'A') : undefined;
    if (a?.type !== 'A') {
      const permanent = !result.ok && result.error === 'nxdomain';
      const text = `Host or domain name not found. Name service error for name=${name} type=A: Host not found${permanent ? '' : ', try again'}`;
      const failure = everyone(
        request,
        permanent ? 'permanent' : 'temporary',
        permanent ? '5.4.4' : '4.4.3',
        text,
      );
      return tryTargets(
        ctx,
        rest,
        request,
        done,
        lastFailure?.unreachable ? { ...failure, unreachable: lastFailure.unreachable } : failure,
        hooks,
      );
    }
    const socket = openConnection(ctx.network, ctx.emit, ctx.host, a.address, request.port);
    let started = false;
    socket.onEvent((event) => {
      if (event.type === 'connected' && !started) {
        started = true;
        runClient(ctx, socket, name, a.address, request, done, hooks);
      } else if (event.type === 'error' && !started) {
        const text = connectFailureText(name, a.address, request.port, event.error);
        const failure = everyone(request, 'temporary', '4.4.1', text);
        tryTargets(ctx, rest, request, done, { ...failure, unreachable: text }, hooks);
      }
    });
  });
}

function runClient(
  ctx: ServiceContext,
  socket: Parameters<typeof bindLineSession>[0],
  name: string,
  addr: string,
  request: DeliveryRequest,
  done: (report: DeliveryReport) => void,
  hooks?: SessionHooks,
): void {
  const { port: _port, ...input } = request;
  const actor = createActor(smtpClientMachine, {
    input: hooks ? { ...input, reuse: { idleTime: hooks.idleTime } } : input,
    clock: ctx.kernel.clock,
  });
  const host = `${name}[${addr}]`;
  const remote = { host: name, addr };
  const reportOf = (results: readonly RecipientResult[], possiblyDelivered: boolean): DeliveryReport => ({
    recipients: results.map((r) => report(r, host, possiblyDelivered)),
    remote,
    possiblyDelivered,
    unreachable: null,
  });
  // The transaction whose report is still owed; `probing` until the server has answered a reuse's RSET probe.
  let current: { done: (report: DeliveryReport) => void; probing: ReuseHandlers | null } | null = {
    done,
    probing: null,
  };
  let uses = 1;
  const session: SmtpSession = {
    conn: socket.conn,
    remote,
    openedAt: ctx.kernel.now(),
    get uses() {
      return uses;
    },
    send(next, handlers) {
      current = { done: handlers.done, probing: handlers };
      actor.send({ type: 'transaction.start', envelope: next.envelope, data: next.data });
    },
    end() {
      actor.send({ type: 'session.end' });
    },
  };
  let reported = false;
  actor.subscribe((snapshot) => {
    if (snapshot.status !== 'done' || reported) return;
    reported = true;
    const owed = current;
    current = null;
    const output = snapshot.output;
    if (owed?.probing) owed.probing.refused();
    else owed?.done(reportOf(output?.recipients ?? [], output?.session.possiblyDelivered ?? false));
    hooks?.closed(session);
  });
  if (hooks) {
    actor.on('transaction.ended', (event) => {
      const owed = current;
      current = null;
      owed?.done(reportOf(event.recipients, event.possiblyDelivered));
    });
    actor.on('probe.passed', () => {
      const handlers = current?.probing;
      if (!current || !handlers) return;
      current.probing = null;
      uses += 1;
      handlers.started(uses);
    });
    actor.on('session.idle', () => hooks.idle(session));
    hooks.opened(session);
  }
  bindLineSession(socket, actor, {
    host: ctx.host,
    protocol: 'smtp',
    machine: 'smtp-client',
    maxLine: 4096,
    reader: smtpClientReader,
    emit: (e) => ctx.emit(e),
  });
}

/** MAY_BE_DUPLICATED ends the reason of a deferral after a lost final reply, in Postfix's words. */
export const MAY_BE_DUPLICATED = 'while sending end of data -- message may be sent more than once';

function report(r: RecipientResult, host: string, possiblyDelivered: boolean): RecipientReport {
  if (r.reply) {
    const text = r.reply.lines.join(' ');
    const enhanced = /^([245]\.\d{1,3}\.\d{1,3})\b/.exec(text)?.[1];
    const status = enhanced ?? `${String(r.reply.code)[0]}.0.0`;
    const diagnostic = `${r.reply.code} ${text}`;
    const where = STAGE_COMMAND[r.reason];
    return {
      recipient: r.recipient,
      outcome: r.outcome,
      status: r.outcome === 'delivered' ? '2.0.0' : status,
      diagnostic,
      diagnosticKind: 'smtp',
      reason: `host ${host} said: ${diagnostic}${where ? ` (in reply to ${where})` : ''}`,
    };
  }
  const what =
    r.reason === 'timeout'
      ? `conversation with ${host} timed out`
      : r.reason === 'protocolError'
        ? `${host} broke the SMTP protocol`
        : `lost connection with ${host}`;
  // The server may already have the message (RFC 5321 §6.1): say so, since a retry may deliver it twice.
  const text = possiblyDelivered ? `${what} ${MAY_BE_DUPLICATED}` : what;
  return {
    recipient: r.recipient,
    outcome: r.outcome,
    status: r.outcome === 'permanent' ? '5.5.0' : '4.4.2',
    diagnostic: text,
    diagnosticKind: 'x-local',
    reason: text,
  };
}
