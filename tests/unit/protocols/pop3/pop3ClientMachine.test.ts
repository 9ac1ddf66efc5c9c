// Transcript tests of the POP3 client against a scripted server: "S: …" lines are played in, "C: …" lines are what
// the client must send, "C: <close>" its close.
import { SimulatedClock, createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { POP3_TIMERS } from '../../../../src/protocols/pop3/limits.ts';
import { pop3ClientMachine } from '../../../../src/protocols/pop3/pop3ClientMachine.ts';
import type { Pop3ClientInput } from '../../../../src/protocols/pop3/pop3ClientMachine.ts';
import { MROSE_CLIENT, transcript } from './serverHarness.ts';

function startClient(input: Partial<Pop3ClientInput> = {}, clock?: SimulatedClock) {
  const full = { ...MROSE_CLIENT, ...input };
  const actor = createActor(pop3ClientMachine, clock ? { input: full, clock } : { input: full });
  const log: string[] = [];
  actor.on('line.send', (event) => log.push(`C: ${event.line}`));
  actor.on('connection.close', () => log.push('C: <close>'));
  actor.start();
  actor.send({ type: 'connection.opened' });
  return { actor, log, output: () => actor.getSnapshot().output };
}

// Plays the server's lines of a script into a client and checks that the client's lines come in between.
function play(script: string, input: Partial<Pop3ClientInput> = {}) {
  const client = startClient(input);
  for (const entry of transcript(script)) {
    if (!entry.startsWith('S: ')) continue;
    client.log.push(entry);
    const line = entry.slice(3);
    client.actor.send(line === '<close>' ? { type: 'connection.closed' } : { type: 'line.received', line });
  }
  expect(client.log).toEqual(transcript(script));
  return client;
}

const LOGIN = `
  S: +OK POP3 server ready
  C: USER mrose
  S: +OK mrose is a real hoopy frood
  C: PASS secret
  S: +OK mrose's maildrop has 2 messages (22 octets)
  C: STAT
  S: +OK 2 22
  C: UIDL
  S: +OK
  S: 1 whqtswO00WBw418f9t5JxYwZ
  S: 2 QhdPYR:00WBw1Ph7x7
  S: .
  C: LIST
  S: +OK 2 messages (22 octets)
  S: 1 11
  S: 2 11
  S: .
`;

describe('pop3ClientMachine', () => {
  it('logs in, downloads each new message, marks it deleted, and quits', () => {
    const client = play(`${LOGIN}
      C: RETR 1
      S: +OK 11 octets
      S: one
      S: ..dot
      S: .
      C: DELE 1
      S: +OK message 1 deleted
      C: RETR 2
      S: +OK 11 octets
      S: two
      S: .
      C: DELE 2
      S: +OK message 2 deleted
      C: QUIT
      S: +OK dewey POP3 server signing off (maildrop empty)
      C: <close>
    `);
    expect(client.output()).toEqual({
      ended: 'quit',
      listing: [
        { msg: 1, uid: 'whqtswO00WBw418f9t5JxYwZ', size: 11 },
        { msg: 2, uid: 'QhdPYR:00WBw1Ph7x7', size: 11 },
      ],
      messages: [
        { msg: 1, uid: 'whqtswO00WBw418f9t5JxYwZ', size: 11, data: 'one\r\n.dot\r\n' },
        { msg: 2, uid: 'QhdPYR:00WBw1Ph7x7', size: 11, data: 'two\r\n' },
      ],
      marked: ['whqtswO00WBw418f9t5JxYwZ', 'QhdPYR:00WBw1Ph7x7'],
      updated: true,
    });
  });

  it('skips messages whose unique-id it has seen and keeps the rest on the server in download-and-keep', () => {
    const client = play(
      `${LOGIN}
      C: RETR 2
      S: +OK 11 octets
      S: two
      S: .
      C: QUIT
      S: +OK dewey POP3 server signing off (2 messages left)
      C: <close>
    `,
      { seen: ['whqtswO00WBw418f9t5JxYwZ'], deleteRetrieved: false },
    );
    expect(client.output()?.messages.map((message) => message.msg)).toEqual([2]);
    expect(client.output()?.marked).toEqual([]);
  });

  it('logs in with APOP when the greeting carries a timestamp and it is asked to', () => {
    play(
      `S: +OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>
       C: APOP mrose c4c9334bac560ecc979e58001b3e22fb
       S: +OK mrose's maildrop has 0 messages (0 octets)
       C: STAT
       S: +OK 0 0
       C: QUIT
       S: +OK dewey POP3 server signing off (maildrop empty)
       C: <close>`,
      { apop: true, password: 'tanstaaf' },
    );
  });

  it('falls back to USER and PASS when the greeting has no timestamp', () => {
    const client = startClient({ apop: true });
    client.actor.send({ type: 'line.received', line: '+OK POP3 server ready' });
    expect(client.log).toEqual(['C: USER mrose']);
  });

  it('fetches every message when the server has no UIDL, naming them by number', () => {
    const client = play(`
      S: +OK ready
      C: USER mrose
      S: +OK
      C: PASS secret
      S: +OK
      C: STAT
      S: +OK 1 5
      C: UIDL
      S: -ERR unknown command
      C: LIST
      S: +OK
      S: 1 5
      S: .
      C: RETR 1
      S: +OK
      S: one
      S: .
      C: DELE 1
      S: +OK
      C: QUIT
      S: +OK
      C: <close>
    `);
    expect(client.output()?.messages).toEqual([{ msg: 1, uid: null, size: 5, data: 'one\r\n' }]);
    expect(client.output()?.marked).toEqual(['1']);
  });

  it('quits after a refused password and reports it, with no UPDATE', () => {
    const client = play(`
      S: +OK POP3 server ready
      C: USER mrose
      S: +OK mrose is a real hoopy frood
      C: PASS secret
      S: -ERR [IN-USE] maildrop already locked
      C: QUIT
      S: +OK dewey POP3 server signing off
      C: <close>
    `);
    expect(client.output()).toMatchObject({ ended: 'authFailed', updated: false, messages: [] });
  });

  it('skips a message RETR refuses, and reports a failed UPDATE', () => {
    const client = play(`${LOGIN}
      C: RETR 1
      S: -ERR no such message
      C: RETR 2
      S: +OK 11 octets
      S: two
      S: .
      C: DELE 2
      S: +OK message 2 deleted
      C: QUIT
      S: -ERR some deleted messages not removed
      C: <close>
    `);
    expect(client.output()).toMatchObject({ ended: 'quit', updated: false, marked: ['QhdPYR:00WBw1Ph7x7'] });
  });

  it('gives up on a line that is no POP3 response, closing the connection', () => {
    const client = play(`
      S: 220 hamburger.edu ESMTP
      C: <close>
    `);
    expect(client.output()?.ended).toBe('protocolError');
  });

  it('keeps what it retrieved when the connection drops, reporting no UPDATE', () => {
    const client = play(`${LOGIN}
      C: RETR 1
      S: +OK 11 octets
      S: one
      S: .
      C: DELE 1
      S: <close>
    `);
    expect(client.output()).toMatchObject({ ended: 'connectionLost', updated: false });
    expect(client.output()?.messages).toHaveLength(1);
  });

  it('closes after waiting ten minutes for a response', () => {
    const clock = new SimulatedClock();
    const client = startClient({}, clock);
    client.actor.send({ type: 'line.received', line: '+OK POP3 server ready' });
    clock.increment(POP3_TIMERS.response - 1);
    expect(client.actor.getSnapshot().status).toBe('active');
    clock.increment(1);
    expect(client.log).toEqual(['C: USER mrose', 'C: <close>']);
    expect(client.output()?.ended).toBe('timeout');
  });
});
