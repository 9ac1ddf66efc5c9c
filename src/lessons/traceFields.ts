// The fields a lesson goal may match on each kind of trace event: the event's own fields plus a few derived
// ones that name what a student sees (an SMTP line's verb and reply code, which command a reply answers, a
// stored message's decoded subject). Derived SMTP fields need the lines before them, so they are worked out
// once per trace, in one pass.
import { parseDeliveryStatusNotification } from '../protocols/message/deliveryStatus.ts';
import { parseMessage, type ParsedMessage } from '../protocols/message/parseMessage.ts';
import type { EventOf, TraceEvent, TraceEventKind } from '../sim/trace.ts';

/** LINE_FIELDS are the derived fields of an `app.line`: `verb`, `code`, `replyTo` and `data`. */
export const LINE_FIELDS = ['verb', 'code', 'replyTo', 'data'] as const;

/** MESSAGE_FIELDS are the derived fields of an event that carries a whole message (`raw`). */
export const MESSAGE_FIELDS = ['subject', 'text', 'attachments', 'dsn'] as const;

type OwnField<K extends TraceEventKind> = Exclude<keyof EventOf<K>, 'kind'> & string;

/**
 * EVENT_FIELDS lists, for every kind of event, the names a goal may match. A nested field is written with a
 * dot (`to.port` of a `tcp.segment`, `input.type` of an `input`); only its first part is listed here. The
 * mapped type makes the compiler reject a name the event does not have.
 */
export const EVENT_FIELDS: { readonly [K in TraceEventKind]: readonly string[] } = {
  'tcp.segment': fields('tcp.segment', [
    'conn',
    'segment',
    'from',
    'to',
    'flags',
    'seqNo',
    'ackNo',
    'window',
    'bytes',
    'payload',
    'mss',
    'retransmission',
    'path',
  ]),
  'tcp.arrived': fields('tcp.arrived', ['conn', 'segment', 'host']),
  'tcp.dropped': fields('tcp.dropped', ['conn', 'segment', 'reason', 'at']),
  'tcp.state': fields('tcp.state', ['conn', 'host', 'port', 'from', 'to']),
  'tcp.error': fields('tcp.error', ['conn', 'host', 'error']),
  'udp.datagram': fields('udp.datagram', ['datagram', 'from', 'to', 'bytes', 'payload', 'path']),
  'udp.arrived': fields('udp.arrived', ['datagram', 'host']),
  'udp.dropped': fields('udp.dropped', ['datagram', 'reason', 'at']),
  'host.down': fields('host.down', ['host']),
  'host.up': fields('host.up', ['host']),
  'link.down': fields('link.down', ['link']),
  'link.up': fields('link.up', ['link']),
  'link.changed': fields('link.changed', ['link', 'latency', 'jitter', 'loss']),
  'sim.start': fields('sim.start', ['scenario', 'seed']),
  input: fields('input', ['index', 'input']),
  'app.line': [...fields('app.line', ['conn', 'host', 'protocol', 'from', 'line']), ...LINE_FIELDS],
  'conn.opened': fields('conn.opened', ['conn', 'client', 'server', 'port', 'protocol']),
  'session.state': fields('session.state', ['conn', 'host', 'machine', 'from', 'to']),
  'terminal.connected': fields('terminal.connected', ['host', 'conn', 'target', 'port', 'protocol']),
  'terminal.disconnected': fields('terminal.disconnected', ['host', 'conn', 'how']),
  'smtp.accepted': fields('smtp.accepted', [
    'host',
    'conn',
    'queueId',
    'from',
    'recipients',
    'messageId',
    'size',
  ]),
  'terminal.line': fields('terminal.line', ['host', 'conn', 'stream', 'text']),
  'dns.query': fields('dns.query', ['host', 'id', 'name', 'qtype', 'server']),
  'dns.answer': fields('dns.answer', ['host', 'id', 'name', 'qtype', 'rcode', 'records']),
  'dns.failed': fields('dns.failed', ['host', 'id', 'name', 'qtype', 'error']),
  'mailbox.stored': [
    ...fields('mailbox.stored', ['host', 'user', 'folder', 'uid', 'size', 'queueId', 'raw']),
    ...MESSAGE_FIELDS,
  ],
  'mailbox.flags': fields('mailbox.flags', ['host', 'user', 'folder', 'uid', 'flags']),
  'mailbox.expunged': fields('mailbox.expunged', ['host', 'user', 'folder', 'uid']),
  'queue.enqueued': [
    ...fields('queue.enqueued', ['host', 'queueId', 'messageId', 'from', 'recipients', 'size', 'raw']),
    ...MESSAGE_FIELDS,
  ],
  'queue.attempt': fields('queue.attempt', ['host', 'queueId', 'attempt', 'domain', 'recipients']),
  'queue.deferred': fields('queue.deferred', [
    'host',
    'queueId',
    'recipient',
    'attempt',
    'reason',
    'nextAttemptAt',
  ]),
  'queue.delivered': fields('queue.delivered', ['host', 'queueId', 'recipient', 'remote', 'reply']),
  'queue.warned': fields('queue.warned', ['host', 'queueId', 'recipients', 'notice']),
  'queue.bounced': fields('queue.bounced', ['host', 'queueId', 'recipient', 'status', 'reason', 'notice']),
  'queue.removed': fields('queue.removed', ['host', 'queueId']),
  'ua.submitted': fields('ua.submitted', ['host', 'messageId', 'server', 'direct', 'recipients', 'raw']),
  'ua.result': fields('ua.result', ['host', 'messageId', 'outcome', 'detail']),
};

