// Reads the SMTP lines of one connection the way a student does: which command each reply answers, which reply
// of the catalogue it is, and which lines are message text rather than commands. Pure, so it is easy to test.
import { parseCommand } from '../../../protocols/smtp/commands.ts';
import { REPLIES, replyClass, type ReplyClass, type ReplyKey } from '../../../protocols/smtp/replies.ts';
import type { EventOf, TraceEvent } from '../../../sim/trace.ts';
import type { CommandKey } from '../../i18n/protocolText.ts';

/** LineRole is what one line is in its session. */
export type LineRole =
  | {
      readonly kind: 'reply';
      readonly code: number;
      readonly replyClass: ReplyClass;
      /** key is the catalogued reply this is, or null for one outside the catalogue (a teacher's fault). */
      readonly key: ReplyKey | null;
      /** last is false for all but the final line of a multi-line reply ("250-…"). */
      readonly last: boolean;
      /** first is true for the first line of a reply. */
      readonly first: boolean;
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
  readonly line: string;
  readonly role: LineRole;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Each catalogued reply's wordings as patterns, `{host}` and the like matching anything.
const PATTERNS: readonly { key: ReplyKey; code: number; patterns: RegExp[] }[] = (
  Object.keys(REPLIES) as ReplyKey[]
).map((key) => {
  const definition = REPLIES[key];
  const wordings: string[] = [definition.textbook, definition.modern];
  if (definition.enhanced !== null) wordings.push(`${definition.enhanced} ${definition.modern}`);
  return {
    key,
    code: definition.code,
    patterns: wordings.map((w) => new RegExp(`^${escape(w).replace(/\\\{\w+\\\}/g, '.*?')}$`)),
  };
});

// The replies each command normally gets, to choose between catalogue entries worded alike ("250 Ok").
const EXPECTED: Readonly<Partial<Record<CommandKey | 'greeting', readonly ReplyKey[]>>> = {
  greeting: ['greeting', 'service.unavailable', 'service.closing'],
  HELO: ['helo.ok'],
  EHLO: ['ehlo.ok'],
  MAIL: ['mail.ok'],
  RCPT: ['rcpt.ok'],
  DATA: ['data.start'],
  endOfData: ['data.accepted'],
  RSET: ['rset.ok'],
  NOOP: ['noop.ok'],
  QUIT: ['quit'],
  VRFY: ['vrfy.cannotVerify'],
  HELP: ['help'],
  AUTH: ['auth.challenge', 'auth.ok'],
};

/**
 * replyKeyFor finds the catalogued reply a reply line's code and text are, preferring the replies the command it
 * answers normally gets; null when nothing in the catalogue is worded so.
 */
export function replyKeyFor(
  code: number,
  text: string,
  answering: CommandKey | 'greeting' | null,
): ReplyKey | null {
  const matches = PATTERNS.filter((p) => p.code === code && p.patterns.some((re) => re.test(text))).map(
    (p) => p.key,
  );
  const expected = answering === null ? [] : (EXPECTED[answering] ?? []);
  return matches.find((key) => expected.includes(key)) ?? matches[0] ?? null;
}

function commandKey(line: string): { command: CommandKey; verb: string } {
  const parsed = parseCommand(line);
  if ('error' in parsed) return { command: parsed.verb, verb: parsed.verb };
  if (parsed.verb === 'notImplemented' || parsed.verb === 'unknown')
    return { command: parsed.verb, verb: parsed.name.toUpperCase() };
  return { command: parsed.verb, verb: parsed.verb };
}

/**
 * readSessionLines gives each SMTP line of a connection its role, in trace order. Replies are paired with commands
 * first in, first out, as PIPELINING allows (RFC 2920 §3); lines after a 354 are message text up to ".".
 */
export function readSessionLines(trace: readonly TraceEvent[], conn: string): SessionLine[] {
  const out: SessionLine[] = [];
  const waiting: CommandKey[] = [];
  let greeted = false;
  let inData = false;
  let inAuth = false;
  let current: { key: ReplyKey | null; answering: CommandKey | 'greeting' | null } | null = null;
  const lines = trace.filter((e): e is EventOf<'app.line'> => e.kind === 'app.line' && e.conn === conn);
  for (const e of lines) {
    const base = { seq: e.seq, t: e.t, from: e.from, line: e.line };
    if (e.protocol !== 'smtp') {
      out.push({ ...base, role: { kind: 'other' } });
      continue;
    }
    if (e.from === 'client') {
      if (inData) {
        if (e.line === '.') {
          inData = false;
          waiting.push('endOfData');
          out.push({ ...base, role: { kind: 'command', command: 'endOfData', verb: '.' } });
        } else out.push({ ...base, role: { kind: 'data' } });
        continue;
      }
      if (inAuth) {
        inAuth = false;
        waiting.push('AUTH');
        out.push({ ...base, role: { kind: 'authResponse' } });
        continue;
      }
      const { command, verb } = commandKey(e.line);
      waiting.push(command);
      out.push({ ...base, role: { kind: 'command', command, verb } });
      continue;
    }
    const match = /^(\d{3})([ -]?)(.*)$/.exec(e.line);
    if (match === null) {
      out.push({ ...base, role: { kind: 'other' } });
      continue;
    }
    const code = Number(match[1]);
    const last = match[2] !== '-';
    const text = match[3] ?? '';
    const first = current === null;
    if (current === null) {
      const answering = greeted ? (waiting.shift() ?? null) : 'greeting';
      greeted = true;
      current = { key: replyKeyFor(code, text, answering), answering };
    }
    const extension =
      !first && current.answering === 'EHLO' ? (text.split(' ')[0] ?? '').toUpperCase() || null : null;
    out.push({
      ...base,
      role: { kind: 'reply', code, replyClass: replyClass(code), key: current.key, last, first, extension },
    });
    if (last) {
      if (code === 354) inData = true;
      if (code === 334) inAuth = true;
      current = null;
    }
  }
  return out;
}
