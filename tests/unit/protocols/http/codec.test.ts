// The HTTP/1.1 codec: head lines parsed as RFC 9112 writes them, body framing decided from the head, and chunked
// bodies decoded however the octets are split.
import { describe, expect, it } from 'vitest';
import { encodeChunked } from '../../../../src/protocols/http/chunked.ts';
import { persistent, requestFraming, responseFraming } from '../../../../src/protocols/http/framing.ts';
import { HttpFramer, type FramedItem } from '../../../../src/protocols/http/messageFramer.ts';
import { parseFieldLine, parseRequestLine, parseStatusLine } from '../../../../src/protocols/http/syntax.ts';
import { httpTypedLines } from '../../../../src/protocols/http/typedLines.ts';
import { MASK, shownLine } from '../../../../src/sim/shownLine.ts';

// Reads `wire` fed in pieces cut at `cuts`, with the body framing decided after the head as the machines do.
function frame(
  wire: string,
  cuts: readonly number[],
  framing: Parameters<HttpFramer['expectBody']>[0],
): FramedItem[] {
  const framer = new HttpFramer(8192);
  const items: FramedItem[] = [];
  let from = 0;
  for (const to of [...cuts, wire.length]) {
    framer.push(wire.slice(from, to));
    from = to;
    for (let item = framer.next(); item !== null; item = framer.next()) {
      items.push(item);
      if (
        item.kind === 'line' &&
        item.line === '' &&
        items.filter((i) => i.kind === 'line' && i.line === '').length === 1
      )
        framer.expectBody(framing);
    }
  }
  return items;
}

function bodyOf(items: readonly FramedItem[]): string {
  return items.flatMap((item) => (item.kind === 'body' ? [item.octets] : [])).join('');
}

describe('the request line', () => {
  it('reads method, target and version', () => {
    expect(parseRequestLine('GET /inbox?page=2 HTTP/1.1')).toEqual({
      method: 'GET',
      target: '/inbox?page=2',
      version: 'HTTP/1.1',
    });
  });

  it.each([
    ['GET /'],
    ['GET  / HTTP/1.1'],
    ['GET / HTTP/1.1 extra'],
    ['G@T / HTTP/1.1'],
    ['GET / http/1.1'],
    [''],
  ])('refuses %j as malformed', (line) =>
    expect(parseRequestLine(line)).toMatchObject({ error: 'malformed' }),
  );

  it('tells a version it does not speak from a malformed line', () => {
    expect(parseRequestLine('GET / HTTP/2.0')).toMatchObject({ error: 'version', version: 'HTTP/2.0' });
  });
});

describe('field lines and status lines', () => {
  it('trims the value and keeps the name as sent', () => {
    expect(parseFieldLine('Content-Type:  text/html \t')).toEqual({
      name: 'Content-Type',
      value: 'text/html',
    });
  });

  it.each([
    ['Host server', 'noColon'],
    ['Host : server', 'spaceBeforeColon'],
    [' folded', 'obsFold'],
    ['Bad Name: x', 'badName'],
  ])('refuses %j (%s)', (line, error) => expect(parseFieldLine(line)).toEqual({ error }));

  it('reads a status line with or without a reason', () => {
    expect(parseStatusLine('HTTP/1.1 404 Not Found')).toEqual({
      version: 'HTTP/1.1',
      status: 404,
      reason: 'Not Found',
    });
    expect(parseStatusLine('HTTP/1.1 204')).toEqual({ version: 'HTTP/1.1', status: 204, reason: '' });
    expect(parseStatusLine('+OK hello')).toBeNull();
  });
});

describe('body framing and persistence', () => {
  it('decides a request body from Transfer-Encoding or Content-Length, and refuses what is ambiguous', () => {
    expect(requestFraming([['Content-Length', '5']])).toEqual({ kind: 'length', length: 5 });
    expect(requestFraming([['Transfer-Encoding', 'chunked']])).toEqual({ kind: 'chunked' });
    expect(requestFraming([])).toEqual({ kind: 'none' });
    expect(
      requestFraming([
        ['Content-Length', '5'],
        ['Content-Length', '6'],
      ]),
    ).toEqual({ error: 'badLength' });
    expect(
      requestFraming([
        ['Content-Length', '5'],
        ['Transfer-Encoding', 'chunked'],
      ]),
    ).toEqual({ error: 'conflicting' });
    expect(requestFraming([['Transfer-Encoding', 'gzip, chunked']])).toEqual({ error: 'unsupportedCoding' });
    expect(requestFraming([['Transfer-Encoding', 'chunked, gzip']])).toEqual({ error: 'chunkedNotLast' });
  });

  it('gives no body to HEAD, 204 and 304, and reads a response without length until the close', () => {
    expect(responseFraming('HEAD', 200, [['Content-Length', '9']])).toEqual({ kind: 'none' });
    expect(responseFraming('GET', 304, [])).toEqual({ kind: 'none' });
    expect(responseFraming('GET', 200, [])).toEqual({ kind: 'untilClose' });
  });

  it('keeps HTTP/1.1 open unless told to close, and HTTP/1.0 only when asked to keep alive', () => {
    expect(persistent('HTTP/1.1', [])).toBe(true);
    expect(persistent('HTTP/1.1', [['Connection', 'Close']])).toBe(false);
    expect(persistent('HTTP/1.0', [])).toBe(false);
    expect(persistent('HTTP/1.0', [['Connection', 'keep-alive']])).toBe(true);
  });
});

