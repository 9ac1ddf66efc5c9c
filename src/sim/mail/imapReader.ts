// A user agent reading its mail with IMAP: one connection to port 143 of its server that stays open, runs the
// IMAP client machine's jobs as the user asks (folders, headers first, a part when opened, moves, flags,
// search) and sits in IDLE on INBOX in between, so that changes made on another device show up here.
import { createActor, type ActorRefFrom } from 'xstate';
import type { Socket } from '../../net/socket.ts';
import type { BodyStructure } from '../../protocols/imap/bodyStructure.ts';
import type { EnvelopeAddress } from '../../protocols/imap/envelopeAddresses.ts';
import {
  imapClientMachine,
  type ImapJob,
  type ImapResult,
  type JobFailure,
  type MailboxUpdate,
  type MessageSummary,
} from '../../protocols/imap/imapClientMachine.ts';
import { decodeWords } from '../../protocols/message/encodedWords.ts';
import { bindLineSession } from '../services/lineSession.ts';
import { reachServer } from '../services/openConnection.ts';
import type { ServiceContext } from '../services/service.ts';
import type { FetchFailure, ImapAttachment, ImapMessageHeader, ImapReading, Unreachable } from '../trace.ts';
import { fetchFailed, type FetchReport, type ReadingAccount } from './pop3Reader.ts';

/** IMAP_PORT_OF_SERVER is the port a reader connects to (RFC 3501 §2.1). */
export const IMAP_PORT_OF_SERVER = 143;

/** PARTIAL_CHUNK is how much of a large part one open fetches (BODY.PEEK[n]<offset.PARTIAL_CHUNK>). */
export const PARTIAL_CHUNK = 65_536;

/** TRASH is the folder a deleted message is moved to. */
export const TRASH = 'Trash';

// A partial fetch's literal arrives as long lines when the part has none; the framer must hold a whole chunk.
const MAX_LINE = PARTIAL_CHUNK * 2;

type ClientActor = ActorRefFrom<typeof imapClientMachine>;

/** ReaderRequest is one thing the user asked of the reader, in the terms of the mail.* inputs. */
export type ReaderRequest =
  | { kind: 'fetch'; folder: string; done: (report: FetchReport) => void }
  | { kind: 'open'; folder: string; uid: number; part?: string; offset?: number }
  | { kind: 'delete'; folder: string; uid: number }
  | { kind: 'move'; folder: string; uid: number; to: string }
  | { kind: 'flag'; folder: string; uid: number; flag: string; set: boolean }
  | { kind: 'search'; folder: string; query: string };

function addressText(addresses: readonly EnvelopeAddress[] | null): string | null {
  const first = addresses?.[0];
  if (first === undefined) return null;
  const address = `${first.mailbox ?? ''}@${first.host ?? ''}`;
  return first.name === null ? address : `${decodeWords(first.name)} <${address}>`;
}

