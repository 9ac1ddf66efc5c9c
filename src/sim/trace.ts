// The trace: the append-only list of typed events that is the single source of truth for every view.
// Network events are declared in net/ (which may not import sim/); everything else is declared here.
import type { Emitted, NetEvent } from '../net/netEvents.ts';
import type { ConnId, HostId, SocketError } from '../net/types.ts';
import type { DnsRecord, DnsType } from '../protocols/dns/dnsMessage.ts';
import type { HttpExchangeFacts } from '../protocols/http/exchange.ts';
import type { ProtocolName } from '../protocols/protocolNames.ts';
import type { ClientLineFacts, CommandArgs, ServerLineFacts } from '../protocols/shared/lineFacts.ts';
import type { Fault, Input, InputOrigin } from './input.ts';

/**
 * Protocol names the application protocol of a connection: one of the registry's, `echo` for the echo service,
 * or `raw` for a port nobody registered.
 */
export type Protocol = ProtocolName | 'echo' | 'raw';

interface LineBase {
  kind: 'app.line';
  conn: ConnId;
  host: HostId;
  protocol: Protocol;
  /** line is the exact text sent, without its CRLF; views mask what the facts call a credential (`sasl`). */
  line: string;
}

/**
 * AppLine is one protocol line as its sender wrote it, with what it means: a client line carries its verb and
 * arguments (or says it is message text), a server line its code or status, catalogue key and the verb it answers.
 * Lines on a connection nobody parses (`raw`, `echo`) carry no facts.
 */
export type AppLine =
  | (LineBase & { from: 'client' } & ClientFields & Absent<keyof ServerLineFacts>)
  | (LineBase & { from: 'server' } & Partial<ServerLineFacts> & Absent<keyof ClientFields>);

// A client line's facts with every field optional, so `line.verb` reads without narrowing on which kind it is.
type ClientFields = {
  verb?: string;
  args?: CommandArgs;
  tag?: string;
  content?: Extract<ClientLineFacts, { content: unknown }>['content'];
  /** typed is true on a line a terminal sent because someone typed it (telnet), not one a program wrote. */
  typed?: true;
  /** by is who typed it, when the input said so: a person, or a lesson's "show me" or set-up of a step. */
  by?: InputOrigin;
};

// The other side's facts, declared absent, so any line reads `line.code` or `line.verb` as possibly undefined.
// `tag` belongs to both sides (an IMAP command and its tagged response).
type Absent<K extends PropertyKey> = { [P in Exclude<K, 'tag'>]?: never };

/**
 * HttpBody is an HTTP message body as its sender (`host`, on the `from` side) wrote it: bodies are octets, not
 * lines, so they cross as one event after the head's `app.line`s. `content` is what the body carries (octets, one
 * char each); `wireOctets` what it took on the wire, chunk framing included (`chunks` chunks, null when it was not
 * chunked). `request` is the request's number on the connection, which a response body answers. `credential`
 * says the content is a secret (a login form's password) that views mask.
 */
export interface HttpBody {
  kind: 'http.body';
  conn: ConnId;
  host: HostId;
  from: 'client' | 'server';
  request: number;
  content: string;
  size: number;
  wireOctets: number;
  chunks: number | null;
  credential?: boolean;
}

/** TerminalEnd says how a terminal's connection ended: closed by us, by the peer, or lost. */
export type TerminalEnd = 'closed' | 'closed-by-peer' | 'reset' | 'host-down' | 'failed';

