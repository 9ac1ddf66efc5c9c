// A mail server host: SMTP on port 25 (and 587 for submission with AUTH), mailboxes for its users, and an
// outbound queue for everything else. It writes Received at every hop and Return-Path at final delivery,
// and lets a teacher make it answer chosen codes or drop the reply to the final ".". POP3 on port 110 and IMAP on
// 143 read the same mailboxes.
import { createActor, type AnyActorRef } from 'xstate';
import type { Socket } from '../../net/socket.ts';
import type { ConnId, Endpoint } from '../../net/types.ts';
import { formatDate } from '../../protocols/message/dateTime.ts';
import { parseHeaderBlock, findField } from '../../protocols/message/headers.ts';
import type { AcceptResult, Envelope, SmtpBackend } from '../../protocols/smtp/backend.ts';
import type { ClientStyle } from '../../protocols/smtp/commands.ts';
import type { ReplyStyle } from '../../protocols/smtp/replies.ts';
import { smtpServerMachine, smtpServerReader } from '../../protocols/smtp/smtpServerMachine.ts';
import { deliveredToField, receivedField, returnPathField } from '../../protocols/smtp/traceFields.ts';
import { TEXT_LINE_MAX } from '../../protocols/shared/limits.ts';
import { COMMAND_LINE_MAX } from '../../protocols/pop3/limits.ts';
import { pop3ServerMachine, pop3ServerReader } from '../../protocols/pop3/pop3ServerMachine.ts';
import { imapServerMachine } from '../../protocols/imap/imapServerMachine.ts';
import { bindLineSession } from '../services/lineSession.ts';
import type { ServiceContext } from '../services/service.ts';
import { MailboxStore, type StoreState } from './mailboxStore.ts';
import { ServerFaults, type ReplyFault, type ServerFaultsState } from './serverFaults.ts';
import { OutboundQueue, type QueueState } from './outboundQueue.ts';
import { Pop3Faults, type Pop3ReplyFault } from './pop3Faults.ts';
import { ImapFaults, type ImapReplyFault } from './imapFaults.ts';
import { storeMaildrop, type Pop3Locks } from './pop3Maildrop.ts';
import { imapBackend } from './imapMailbox.ts';
import type { RetryPolicy } from './retryPolicy.ts';
import { DEFAULT_CONNECTION_CACHE, type ConnectionCacheConfig } from './connectionCache.ts';

/** MailServerConfig is a mail server's part of the scenario, defaults filled in. */
export interface MailServerConfig {
  /** domains this server keeps mail for; the first is its main domain. */
  readonly domains: readonly string[];
  readonly style: ReplyStyle;
  /** clientStyle is how the queue's SMTP client talks to other servers (see SmtpClientInput.style). */
  readonly clientStyle: ClientStyle;
  readonly users: readonly { readonly name: string; readonly password: string }[];
  readonly retry: RetryPolicy;
  readonly maxSize: number;
  readonly maxRecipients: number;
  /** submission opens port 587, where AUTH is required (RFC 6409). */
  readonly submission: boolean;
  /** trusted hosts may relay through port 25 without AUTH, like Postfix's mynetworks. */
  readonly trusted: readonly string[];
  /** connectionCache lets the queue reuse a connection for several messages to one destination; null: off. */
  readonly connectionCache: ConnectionCacheConfig | null;
}

export type { ReplyFault } from './serverFaults.ts';

/** SMTP_PORT and SUBMISSION_PORT are the well-known ports (RFC 5321 §4.5.4.2 context; RFC 6409 §3.1). */
export const SMTP_PORT = 25;
export const SUBMISSION_PORT = 587;

/** POP3_PORT is POP3's well-known port (RFC 1939 §3). */
export const POP3_PORT = 110;

/** IMAP_PORT is IMAP's well-known port (RFC 3501 §2.1). */
export const IMAP_PORT = 143;

/** IMAP_LINE_MAX bounds an IMAP line: larger than other protocols', since a literal's octets travel inside lines. */
export const IMAP_LINE_MAX = 64 * 1024;

