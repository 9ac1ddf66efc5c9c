// Reads the lines of one connection (SMTP, POP3, IMAP or HTTP) from the facts their senders wrote: which command
// each reply answers, which reply of the catalogue it is, its code, status or tag, and which lines are message text,
// credentials or HTTP header fields rather than commands; an HTTP body (`http.body`) takes its place among them.
// Nothing here reads meaning out of the wire text; pure, so it is easy to test.
import type { CommandArgs } from '../../../protocols/shared/lineFacts.ts';
import { isKnownVerb } from '../../../protocols/smtp/commands.ts';
import { END_OF_DATA } from '../../../protocols/smtp/lineFacts.ts';
import { replyClass, type ReplyClass } from '../../../protocols/smtp/replies.ts';
import { shownLine } from '../../../sim/shownLine.ts';
import type { AppLine, EventOf, TraceEvent } from '../../../sim/trace.ts';
import { imapCommandKey, type ImapCommandKey, type ImapStatusKey } from '../../i18n/imapText.ts';
import { isHttpMethod, type HttpClass, type HttpMethodKey } from '../../i18n/httpText.ts';
import { isPop3Verb, type Pop3CommandKey } from '../../i18n/pop3Text.ts';
import type { CommandKey } from '../../i18n/protocolText.ts';
import { isReplyId, type ReplyId } from '../../i18n/replyText.ts';

/** ReadProtocol is a protocol whose lines this module reads. */
export type ReadProtocol = 'smtp' | 'pop3' | 'imap' | 'http';

/**
 * Tone is how a reply turned out, for colour: SMTP's reply classes (RFC 5321 §4.2.1), which POP3's `+OK`/`-ERR`
 * and IMAP's `OK`/`NO`/`BAD`/`+` map onto, and `info` for news and data that neither succeed nor fail.
 */
export type Tone = ReplyClass | 'info';

/** Status is what a reply line says about its outcome, by protocol. */
export type Status =
  | { readonly protocol: 'smtp'; readonly code: number; readonly replyClass: ReplyClass }
  | { readonly protocol: 'pop3'; readonly status: '+OK' | '-ERR' }
  | { readonly protocol: 'imap'; readonly status: ImapStatusKey; readonly tag: string | null }
  | { readonly protocol: 'http'; readonly code: number; readonly statusClass: HttpClass };

/** Command is a command line's explanation key, by protocol. */
export type Command =
  | { readonly protocol: 'smtp'; readonly command: CommandKey }
  | { readonly protocol: 'pop3'; readonly command: Pop3CommandKey }
  | { readonly protocol: 'imap'; readonly command: ImapCommandKey; readonly uid: boolean }
  | { readonly protocol: 'http'; readonly command: HttpMethodKey; readonly request: number | null };

/** LineRole is what one line is in its session. */
export type LineRole =
  | {
      readonly kind: 'reply';
      readonly status: Status;
      readonly tone: Tone;
      /** lead is the start of the wire line the facts name (`250`, `+OK`, `a001 OK`, `*`), or null. */
      readonly lead: string | null;
      /** reply is the catalogued reply the server wrote (`smtp.rcpt.ok`), or null for an id nobody explains. */
      readonly reply: ReplyId | null;
      /** answers is the verb of the command answered (`.` for the end of DATA), null for a greeting or notice. */
      readonly answers: string | null;
      /** first is true for the first line of a reply. */
      readonly first: boolean;
      /** last is false for all but the final line of a multi-line reply ("250-…", a POP3 listing before "."). */
      readonly last: boolean;
      /** extension is the EHLO keyword a continuation line of an EHLO reply lists ('PIPELINING'). */
      readonly extension: string | null;
      /** responseCode is the name of an IMAP status response's bracketed code (`UIDVALIDITY`), if any. */
      readonly responseCode: string | null;
    }
  | {
      readonly kind: 'command';
      readonly command: Command;
      readonly verb: string;
      readonly tag: string | null;
    }
  | { readonly kind: 'data'; readonly protocol: ReadProtocol }
  | { readonly kind: 'authResponse'; readonly protocol: ReadProtocol }
  /**
   * field is a line of an HTTP head after its first: a header field (`name`, null when it did not parse) or the
   * empty line that ends the head (`end`), on either side.
   */
  | { readonly kind: 'field'; readonly name: string | null; readonly end: boolean }
  /** body is an HTTP message body, from its `http.body` fact: its size, the octets it took, how many chunks. */
  | {
      readonly kind: 'body';
      readonly size: number;
      readonly wireOctets: number;
      readonly chunks: number | null;
      readonly request: number;
    }
  | { readonly kind: 'other' };

