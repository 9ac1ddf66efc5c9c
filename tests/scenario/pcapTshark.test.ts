// Wireshark's own reader, tshark, opens the lab's captures: it must decode, connection by connection, the SMTP
// commands, HTTP requests, POP3 commands and IMAP tags the trace records, with no malformed packet, no bad checksum
// and no other warning. `npm test` installs tshark from Debian (scripts/ensure.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/sim/builtinScenarios.ts';
import { Session } from '../../src/sim/session.ts';
import type { TraceEvent } from '../../src/sim/trace.ts';
import { tracePcap } from '../../src/sim/tracePcap.ts';

const dir = mkdtempSync(join(tmpdir(), 'mail-lab-pcap-'));

// One row per packet; several values of one field in a packet (pipelined commands) are joined by ';'.
const FIELDS = [
  'tcp.stream',
  'frame.time_epoch',
  'frame.protocols',
  '_ws.expert.severity',
  'ip.checksum.status',
  'tcp.checksum.status',
  'udp.checksum.status',
  'smtp.req.command',
  'http.request.method',
  'http.request.uri',
  'pop.request.command',
  'imap.request_tag',
  'dns.qry.name',
] as const;
type Row = Record<(typeof FIELDS)[number], string>;

// Expert severities as tshark prints them (epan/proto.h): a warning is 0x600000, an error 0x800000.
const WARNING = 0x600000;

function tshark(file: string): Row[] {
  const result = spawnSync(
    'tshark',
    [
      '-r',
      file,
      '-n',
      '-o',
      'ip.check_checksum:TRUE',
      '-o',
      'tcp.check_checksum:TRUE',
      '-o',
      'udp.check_checksum:TRUE',
      // Decode AUTH PLAIN's base64 as Wireshark users do; left off, tshark warns that it did not.
      '-o',
      'smtp.decryption:TRUE',
      '-T',
      'fields',
      '-E',
      'separator=/t',
      '-E',
      'aggregator=;',
      '-E',
      'occurrence=a',
      ...FIELDS.flatMap((f) => ['-e', f]),
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error) throw new Error(`tshark did not run (npm test installs it): ${result.error.message}`);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const values = line.split('\t');
      return Object.fromEntries(FIELDS.map((f, i) => [f, values[i] ?? ''])) as Row;
    });
}

function capture(name: string): { trace: readonly TraceEvent[]; startsAt: number; file: string } {
  const scenario = builtinScenario(name)!;
  const session = new Session(scenario);
  session.runUntil(scenario.until ?? 3_600_000);
  const file = join(dir, `${name}.pcap`);
  writeFileSync(file, tracePcap(session.events, scenario.startsAt));
  return { trace: session.events, startsAt: scenario.startsAt, file };
}

