// Reads the SMTP lines of one connection from the facts their senders wrote: which command each reply answers,
// which reply of the catalogue it is, and which lines are message text or credentials rather than commands.
// Nothing here reads meaning out of the wire text; pure, so it is easy to test.
import type { CommandArgs } from '../../../protocols/shared/lineFacts.ts';
import { isKnownVerb } from '../../../protocols/smtp/commands.ts';
import { END_OF_DATA } from '../../../protocols/smtp/lineFacts.ts';
import { replyClass, type ReplyClass } from '../../../protocols/smtp/replies.ts';
import { shownLine } from '../../../sim/shownLine.ts';
import type { AppLine, EventOf, TraceEvent } from '../../../sim/trace.ts';
import type { CommandKey } from '../../i18n/protocolText.ts';
import { isReplyId, type ReplyId } from '../../i18n/replyText.ts';

/** LineRole is what one line is in its session. */
export type LineRole =
  | {
      readonly kind: 'reply';
      readonly code: number;
      readonly replyClass: ReplyClass;
      /** reply is the catalogued reply the server wrote (`smtp.rcpt.ok`), or null for an id nobody explains. */
      readonly reply: ReplyId | null;
      /** answers is the verb of the command answered (`.` for the end of DATA), null for a greeting or notice. */
      readonly answers: string | null;
      /** first is true for the first line of a reply. */
      readonly first: boolean;
      /** last is false for all but the final line of a multi-line reply ("250-…"). */
      readonly last: boolean;
      /** extension is the EHLO keyword a continuation line of an EHLO reply lists ('PIPELINING'). */
      readonly extension: string | null;
    }
  | { readonly kind: 'command'; readonly command: CommandKey; readonly verb: string }
  | { readonly kind: 'data' }
  | { readonly kind: 'authResponse' }
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

/** commandKey names a command's explanation from its facts: the verb, and whether the server knows or does it. */
function commandKey(verb: string, args: CommandArgs | undefined): CommandKey {
  if (verb === END_OF_DATA) return 'endOfData';
  if (args?.['implemented'] === false) return 'notImplemented';
  if (args?.['known'] === false || !isKnownVerb(verb)) return 'unknown';
  return verb;
}

function clientRole(e: AppLine & { from: 'client' }): LineRole {
  if (e.content === 'data') return { kind: 'data' };
  if (e.content === 'sasl') return { kind: 'authResponse' };
  if (e.verb === undefined) return { kind: 'other' };
  return { kind: 'command', command: commandKey(e.verb, e.args), verb: e.verb };
}

function serverRole(e: AppLine & { from: 'server' }, first: boolean): LineRole {
  if (e.code === undefined) return { kind: 'other' };
  const reply = e.reply !== undefined && isReplyId(e.reply) ? e.reply : null;
  return {
    kind: 'reply',
    code: e.code,
    replyClass: replyClass(e.code),
    reply,
    answers: e.answers ?? null,
    first,
    last: e.more !== true,
    extension: e.extension ?? null,
  };
}

/**
 * readSessionLines gives each line of a connection its role, in trace order, from the facts on its `app.line`:
 * a client's verb or content, a server's code, catalogue id, what it answers and whether more lines follow.
 * Lines of a protocol other than SMTP are `other`.
 */
export function readSessionLines(trace: readonly TraceEvent[], conn: string): SessionLine[] {
  const out: SessionLine[] = [];
  let replyOpen = false;
  for (const e of trace) {
    if (e.kind !== 'app.line' || e.conn !== conn) continue;
    out.push({ seq: e.seq, t: e.t, from: e.from, line: shownLine(e), role: roleOf(e, replyOpen) });
    if (e.from === 'server') replyOpen = e.more === true;
  }
  return out;
}

function roleOf(e: EventOf<'app.line'>, replyOpen: boolean): LineRole {
  if (e.protocol !== 'smtp') return { kind: 'other' };
  return e.from === 'client' ? clientRole(e) : serverRole(e, !replyOpen);
}