/** SimEvent is an event the simulation itself reports (as opposed to the network). */
export type SimEvent =
  | { kind: 'sim.start'; scenario: string; seed: number }
  | { kind: 'input'; index: number; input: Input; by?: InputOrigin }
  /** fault.ended: a fault's `for` ran out and it was undone; `index` is its input's, null for a scenario's fault. */
  | { kind: 'fault.ended'; index: number | null; fault: Fault }
  | {
      kind: 'conn.opened';
      conn: ConnId;
      /** client is the host that sent the SYN; server is the host (or, when no host has it, the address) it went to. */
      client: HostId;
      server: HostId;
      port: number;
      protocol: Protocol;
    }
  | AppLine
  | { kind: 'session.state'; conn: ConnId; host: HostId; machine: string; from: string; to: string }
  | HttpBody
  /**
   * One HTTP request and its response on connection `conn`, written by the server (`host`) when the response has
   * gone: the outcome of the exchange, `client` being the host that asked.
   */
  | ({ kind: 'http.exchange'; conn: ConnId; host: HostId; client: HostId } & HttpExchangeFacts)
  | { kind: 'terminal.line'; host: HostId; conn: ConnId | null; stream: 'in' | 'out' | 'info'; text: string }
  | {
      kind: 'terminal.connected';
      host: HostId;
      conn: ConnId;
      target: string;
      port: number;
      protocol: Protocol;
      /** by is who typed the `telnet` that opened it, when the input said so. */
      by?: InputOrigin;
    }
  | { kind: 'terminal.disconnected'; host: HostId; conn: ConnId | null; how: TerminalEnd }
  | { kind: 'dns.query'; host: HostId; id: number; name: string; qtype: DnsType; server: HostId | null }
  | {
      kind: 'dns.answer';
      host: HostId;
      id: number;
      name: string;
      qtype: DnsType;
      rcode: 'NOERROR';
      records: DnsRecord[];
      /** cached is set when the host's own cache answered, the records' TTLs being what is left of them. */
      cached?: true;
    }
  | {
      kind: 'dns.failed';
      host: HostId;
      id: number;
      name: string;
      qtype: DnsType;
      error: 'nxdomain' | 'timeout' | 'servfail';
      /** cached is set when a remembered NXDOMAIN answered (negative caching, RFC 2308). */
      cached?: true;
    };

