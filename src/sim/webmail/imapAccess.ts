// The webmail's way to the mailbox store and the outside world, over the simulated network as Roundcube does it:
// each request opens an IMAP connection to the mail server's port 143, logs in as the browser's user, runs what
// the page needs and logs out; a message to send is submitted by SMTP on port 587 with AUTH as that user.
import { createActor } from 'xstate';
import {
  imapClientMachine,
  type ImapJob,
  type ImapResult,
  type JobFailure,
} from '../../protocols/imap/imapClientMachine.ts';
import { buildMessage } from '../../protocols/message/buildMessage.ts';
import { headerOf, IMAP_PORT_OF_SERVER } from '../mail/imapReader.ts';
import { deliverToHost, type RecipientReport } from '../mail/smtpDelivery.ts';
import { submissionOutcome } from '../mail/userAgent.ts';
import { bindLineSession } from '../services/lineSession.ts';
import { connectFailureText, reachServer } from '../services/openConnection.ts';
import type { ServiceContext } from '../services/service.ts';
import type { Access, AccessFailure, MailAccess, OutgoingMail, WebmailAccount } from './mailAccess.ts';

/** SUBMISSION_PORT_OF_SERVER is where the webmail submits (RFC 6409 §3.1). */
export const SUBMISSION_PORT_OF_SERVER = 587;

// A whole message comes as one literal; the framer must hold the longest line a message may have and then some.
const MAX_LINE = 128 * 1024;

/** ImapAccessConfig names the mail server behind the webmail and the domain of its users' addresses. */
export interface ImapAccessConfig {
  readonly server: string;
  readonly domain: string;
}

/** Visit is what one IMAP connection brought: each job's result in order, or the first failure. */
type Visit = { ok: true; results: readonly ImapResult[] } | { ok: false; failure: AccessFailure };

function failureOf(failure: JobFailure): AccessFailure {
  if (failure.job === null) return { kind: 'refused', text: failure.text };
  // A tagged NO to SELECT or FETCH: the folder or message is not there (RFC 3501 §6.3.1).
  if (failure.reason === 'NO') return { kind: 'notFound', text: failure.text };
  return { kind: 'unavailable', text: `${failure.reason}: ${failure.text}` };
}

function answer<T>(visit: Visit, pick: (results: readonly ImapResult[]) => Access<T>): Access<T> {
  return visit.ok ? pick(visit.results) : visit;
}

// A submission that did not go through: nobody answered (`x-local`, our own words), or the server refused.
function sendFailure(reports: readonly RecipientReport[], detail: string): AccessFailure {
  const unanswered = reports.every((r) => r.outcome === 'delivered' || r.diagnosticKind === 'x-local');
  return { kind: unanswered ? 'unavailable' : 'refused', text: detail };
}

/** ImapAccess is the MailAccess of a webmail host in the simulation. */
export class ImapAccess implements MailAccess {
  readonly #ctx: ServiceContext;
  readonly #config: ImapAccessConfig;
  #sent = 0;

  /** sent counts the messages sent through this access (each names itself by the count). */
  get sent(): number {
    return this.#sent;
  }

  constructor(ctx: ServiceContext, config: ImapAccessConfig) {
    this.#ctx = ctx;
    this.#config = config;
  }

  login(account: WebmailAccount, done: (answer: Access<null>) => void): void {
    this.#visit(account, [], (visit) => done(answer(visit, () => ({ ok: true, value: null }))));
  }

