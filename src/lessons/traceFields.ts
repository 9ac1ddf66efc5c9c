// The fields a lesson goal may match on each kind of trace event: the event's own fields, as the one who knew
// them wrote them down (an SMTP line's verb, code, catalogue id and the command it answers come from the
// machine that sent it), plus a few read from a message's content (its decoded subject, text, attachments).
import { parseDeliveryStatusNotification } from '../protocols/message/deliveryStatus.ts';
import { parseMessage, type ParsedMessage } from '../protocols/message/parseMessage.ts';
import type { EventOf, TraceEvent, TraceEventKind } from '../sim/trace.ts';

/**
 * MESSAGE_FIELDS are read from the content of an event that carries a whole message (`raw`): what its codec
 * decodes, not what a protocol meant.
 */
export const MESSAGE_FIELDS = ['subject', 'text', 'attachments', 'dsn'] as const;

// The fields of every variant of a kind: an `app.line` from a client has `verb`, one from a server `code`.
type OwnField<K extends TraceEventKind> =
  EventOf<K> extends infer E ? (E extends unknown ? Exclude<keyof E, 'kind'> & string : never) : never;

/**
 * EVENT_FIELDS lists, for every kind of event, the names a goal may match. A nested field is written with a
 * dot (`to.port` of a `tcp.segment`, `args.to` of an `app.line`); only its first part is listed here. The
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
  input: fields('input', ['index', 'input', 'by']),
  'fault.ended': fields('fault.ended', ['index', 'fault']),
  'app.line': fields('app.line', [
    'conn',
    'host',
    'protocol',
    'from',
    'line',
    'verb',
    'args',
    'tag',
    'content',
    'code',
    'status',
    'reply',
    'answers',
    'more',
    'extension',
    'request',
    'header',
    'credential',
    'typed',
    'by',
  ]),
  'conn.opened': fields('conn.opened', ['conn', 'client', 'server', 'port', 'protocol']),
  'session.state': fields('session.state', ['conn', 'host', 'machine', 'from', 'to']),
  'http.body': fields('http.body', [
    'conn',
    'host',
    'from',
    'request',
    'content',
    'size',
    'wireOctets',
    'chunks',
    'credential',
  ]),
  'http.exchange': fields('http.exchange', [
    'conn',
    'host',
    'client',
    'request',
    'method',
    'target',
    'status',
    'reason',
    'reply',
    'requestOctets',
    'responseOctets',
    'bodySize',
    'contentType',
    'chunks',
    'connection',
  ]),
  'terminal.connected': fields('terminal.connected', ['host', 'conn', 'target', 'port', 'protocol', 'by']),
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
  'dns.answer': fields('dns.answer', ['host', 'id', 'name', 'qtype', 'rcode', 'records', 'cached']),
  'dns.failed': fields('dns.failed', ['host', 'id', 'name', 'qtype', 'error', 'cached']),
  'mailbox.stored': [
    ...fields('mailbox.stored', ['host', 'user', 'folder', 'uid', 'size', 'queueId', 'raw']),
    ...MESSAGE_FIELDS,
  ],
  'mailbox.flags': fields('mailbox.flags', ['host', 'user', 'folder', 'uid', 'flags']),
  'mailbox.expunged': fields('mailbox.expunged', ['host', 'user', 'folder', 'uid']),
  'mailbox.appended': [
    ...fields('mailbox.appended', ['host', 'user', 'folder', 'uid', 'size', 'flags', 'raw']),
    ...MESSAGE_FIELDS,
  ],
  'mailbox.copied': fields('mailbox.copied', ['host', 'user', 'folder', 'uid', 'to', 'toUid']),
  'mailbox.created': fields('mailbox.created', ['host', 'user', 'folder']),
  'mailbox.deleted': fields('mailbox.deleted', ['host', 'user', 'folder', 'noselect']),
  'mailbox.renamed': fields('mailbox.renamed', ['host', 'user', 'folder', 'to']),
  'queue.enqueued': [
    ...fields('queue.enqueued', ['host', 'queueId', 'messageId', 'from', 'recipients', 'size', 'raw']),
    ...MESSAGE_FIELDS,
  ],
  'queue.attempt': fields('queue.attempt', ['host', 'queueId', 'attempt', 'domain', 'recipients', 'reused']),
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
  'ua.submitted': fields('ua.submitted', [
    'host',
    'messageId',
    'server',
    'direct',
    'recipients',
    'raw',
    'bcc',
    'by',
  ]),
  'ua.result': fields('ua.result', ['host', 'messageId', 'outcome', 'detail']),
  'ua.fetched': fields('ua.fetched', [
    'host',
    'server',
    'protocol',
    'user',
    'uid',
    'messageId',
    'size',
    'raw',
  ]),
  'ua.fetchResult': fields('ua.fetchResult', [
    'host',
    'server',
    'protocol',
    'outcome',
    'count',
    'listed',
    'removed',
    'folder',
    'failure',
  ]),
  'ua.imap': fields('ua.imap', ['host', 'server', 'user', 'reading']),
  'webmail.session': fields('webmail.session', ['host', 'user', 'action']),
  'web.fetch': fields('web.fetch', [
    'host',
    'site',
    'conn',
    'request',
    'method',
    'target',
    'reused',
    'retry',
    'status',
    'reason',
    'size',
    'failure',
  ]),
  'web.page': fields('web.page', [
    'host',
    'site',
    'action',
    'target',
    'status',
    'title',
    'requests',
    'objects',
    'bytes',
    'connections',
    'outcome',
    'reason',
    'failure',
    'text',
    'links',
  ]),
};

function fields<K extends TraceEventKind>(_kind: K, names: readonly OwnField<K>[]): readonly string[] {
  return [...names, 't', 'seq'];
}

/** TRACE_EVENT_KINDS lists every kind of trace event, for validating goals. */
export const TRACE_EVENT_KINDS = Object.keys(EVENT_FIELDS) as TraceEventKind[];

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
 * fieldValue reads a field of an event by name: its own (`host`, `answers`), a nested one (`to.port`,
 * `args.to`) or one read from a message's content (`subject`, `text`, `attachments`, `dsn`). `dsn` is the
 * action of a delivery status notification (`failed`, `delayed`) or `none`. Unknown names, and facts an
 * event does not carry (the `answers` of a greeting), read as undefined.
 */
export function fieldValue(event: TraceEvent, name: string): unknown {
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