/** SessionLine is one `app.line` event with its role. */
export interface SessionLine {
  readonly seq: number;
  readonly t: number;
  readonly from: 'client' | 'server';
  /** line is the line as people see it (`shownLine`): control characters escaped and credentials masked. */
  readonly line: string;
  readonly role: LineRole;
}

function isRead(protocol: string): protocol is ReadProtocol {
  return protocol === 'smtp' || protocol === 'pop3' || protocol === 'imap' || protocol === 'http';
}

/** httpClass is a status code's class, its first digit (RFC 9110 §15); anything outside 1xx-5xx reads as 5. */
function httpClass(code: number): HttpClass {
  const digit = String(Math.floor(code / 100));
  return digit === '1' || digit === '2' || digit === '3' || digit === '4' ? digit : '5';
}

// HTTP's classes on SMTP's tones: success is positive, 1xx and redirections ask for more, a client's error is
// permanent (the same request fails again), a server's error transient (it may work later).
const HTTP_TONES: Readonly<Record<HttpClass, Tone>> = {
  '1': 'intermediate',
  '2': 'positive',
  '3': 'intermediate',
  '4': 'permanent',
  '5': 'transient',
};

/** smtpCommandKey names an SMTP command's explanation from its facts: the verb, and whether the server knows it. */
function smtpCommandKey(verb: string, args: CommandArgs | undefined): CommandKey {
  if (verb === END_OF_DATA) return 'endOfData';
  if (args?.['implemented'] === false) return 'notImplemented';
  if (args?.['known'] === false || !isKnownVerb(verb)) return 'unknown';
  return verb;
}

function commandOf(protocol: ReadProtocol, verb: string, args: CommandArgs | undefined): Command {
  switch (protocol) {
    case 'smtp':
      return { protocol, command: smtpCommandKey(verb, args) };
    case 'pop3':
      return { protocol, command: args?.['known'] !== false && isPop3Verb(verb) ? verb : 'unknown' };
    case 'imap':
      return { protocol, command: imapCommandKey(verb), uid: verb.startsWith('UID ') };
    case 'http': {
      const request = args?.['request'];
      return {
        protocol,
        command: isHttpMethod(verb) ? verb : 'unknown',
        request: typeof request === 'number' ? request : null,
      };
    }
  }
}

function clientRole(e: AppLine & { from: 'client' }, protocol: ReadProtocol): LineRole {
  if (e.content === 'data') return { kind: 'data', protocol };
  if (e.content === 'sasl') return { kind: 'authResponse', protocol };
  if (e.content === 'header') {
    const name = e.args?.['name'];
    return { kind: 'field', name: typeof name === 'string' ? name : null, end: e.args?.['end'] === true };
  }
  if (e.verb === undefined) return { kind: 'other' };
  return { kind: 'command', command: commandOf(protocol, e.verb, e.args), verb: e.verb, tag: e.tag ?? null };
}

const IMAP_STATUSES: ReadonlySet<string> = new Set(['OK', 'NO', 'BAD', 'BYE', 'PREAUTH', '+']);
const IMAP_TONES: Readonly<Record<ImapStatusKey, Tone>> = {
  OK: 'positive',
  PREAUTH: 'positive',
  NO: 'transient',
  BAD: 'permanent',
  BYE: 'info',
  '+': 'intermediate',
  data: 'info',
};