describe('chunked bodies', () => {
  const content = 'Hello, chunked world: 안녕'.repeat(3);
  const { wire: chunkedBody, chunks } = encodeChunked(content, 7);
  const message = `POST /send HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n${chunkedBody}GET / HTTP/1.1\r\n`;

  it('writes chunks of the given size, then the last-chunk and an empty trailer', () => {
    expect(encodeChunked('abcdefgh', 3)).toEqual({
      wire: '3\r\nabc\r\n3\r\ndef\r\n2\r\ngh\r\n0\r\n\r\n',
      chunks: 3,
    });
    expect(encodeChunked('', 3)).toEqual({ wire: '0\r\n\r\n', chunks: 0 });
  });

  it('decodes the same body whatever byte the octets are split at, and leaves the next request to the head', () => {
    for (let cut = 0; cut <= message.length; cut++) {
      const items = frame(message, [cut], { kind: 'chunked' });
      expect(bodyOf(items), `split at ${cut}`).toBe(content);
      expect(
        items.find((i) => i.kind === 'bodyEnd'),
        `split at ${cut}`,
      ).toEqual({
        kind: 'bodyEnd',
        wire: chunkedBody.length,
        chunks,
      });
      expect(items.at(-1), `split at ${cut}`).toEqual({ kind: 'line', line: 'GET / HTTP/1.1' });
    }
  });

  it('decodes it fed one octet at a time', () => {
    const cuts = Array.from({ length: message.length }, (_, i) => i);
    expect(bodyOf(frame(message, cuts, { kind: 'chunked' }))).toBe(content);
  });

  it('says a chunk size that is not hexadecimal breaks the coding', () => {
    const items = frame('POST / HTTP/1.1\r\n\r\nzz\r\nabc\r\n', [], { kind: 'chunked' });
    expect(items.at(-1)).toMatchObject({ kind: 'bodyInvalid' });
  });

  it('counts a Content-Length body split anywhere and stops at its length', () => {
    const wire = 'POST / HTTP/1.1\r\n\r\nhelloGET';
    for (let cut = 0; cut <= wire.length; cut++) {
      const items = frame(wire, [cut], { kind: 'length', length: 5 });
      expect(bodyOf(items)).toBe('hello');
      expect(items.some((i) => i.kind === 'bodyEnd')).toBe(true);
    }
  });

  it('reports a head line over the limit once and reads the next line after it', () => {
    const framer = new HttpFramer(16);
    framer.push(`GET /${'a'.repeat(40)}`);
    expect(framer.next()).toEqual({ kind: 'overlong' });
    framer.push(`${'a'.repeat(40)}\r\nHost: x\r\n`);
    expect(framer.next()).toEqual({ kind: 'line', line: 'Host: x' });
    expect(framer.buffered).toBe(0);
  });
});

describe('lines typed by hand and how they are shown', () => {
  it('reads a request line, fields, the empty line and a Content-Length body', () => {
    const reader = httpTypedLines();
    expect(reader.client('POST /login HTTP/1.1')).toEqual({
      verb: 'POST',
      args: { target: '/login', version: 'HTTP/1.1', request: 1 },
    });
    expect(reader.client('Content-Length: 9')).toEqual({
      content: 'header',
      args: { name: 'Content-Length' },
    });
    expect(reader.client('Cookie: session=abc')).toEqual({
      content: 'header',
      args: { name: 'Cookie', credential: true },
    });
    expect(reader.client('')).toEqual({ content: 'header', args: { end: true } });
    expect(reader.client('user=bob')).toEqual({ content: 'data' });
    expect(reader.client('GET / HTTP/1.1')).toMatchObject({ verb: 'GET', args: { request: 2 } });
    expect(reader.client('Host server')).toEqual({ content: 'header', args: { error: 'noColon' } });
  });

  it('shows a Cookie and a Set-Cookie by name only', () => {
    const base = { kind: 'app.line', conn: 'c1', host: 'bob-pc', protocol: 'http' } as const;
    expect(
      shownLine({
        ...base,
        from: 'client',
        line: 'Cookie: session=abc',
        content: 'header',
        args: { name: 'Cookie', credential: true },
      }),
    ).toBe(`Cookie: ${MASK}`);
    expect(
      shownLine({
        ...base,
        from: 'server',
        line: 'Set-Cookie: session=abc; HttpOnly',
        code: 303,
        reply: 'http.303',
        header: 'Set-Cookie',
        credential: true,
      }),
    ).toBe(`Set-Cookie: ${MASK}`);
  });
});
