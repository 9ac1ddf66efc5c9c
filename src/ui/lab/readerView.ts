// What one device's mail reader has at a point of the trace, for the Read mail panel: the messages POP3
// downloaded, and what IMAP showed of the server (folders, each folder's messages with their flags, parts opened,
// the last search). Folded from the reader's own events (`ua.fetched`, `ua.imap`, `ua.fetchResult`), never from
// protocol lines, so the panel shows what the device learnt and nothing it did not.
import type { Mailbox } from '../../protocols/message/addresses.ts';
import { parseMessage } from '../../protocols/message/parseMessage.ts';
import type {
  FetchFailure,
  ImapAttachment,
  ImapReading,
  TraceEvent,
  WebAction,
  WebFailure,
  WebForm,
  WebLink,
} from '../../sim/trace.ts';

/** DownloadedMessage is one message POP3 brought to the device: the server's unique-id and the message read. */
export interface DownloadedMessage {
  readonly uid: string;
  /** seq is the `ua.fetched` event that holds the whole message. */
  readonly seq: number;
  readonly t: number;
  readonly size: number;
  readonly subject: string;
  readonly from: string;
  /** date is the Date field in calendar ms, or null when it had none. */
  readonly date: number | null;
  /** text is the first text/plain body, or null when there is none. */
  readonly text: string | null;
  readonly attachments: readonly string[];
}

/**
 * PartFetched is how much of one part of a message the device has: `octets` of `total` (null when the server did
 * not say); `partial` when it came in pieces (a partial fetch, RFC 3501 §6.4.5), `text` when it is the text shown.
 */
export interface PartFetched {
  readonly part: string;
  readonly octets: number;
  readonly total: number | null;
  readonly partial: boolean;
  readonly text: string | null;
}

/** ReaderMessage is one message of a folder as the device knows it over IMAP: its headers, flags and parts. */
export interface ReaderMessage {
  readonly uid: number;
  readonly subject: string | null;
  readonly from: string | null;
  readonly size: number | null;
  readonly flags: readonly string[];
  readonly attachments: readonly ImapAttachment[];
  /** parts are the parts fetched so far, by part number ("1", "2", "1.2"). */
  readonly parts: Readonly<Record<string, PartFetched>>;
}

/** ReaderFailure is a job the IMAP server refused or could not finish, as the reader reported it. */
export interface ReaderFailure {
  readonly t: number;
  readonly job: string;
  readonly verb: string | null;
  readonly failure: FetchFailure;
}

/** ImapView is what the device has seen of the mailbox on the server over IMAP. */
export interface ImapView {
  readonly server: string;
  readonly user: string;
  readonly folders: readonly string[];
  /** messages are each folder's messages in UID order, as far as the device knows them. */
  readonly messages: Readonly<Record<string, readonly ReaderMessage[]>>;
  /**
   * listed are the folders whose header list the server sent; another folder shows only what this device moved
   * into it.
   */
  readonly listed: readonly string[];
  /** newMail counts messages the server announced (EXISTS) in a folder beyond those whose headers came. */
  readonly newMail: Readonly<Record<string, number>>;
  readonly search: {
    readonly folder: string;
    readonly query: string;
    readonly uids: readonly number[];
  } | null;
  /** failure is the last refusal, cleared by the next thing that worked. */
  readonly failure: ReaderFailure | null;
}

/** FetchOutcome is how the last visit to the server ended (`ua.fetchResult`). */
export interface FetchOutcome {
  readonly t: number;
  readonly protocol: 'pop3' | 'imap';
  readonly outcome: 'ok' | 'failed';
  readonly count: number;
  readonly failure: FetchFailure | null;
}

/** ReaderView is one device's reader at the cursor. */
export interface ReaderView {
  /** fetching is the protocol of a `mail.fetch` asked for and not yet ended, or null. */
  readonly fetching: 'pop3' | 'imap' | null;
  readonly last: FetchOutcome | null;
  readonly downloaded: readonly DownloadedMessage[];
  /** imap is null until the device has learnt anything over IMAP. */
  readonly imap: ImapView | null;
}

interface ImapFold {
  server: string;
  user: string;
  folders: string[];
  messages: Map<string, Map<number, ReaderMessage>>;
  listed: Set<string>;
  // Messages just expunged, by `folder/uid`: a MOVE's EXPUNGE arrives before its tagged OK (RFC 6851 §3.3).
  gone: Map<string, ReaderMessage>;
  newMail: Map<string, number>;
  search: ImapView['search'];
  failure: ReaderFailure | null;
}

function mailboxText(list: readonly Mailbox[]): string {
  return list.map((m) => (m.name ? `${m.name} <${m.address}>` : m.address)).join(', ');
}