/** headerOf is a message of a header fetch as a reader lists it: subject and sender decoded, flags, attachments. */
export function headerOf(summary: MessageSummary): ImapMessageHeader {
  const subject = summary.envelope?.subject ?? null;
  const attachments = attachmentsOf(summary.body);
  return {
    uid: summary.uid,
    subject: subject === null ? null : decodeWords(subject),
    from: addressText(summary.envelope?.from ?? null),
    size: summary.size,
    flags: [...summary.flags],
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}

// A part's file name: Content-Disposition's filename, else Content-Type's name (RFC 2183 §2.3, RFC 2046).
function filenameOf(node: Exclude<BodyStructure, { kind: 'multipart' }>): string | null {
  const named = (params: readonly (readonly [string, string])[] | undefined, key: string) =>
    params?.find(([name]) => name.toUpperCase() === key)?.[1] ?? null;
  const disposition = node.extension?.disposition?.params;
  const found = named(disposition, 'FILENAME') ?? named(node.fields.params, 'NAME');
  return found === null ? null : decodeWords(found);
}

// The parts a reader offers on demand: every leaf of a multipart but the text part it shows when opened.
function attachmentsOf(body: BodyStructure | null): ImapAttachment[] {
  if (body === null || body.kind !== 'multipart') return [];
  const text = textPart(body).join('.');
  const found: ImapAttachment[] = [];
  const walk = (node: BodyStructure, path: number[]): void => {
    if (node.kind === 'multipart') {
      for (const [index, child] of node.parts.entries()) walk(child, [...path, index + 1]);
      return;
    }
    const part = path.join('.');
    if (part === text) return;
    const type = node.kind === 'basic' ? `${node.type}/${node.subtype}` : `${node.kind}/${node.subtype}`;
    found.push({ part, filename: filenameOf(node), type: type.toLowerCase(), size: node.fields.octets });
  };
  walk(body, []);
  return found;
}

// The part a reader shows first: the first text/plain part, else the first text part (RFC 3501 §6.4.5 numbering:
// a message that is not multipart has its body as part 1).
function textPart(body: BodyStructure | null): number[] {
  if (body === null || body.kind !== 'multipart') return [1];
  const found = (node: BodyStructure, path: number[], plainOnly: boolean): number[] | null => {
    if (node.kind === 'multipart') {
      for (const [index, child] of node.parts.entries()) {
        const hit = found(child, [...path, index + 1], plainOnly);
        if (hit !== null) return hit;
      }
      return null;
    }
    return node.kind === 'text' && (!plainOnly || node.subtype.toUpperCase() === 'PLAIN') ? path : null;
  };
  return found(body, [], true) ?? found(body, [], false) ?? [1];
}

// The size in octets of a part, from the structure the header fetch brought.
function partSize(body: BodyStructure | null, part: readonly number[]): number | null {
  let node = body;
  for (const index of part) {
    if (node === null) return null;
    if (node.kind === 'multipart') node = node.parts[index - 1] ?? null;
    else if (index !== 1) return null;
  }
  if (node === null || node.kind === 'multipart') return null;
  return node.fields.octets;
}

function jobName(job: ImapJob | null): string {
  return job === null ? 'login' : job.kind;
}

/** jobFailure is a job's failure as facts: the server's NO or BAD in its own words, or how the session ended. */
function jobFailure(failure: JobFailure): FetchFailure {
  if (failure.reason === 'NO' || failure.reason === 'BAD')
    return { why: 'answered', status: failure.reason, text: failure.text };
  return { why: 'ended', end: failure.reason };
}

/**
 * ImapReader is one user agent's IMAP account. Each request becomes client jobs; the connection opens on the
 * first and stays open, idling on INBOX, until the server or the network ends it; the next request reconnects.
 * Everything learnt goes to the trace as `ua.imap`, and a fetch ends with `ua.fetchResult`.
 */
export class ImapReader {
  readonly #ctx: ServiceContext;
  readonly #account: ReadingAccount;
  #actor: ClientActor | null = null;
  #connecting = false;
  #waiting: ImapJob[] = [];
  readonly #fetches: ((report: FetchReport) => void)[] = [];
  readonly #searches: string[] = [];
  // What the header fetch learnt of each folder's messages, to find a text part and a part's size.
  readonly #summaries = new Map<string, Map<number, MessageSummary>>();

  constructor(ctx: ServiceContext, account: ReadingAccount) {
    this.#ctx = ctx;
    this.#account = account;
  }

  /** request runs what the user asked; the outcome arrives in the trace. */
  request(request: ReaderRequest): void {
    const jobs = this.#jobsFor(request);
    // Between requests the reader watches INBOX, so another device's changes reach it (RFC 2177).
    for (const job of [...jobs, { kind: 'idle', mailbox: 'INBOX' } as const]) this.#add(job);
  }

  #jobsFor(request: ReaderRequest): ImapJob[] {
    switch (request.kind) {
      case 'fetch':
        this.#fetches.push(request.done);
        return [{ kind: 'list' }, { kind: 'headers', mailbox: request.folder }];
      case 'open': {
        const summary = this.#summaries.get(request.folder)?.get(request.uid) ?? null;
        const part =
          request.part === undefined ? textPart(summary?.body ?? null) : request.part.split('.').map(Number);
        if (request.part === undefined)
          return [
            { kind: 'body', mailbox: request.folder, uid: request.uid, part, partial: null, markSeen: true },
          ];
        // A large part (an attachment) comes a chunk at a time, when asked for (RFC 3501 §6.4.5 partial fetch).
        const size = partSize(summary?.body ?? null, part);
        const offset = request.offset ?? 0;
        const whole = offset === 0 && size !== null && size <= PARTIAL_CHUNK;
        const partial = whole ? null : { origin: offset, count: PARTIAL_CHUNK };
        return [{ kind: 'body', mailbox: request.folder, uid: request.uid, part, partial, markSeen: false }];
      }
      case 'delete':
        return [{ kind: 'move', mailbox: request.folder, uid: request.uid, to: TRASH }];
      case 'move':
        return [{ kind: 'move', mailbox: request.folder, uid: request.uid, to: request.to }];
      case 'flag':
        return [
          { kind: 'flag', mailbox: request.folder, uid: request.uid, flag: request.flag, set: request.set },
        ];
      case 'search':
        this.#searches.push(request.query);
        return [{ kind: 'search', mailbox: request.folder, keys: [{ key: 'TEXT', value: request.query }] }];
    }
  }

  #add(job: ImapJob): void {
    const actor = this.#actor;
    if (actor !== null && actor.getSnapshot().status === 'active') {
      actor.send({ type: 'job.add', job });
      return;
    }
    this.#waiting.push(job);
    if (!this.#connecting) this.#connect();
  }

  #connect(): void {
    this.#connecting = true;
    this.#actor = null;
    reachServer(
      this.#ctx,
      this.#account.server,
      IMAP_PORT_OF_SERVER,
      (socket) => this.#start(socket),
      (why) => this.#giveUp(why),
    );
  }

  // Nothing could be asked of the server: every waiting fetch fails, and the other jobs are dropped with it.
  #giveUp(why: Unreachable): void {
    this.#connecting = false;
    for (const job of this.#waiting) if (job.kind !== 'idle') this.#failed(job, null, why);
    this.#waiting = [];
  }

  #start(socket: Socket): void {
    const jobs = this.#waiting;
    this.#waiting = [];
    this.#connecting = false;
    const actor = createActor(imapClientMachine, {
      input: { user: this.#account.user, password: this.#account.password, jobs },
      clock: this.#ctx.kernel.clock,
    });
    this.#actor = actor;
    actor.on('imap.result', (event) => this.#result(event.result));
    actor.on('imap.update', (event) => this.#update(event.mailbox, event.update));
    actor.on('imap.failed', ({ failure }) => {
      // IDLE is ended by the connection's end as often as not; only the server's own refusal of it is news.
      if (failure.job?.kind === 'idle' && failure.reason !== 'NO' && failure.reason !== 'BAD') return;
      this.#failed(failure.job, failure.verb, jobFailure(failure));
    });
    bindLineSession(socket, actor, {
      host: this.#ctx.host,
      protocol: 'imap',
      machine: 'imap-client',
      maxLine: MAX_LINE,
      emit: (e) => this.#ctx.emit(e),
    });
  }

  #emit(reading: ImapReading): void {
    this.#ctx.emit({
      kind: 'ua.imap',
      host: this.#ctx.host,
      server: this.#account.server,
      user: this.#account.user,
      reading,
    });
  }

  #result(result: ImapResult): void {
    switch (result.kind) {
      case 'folders':
        return this.#emit({ action: 'folders', folders: result.folders.map((folder) => folder.name) });
      case 'summaries': {
        this.#summaries.set(result.mailbox, new Map(result.messages.map((m) => [m.uid, m])));
        this.#emit({ action: 'headers', folder: result.mailbox, messages: result.messages.map(headerOf) });
        const done = this.#fetches.shift();
        const count = result.messages.length;
        done?.({ outcome: 'ok', count, listed: null, removed: null, folder: result.mailbox, failure: null });
        return;
      }
      case 'bodyPart': {
        const summary = this.#summaries.get(result.mailbox)?.get(result.uid) ?? null;
        return this.#emit({
          action: 'opened',
          folder: result.mailbox,
          uid: result.uid,
          part: result.part.join('.'),
          origin: result.origin,
          octets: result.data?.length ?? 0,
          total: partSize(summary?.body ?? null, result.part),
          // Only a text part is worth keeping in the trace; an attachment's octets are counted, not copied.
          text: result.origin === null ? result.data : null,
          ...(result.seen ? { seen: true } : {}),
        });
      }
      case 'flagged':
        return this.#emit({
          action: 'flagged',
          folder: result.mailbox,
          uid: result.uid,
          flags: result.flags === null ? null : [...result.flags],
        });
      case 'moved':
        this.#summaries.get(result.mailbox)?.delete(result.uid);
        return this.#emit({
          action: 'moved',
          folder: result.mailbox,
          uid: result.uid,
          to: result.to,
          newUid: result.newUid,
          via: result.via,
        });
      case 'searched':
        return this.#emit({
          action: 'searched',
          folder: result.mailbox,
          query: this.#searches.shift() ?? '',
          uids: [...result.uids],
        });
      case 'selected':
      case 'idled':
      case 'loggedOut':
        return;
    }
  }

  #update(folder: string, update: MailboxUpdate): void {
    if (update.kind === 'expunge' && update.uid !== null) this.#summaries.get(folder)?.delete(update.uid);
    this.#emit({
      action: 'update',
      folder,
      change: update.kind,
      uid: update.kind === 'exists' ? null : update.uid,
      count: update.kind === 'exists' ? update.count : null,
      flags: update.kind === 'flags' ? [...update.flags] : null,
    });
  }

  #failed(job: ImapJob | null, verb: string | null, failure: FetchFailure): void {
    if (job?.kind === 'headers') this.#fetches.shift()?.(fetchFailed(failure));
    if (job?.kind === 'search') this.#searches.shift();
    this.#emit({ action: 'failed', job: jobName(job), verb, failure });
  }
}
