// The webmail scenario's HTTP connection read from its facts: request lines are commands, status lines replies with
// their class, header fields and bodies have roles of their own, and an exchange gathers its heads, bodies and page.
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../../../src/sim/builtinScenarios.ts';
import { Session } from '../../../../../src/sim/session.ts';
import { MASK } from '../../../../../src/sim/shownLine.ts';
import type { EventOf, TraceEvent } from '../../../../../src/sim/trace.ts';
import { protocolText } from '../../../../../src/ui/i18n/protocolText.ts';
import { explainLine } from '../../../../../src/ui/lab/inspector/explainLine.ts';
import { httpExchangeAt } from '../../../../../src/ui/lab/inspector/httpExchange.ts';
import { readSessionLines } from '../../../../../src/ui/lab/inspector/sessionLines.ts';

function webmailTrace(): readonly TraceEvent[] {
  const world = builtinScenario('webmail');
  if (world === undefined) throw new Error('webmail is missing');
  const session = new Session(world);
  session.runUntilQuiet(300_000);
  return session.events;
}

const trace = webmailTrace();
const conn = (trace.find((e) => e.kind === 'conn.opened' && e.protocol === 'http') as EventOf<'conn.opened'>)
  .conn;
const lines = readSessionLines(trace, conn);

describe('an HTTP connection read from its facts', () => {
  it('reads a request line as the method with its request number, and a status line as a reply of its class', () => {
    const get = lines.find((l) => l.line === 'GET /inbox HTTP/1.1');
    expect(get?.role).toMatchObject({ kind: 'command', command: { protocol: 'http', command: 'GET' } });
    const ok = lines.find((l) => l.from === 'server' && l.role.kind === 'reply');
    expect(ok?.role).toMatchObject({
      kind: 'reply',
      tone: 'intermediate',
      reply: 'http.303',
      answers: 'GET',
    });
    const explained = ok === undefined ? null : explainLine(ok, protocolText.ko);
    expect(explained?.title).toBe(protocolText.ko.http.classes['3'].meaning);
    expect(explained?.meaning).toBe(protocolText.ko.replies['http.303'].meaning);
  });

  it('gives header fields, the head’s end and bodies roles of their own, a cookie masked', () => {
    const cookie = lines.find((l) => l.role.kind === 'field' && l.role.name === 'Cookie');
    expect(cookie?.line).toBe(`Cookie: ${MASK}`);
    expect(lines.some((l) => l.from === 'client' && l.role.kind === 'field' && l.role.end)).toBe(true);
    const body = lines.find((l) => l.from === 'server' && l.role.kind === 'body');
    expect(body?.role).toMatchObject({ kind: 'body', chunks: null });
    expect(body === undefined ? null : explainLine(body, protocolText.en)?.meaning).toBe(
      protocolText.en.http.body.meaning,
    );
    expect(lines.every((l) => l.role.kind !== 'other')).toBe(true);
  });

  it('gathers an exchange: request and response heads, the body size and the page with one response per object', () => {
    const get = lines.find((l) => l.line === 'GET /inbox HTTP/1.1');
    if (get === undefined) throw new Error('no GET /inbox');
    const view = httpExchangeAt(trace, conn, get.seq);
    expect(view?.requestHead[0]?.line).toBe('GET /inbox HTTP/1.1');
    expect(view?.requestHead.at(-1)?.role).toMatchObject({ kind: 'field', end: true });
    expect(view?.responseHead[0]?.line).toBe('HTTP/1.1 200 OK');
    expect(view?.requestBody).toBeNull();
    const exchange = view?.exchange;
    expect(view?.responseBody?.role).toMatchObject({ kind: 'body', size: exchange?.bodySize });
    expect(view?.page?.fetches.filter((f) => f.current)).toEqual([
      expect.objectContaining({ method: 'GET', target: '/inbox', status: 200 }),
    ]);
    expect(view?.page?.objects).toBe(view?.page?.fetches.length);
    // The login's POST has a body, masked nowhere here since only its size is shown.
    const post = lines.find((l) => l.line === 'POST /login HTTP/1.1');
    const login = post === undefined ? null : httpExchangeAt(trace, conn, post.seq);
    expect(login?.requestBody?.role).toMatchObject({ kind: 'body', size: 'user=bob&password=hungry'.length });
  });
});