function downloaded(event: Extract<TraceEvent, { kind: 'ua.fetched' }>): DownloadedMessage {
  const parsed = parseMessage(event.raw);
  return {
    uid: event.uid,
    seq: event.seq,
    t: event.t,
    size: event.size,
    subject: parsed.subject,
    from: mailboxText(parsed.from),
    date: parsed.date,
    text: parsed.text,
    attachments: parsed.attachments.map(
      (a) => a.filename ?? `${a.contentType.type}/${a.contentType.subtype}`,
    ),
  };
}

// \Recent belongs to one session and never travels with a copy (RFC 3501 §2.3.2, §6.4.7).
function withoutRecent(flags: readonly string[]): string[] {
  return flags.filter((f) => f.toLowerCase() !== '\\recent');
}

function folderOf(fold: ImapFold, folder: string): Map<number, ReaderMessage> {
  const found = fold.messages.get(folder);
  if (found !== undefined) return found;
  const made = new Map<number, ReaderMessage>();
  fold.messages.set(folder, made);
  return made;
}

function update(messages: Map<number, ReaderMessage>, uid: number, change: Partial<ReaderMessage>): void {
  const message = messages.get(uid);
  if (message !== undefined) messages.set(uid, { ...message, ...change });
}

function applyImap(fold: ImapFold, reading: ImapReading, t: number): void {
  if (reading.action !== 'failed') fold.failure = null;
  switch (reading.action) {
    case 'folders':
      fold.folders = [...reading.folders];
      return;
    case 'headers': {
      // A fresh header list replaces the folder's, keeping the parts already fetched of messages still there.
      const before = fold.messages.get(reading.folder);
      const after = new Map<number, ReaderMessage>();
      for (const m of reading.messages)
        after.set(m.uid, {
          uid: m.uid,
          subject: m.subject,
          from: m.from,
          size: m.size,
          flags: [...m.flags],
          attachments: m.attachments ?? [],
          parts: before?.get(m.uid)?.parts ?? {},
        });
      fold.messages.set(reading.folder, after);
      fold.listed.add(reading.folder);
      fold.newMail.delete(reading.folder);
      return;
    }
    case 'opened': {
      const messages = folderOf(fold, reading.folder);
      const message = messages.get(reading.uid);
      if (message === undefined) return;
      const partial = reading.origin !== null;
      const had = message.parts[reading.part];
      const octets =
        reading.origin === null
          ? reading.octets
          : Math.max(had?.octets ?? 0, reading.origin + reading.octets);
      const part: PartFetched = {
        part: reading.part,
        octets,
        total: reading.total,
        partial: partial || (had?.partial ?? false),
        text: reading.text ?? had?.text ?? null,
      };
      // Opening the text also stored \Seen (the reader's STORE, whose answer is not news to it).
      const flags =
        reading.seen === true && !hasFlag(message, '\\Seen') ? [...message.flags, '\\Seen'] : message.flags;
      update(messages, reading.uid, { parts: { ...message.parts, [reading.part]: part }, flags });
      return;
    }
    case 'flagged':
      if (reading.flags !== null)
        update(folderOf(fold, reading.folder), reading.uid, { flags: reading.flags });
      return;
    case 'moved': {
      const from = folderOf(fold, reading.folder);
      const key = `${reading.folder}/${reading.uid}`;
      const message = from.get(reading.uid) ?? fold.gone.get(key);
      from.delete(reading.uid);
      fold.gone.delete(key);
      // The copy is known only when the server said its new UID (UIDPLUS COPYUID, RFC 4315 §3).
      if (message !== undefined && reading.newUid !== null)
        folderOf(fold, reading.to).set(reading.newUid, {
          ...message,
          uid: reading.newUid,
          flags: withoutRecent(message.flags),
          parts: {},
        });
      return;
    }
    case 'searched':
      fold.search = { folder: reading.folder, query: reading.query, uids: [...reading.uids] };
      return;
    case 'update': {
      const messages = folderOf(fold, reading.folder);
      if (reading.change === 'flags' && reading.uid !== null && reading.flags !== null)
        update(messages, reading.uid, { flags: reading.flags });
      else if (reading.change === 'expunge' && reading.uid !== null) {
        const message = messages.get(reading.uid);
        if (message !== undefined) fold.gone.set(`${reading.folder}/${reading.uid}`, message);
        messages.delete(reading.uid);
      } else if (reading.change === 'exists' && reading.count !== null) {
        const unknown = reading.count - messages.size;
        if (unknown > 0) fold.newMail.set(reading.folder, unknown);
      }
      return;
    }
    case 'failed':
      fold.failure = { t, job: reading.job, verb: reading.verb, failure: reading.failure };
      return;
  }
}