// Lists keyed by connection (or tshark's stream), empty ones dropped, compared without regard to which
// connection came first: a connection's own order is kept, and that is what a reader follows.
function byKey(pairs: Iterable<readonly [string, string]>): string[][] {
  const lists = new Map<string, string[]>();
  for (const [key, value] of pairs) lists.set(key, [...(lists.get(key) ?? []), value]);
  return [...lists.values()].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function decoded(rows: readonly Row[], field: keyof Row): string[][] {
  return byKey(
    rows.flatMap((r) => (r[field] ? r[field].split(';').map((v) => [r['tcp.stream'], v] as const) : [])),
  );
}

function clientVerbs(trace: readonly TraceEvent[], protocol: 'smtp' | 'pop3'): string[][] {
  return byKey(
    trace.flatMap((e) =>
      // The "." that ends message text is the end-of-data indicator (RFC 5321 §4.1.1.4), not a command to tshark.
      e.kind === 'app.line' &&
      e.protocol === protocol &&
      e.from === 'client' &&
      e.verb !== undefined &&
      e.verb !== '.'
        ? [[e.conn, e.verb] as const]
        : [],
    ),
  );
}

function problems(rows: readonly Row[]): string[] {
  return rows.flatMap((r, i) => {
    const frame = `frame ${i + 1}`;
    const found: string[] = [];
    if (r['frame.protocols'].split(':').includes('_ws.malformed')) found.push(`${frame}: malformed`);
    const bad = (['ip.checksum.status', 'tcp.checksum.status', 'udp.checksum.status'] as const).filter(
      (f) => r[f] !== '' && r[f] !== '1',
    );
    if (bad.length > 0) found.push(`${frame}: checksum not good (${bad.join(', ')})`);
    const severities = r['_ws.expert.severity']
      .split(';')
      .filter((s) => s !== '')
      .map(Number);
    if (severities.some((s) => s >= WARNING)) found.push(`${frame}: expert warning or error`);
    return found;
  });
}

// tshark registers every dissector before it reads a packet, a second or more on a loaded machine.
describe('tshark reading the lab’s captures', { timeout: 60_000 }, () => {
  it.each(['textbook', 'outage', 'bounce'])(
    'decodes the %s scenario’s SMTP commands as the trace records them, with nothing malformed',
    (name) => {
      const { trace, startsAt, file } = capture(name);
      const rows = tshark(file);
      expect(problems(rows)).toEqual([]);
      const verbs = clientVerbs(trace, 'smtp');
      expect(verbs.flat()).toContain('DATA');
      expect(decoded(rows, 'smtp.req.command')).toEqual(verbs);
      const first = trace.find((e) => e.kind === 'tcp.segment' || e.kind === 'udp.datagram')!;
      expect(Number(rows[0]!['frame.time_epoch'])).toBeCloseTo((startsAt + first.t) / 1000, 6);
      expect(rows.some((r) => r['dns.qry.name'] === 'hamburger.edu')).toBe(true);
    },
  );

  it('spans the bounce’s five days of retries on the virtual clock', () => {
    const { startsAt, file } = capture('bounce');
    const times = tshark(file).map((r) => Number(r['frame.time_epoch']));
    expect(times.at(-1)! - times[0]!).toBeGreaterThan(5 * 86_400);
    expect(times[0]).toBeGreaterThanOrEqual(startsAt / 1000);
  });

  it.each(['webmail', 'webmail-send'])(
    'decodes the %s scenario’s HTTP request lines, connection by connection',
    (name) => {
      const { trace, file } = capture(name);
      const rows = tshark(file);
      expect(problems(rows)).toEqual([]);
      const requests = byKey(
        trace.flatMap((e) =>
          e.kind === 'http.exchange' ? [[e.conn, `${e.method} ${e.target}`] as const] : [],
        ),
      );
      expect(requests.flat()).toContain('POST /login');
      const methods = decoded(rows, 'http.request.method');
      const uris = decoded(rows, 'http.request.uri');
      expect(methods.map((list, i) => list.map((m, j) => `${m} ${uris[i]![j]}`))).toEqual(requests);
      expect(decoded(rows, 'smtp.req.command')).toEqual(clientVerbs(trace, 'smtp'));
    },
  );

  it('decodes POP3 commands and IMAP tags as the reading scenarios record them', () => {
    const pop3 = capture('pop3-delete');
    const pop3Rows = tshark(pop3.file);
    expect(problems(pop3Rows)).toEqual([]);
    expect(clientVerbs(pop3.trace, 'pop3').flat()).toContain('RETR');
    expect(decoded(pop3Rows, 'pop.request.command')).toEqual(clientVerbs(pop3.trace, 'pop3'));

    const imap = capture('imap-folders');
    const imapRows = tshark(imap.file);
    expect(problems(imapRows)).toEqual([]);
    const tags = byKey(
      imap.trace.flatMap((e) =>
        // IDLE's DONE (RFC 2177) has no tag; tshark takes its first word for one.
        e.kind === 'app.line' && e.protocol === 'imap' && e.from === 'client' && e.verb !== undefined
          ? [[e.conn, e.tag ?? e.verb] as const]
          : [],
      ),
    );
    expect(tags.flat()).toContain('A004');
    expect(decoded(imapRows, 'imap.request_tag')).toEqual(tags);
  });

  it('finds a corrupted byte and a cut-short DNS answer, so the checks above can fail', () => {
    const { file } = capture('textbook');
    const bytes = new Uint8Array(readFileSync(file));
    const records: number[] = [];
    for (let at = 24; at < bytes.length;) {
      records.push(at);
      at += 16 + new DataView(bytes.buffer, at + 8, 4).getUint32(0, true);
    }
    const flipped = bytes.slice();
    const smtpGreeting = records[5]!; // the server's 220, after DNS and the handshake
    flipped[smtpGreeting + 16 + 45]! ^= 0x20;
    const flippedFile = join(dir, 'flipped.pcap');
    writeFileSync(flippedFile, flipped);
    expect(problems(tshark(flippedFile))).toContain('frame 6: checksum not good (tcp.checksum.status)');

    // The first DNS answer (frame 2) loses its last 4 octets: the IP, UDP and DNS lengths still promise them.
    const answer = records[1]!;
    const cut = new Uint8Array([...bytes.subarray(0, answer + 16), ...bytes.subarray(answer + 16)]);
    const view = new DataView(cut.buffer);
    const length = view.getUint32(answer + 8, true);
    view.setUint32(answer + 8, length - 4, true);
    view.setUint32(answer + 12, length - 4, true);
    const cutFile = join(dir, 'cut.pcap');
    writeFileSync(
      cutFile,
      new Uint8Array([...cut.subarray(0, answer + 16 + length - 4), ...cut.subarray(answer + 16 + length)]),
    );
    expect(problems(tshark(cutFile)).some((p) => p.startsWith('frame 2:'))).toBe(true);
  });
});