function localPart(address: string): string {
  return address.slice(0, address.lastIndexOf('@')).toLowerCase();
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** MailService names a service a mail server answers: SMTP on 25, submission on 587, POP3 and IMAP. */
export type MailService = 'smtp' | 'submission' | 'pop3' | 'imap';

/** MailServerState is a mail server with no session open, as data (see MailServer.state). */
export interface MailServerState {
  readonly running: boolean;
  readonly faults: ServerFaultsState;
  readonly pop3Faults: readonly { fault: Pop3ReplyFault; seen: number }[];
  readonly imapFaults: readonly { fault: ImapReplyFault; seen: number }[];
  readonly store: StoreState;
  readonly queue: QueueState;
}

/** MailServer lives as long as its world; start and stop follow its host going up and down. */
export class MailServer {
  readonly store: MailboxStore;
  readonly queue: OutboundQueue;
  readonly config: MailServerConfig;
  readonly #ctx: ServiceContext;
  readonly #sessions = new Set<AnyActorRef>();
  readonly #faults = new ServerFaults();
  readonly #pop3Faults = new Pop3Faults();
  readonly #imapFaults = new ImapFaults();
  #pop3Locks: Pop3Locks = new Map();
  #running = false;

  constructor(ctx: ServiceContext, config: MailServerConfig) {
    this.#ctx = ctx;
    this.config = config;
    this.store = new MailboxStore(
      ctx.host,
      (e) => ctx.emit(e),
      () => ctx.calendarTime(ctx.kernel.now()),
    );
    for (const user of config.users) this.store.addUser(user.name, user.password);
    // Every domain must have a postmaster (RFC 5321 §4.5.1).
    if (!this.store.hasUser('postmaster')) this.store.addUser('postmaster', '');
    this.queue = new OutboundQueue(ctx, {
      hostname: this.hostname,
      policy: config.retry,
      clientStyle: config.clientStyle,
      connectionCache: config.connectionCache,
      newQueueId: () => this.#newQueueId(),
      newMessageId: () => this.#newMessageId(),
      sendNotice: (recipient, raw, queueId) => this.#sendNotice(recipient, raw, queueId),
    });
  }

  /** hostname is the server's name in greetings and trace fields. */
  get hostname(): string {
    return this.#ctx.host;
  }

  /**
   * state is the server as data: whether it runs, the faults in force, its mailboxes and queue. It is null while
   * a session is open, a POP3 maildrop is locked, or the queue's cache holds a connection.
   */
  state(): MailServerState | null {
    if (this.#sessions.size > 0 || this.#pop3Locks.size > 0) return null;
    const store = this.store.state();
    const queue = this.queue.state();
    if (store === null || queue === null) return null;
    return {
      running: this.#running,
      faults: this.#faults.state(),
      pop3Faults: this.#pop3Faults.entries(),
      imapFaults: this.#imapFaults.entries(),
      store,
      queue,
    };
  }

  /**
   * restore sets a new server, started with its host, to `state`; a server that had stopped stops listening
   * again, without a word, as its sessions were already gone.
   */
  restore(state: MailServerState): void {
    if (!state.running && this.#running) {
      this.#running = false;
      if (this.#ctx.network.isHostUp(this.#ctx.host))
        for (const port of [SMTP_PORT, SUBMISSION_PORT, POP3_PORT, IMAP_PORT])
          if (port !== SUBMISSION_PORT || this.config.submission)
            this.#ctx.network.unlisten(this.#ctx.host, port);
    }
    this.#faults.load(state.faults);
    this.#pop3Faults.load(state.pop3Faults);
    this.#imapFaults.load(state.imapFaults);
    this.store.restore(state.store);
    this.queue.restore(state.queue);
  }

  /** start listens on the SMTP ports and resumes the queue; called when the host comes up. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    const listen = (port: number, service: MailService) =>
      this.#ctx.network.listen(this.#ctx.host, port, (socket) => this.serveService(service, socket));
    listen(SMTP_PORT, 'smtp');
    if (this.config.submission) listen(SUBMISSION_PORT, 'submission');
    listen(POP3_PORT, 'pop3');
    listen(IMAP_PORT, 'imap');
    this.queue.resume();
  }

  /**
   * stop takes the SMTP service down. `graceful` says 421 to every open session first (RFC 5321 §3.8); a crash
   * (the host losing power) says nothing. The queue and mailboxes survive either, as they would on disk.
   */
  stop(graceful: boolean): void {
    if (!this.#running) return;
    this.#running = false;
    this.queue.halt();
    if (graceful) {
      for (const session of [...this.#sessions]) session.send({ type: 'server.shutdown' });
      if (this.#ctx.network.isHostUp(this.#ctx.host)) {
        this.#ctx.network.unlisten(this.#ctx.host, SMTP_PORT);
        if (this.config.submission) this.#ctx.network.unlisten(this.#ctx.host, SUBMISSION_PORT);
        this.#ctx.network.unlisten(this.#ctx.host, POP3_PORT);
        this.#ctx.network.unlisten(this.#ctx.host, IMAP_PORT);
      }
    }
    this.#sessions.clear();
    // The locks lived in the stopped server's memory; sessions of the last run keep the old map to release into.
    this.#pop3Locks = new Map();
  }

  /** addFault makes the server answer a chosen code at a chosen stage until `clearFaults` or the returned remover. */
  addFault(fault: ReplyFault): () => void {
    return this.#faults.addReply(fault);
  }

  /** dropFinalReplies makes the next `count` final "." go unanswered: the message is kept, the connection dropped. */
  dropFinalReplies(count: number): void {
    this.#faults.loseFinalReplies(count);
  }

  /** clearFaults makes the server behave normally again. */
  clearFaults(): void {
    this.#faults.clear();
  }

  /** addPop3Fault makes the POP3 service answer -ERR to a command until `clearPop3Faults` or the returned remover. */
  addPop3Fault(fault: Pop3ReplyFault): () => void {
    return this.#pop3Faults.add(fault);
  }

  /** clearPop3Faults makes the POP3 service answer every command on its merits again. */
  clearPop3Faults(): void {
    this.#pop3Faults.clear();
  }

  /** addImapFault makes the IMAP service answer NO to a command until `clearImapFaults` or the returned remover. */
  addImapFault(fault: ImapReplyFault): () => void {
    return this.#imapFaults.add(fault);
  }

  /** clearImapFaults makes the IMAP service answer every command on its merits again. */
  clearImapFaults(): void {
    this.#imapFaults.clear();
  }

  /**
   * servePop3 runs a POP3 server session on a connected socket, simulated or real (the bridge's). Each session
   * greets with its own APOP timestamp and reads the user's INBOX through the server's shared locks.
   */
  servePop3(socket: Socket): void {
    const users = new Map(this.config.users.map((u) => [u.name.toLowerCase(), u.password]));
    const actor = createActor(pop3ServerMachine, {
      input: {
        hostname: this.hostname,
        timestamp: this.#apopTimestamp(),
        maildrop: storeMaildrop(this.store, this.#pop3Locks, (user) => users.get(user.toLowerCase()) ?? null),
        interpose: (verb) => this.#pop3Faults.interpose(verb),
      },
      clock: this.#ctx.kernel.clock,
    });
    bindLineSession(socket, actor, {
      host: this.#ctx.host,
      protocol: 'pop3',
      machine: 'pop3-server',
      maxLine: COMMAND_LINE_MAX,
      reader: pop3ServerReader,
      emit: (e) => this.#ctx.emit(e),
    });
  }

  /**
   * serveImap runs an IMAP server session on a connected socket over the server's mailbox store. The store wakes
   * the session after every change, so it can send untagged updates when RFC 3501 lets it (at once in IDLE).
   */
  serveImap(socket: Socket): void {
    const backend = imapBackend(this.store);
    const actor = createActor(imapServerMachine, {
      input: { hostname: this.hostname, backend, interpose: (verb) => this.#imapFaults.interpose(verb) },
      clock: this.#ctx.kernel.clock,
    });
    const stop = backend.watch(() => {
      if (actor.getSnapshot().status === 'active') actor.send({ type: 'mailbox.changed' });
    });
    actor.subscribe({ complete: stop, error: stop });
    bindLineSession(socket, actor, {
      host: this.#ctx.host,
      protocol: 'imap',
      machine: 'imap-server',
      maxLine: IMAP_LINE_MAX,
      emit: (e) => this.#ctx.emit(e),
    });
  }

  // RFC 1939 §7: `<process-ID.clock@hostname>`, different for every greeting. The process is made up from the
  // kernel's generator and the clock is the world's calendar in seconds, so a replay greets alike.
  #apopTimestamp(): string {
    const pid = 1000 + (this.#ctx.kernel.randomUint32() % 30000);
    const clock = Math.floor(this.#ctx.calendarTime(this.#ctx.kernel.now()) / 1000);
    return `<${pid}.${clock}@${this.hostname}>`;
  }

  /** isLocal tells whether an address belongs to one of this server's domains. */
  isLocal(address: string): boolean {
    return this.config.domains.includes(domainOf(address));
  }

  /**
   * reuseConnections turns the queue's connection cache on (with the scenario's figures, else Postfix's) or off,
   * from now on.
   */
  reuseConnections(on: boolean): void {
    this.queue.configureConnectionCache(
      on ? (this.config.connectionCache ?? DEFAULT_CONNECTION_CACHE) : null,
    );
  }

  /** flushQueue retries every waiting message now. */
  flushQueue(): void {
    if (this.#running) this.queue.flush();
  }

  /**
   * serveService runs the session of one of the server's services on a connected socket: the simulated network's
   * (start listens with it), the bridge's real one, or the fuzzer's. The one place that says which machine serves
   * which service.
   */
  serveService(service: MailService, socket: Socket): void {
    switch (service) {
      case 'smtp':
        return this.serve(socket, false);
      case 'submission':
        return this.serve(socket, true);
      case 'pop3':
        return this.servePop3(socket);
      case 'imap':
        // serveImap also subscribes the session to the store's watch, so IDLE hears SMTP delivery at once.
        return this.serveImap(socket);
    }
  }

  /**
   * serve runs an SMTP server session on a connected socket: one from the simulated network, or a real one
   * the bridge wraps (the same machine either way). `submission` selects port 587's rules.
   */
  serve(socket: Socket, submission: boolean): void {
    const backend = this.#faults.wrap(this.#backend(socket.conn, socket.remote, submission, () => actor));
    const actor = createActor(smtpServerMachine, {
      input: {
        hostname: this.hostname,
        style: this.config.style,
        submission,
        maxSize: this.config.maxSize,
        maxRecipients: this.config.maxRecipients,
        backend,
      },
      clock: this.#ctx.kernel.clock,
    });
    this.#sessions.add(actor);
    actor.subscribe({ complete: () => this.#sessions.delete(actor) });
    bindLineSession(socket, actor, {
      host: this.#ctx.host,
      protocol: 'smtp',
      machine: 'smtp-server',
      maxLine: TEXT_LINE_MAX * 4,
      // A client ending lines with LF alone is told at once why it is refused (RFC 5321 §2.3.8).
      splitBareLf: true,
      reader: smtpServerReader,
      emit: (e) => this.#ctx.emit(e),
    });
  }

  #backend(
    conn: ConnId,
    client: Endpoint,
    submission: boolean,
    actor: () => { getSnapshot(): { context: { extended: boolean } } },
  ): SmtpBackend {
    const trusted = this.config.trusted.includes(client.host);
    return {
      checkRecipient: (address, session) => {
        const verdict = this.isLocal(address)
          ? this.store.hasUser(localPart(address))
            ? 'ok'
            : 'unknown-user'
          : session.authenticatedAs !== null || (trusted && !submission)
            ? 'ok'
            : 'relay-denied';
        // Mailboxes and queue share the store's limit: what is accepted must be kept somewhere (RFC 5321 §6.1).
        const full = this.store.octets + this.queue.octets >= this.store.limit;
        return verdict === 'ok' && full ? 'no-storage' : verdict;
      },
      authenticate: (user, password) =>
        password !== '' && this.store.checkPassword(user.replace(/@.*$/, ''), password),
      accept: (envelope) =>
        this.#accept(conn, envelope, client, submission, actor().getSnapshot().context.extended),
    };
  }

  // Take responsibility for a message: local recipients get it in their mailbox now, others via the queue.
  #accept(
    conn: ConnId,
    envelope: Envelope,
    client: Endpoint,
    submission: boolean,
    extended: boolean,
  ): AcceptResult {
    const queueId = this.#newQueueId();
    const now = this.#ctx.kernel.now();
    let data = envelope.data;
    if (submission) data = this.#completeHeaders(data);
    const received = receivedField({
      heloName: envelope.heloName,
      clientHost: client.host,
      clientAddr: client.addr,
      by: this.hostname,
      protocol: envelope.authenticatedAs ? 'ESMTPA' : extended ? 'ESMTP' : 'SMTP',
      queueId,
      recipients: envelope.to,
      date: this.#ctx.calendarTime(now),
      zoneOffsetMinutes: this.#ctx.zoneOffsetMinutes ?? 0,
    });
    data = received + data;
    const messageId = this.#messageIdOf(data);
    // The server knows the envelope it accepted; it says so once, before the message goes anywhere.
    this.#ctx.emit({
      kind: 'smtp.accepted',
      host: this.#ctx.host,
      conn,
      queueId,
      from: envelope.from,
      recipients: [...envelope.to],
      messageId: messageId === '' ? null : messageId,
      size: data.length,
    });
    const local = envelope.to.filter((r) => this.isLocal(r));
    const remote = envelope.to.filter((r) => !this.isLocal(r));
    for (const recipient of local) this.#deliverLocal(recipient, envelope.from, data, queueId);
    if (remote.length > 0) this.queue.enqueue(queueId, messageId, envelope.from, remote, data);
    return { ok: true, queueId };
  }

  #deliverLocal(recipient: string, from: string, data: string, queueId: string): void {
    const known = this.store.hasUser(localPart(recipient));
    const user = known ? localPart(recipient) : 'postmaster';
    // Final delivery adds Return-Path (RFC 5321 §4.4) and, as Postfix's local delivery does, the address the
    // message came for (X-Original-To) and the mailbox it went into (Delivered-To).
    const trace =
      returnPathField(from) +
      `X-Original-To: ${recipient}\r\n` +
      deliveredToField(`${user}@${domainOf(recipient)}`);
    this.store.deliver(user, trace + data, queueId);
  }

  // A submission server completes a message that lacks Date or Message-ID (RFC 6409 §8.2, §8.3).
  #completeHeaders(data: string): string {
    const { fields } = parseHeaderBlock(data);
    let added = '';
    if (!findField(fields, 'date'))
      added += `Date: ${formatDate(this.#ctx.calendarTime(this.#ctx.kernel.now()), this.#ctx.zoneOffsetMinutes)}\r\n`;
    if (!findField(fields, 'message-id')) added += `Message-ID: ${this.#newMessageId()}\r\n`;
    return added + data;
  }

  #messageIdOf(data: string): string {
    const field = findField(parseHeaderBlock(data).fields, 'message-id');
    return field ? field.value.trim() : '';
  }

  #sendNotice(recipient: string, raw: string, queueId: string): void {
    if (this.isLocal(recipient)) {
      this.#deliverLocal(recipient, '', raw, queueId);
      return;
    }
    this.queue.enqueue(queueId, this.#messageIdOf(raw), '', [recipient], raw);
  }

  // Queue ids look like Postfix's: hex digits from the kernel's generator, so runs repeat.
  #newQueueId(): string {
    const n = this.#ctx.kernel.randomUint32().toString(16).toUpperCase().padStart(8, '0');
    return `${n}${(this.#ctx.kernel.randomUint32() % 256).toString(16).toUpperCase().padStart(2, '0')}`;
  }

  #newMessageId(): string {
    const stamp = formatStamp(this.#ctx.calendarTime(this.#ctx.kernel.now()));
    return `<${stamp}.${this.#newQueueId()}@${this.hostname}>`;
  }
}

function formatStamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(0, 14);
}