/** MailEvent is what mail servers and user agents report: queues, mailboxes, submissions. */
export type MailEvent =
  | {
      kind: 'mailbox.stored';
      host: HostId;
      user: string;
      folder: string;
      uid: number;
      size: number;
      /** queueId is the server's id for the message, as in the `smtp.accepted` or `queue.enqueued` before it. */
      queueId: string;
      raw: string;
      /** uidValidity is the folder's UIDVALIDITY, which with `uid` names the message for good (RFC 3501 §2.3.1.1). */
      uidValidity?: number;
    }
  | { kind: 'mailbox.flags'; host: HostId; user: string; folder: string; uid: number; flags: string[] }
  | { kind: 'mailbox.expunged'; host: HostId; user: string; folder: string; uid: number }
  /** A client appended a message of its own (IMAP APPEND): stored with no envelope, so no queue id. */
  | {
      kind: 'mailbox.appended';
      host: HostId;
      user: string;
      folder: string;
      uid: number;
      size: number;
      flags: string[];
      raw: string;
    }
  /** Message `uid` of `folder` was copied to folder `to` as `toUid` (COPY, MOVE, RENAME of INBOX). */
  | {
      kind: 'mailbox.copied';
      host: HostId;
      user: string;
      folder: string;
      uid: number;
      to: string;
      toUid: number;
    }
  | { kind: 'mailbox.created'; host: HostId; user: string; folder: string; uidValidity?: number }
  /** noselect: the folder had children, so its name stays as \Noselect (RFC 3501 §6.3.4). */
  | { kind: 'mailbox.deleted'; host: HostId; user: string; folder: string; noselect: boolean }
  | { kind: 'mailbox.renamed'; host: HostId; user: string; folder: string; to: string }
  | {
      kind: 'queue.enqueued';
      host: HostId;
      queueId: string;
      messageId: string;
      from: string;
      recipients: string[];
      size: number;
      raw: string;
    }
  | {
      kind: 'queue.attempt';
      host: HostId;
      queueId: string;
      attempt: number;
      domain: string;
      recipients: string[];
      /**
       * reused names the open connection the attempt went on when the server's connection cache gave it one
       * (after the RSET probe was answered), and the use count there: 2 for its second message.
       */
      reused?: { conn: ConnId; use: number };
    }
  | {
      kind: 'queue.deferred';
      host: HostId;
      queueId: string;
      recipient: string;
      attempt: number;
      reason: string;
      nextAttemptAt: number;
    }
  | {
      kind: 'queue.delivered';
      host: HostId;
      queueId: string;
      recipient: string;
      remote: HostId;
      reply: string;
    }
  | { kind: 'queue.warned'; host: HostId; queueId: string; recipients: string[]; notice: string }
  | {
      kind: 'queue.bounced';
      host: HostId;
      queueId: string;
      recipient: string;
      status: string;
      reason: string;
      notice: string | null;
    }
  | { kind: 'queue.removed'; host: HostId; queueId: string }
  | {
      kind: 'smtp.accepted';
      /** host is the server that took responsibility for the message (RFC 5321 §6.1), on connection `conn`. */
      host: HostId;
      conn: ConnId;
      queueId: string;
      /** from is the envelope's reverse-path ('' for the null sender); recipients are the accepted RCPT TOs. */
      from: string;
      recipients: string[];
      /** messageId is the message's Message-ID field as received, or null when it had none. */
      messageId: string | null;
      size: number;
    }
  | {
      kind: 'ua.submitted';
      host: HostId;
      messageId: string;
      server: HostId | null;
      direct: boolean;
      recipients: string[];
      raw: string;
      /** bcc are the recipients the draft named as Bcc, whom the message itself no longer shows (absent if none). */
      bcc?: string[];
      /** by is who pressed Send, when the input said so: a person, or a lesson's "show me" or set-up. */
      by?: InputOrigin;
    }
  | {
      kind: 'ua.result';
      host: HostId;
      messageId: string;
      outcome: 'accepted' | 'partly' | 'failed';
      detail: string;
    }
  | {
      kind: 'ua.fetched';
      /** host is the reader's host; server the mail server it read from, as user `user`. */
      host: HostId;
      server: HostId;
      protocol: 'pop3' | 'imap';
      user: string;
      /** uid is the server's id for the message: POP3's unique-id (UIDL) or IMAP's UID. */
      uid: string;
      /** messageId is the message's Message-ID field, or null when it had none. */
      messageId: string | null;
      size: number;
      raw: string;
    }
  | {
      kind: 'ua.fetchResult';
      host: HostId;
      server: HostId;
      protocol: 'pop3' | 'imap';
      /** ok: the session ended as it should; failed: it could not connect, log in, or finish (failure says why). */
      outcome: 'ok' | 'failed';
      /** count is how many messages were downloaded in this fetch (IMAP: how many headers came). */
      count: number;
      /** listed is how many messages POP3's LIST named; null for IMAP, or when the visit never got that far. */
      listed: number | null;
      /**
       * removed is how many messages POP3 deleted when the server answered QUIT (RFC 1939 §6); null when none were
       * to be (keep mode, IMAP) or the visit never reached QUIT.
       */
      removed: number | null;
      /** folder is the IMAP folder whose headers came; null for POP3. */
      folder: string | null;
      failure: FetchFailure | null;
    }
  | {
      kind: 'ua.imap';
      /** host is the reader's host; server the mail server it reads from over IMAP, as user `user`. */
      host: HostId;
      server: HostId;
      user: string;
      reading: ImapReading;
    }
  | {
      kind: 'webmail.session';
      /**
       * host is the webmail's host. A `login` opened a session (its mail server took the password over IMAP), a
       * `refused` login opened none, a `logout` ended one.
       */
      host: HostId;
      user: string;
      action: 'login' | 'refused' | 'logout';
    };

/**
 * ImapReading is what a user agent reading with IMAP learnt or did: the folders listed, the headers of a folder,
 * a part of a message opened (`origin` set when only `octets` of the part's `total` came), flags stored, a move,
 * search hits, news its IDLE heard (another device's change, new mail), or a job the server refused. UIDs are
 * the server's for that folder.
 */