function fields<K extends TraceEventKind>(_kind: K, names: readonly OwnField<K>[]): readonly string[] {
  return [...names, 't', 'seq'];
}

/** TRACE_EVENT_KINDS lists every kind of trace event, for validating goals. */
export const TRACE_EVENT_KINDS = Object.keys(EVENT_FIELDS) as TraceEventKind[];

/** LineInfo is what one SMTP line means in its conversation (see `lineInfo`). */
export interface LineInfo {
  /** verb is a command line's first word in capitals (`MAIL` for `MAIL FROM:<…>`), or `.` for the end of data. */
  readonly verb?: string;
  /** code is a reply line's three-digit code. */
  readonly code?: number;
  /** replyTo is the verb of the command a final reply answers; '' for the greeting. */
  readonly replyTo?: string;
  /** data is true for a line of message content, sent between the 354 reply and the lone `.`. */
  readonly data: boolean;
}

interface Conversation {
  readonly waiting: string[];
  inData: boolean;
}

interface Pass {
  readonly first: TraceEvent | undefined;
  readonly last: TraceEvent | undefined;
  readonly length: number;
  readonly conversations: Map<string, Conversation>;
}

const lineInfos = new WeakMap<TraceEvent, LineInfo>();
// One pass is kept: a growing trace, or successive slices of one trace, continue it instead of starting over.
let lastPass: Pass | undefined;

/**
 * annotateLines works out `LineInfo` for every SMTP line of a trace. Commands wait in a per-connection queue
 * until a final reply (a code and a space, RFC 5321 §4.2.1) answers the oldest, so pipelined commands pair
 * up with their replies. A 354 reply to DATA turns what the client sends next into message content until
 * the lone `.` line (RFC 5321 §4.1.1.4). Call it before `lineInfo`.
 */
export function annotateLines(trace: readonly TraceEvent[]): void {
  const continues =
    lastPass !== undefined &&
    lastPass.first === trace[0] &&
    trace.length >= lastPass.length &&
    trace[lastPass.length - 1] === lastPass.last;
  const conversations = continues && lastPass ? lastPass.conversations : new Map<string, Conversation>();
  for (let i = continues && lastPass ? lastPass.length : 0; i < trace.length; i++) {
    const event = trace[i] as TraceEvent;
    if (event.kind !== 'app.line' || event.protocol !== 'smtp') continue;
    let talk = conversations.get(event.conn);
    if (talk === undefined) {
      talk = { waiting: [], inData: false };
      conversations.set(event.conn, talk);
    }
    lineInfos.set(
      event,
      event.from === 'client' ? clientLine(talk, event.line) : serverLine(talk, event.line),
    );
  }
  lastPass = { first: trace[0], last: trace[trace.length - 1], length: trace.length, conversations };
}

function clientLine(talk: Conversation, line: string): LineInfo {
  if (talk.inData) {
    if (line !== '.') return { data: true };
    talk.inData = false;
    talk.waiting.push('.');
    return { verb: '.', data: false };
  }
  const verb = (line.trim().split(/[\s:]/)[0] ?? '').toUpperCase();
  talk.waiting.push(verb);
  return { verb, data: false };
}

function serverLine(talk: Conversation, line: string): LineInfo {
  const match = /^(\d{3})([ -]|$)/.exec(line);
  if (match === null) return { data: false };
  const code = Number(match[1]);
  if (match[2] === '-') return { code, data: false };
  const replyTo = talk.waiting.shift() ?? '';
  if (replyTo === 'DATA' && code === 354) talk.inData = true;
  return { code, replyTo, data: false };
}

/** lineInfo is what `annotateLines` found for an SMTP line (nothing for other events, or before annotating). */
export function lineInfo(event: TraceEvent): LineInfo | undefined {
  return lineInfos.get(event);
}

const parsedMessages = new WeakMap<TraceEvent, ParsedMessage>();

function parsed(event: TraceEvent & { raw: string }): ParsedMessage {
  let message = parsedMessages.get(event);
  if (message === undefined) {
    message = parseMessage(event.raw);
    parsedMessages.set(event, message);
  }
  return message;
}

/**
 * fieldValue reads a field of an event by name: its own (`host`), a nested one (`to.port`) or a derived one
 * (`verb`, `code`, `replyTo`, `data` of an SMTP line; `subject`, `text`, `attachments`, `dsn` of a message).
 * `dsn` is the action of a delivery status notification (`failed`, `delayed`) or `none`. Unknown names read
 * as undefined.
 */
export function fieldValue(event: TraceEvent, name: string): unknown {
  if (event.kind === 'app.line' && (LINE_FIELDS as readonly string[]).includes(name)) {
    const info = lineInfo(event);
    return info === undefined ? undefined : info[name as keyof LineInfo];
  }
  if ((event.kind === 'mailbox.stored' || event.kind === 'queue.enqueued') && isMessageField(name)) {
    if (name === 'dsn')
      return parseDeliveryStatusNotification(event.raw)?.recipients[0]?.action.toLowerCase() ?? 'none';
    const message = parsed(event);
    if (name === 'subject') return message.subject;
    if (name === 'text') return message.text ?? '';
    return message.attachments.length;
  }
  let value: unknown = event;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function isMessageField(name: string): name is (typeof MESSAGE_FIELDS)[number] {
  return (MESSAGE_FIELDS as readonly string[]).includes(name);
}
