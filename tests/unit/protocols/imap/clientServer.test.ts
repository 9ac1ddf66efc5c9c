// The IMAP client against the IMAP server, both machines piped line to line over the in-memory backend: what one
// device does reaches the other through IDLE, as the imap-folders scenario shows in the lab.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  imapClientMachine,
  type ImapClientEmitted,
  type ImapJob,
} from '../../../../src/protocols/imap/imapClientMachine.ts';
import { imapServerMachine } from '../../../../src/protocols/imap/imapServerMachine.ts';
import { BOB, message } from './serverHarness.ts';
import { memoryBackend, type MemoryBackend } from './memoryBackend.ts';

type Reported = Extract<ImapClientEmitted, { type: 'imap.result' | 'imap.update' | 'imap.failed' }>;

// Pipes a client to a server session on the backend. A server sends a literal inside one emitted line; the framer
// on the other end would cut it at each CRLF, and so does the pipe.
function connect(backend: MemoryBackend, jobs: readonly ImapJob[]) {
  const server = createActor(imapServerMachine, { input: { hostname: 'hamburger.edu', backend } });
  const client = createActor(imapClientMachine, { input: { user: 'bob', password: 'hungry', jobs } });
  const wire: string[] = [];
  const reported: Reported[] = [];
  server.on('line.send', (event) => {
    wire.push(`S: ${event.line}`);
    for (const line of event.line.split('\r\n')) client.send({ type: 'line.received', line });
  });
  client.on('line.send', (event) => {
    wire.push(`C: ${event.line}`);
    server.send({ type: 'line.received', line: event.line });
  });
  // The I/O layer wakes the server when the store changes (backend.ts: watch), as the sim does.
  backend.watch(() => server.send({ type: 'mailbox.changed' }));
  server.on('connection.close', () => client.send({ type: 'connection.closed' }));
  client.on('connection.close', () => server.send({ type: 'connection.closed' }));
  client.on('imap.result', (event) => reported.push(event));
  client.on('imap.update', (event) => reported.push(event));
  client.on('imap.failed', (event) => reported.push(event));
  server.start();
  client.start();
  client.send({ type: 'connection.opened' });
  server.send({ type: 'connection.opened' });
  const add = (job: ImapJob) => client.send({ type: 'job.add', job });
  const results = () => reported.flatMap((event) => (event.type === 'imap.result' ? [event.result] : []));
  const failures = () => reported.flatMap((event) => (event.type === 'imap.failed' ? [event.failure] : []));
  const updates = () => reported.flatMap((event) => (event.type === 'imap.update' ? [event.update] : []));
  return { client, server, wire, add, results, failures, updates };
}

describe('the IMAP client against the IMAP server', () => {
  it('lists folders, fetches headers and opens a message, which sets \\Seen on the server', () => {
    const backend = memoryBackend(BOB);
    const device = connect(backend, [
      { kind: 'list' },
      { kind: 'headers', mailbox: 'INBOX' },
      { kind: 'body', mailbox: 'INBOX', uid: 2, part: [1], partial: null, markSeen: true },
    ]);
    expect(device.failures()).toEqual([]);
    const [folders, summaries, body] = device.results();
    expect(folders?.kind === 'folders' ? folders.folders.map((f) => f.name).sort() : []).toEqual([
      'INBOX',
      'Sent',
    ]);
    expect(summaries?.kind === 'summaries' ? summaries.messages.map((m) => m.envelope?.subject) : []).toEqual(
      ['one', 'two', 'three'],
    );
    expect(body).toMatchObject({ kind: 'bodyPart', uid: 2, data: 'Hello\r\n' });
    expect(backend.flagsOf('bob', 'INBOX', 2)).toContain('\\Seen');
    expect(device.client.getSnapshot().matches({ selected: 'ready' })).toBe(true);
  });

  it('fetches the first octets of a part with a partial fetch', () => {
    const backend = memoryBackend({
      users: { bob: { password: 'hungry', folders: { INBOX: [message('big', 'x'.repeat(300))] } } },
    });
    const device = connect(backend, [
      {
        kind: 'body',
        mailbox: 'INBOX',
        uid: 1,
        part: [1],
        partial: { origin: 100, count: 50 },
        markSeen: false,
      },
    ]);
    expect(device.results()).toEqual([
      {
        kind: 'bodyPart',
        mailbox: 'INBOX',
        uid: 1,
        part: [1],
        origin: 100,
        data: 'x'.repeat(50),
        seen: false,
      },
    ]);
    expect(backend.flagsOf('bob', 'INBOX', 1)).not.toContain('\\Seen');
  });

  it('shows a move made on one device to the other, which sits in IDLE', () => {
    const backend = memoryBackend(BOB);
    const phone = connect(backend, [
      { kind: 'headers', mailbox: 'INBOX' },
      { kind: 'idle', mailbox: 'INBOX' },
    ]);
    const pc = connect(backend, [{ kind: 'move', mailbox: 'INBOX', uid: 1, to: 'Sent' }]);
    expect(pc.failures()).toEqual([]);
    expect(pc.results()).toMatchObject([{ kind: 'moved', uid: 1, to: 'Sent', via: 'MOVE' }]);
    expect(backend.uidsOf('bob', 'INBOX')).toEqual([2, 3]);
    expect(phone.updates()).toContainEqual({ kind: 'expunge', seq: 1, uid: 1 });
    phone.add({ kind: 'search', mailbox: 'INBOX', keys: [{ key: 'SUBJECT', value: 'three' }] });
    expect(phone.wire).toContain('C: DONE');
    expect(phone.results().at(-1)).toEqual({ kind: 'searched', mailbox: 'INBOX', uids: [3] });
  });

  it('hears new mail in IDLE as EXISTS', () => {
    const backend = memoryBackend(BOB);
    const phone = connect(backend, [
      { kind: 'headers', mailbox: 'INBOX' },
      { kind: 'idle', mailbox: 'INBOX' },
    ]);
    backend.deliver('bob', 'INBOX', message('four'));
    expect(phone.updates()).toContainEqual({ kind: 'exists', count: 4 });
  });

  it("reports the server's NO for a move to a folder that does not exist, with TRYCREATE", () => {
    const device = connect(memoryBackend(BOB), [{ kind: 'move', mailbox: 'INBOX', uid: 1, to: 'Archive' }]);
    expect(device.failures()).toMatchObject([
      { verb: 'UID MOVE', reason: 'NO', code: { code: 'TRYCREATE' } },
    ]);
  });

  it('logs out cleanly', () => {
    const device = connect(memoryBackend(BOB), [{ kind: 'logout' }]);
    expect(device.client.getSnapshot().output?.ended).toBe('logout');
    expect(device.wire.at(-1)).toMatch(/^S: A\d+ OK/);
  });
});
