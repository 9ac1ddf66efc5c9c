// HTTP as the fuzzer drives it: a whole request at a time (request line, fields, the empty line, maybe a body framed
// by Content-Length or chunked, sometimes wrongly), a fifth of them mutated octet by octet, sent to the webmail
// host's port 80. Every response head must be a well-formed status line and fields (RFC 9112 §4, §5).
import type { Rng } from '../../../src/sim/rng.ts';
import { HTTP_TIMERS } from '../../../src/protocols/http/limits.ts';
import { parseFieldLine, parseStatusLine } from '../../../src/protocols/http/syntax.ts';
import { anyLine, pick, randomOctets, word } from './fuzzLines.ts';
import type { FuzzTarget } from './fuzzTargets.ts';

// Mostly what a browser sends: a request the server refuses closes the connection (RFC 9112 §9.6), and what
// follows it on the connection is never read.
const METHODS = ['GET', 'GET', 'GET', 'POST', 'POST'];
const ODD_METHODS = ['PUT', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'get', 'G@T'];
const TARGETS = [
  '/',
  '/login',
  '/inbox',
  '/inbox?folder=Trash',
  '/inbox?folder=%ZZ',
  '/message/1',
  '/message/0',
  '/message/99999999999',
  '/message/1?folder=Sent',
  '/compose',
  '/compose?reply=1',
  '/compose?reply=x',
  '/send',
  '/logout',
  '/folders',
  '/style.css',
  '*',
  'http://webmail.hamburger.edu/inbox',
  '/%00',
  '/../etc/passwd',
];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0'];
const ODD_VERSIONS = ['HTTP/2.0', 'HTTP/1.2', 'http/1.1', 'HTTP/1', ''];
const FIELDS: readonly (readonly [string, readonly string[]])[] = [
  ['Cookie', ['session=00000000000000000000000000000000', 'session=', 'a=b; session=x', '']],
  ['Connection', ['close', 'keep-alive', 'Upgrade, close', 'bogus']],
  ['Content-Type', ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']],
  ['Expect', ['100-continue']],
  ['Accept', ['*/*', 'text/html']],
  ['User-Agent', ['fuzzer/1.0', '\xff\xfe']],
];
const FORMS = [
  'user=bob&password=hungry',
  'user=bob&password=wrong',
  'user=&password=',
  'to=alice%40crepes.fr&subject=Hi&body=Hello',
  'to=nobody&subject=%ZZ',
  'to=alice%40crepes.fr&in-reply-to=%3Cx%40y%3E&body=Re',
  '%',
  '',
];

// A body framed as the head will say: correctly, shorter or longer than its Content-Length, or in chunks (some
// broken: a size that is not hex, a missing CRLF, extensions, a trailer).
function framedBody(rng: Rng, fields: string[], body: string): string {
  const roll = rng.float();
  if (roll < 0.55) {
    fields.push(`Content-Length: ${body.length}`);
    return body;
  }
  if (roll < 0.7) {
    const said = Math.max(0, body.length + rng.int(-5, 5));
    fields.push(
      `Content-Length: ${pick(rng, [String(said), `${said}, ${said + 1}`, '-1', 'abc', '99999999999'])}`,
    );
    return body;
  }
  if (roll < 0.75) {
    // Both framings at once, which RFC 9112 §6.3 says a server may refuse as smuggling.
    fields.push(`Content-Length: ${body.length}`, 'Transfer-Encoding: chunked');
  } else
    fields.push(
      `Transfer-Encoding: ${pick(rng, ['chunked', 'chunked', 'chunked', 'gzip, chunked', 'chunked, gzip', 'identity'])}`,
    );
  let out = '';
  for (let at = 0; at < body.length;) {
    const size = rng.int(1, Math.max(1, body.length - at));
    const piece = body.slice(at, at + size);
    const ext = rng.chance(0.1) ? ';name=value' : '';
    const head = rng.chance(0.05) ? pick(rng, ['zz', '-1', '', 'ffffffffffffffff']) : size.toString(16);
    out += `${head}${ext}\r\n${piece}${rng.chance(0.05) ? '' : '\r\n'}`;
    at += size;
  }
  return `${out}0\r\n${rng.chance(0.1) ? 'Trailer-Field: x\r\n' : ''}\r\n`;
}

// One request from the grammar: a request line, fields in any order, and a body for about half of them.
function request(rng: Rng): string {
  const method = pick(rng, rng.chance(0.93) ? METHODS : ODD_METHODS);
  // A target past the 8 KiB request line limit is 414 (RFC 9112 §3).
  const target = rng.chance(0.01)
    ? `/${'a'.repeat(9000)}`
    : rng.chance(0.97)
      ? pick(rng, TARGETS)
      : word(rng, TARGETS);
  const version = pick(rng, rng.chance(0.97) ? VERSIONS : ODD_VERSIONS);
  const separator = rng.chance(0.99) ? ' ' : pick(rng, ['  ', '\t', '']);
  const fields: string[] = [];
  // RFC 9112 §3.2: exactly one Host; none, two, or a list are each a 400.
  const hosts = rng.chance(0.97) ? 1 : rng.int(0, 2);
  for (let i = 0; i < hosts; i++) fields.push(`Host: ${rng.chance(0.99) ? 'webmail.hamburger.edu' : 'a, b'}`);
  for (let i = rng.int(0, 4); i > 0; i--) {
    const [name, values] = pick(rng, FIELDS);
    const value = rng.chance(0.95) ? pick(rng, values) : word(rng, values);
    const colon = rng.chance(0.98) ? ': ' : pick(rng, [' : ', '', ':']);
    fields.push(`${name}${colon}${value}`);
  }
  if (rng.chance(0.01)) fields.push(' folded continuation');
  // A field past the 8 KiB line limit: 431 (RFC 6585 §5).
  if (rng.chance(0.01)) fields.push(`X-Long: ${'x'.repeat(8200)}`);
  const body = method === 'POST' || rng.chance(0.1) ? pick(rng, FORMS) : null;
  const content =
    body === null ? '' : framedBody(rng, fields, rng.chance(0.1) ? randomOctets(rng, rng.int(0, 200)) : body);
  // The runner ends each request with CRLF: here the head's own empty line, after a body an empty line before the
  // next request, which a server ignores (RFC 9112 §2.2).
  const head = `${method}${separator}${target}${separator}${version}\r\n${fields.map((f) => `${f}\r\n`).join('')}`;
  return body === null ? head : `${head}\r\n${content}`;
}

// A request changed as a broken client or a hostile one would: an octet replaced, octets inserted or cut, CRLF
// turned into a bare LF or CR.
function mutated(rng: Rng, text: string): string {
  const at = rng.int(0, text.length);
  switch (rng.int(0, 4)) {
    case 0:
      return `${text.slice(0, at)}${randomOctets(rng, 1)}${text.slice(at + 1)}`;
    case 1:
      return `${text.slice(0, at)}${randomOctets(rng, rng.int(1, 20))}${text.slice(at)}`;
    case 2:
      return `${text.slice(0, at)}${text.slice(at + rng.int(1, 20))}`;
    case 3:
      return text.replace('\r\n', pick(rng, ['\n', '\r', '\r\r\n']));
    default:
      return `${text.slice(0, at)}${text.slice(at, at + rng.int(1, 40)).repeat(rng.int(2, 5))}${text.slice(at)}`;
  }
}

// Printable ASCII and HTAB, as a field value and a reason phrase may hold (obs-text is never sent by this server).
const VISIBLE = /^[\t\x20-\x7e]*$/;

/** HTTP is the webmail host's HTTP server machine under requests from the grammar, mutated ones and noise. */
export const HTTP: FuzzTarget = {
  protocol: 'http',
  port: 80,
  scenario: 'webmail',
  line(rng) {
    const roll = rng.float();
    if (roll < 0.88) return request(rng);
    if (roll < 0.97) return mutated(rng, request(rng));
    return anyLine(rng, 8192);
  },
  // A head left open is ended; a body left unfinished eats the probe, and the request timer closes the connection.
  recovery: '\r\n',
  // HEAD is kept out of the grammar, so an answer to HEAD is the probe's.
  probe: 'HEAD /style.css HTTP/1.1\r\nHost: webmail.hamburger.edu\r\n',
  answersProbe: (line) => line.answers === 'HEAD' && line.more !== true && line.code === 200,
  maxSessionLines: 8,
  idleCloseMs: HTTP_TIMERS.request + 1_000,
  replyProblem(reply) {
    const [status, ...fields] = reply;
    if (!status) return 'an empty response';
    const parsed = parseStatusLine(status.line);
    if (parsed === null || parsed.version !== 'HTTP/1.1' || !VISIBLE.test(parsed.reason))
      return `not an HTTP/1.1 status line: ${JSON.stringify(status.line)}`;
    if (parsed.status < 100 || parsed.status > 599) return `a status out of range: ${parsed.status}`;
    const end = fields.pop();
    if (end?.line !== '') return `a head not ended by an empty line: ${JSON.stringify(end?.line)}`;
    const names: string[] = [];
    for (const field of fields) {
      const read = parseFieldLine(field.line);
      if ('error' in read)
        return `a field line that does not parse (${read.error}): ${JSON.stringify(field.line)}`;
      if (!VISIBLE.test(read.value))
        return `a field value with control octets: ${JSON.stringify(field.line)}`;
      names.push(read.name.toLowerCase());
    }
    for (const line of reply)
      if (line.code !== parsed.status) return `the facts say ${line.code}, the status line ${parsed.status}`;
    // RFC 9112 §6.3: without a length or chunks a body runs to the close, which a persistent connection cannot do.
    const bodiless = parsed.status < 200 || parsed.status === 204 || parsed.status === 304;
    if (!bodiless && !names.includes('content-length') && !names.includes('transfer-encoding'))
      return `a ${parsed.status} response with neither Content-Length nor Transfer-Encoding`;
    if (!names.includes('date') && parsed.status >= 200 && parsed.status < 500)
      return `a ${parsed.status} response without Date (RFC 9110 §6.6.1)`;
    return null;
  },
};
