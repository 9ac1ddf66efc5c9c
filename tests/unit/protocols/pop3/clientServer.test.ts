// The lab's own POP3 client and server machines wired back to back, line for line, as the simulation wires them.
import { createActor } from 'xstate';
import { onSentLine } from '../../../../src/protocols/sentLines.ts';
import { describe, expect, it } from 'vitest';
import { memoryMaildrop } from '../../../../src/protocols/pop3/memoryMaildrop.ts';
import type { MemoryMaildrop } from '../../../../src/protocols/pop3/memoryMaildrop.ts';
import { pop3ClientMachine } from '../../../../src/protocols/pop3/pop3ClientMachine.ts';
import type { Pop3ClientInput } from '../../../../src/protocols/pop3/pop3ClientMachine.ts';
import { pop3ServerMachine } from '../../../../src/protocols/pop3/pop3ServerMachine.ts';
import { RFC_TIMESTAMP, mrose } from './serverHarness.ts';

const BOB = { password: 'secret', apopSecret: 'tanstaaf', messages: [] };
const MESSAGE = 'Subject: dots\n\n.a line starting with a dot\n.\n..\nend';

function visit(
  maildrop: MemoryMaildrop,
  input: Partial<Pop3ClientInput> = {},
  timestamp: string | null = null,
) {
  const server = createActor(pop3ServerMachine, { input: { hostname: 'dewey', timestamp, maildrop } });
  const client = createActor(pop3ClientMachine, {
    input: { user: 'mrose', password: 'secret', apop: false, seen: [], deleteRetrieved: true, ...input },
  });
  const wire: string[] = [];
  onSentLine(server, ({ line }) => {
    wire.push(`S: ${line}`);
    client.send({ type: 'line.received', line });
  });
  onSentLine(client, ({ line }) => {
    wire.push(`C: ${line}`);
    server.send({ type: 'line.received', line });
  });
  server.on('connection.close', () => client.send({ type: 'connection.closed' }));
  client.on('connection.close', () => server.send({ type: 'connection.closed' }));
  server.start();
  client.start();
  client.send({ type: 'connection.opened' });
  server.send({ type: 'connection.opened' });
  const output = client.getSnapshot().output;
  if (output === undefined) throw new Error('the client did not finish');
  return { output, server, wire };
}

describe('client and server machines back to back', () => {
  it('download and delete every message, dot-stuffed on the wire and whole at the end', () => {
    const maildrop = memoryMaildrop(mrose([MESSAGE, 'Subject: two\r\n\r\ntwo\r\n']));
    const { output, server, wire } = visit(maildrop);
    expect(output.messages.map((message) => message.data)).toEqual([
      'Subject: dots\r\n\r\n.a line starting with a dot\r\n.\r\n..\r\nend\r\n',
      'Subject: two\r\n\r\ntwo\r\n',
    ]);
    expect(wire).toContain('S: ..a line starting with a dot');
    expect(wire).toContain('S: ...');
    expect(output).toMatchObject({ ended: 'quit', updated: true, marked: ['U00001', 'U00002'] });
    expect(maildrop.messages('mrose')).toEqual([]);
    expect(maildrop.isLocked('mrose')).toBe(false);
    expect(server.getSnapshot().status).toBe('done');
  });

  it('report sizes that match the octets retrieved', () => {
    const { output } = visit(memoryMaildrop(mrose([MESSAGE])));
    for (const message of output.messages) expect(message.size).toBe(message.data.length);
  });

  it('download and keep: a second visit fetches only the mail that came in between', () => {
    const maildrop = memoryMaildrop(mrose(['Subject: old\r\n\r\nold\r\n']));
    const first = visit(maildrop, { deleteRetrieved: false }).output;
    maildrop.deliver('mrose', 'Subject: new\r\n\r\nnew\r\n');
    const seen = first.messages.flatMap((message) => message.uid ?? []);
    const second = visit(maildrop, { deleteRetrieved: false, seen }).output;
    expect(second.messages.map((message) => message.uid)).toEqual(['U00002']);
    expect(maildrop.messages('mrose')).toHaveLength(2);
  });

  it('log in with APOP when the server greets with a timestamp', () => {
    const maildrop = memoryMaildrop({ accounts: { mrose: { ...BOB, messages: ['hi'] } } });
    const { output, wire } = visit(maildrop, { apop: true, password: 'tanstaaf' }, RFC_TIMESTAMP);
    expect(wire[1]).toBe('C: APOP mrose c4c9334bac560ecc979e58001b3e22fb');
    expect(output.messages.map((message) => message.data)).toEqual(['hi\r\n']);
  });

  it('end without mail when the password is wrong, leaving the maildrop unlocked', () => {
    const maildrop = memoryMaildrop(mrose());
    const { output } = visit(maildrop, { password: 'wrong' });
    expect(output).toMatchObject({ ended: 'authFailed', updated: false, messages: [] });
    expect(maildrop.isLocked('mrose')).toBe(false);
    expect(maildrop.messages('mrose')).toHaveLength(2);
  });

  it('end without mail while another session holds the lock', () => {
    const maildrop = memoryMaildrop(mrose());
    maildrop.lock('mrose');
    const { output, wire } = visit(maildrop);
    expect(wire).toContain('S: -ERR [IN-USE] maildrop already locked: is another POP3 session open?');
    expect(output).toMatchObject({ ended: 'authFailed', messages: [] });
  });

  it('visit an empty maildrop with STAT and QUIT alone', () => {
    const { output, wire } = visit(memoryMaildrop({ accounts: { mrose: BOB } }));
    expect(wire.filter((line) => line.startsWith('C: '))).toEqual([
      'C: USER mrose',
      'C: PASS secret',
      'C: STAT',
      'C: QUIT',
    ]);
    expect(output).toMatchObject({ ended: 'quit', updated: true, messages: [] });
  });
});