  folders(account: WebmailAccount, done: (answer: Access<readonly string[]>) => void): void {
    this.#visit(account, [{ kind: 'list' }], (visit) =>
      done(
        answer(visit, (results) => ({
          ok: true,
          value: results.flatMap((r) => (r.kind === 'folders' ? r.folders.map((f) => f.name) : [])),
        })),
      ),
    );
  }

  headers(account: WebmailAccount, folder: string, done: Parameters<MailAccess['headers']>[2]): void {
    this.#visit(account, [{ kind: 'headers', mailbox: folder }], (visit) =>
      done(
        answer(visit, (results) => ({
          ok: true,
          value: results.flatMap((r) => (r.kind === 'summaries' ? r.messages.map(headerOf) : [])),
        })),
      ),
    );
  }

  message(
    account: WebmailAccount,
    folder: string,
    uid: number,
    done: (answer: Access<string>) => void,
  ): void {
    // BODY.PEEK[] is the whole message; the STORE after it marks it seen, as opening it in a reader does.
    const job: ImapJob = { kind: 'body', mailbox: folder, uid, part: [], partial: null, markSeen: true };
    this.#visit(account, [job], (visit) =>
      done(
        answer(visit, (results) => {
          const data = results.find((r) => r.kind === 'bodyPart')?.data ?? null;
          // UID FETCH of a UID that is not there answers OK with no data (RFC 3501 §6.4.8).
          return data === null
            ? { ok: false, failure: { kind: 'notFound', text: `no message with UID ${uid} in ${folder}` } }
            : { ok: true, value: data };
        }),
      ),
    );
  }

  send(account: WebmailAccount, mail: OutgoingMail, done: Parameters<MailAccess['send']>[2]): void {
    const ctx = this.#ctx;
    const address = `${account.user}@${this.#config.domain}`;
    const now = ctx.calendarTime(ctx.kernel.now());
    this.#sent += 1;
    const stamp = new Date(now)
      .toISOString()
      .replace(/[-:TZ.]/g, '')
      .slice(0, 14);
    const built = buildMessage({
      from: address,
      to: mail.to,
      cc: mail.cc,
      subject: mail.subject,
      date: now,
      zoneOffsetMinutes: ctx.zoneOffsetMinutes ?? 0,
      messageId: `<${stamp}.${this.#sent}.${ctx.kernel.randomUint32().toString(36)}@${this.#config.domain}>`,
      text: mail.text,
      // RFC 5322 §3.6.4: a reply names the message it answers.
      extraHeaders: [
        ...(mail.inReplyTo === null
          ? []
          : [
              { name: 'In-Reply-To', value: mail.inReplyTo },
              { name: 'References', value: mail.references.join(' ') },
            ]),
        { name: 'User-Agent', value: 'Mail Lab webmail' },
      ],
    });
    const recipients = built.envelope.recipients;
    // The webmail is the user's agent here: what it submits is told as any user agent's submission is.
    ctx.emit({
      kind: 'ua.submitted',
      host: ctx.host,
      messageId: built.messageId,
      server: this.#config.server,
      direct: false,
      recipients,
      raw: built.octets,
    });
    deliverToHost(
      ctx,
      this.#config.server,
      {
        heloName: ctx.host,
        envelope: { from: address, to: recipients },
        data: built.octets,
        port: SUBMISSION_PORT_OF_SERVER,
        auth: { user: account.user, password: account.password, mechanism: 'PLAIN' },
        style: 'modern',
      },
      (report) => {
        const result = submissionOutcome(report.recipients);
        ctx.emit({ kind: 'ua.result', host: ctx.host, messageId: built.messageId, ...result });
        done(
          result.outcome === 'accepted'
            ? { ok: true, value: { messageId: built.messageId } }
            : { ok: false, failure: sendFailure(report.recipients, result.detail) },
        );
      },
    );
  }

  // One IMAP connection: log in, run the jobs, log out, then say what came of it (once).
  #visit(account: WebmailAccount, jobs: readonly ImapJob[], done: (visit: Visit) => void): void {
    const ctx = this.#ctx;
    const server = this.#config.server;
    let finished = false;
    const finish = (visit: Visit) => {
      if (finished) return;
      finished = true;
      done(visit);
    };
    const unavailable = (text: string) => finish({ ok: false, failure: { kind: 'unavailable', text } });
    reachServer(
      ctx,
      server,
      IMAP_PORT_OF_SERVER,
      (socket) => {
        const results: ImapResult[] = [];
        let failure: AccessFailure | null = null;
        const actor = createActor(imapClientMachine, {
          input: { user: account.user, password: account.password, jobs: [...jobs, { kind: 'logout' }] },
          clock: ctx.kernel.clock,
        });
        actor.on('imap.result', (e) => results.push(e.result));
        actor.on('imap.failed', (e) => {
          failure ??= failureOf(e.failure);
        });
        const end = () => finish(failure === null ? { ok: true, results } : { ok: false, failure });
        actor.subscribe({ complete: end, error: end });
        bindLineSession(socket, actor, {
          host: ctx.host,
          protocol: 'imap',
          machine: 'imap-client',
          maxLine: MAX_LINE,
          emit: (e) => ctx.emit(e),
        });
      },
      (why) =>
        unavailable(
          why.why === 'no-address'
            ? `cannot find the address of ${server}`
            : connectFailureText(server, why.address, why.port, why.error),
        ),
    );
  }
}