// The status a server line's facts give, with its tone and the wire text it begins with when the line does.
function statusOf(
  e: AppLine & { from: 'server' },
  protocol: ReadProtocol,
): { status: Status; tone: Tone; lead: string } | null {
  switch (protocol) {
    case 'smtp': {
      if (e.code === undefined) return null;
      const cls = replyClass(e.code);
      return { status: { protocol, code: e.code, replyClass: cls }, tone: cls, lead: String(e.code) };
    }
    case 'pop3': {
      if (e.status !== '+OK' && e.status !== '-ERR') return null;
      const tone = e.status === '+OK' ? 'positive' : 'permanent';
      return { status: { protocol, status: e.status }, tone, lead: e.status };
    }
    case 'http': {
      if (e.code === undefined) return null;
      const statusClass = httpClass(e.code);
      return {
        status: { protocol, code: e.code, statusClass },
        tone: HTTP_TONES[statusClass],
        lead: String(e.code),
      };
    }
    case 'imap': {
      if (e.status === undefined) return null;
      const status: ImapStatusKey = IMAP_STATUSES.has(e.status) ? (e.status as ImapStatusKey) : 'data';
      const tag = e.tag ?? null;
      const lead =
        status === '+'
          ? '+'
          : tag !== null
            ? `${tag} ${e.status}`
            : status === 'data'
              ? '*'
              : `* ${e.status}`;
      return { status: { protocol, status, tag }, tone: IMAP_TONES[status], lead };
    }
  }
}

function serverRole(e: AppLine & { from: 'server' }, protocol: ReadProtocol, first: boolean): LineRole {
  // An HTTP response head is one reply whose first line is the status line; the rest are fields and its end.
  if (protocol === 'http' && !first)
    return { kind: 'field', name: e.header ?? null, end: e.header === undefined };
  const found = statusOf(e, protocol);
  if (found === null) return { kind: 'other' };
  const reply = e.reply !== undefined && isReplyId(e.reply) ? e.reply : null;
  return {
    kind: 'reply',
    status: found.status,
    tone: found.tone,
    // Every SMTP reply line begins with its code (RFC 5321 §4.2); of a POP3 or IMAP response only the first line
    // begins with the status or tag (a listing's body lines do not), and the facts say which line is first.
    // An HTTP status line's code follows the version (RFC 9112 §4), so no lead is cut from its start.
    lead: protocol === 'http' ? null : first || protocol === 'smtp' ? found.lead : null,
    reply,
    answers: e.answers ?? null,
    first,
    last: e.more !== true,
    extension: e.extension ?? null,
    responseCode: e.responseCode ?? null,
  };
}

/**
 * readSessionLines gives each line of a connection its role, in trace order, from the facts on its `app.line`:
 * a client's verb, tag or content, a server's code or status, catalogue id, what it answers and whether more
 * lines follow; an HTTP body is a line of its own (`body`, with the empty text). Lines of a protocol other than
 * SMTP, POP3, IMAP and HTTP are `other`.
 */
export function readSessionLines(trace: readonly TraceEvent[], conn: string): SessionLine[] {
  const out: SessionLine[] = [];
  let replyOpen = false;
  for (const e of trace) {
    if (e.kind === 'http.body' && e.conn === conn) {
      const { size, wireOctets, chunks, request } = e;
      out.push({
        seq: e.seq,
        t: e.t,
        from: e.from,
        line: '',
        role: { kind: 'body', size, wireOctets, chunks, request },
      });
      continue;
    }
    if (e.kind !== 'app.line' || e.conn !== conn) continue;
    out.push({ seq: e.seq, t: e.t, from: e.from, line: shownLine(e), role: roleOf(e, replyOpen) });
    if (e.from === 'server') replyOpen = e.more === true;
  }
  return out;
}

function roleOf(e: EventOf<'app.line'>, replyOpen: boolean): LineRole {
  if (!isRead(e.protocol)) return { kind: 'other' };
  return e.from === 'client' ? clientRole(e, e.protocol) : serverRole(e, e.protocol, !replyOpen);
}