/**
 * readerAt folds the reading events of `host` up to and including trace position `cursor`. Events of other hosts,
 * and anything after the cursor, are left out.
 */
export function readerAt(trace: readonly TraceEvent[], cursor: number, host: string): ReaderView {
  let fetching: ReaderView['fetching'] = null;
  let last: FetchOutcome | null = null;
  const pop3: DownloadedMessage[] = [];
  let imap: ImapFold | null = null;
  const end = Math.min(cursor, trace.length - 1);
  for (let i = 0; i <= end; i += 1) {
    const e = trace[i] as TraceEvent;
    if (e.kind === 'input') {
      if (e.input.type === 'mail.fetch' && e.input.host === host) fetching = e.input.protocol;
    } else if (e.kind === 'ua.fetchResult' && e.host === host) {
      fetching = null;
      last = { t: e.t, protocol: e.protocol, outcome: e.outcome, count: e.count, failure: e.failure };
    } else if (e.kind === 'ua.fetched' && e.host === host && e.protocol === 'pop3') {
      pop3.push(downloaded(e));
    } else if (e.kind === 'ua.imap' && e.host === host) {
      imap ??= {
        server: e.server,
        user: e.user,
        folders: [],
        messages: new Map(),
        listed: new Set(),
        gone: new Map(),
        newMail: new Map(),
        search: null,
        failure: null,
      };
      applyImap(imap, e.reading, e.t);
    }
  }
  return { fetching, last, downloaded: pop3, imap: imap === null ? null : frozen(imap) };
}

function frozen(fold: ImapFold): ImapView {
  return {
    server: fold.server,
    user: fold.user,
    folders: fold.folders,
    messages: Object.fromEntries(
      [...fold.messages].map(([folder, messages]) => [
        folder,
        [...messages.values()].sort((a, b) => a.uid - b.uid),
      ]),
    ),
    listed: [...fold.listed],
    newMail: Object.fromEntries(fold.newMail),
    search: fold.search,
    failure: fold.failure,
  };
}

/** hasFlag tells whether a message carries a flag; flags compare without regard to case (RFC 3501 §2.3.2). */
export function hasFlag(message: ReaderMessage, flag: string): boolean {
  return message.flags.some((f) => f.toLowerCase() === flag.toLowerCase());
}

/** WebPage is the last page a device's browser showed: what it asked for, where it landed, and what it showed. */
export interface WebPage {
  readonly t: number;
  readonly action: WebAction;
  readonly site: string;
  readonly target: string;
  readonly status: number | null;
  readonly title: string | null;
  readonly text: string;
  readonly links: readonly WebLink[];
  /** forms are the page's forms with fields, as the browser reported them filled in. */
  readonly forms: readonly WebForm[];
  readonly objects: number;
  readonly bytes: number;
  readonly outcome: 'ok' | 'failed';
  readonly failure: WebFailure | null;
}

/** WebView is one device's browser at the cursor. */
export interface WebView {
  /** loading is the page a person asked for and the browser has not finished, or null. */
  readonly loading: WebAction | null;
  readonly page: WebPage | null;
  /** fetches counts the responses (and failures) the browser got up to the cursor. */
  readonly fetches: number;
}

const WEB_ACTION: Readonly<Record<string, WebAction>> = {
  'web.open': 'open',
  'web.login': 'login',
  'web.read': 'read',
  'web.send': 'send',
};

/** webAt folds what the browser of `host` asked for and showed, up to and including trace position `cursor`. */
export function webAt(trace: readonly TraceEvent[], cursor: number, host: string): WebView {
  // Pages load one after another, so each page shown answers the oldest one still asked for.
  const pending: WebAction[] = [];
  let page: WebPage | null = null;
  let fetches = 0;
  const end = Math.min(cursor, trace.length - 1);
  for (let i = 0; i <= end; i += 1) {
    const e = trace[i] as TraceEvent;
    if (e.kind === 'input' && e.input.type !== 'fault' && e.input.host === host) {
      const action = WEB_ACTION[e.input.type];
      if (action !== undefined) pending.push(action);
    } else if (e.kind === 'web.fetch' && e.host === host) fetches += 1;
    else if (e.kind === 'web.page' && e.host === host) {
      pending.shift();
      const { t, action, site, target, status, title, text, links, objects, bytes, outcome, failure } = e;
      const forms = e.forms ?? [];
      page = { t, action, site, target, status, title, text, links, forms, objects, bytes, outcome, failure };
    }
  }
  return { loading: pending[0] ?? null, page, fetches };
}
