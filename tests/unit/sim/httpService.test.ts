// The HTTP server machine behind serveHttp, driven by a raw client over simulated TCP: what crosses the wire,
// what the trace says about it, and which status each kind of bad request gets.
import { describe, expect, it } from 'vitest';
import { isKind } from '../../../src/sim/trace.ts';
import { webHarness } from './httpHarness.ts';

const GET = 'GET / HTTP/1.1\r\nHost: server\r\n\r\n';

describe('an HTTP server on port 80', () => {
  it('answers a GET with status line, Date, the application fields, Content-Length and the body', () => {
    const web = webHarness();
    const client = web.connect();
    client.socket.write(GET);
    web.run(1000);
    expect(client.received).toBe(
      'HTTP/1.1 200 OK\r\nDate: Mon, 05 Jan 2026 09:00:00 GMT\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<p>\xec\x95\x88\xeb\x85\x95</p>',
    );
  });

  it('records each head line with its facts and the exchange as one event', () => {
    const web = webHarness();
    web.connect().socket.write(GET);
    web.run(1000);
    const server = web.lines('server');
    expect(server[0]).toMatchObject({
      line: 'HTTP/1.1 200 OK',
      code: 200,
      reply: 'http.200',
      answers: 'GET',
      request: 1,
      more: true,
    });
    expect(server[2]).toMatchObject({ header: 'Content-Type', more: true });
    expect(server.at(-1)).toMatchObject({ line: '', code: 200, request: 1 });
    expect(server.at(-1)?.more).toBeUndefined();
    expect(web.kernel.trace.slice().filter(isKind('http.body'))).toMatchObject([
      { from: 'server', request: 1, size: 13, chunks: null },
    ]);
    expect(web.exchanges()).toMatchObject([
      {
        client: 'client',
        request: 1,
        method: 'GET',
        target: '/',
        status: 200,
        reply: 'http.200',
        bodySize: 13,
        connection: 'keep-alive',
      },
    ]);
  });

  it('keeps the connection open for a second request, then closes it when idle for the keep-alive time', () => {
    const web = webHarness();
    const client = web.connect();
    client.socket.write(GET);
    web.run(1000);
    client.socket.write(GET);
    web.run(1000);
    expect(web.exchanges().map((e) => [e.conn, e.request])).toEqual([
      ['c1', 1],
      ['c1', 2],
    ]);
    expect(client.events).not.toContain('end');
    web.run(5000);
    expect(client.events).toContain('end');
  });

  it('answers pipelined requests in order', () => {
    const web = webHarness();
    const client = web.connect();
    client.socket.write(GET + 'GET /nothing HTTP/1.1\r\nHost: server\r\n\r\n' + GET);
    web.run(1000);
    expect(web.exchanges().map((e) => e.status)).toEqual([200, 404, 200]);
  });

  it('closes after a request that asks Connection: close, and says so', () => {
    const web = webHarness();
    const client = web.connect();
    client.socket.write('GET / HTTP/1.1\r\nHost: server\r\nConnection: close\r\n\r\n');
    web.run(1000);
    expect(client.received).toContain('Connection: close\r\n');
    expect(client.events).toContain('end');
    expect(web.exchanges()[0]?.connection).toBe('close');
  });

  it('reads a Content-Length body and a chunked one alike', () => {
    const web = webHarness();
    const client = web.connect();
    client.socket.write('POST /echo HTTP/1.1\r\nHost: server\r\nContent-Length: 5\r\n\r\nhello');
    client.socket.write(
      'POST /echo HTTP/1.1\r\nHost: server\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhel\r\n2\r\nlo\r\n0\r\n\r\n',
    );
    web.run(1000);
    expect(web.exchanges().map((e) => [e.status, e.bodySize])).toEqual([
      [200, 5],
      [200, 5],
    ]);
  });

  it.each([
    ['a request line without a version', 'GET /\r\n\r\n', 400],
    ['a header line without a colon', 'GET / HTTP/1.1\r\nHost server\r\n\r\n', 400],
    ['whitespace before a header colon', 'GET / HTTP/1.1\r\nHost : server\r\n\r\n', 400],
    ['an HTTP/1.1 request without Host', 'GET / HTTP/1.1\r\n\r\n', 400],
    ['a path with nothing there', 'GET /nowhere HTTP/1.1\r\nHost: server\r\n\r\n', 404],
    [
      'a POST to a page that only takes GET',
      'POST / HTTP/1.1\r\nHost: server\r\nContent-Length: 0\r\n\r\n',
      405,
    ],
    ['a POST without Content-Length', 'POST /echo HTTP/1.1\r\nHost: server\r\n\r\n', 411],
    [
      'a body larger than the server takes',
      'POST /echo HTTP/1.1\r\nHost: server\r\nContent-Length: 99999999\r\n\r\n',
      413,
    ],
    ['a request line that is too long', `GET /${'a'.repeat(9000)} HTTP/1.1\r\n\r\n`, 414],
    [
      'a header line that is too long',
      `GET / HTTP/1.1\r\nHost: server\r\nX: ${'a'.repeat(9000)}\r\n\r\n`,
      431,
    ],
    ['an unknown method', 'BREW / HTTP/1.1\r\nHost: server\r\n\r\n', 501],
    ['HTTP/2.0 on the wire', 'GET / HTTP/2.0\r\nHost: server\r\n\r\n', 505],
  ])('answers %s with %i', (_, request, status) => {
    const web = webHarness();
    const client = web.connect();
    client.socket.write(request);
    web.run(1000);
    expect(client.received.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
    expect(web.exchanges().map((e) => e.status)).toEqual([status]);
  });

  it('says which methods a path takes when it refuses one (405 with Allow)', () => {
    const web = webHarness();
    const client = web.connect();
    client.socket.write('DELETE / HTTP/1.1\r\nHost: server\r\n\r\n');
    web.run(1000);
    expect(client.received).toContain('Allow: GET, HEAD\r\n');
  });

  it('answers 408 and closes when a request stops coming halfway, on the virtual clock', () => {
    const web = webHarness();
    const client = web.connect();
    client.socket.write('POST /echo HTTP/1.1\r\nHost: server\r\nContent-Length: 10\r\n\r\nhalf');
    web.run(59_000);
    expect(client.received).toBe('');
    web.run(2_000);
    expect(client.received.startsWith('HTTP/1.1 408 Request Timeout')).toBe(true);
    expect(client.events).toContain('end');
  });

  it('answers a teacher-forced 503 with Retry-After, and normally again once cleared', () => {
    const web = webHarness();
    web.ctx.httpFaults?.add({ status: 503, every: 1 });
    const client = web.connect();
    client.socket.write(GET);
    web.run(1000);
    expect(client.received).toContain('HTTP/1.1 503 Service Unavailable\r\n');
    expect(client.received).toContain('Retry-After: 120\r\n');
    web.ctx.httpFaults?.clear();
    client.socket.write(GET);
    web.run(1000);
    expect(web.exchanges().map((e) => e.status)).toEqual([503, 200]);
  });

  it('waits for an application that answers later, and reads nothing more meanwhile', () => {
    let later: (() => void) | null = null;
    const web = webHarness({
      respond: (_request, reply) => {
        later = () => reply({ status: 200, reason: 'OK', headers: [], body: 'late' });
      },
    });
    const client = web.connect();
    client.socket.write(GET + GET);
    web.run(1000);
    expect(web.exchanges()).toHaveLength(0);
    (later as (() => void) | null)?.();
    web.run(1000);
    expect(web.exchanges()).toHaveLength(1);
    (later as (() => void) | null)?.();
    web.run(1000);
    expect(web.exchanges()).toHaveLength(2);
  });
});
