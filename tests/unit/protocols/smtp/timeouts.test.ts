// RFC 5321 §4.5.3.2 timeouts of both machines, run on XState's SimulatedClock through the actor's clock option.
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { SMTP_TIMEOUTS } from '../../../../src/protocols/smtp/timeouts.ts';
import { startClient } from './clientHarness.ts';
import { startServer, type ServerUnderTest } from './serverHarness.ts';
import { CountingSimulatedClock } from '../../../support/timerCount.ts';

const MINUTE = 60_000;

describe('the server timeout (RFC 5321 §4.5.3.2.7)', () => {
  it('sends 421 and closes after five silent minutes', () => {
    const clock = new SimulatedClock();
    const server = startServer({}, { clock });
    clock.increment(5 * MINUTE - 1);
    expect(server.actor.getSnapshot().status).toBe('active');
    clock.increment(1);
    expect(server.log.slice(-2)).toEqual([
      'S: 421 hamburger.edu Timeout waiting for command, closing connection',
      'S: <close>',
    ]);
    expect(server.actor.getSnapshot().status).toBe('done');
  });

  it('restarts the timer on every line, in DATA too', () => {
    const clock = new SimulatedClock();
    const server = startServer({}, { clock });
    server.send('HELO crepes.fr', 'MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<bob@hamburger.edu>', 'DATA');
    for (let i = 0; i < 3; i++) {
      clock.increment(4 * MINUTE);
      server.send('a line of text');
    }
    expect(server.actor.getSnapshot().hasTag('receivingData')).toBe(true);
    clock.increment(SMTP_TIMEOUTS.serverIdle);
    expect(server.actor.getSnapshot().value).toBe('closed');
  });

  // Each kind of line goes through its own action; one that forgot to note its time would let the timer fire early.
  const DATA = ['MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<bob@hamburger.edu>', 'DATA'];
  const overlong = (server: ServerUnderTest) => server.sendChunk(`${'x'.repeat(2000)}\r\n`);
  const LINES: Record<string, { before: string[]; line: (server: ServerUnderTest) => void }> = {
    'a command': { before: [], line: (server) => server.send('NOOP') },
    'a SASL response': { before: ['AUTH LOGIN'], line: (server) => server.send('Ym9i') },
    'an overlong SASL response': { before: ['AUTH LOGIN'], line: overlong },
    'a line over the limit': { before: [], line: overlong },
    'a line ended by LF alone': {
      before: [],
      line: (server) => server.actor.send({ type: 'line.bareLf', line: 'NOOP' }),
    },
    'a line of message text': { before: DATA, line: (server) => server.send('Hello') },
    'lines of message text that arrived together': {
      before: DATA,
      line: (server) => server.sendChunk('Hello\r\nWorld\r\n'),
    },
    'an overlong line of message text': { before: DATA, line: overlong },
    'the final dot': { before: [...DATA, 'Hello'], line: (server) => server.send('.') },
  };
  for (const [kind, { before, line }] of Object.entries(LINES)) {
    it(`times out exactly five minutes after ${kind}`, () => {
      const clock = new SimulatedClock();
      const server = startServer({ submission: kind.includes('SASL') }, { clock });
      server.send('EHLO crepes.fr', ...before);
      clock.increment(3 * MINUTE);
      line(server);
      clock.increment(SMTP_TIMEOUTS.serverIdle - 1);
      expect(server.actor.getSnapshot().status).toBe('active');
      clock.increment(1);
      expect(server.log.at(-1)).toBe('S: <close>');
      expect(server.log.at(-2)).toMatch(/^S: 421 /);
    });
  }

  it('sets its idle timer once while lines keep coming, not once a line', () => {
    const clock = new CountingSimulatedClock();
    const server = startServer({}, { clock });
    server.send('HELO crepes.fr', 'MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<bob@hamburger.edu>', 'DATA');
    for (let i = 0; i < 100; i++) server.send('a line of text');
    server.send('.');
    expect(clock.timersSet).toBe(1);
  });
});

describe('the client timeouts (RFC 5321 §4.5.3.2.1–6)', () => {
  it('gives up after five minutes without a greeting and keeps the mail for later', () => {
    const clock = new SimulatedClock();
    const client = startClient({}, { clock });
    clock.increment(SMTP_TIMEOUTS.initialGreeting);
    expect(client.log).toEqual(['C: <close>']);
    expect(client.output()?.recipients[0]).toMatchObject({ outcome: 'temporary', reason: 'timeout' });
    expect(client.output()?.session.ended).toBe('timeout');
  });

  it('waits two minutes for 354 after DATA', () => {
    const clock = new SimulatedClock();
    const client = startClient({}, { clock });
    client.reply('220 hamburger.edu', '250 hamburger.edu', '250 ok', '250 ok');
    clock.increment(SMTP_TIMEOUTS.dataInitiation - 1);
    expect(client.state()).toBe('"dataInitiation"');
    clock.increment(1);
    expect(client.output()?.session).toMatchObject({ ended: 'timeout', possiblyDelivered: false });
  });

  it('waits ten minutes after the final dot, then notes that the message may have been delivered', () => {
    const clock = new SimulatedClock();
    const client = startClient({}, { clock });
    client.reply('220 hamburger.edu', '250 hamburger.edu', '250 ok', '250 ok', '354 go');
    clock.increment(SMTP_TIMEOUTS.dataTermination - 1);
    expect(client.state()).toBe('"dataTermination"');
    clock.increment(1);
    expect(client.output()?.recipients[0]).toMatchObject({ outcome: 'temporary', reason: 'timeout' });
    expect(client.output()?.session.possiblyDelivered).toBe(true);
  });

  it('restarts the RCPT timer with each reply', () => {
    const clock = new SimulatedClock();
    const client = startClient(
      { envelope: { from: 'alice@crepes.fr', to: ['bob@hamburger.edu', 'carol@hamburger.edu'] } },
      { clock },
    );
    client.reply('220 hamburger.edu', '250 hamburger.edu', '250 ok');
    clock.increment(4 * MINUTE);
    client.reply('250 ok');
    clock.increment(4 * MINUTE);
    expect(client.state()).toBe('"rcpt"');
    expect(client.log.at(-1)).toBe('C: RCPT TO:<carol@hamburger.edu>');
  });
});