export type ImapReading =
  | { action: 'folders'; folders: string[] }
  | { action: 'headers'; folder: string; messages: ImapMessageHeader[] }
  | {
      action: 'opened';
      folder: string;
      uid: number;
      part: string;
      origin: number | null;
      octets: number;
      total: number | null;
      text: string | null;
      /** seen is true when the open also stored \Seen on the message (a text part opened, RFC 3501 §6.4.5). */
      seen?: boolean;
    }
  | { action: 'flagged'; folder: string; uid: number; flags: string[] | null }
  | { action: 'moved'; folder: string; uid: number; to: string; newUid: number | null; via: 'MOVE' | 'COPY' }
  | { action: 'searched'; folder: string; query: string; uids: number[] }
  | {
      action: 'update';
      folder: string;
      change: 'exists' | 'expunge' | 'flags';
      uid: number | null;
      count: number | null;
      flags: string[] | null;
    }
  | { action: 'failed'; job: string; verb: string | null; failure: FetchFailure };

/**
 * Unreachable is why a reader (a user agent or a browser) could not reach its server, as facts a view phrases in
 * the reader's language: the DNS gave no address (`dns` says how), or the connection failed as the socket said.
 */
export type Unreachable =
  | { why: 'no-address'; server: string; dns: 'no-record' | 'nxdomain' | 'timeout' | 'servfail' }
  | { why: 'connect'; server: string; address: string; port: number; error: SocketError };

/**
 * FetchFailure is why a POP3 or IMAP visit, or one IMAP job, failed: the server could not be reached, the session
 * ended before it should (`end`, as the client machine saw it), or the server answered NO or BAD (RFC 3501 §7.1;
 * `text` is its own words). notUpdated: POP3's QUIT was answered -ERR, so the marked messages stayed (RFC 1939 §6).
 */
export type FetchFailure =
  | Unreachable
  | {
      why: 'ended';
      end:
        | 'refused'
        | 'authFailed'
        | 'connectionLost'
        | 'timeout'
        | 'protocolError'
        | 'unsupported'
        | 'notUpdated';
    }
  | { why: 'answered'; status: 'NO' | 'BAD'; text: string };

/**
 * WebFailure is why a browser's request or page failed: the server could not be reached, the HTTP client gave up on
 * the response (RFC 9112: closed early, no answer, or an answer that is not HTTP), the address could not be read, or
 * no site was open for a form to go to.
 */
export type WebFailure =
  | Unreachable
  | { why: 'http'; failure: 'closed' | 'timeout' | 'protocolError' }
  | { why: 'bad-address'; address: string }
  | { why: 'no-site' };

/** ImapMessageHeader is one message of a folder's header list, as a reader shows it. */
export interface ImapMessageHeader {
  uid: number;
  subject: string | null;
  from: string | null;
  size: number | null;
  flags: string[];
  /** attachments are the parts beside the text, from the body structure the header fetch brought. */
  attachments?: ImapAttachment[];
}

/** ImapAttachment is one part of a message a reader offers to fetch on demand: its number, name, type and size. */
export interface ImapAttachment {
  part: string;
  filename: string | null;
  type: string;
  size: number;
}

/** WebAction is what a person asked a browser to do: open an address, log in, read a message, send one. */
export type WebAction = 'open' | 'login' | 'read' | 'send';

/** FetchRetry marks the two attempts of a request the browser sent again on a new connection. */
export type FetchRetry = 'resending' | 'resent';

/**
 * WebEvent is what a browser reports: `web.fetch` for each response it got (or the failure instead), saying on
 * which connection, which request on it, and whether the connection was `reused` (kept alive from before); and
 * `web.page` when a page a person asked for has loaded, with how many requests (redirects included) and objects
 * (responses: the page and its stylesheets) it took, their body octets, and the connections used.
 */
