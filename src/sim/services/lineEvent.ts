// Builds the app.line event of a line a machine sent, whole: its facts and the stamp's slots inside the object.
// A spread of the facts would put every field after it, the slots too, in a property array of its own (issue 12).
import { UNSTAMPED } from '../../net/netEvents.ts';
import type { ConnId, HostId } from '../../net/types.ts';
import type { ClientLineFacts, LineFacts, ServerLineFacts } from '../../protocols/shared/lineFacts.ts';
import type { EmittedEvent, Protocol } from '../trace.ts';

// Any side's facts read as one record: each builder below reads only the keys its shape names.
type AnyFacts = Partial<ServerLineFacts> &
  Partial<Exclude<ClientLineFacts, { content: unknown }>> & {
    readonly content?: 'data' | 'sasl' | 'header';
  };

type Build = (conn: ConnId, host: HostId, protocol: Protocol, line: string, f: AnyFacts) => EmittedEvent;

// The shapes of nearly every line the built-in worlds and the classroom world send, keyed by their facts' keys in
// order: the event lists them in that same order, so its JSON is what a spread wrote.
const BUILDERS: ReadonlyMap<string, Build> = new Map(
  Object.entries({
    content: (conn, host, protocol, line, f) =>
      // prettier-ignore
      ({ kind: 'app.line', conn, host, protocol, line, from: 'client', content: f.content, t: 0, seq: UNSTAMPED }),
    verb: (conn, host, protocol, line, f) =>
      // prettier-ignore
      ({ kind: 'app.line', conn, host, protocol, line, from: 'client', verb: f.verb, t: 0, seq: UNSTAMPED }),
    'verb,args': (conn, host, protocol, line, f) =>
      // prettier-ignore
      ({ kind: 'app.line', conn, host, protocol, line, from: 'client', verb: f.verb, args: f.args, t: 0, seq: UNSTAMPED }),
    'verb,tag': (conn, host, protocol, line, f) =>
      // prettier-ignore
      ({ kind: 'app.line', conn, host, protocol, line, from: 'client', verb: f.verb, tag: f.tag, t: 0, seq: UNSTAMPED }),
    'verb,tag,args': (conn, host, protocol, line, f) =>
      // prettier-ignore
      ({ kind: 'app.line', conn, host, protocol, line, from: 'client', verb: f.verb, tag: f.tag, args: f.args, t: 0, seq: UNSTAMPED }),
    'code,reply': (conn, host, protocol, line, f) =>
      // prettier-ignore
      ({ kind: 'app.line', conn, host, protocol, line, from: 'server', code: f.code, reply: f.reply, t: 0, seq: UNSTAMPED }),
    'code,reply,answers': (conn, host, protocol, line, f) =>
      // prettier-ignore
      ({ kind: 'app.line', conn, host, protocol, line, from: 'server', code: f.code, reply: f.reply, answers: f.answers, t: 0, seq: UNSTAMPED }),
    'code,reply,answers,more': (conn, host, protocol, line, f) =>
      // prettier-ignore
      ({ kind: 'app.line', conn, host, protocol, line, from: 'server', code: f.code, reply: f.reply, answers: f.answers, more: f.more, t: 0, seq: UNSTAMPED }),
    'code,reply,answers,extension': (conn, host, protocol, line, f) =>
      // prettier-ignore
      ({ kind: 'app.line', conn, host, protocol, line, from: 'server', code: f.code, reply: f.reply, answers: f.answers, extension: f.extension, t: 0, seq: UNSTAMPED }),
    'code,reply,answers,more,extension': (conn, host, protocol, line, f) =>
      // prettier-ignore
      ({ kind: 'app.line', conn, host, protocol, line, from: 'server', code: f.code, reply: f.reply, answers: f.answers, more: f.more, extension: f.extension, t: 0, seq: UNSTAMPED }),
    'status,reply': (conn, host, protocol, line, f) =>
      // prettier-ignore
      ({ kind: 'app.line', conn, host, protocol, line, from: 'server', status: f.status, reply: f.reply, t: 0, seq: UNSTAMPED }),
    'status,reply,answers': (conn, host, protocol, line, f) =>
      // prettier-ignore
      ({ kind: 'app.line', conn, host, protocol, line, from: 'server', status: f.status, reply: f.reply, answers: f.answers, t: 0, seq: UNSTAMPED }),
    'status,reply,answers,more': (conn, host, protocol, line, f) =>
      // prettier-ignore
      ({ kind: 'app.line', conn, host, protocol, line, from: 'server', status: f.status, reply: f.reply, answers: f.answers, more: f.more, t: 0, seq: UNSTAMPED }),
    'status,reply,tag,answers': (conn, host, protocol, line, f) =>
      // prettier-ignore
      ({ kind: 'app.line', conn, host, protocol, line, from: 'server', status: f.status, reply: f.reply, tag: f.tag, answers: f.answers, t: 0, seq: UNSTAMPED }),
  } satisfies Record<string, Build>),
);

function shapeOf(facts: LineFacts): string {
  let shape = '';
  for (const key in facts) shape = shape === '' ? key : `${shape},${key}`;
  return shape;
}

/**
 * lineEvent is the app.line event of `line` sent on `conn` with its `facts`: a server's when they name a
 * catalogued reply, a client's otherwise. Facts of a shape not listed above are spread, with the same JSON.
 */
export function lineEvent(
  conn: ConnId,
  host: HostId,
  protocol: Protocol,
  line: string,
  facts: LineFacts,
): EmittedEvent {
  const build = BUILDERS.get(shapeOf(facts));
  if (build !== undefined) return build(conn, host, protocol, line, facts as AnyFacts);
  return 'reply' in facts
    ? { kind: 'app.line', conn, host, protocol, line, from: 'server', ...facts }
    : { kind: 'app.line', conn, host, protocol, line, from: 'client', ...facts };
}