export type WebEvent =
  | {
      kind: 'web.fetch';
      host: HostId;
      site: string;
      conn: ConnId | null;
      request: number | null;
      method: string;
      target: string;
      reused: boolean;
      /**
       * retry is there when the request was sent twice: `resending` on the attempt that met a close on a reused
       * connection before any of its response came (the browser sends it again on a new connection), `resent` on
       * that second attempt. Absent for a request sent once.
       */
      retry?: FetchRetry;
      /** status and reason are the response's (RFC 9112 §4), or null and '' when there was none (failure says why). */
      status: number | null;
      reason: string;
      size: number;
      failure: WebFailure | null;
    }
  | {
      kind: 'web.page';
      host: HostId;
      site: string;
      action: WebAction;
      target: string;
      status: number | null;
      title: string | null;
      requests: number;
      objects: number;
      bytes: number;
      connections: ConnId[];
      outcome: 'ok' | 'failed';
      /** reason is the final response's reason phrase ('' when none came); failure says why a failed page failed. */
      reason: string;
      failure: WebFailure | null;
      /** text is what the page shows a reader, line by line, as the browser rendered it ('' when none). */
      text: string;
      /** links are the page's links, as the browser would follow them: a target on its site and the link's text. */
      links: WebLink[];
      /** forms are the page's forms that hold fields (absent when none), as the page filled them in. */
      forms?: WebForm[];
    };

/** WebLink is one link a page shows: where following it goes (a target on the site) and its text. */
export interface WebLink {
  target: string;
  text: string;
}

/** WebForm is one form a page shows: where it posts (a target on its site) and its fields in page order. */
export interface WebForm {
  target: string;
  fields: WebFormField[];
}

/**
 * WebFormField is a field of a form with the value the page wrote into it: a text input, a textarea, or a hidden
 * input (sent as it is). Password inputs are never listed, so no credential enters the trace.
 */
export interface WebFormField {
  name: string;
  type: 'text' | 'textarea' | 'hidden';
  value: string;
}

/** Stamp is what the kernel adds to every event: the virtual time in ms and its position in the trace. */
export interface Stamp {
  readonly t: number;
  readonly seq: number;
}

type Stamped<E> = E extends unknown ? E & Stamp : never;

/** UnstampedEvent is any event before the kernel stamps it. */
export type UnstampedEvent = NetEvent | SimEvent | MailEvent | WebEvent;

/**
 * EmittedEvent is an event as an emitter hands it to the kernel: unstamped, or built with its stamp's slots
 * (`t: 0, seq: UNSTAMPED`), which the most frequent events carry so that V8 keeps them inside the object.
 */
export type EmittedEvent = Emitted<UnstampedEvent>;

/** TraceEvent is one stamped event of the trace, a discriminated union on `kind`. */
export type TraceEvent = Stamped<UnstampedEvent>;

/** TraceEventKind is any event's `kind`. */
export type TraceEventKind = TraceEvent['kind'];

/** EventOf narrows the trace event union to one kind. */
export type EventOf<K extends TraceEventKind> = Extract<TraceEvent, { kind: K }>;

/** isKind is a type guard for one kind of event, handy in `filter`. */
export function isKind<K extends TraceEventKind>(kind: K): (event: TraceEvent) => event is EventOf<K> {
  return (event): event is EventOf<K> => event.kind === kind;
}

/**
 * Trace is how the trace is read: its length, an event by position (negative counts from the end), its events in
 * order, and a run of them as an array. The kernel keeps it as columns and builds each event when asked, so a
 * reader that needs only some events asks for those; an array of events is a Trace too.
 */
export interface Trace extends Iterable<TraceEvent> {
  readonly length: number;
  at(index: number): TraceEvent | undefined;
  slice(start?: number, end?: number): TraceEvent[];
}

/** traceToJsonLines serialises a trace as JSON lines, one event a line; keys keep their declared order. */
export function traceToJsonLines(trace: Trace): string {
  let out = '';
  for (const event of trace) out += JSON.stringify(event) + '\n';
  return out;
}

/** countUntil is how many events have `t <= time`; the trace is ordered by time, so this is a binary search. */
export function countUntil(trace: Trace, time: number): number {
  let lo = 0;
  let hi = trace.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((trace.at(mid) as TraceEvent).t <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
