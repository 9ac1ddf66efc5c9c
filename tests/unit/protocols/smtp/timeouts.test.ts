// RFC 5321 §4.5.3.2 timeouts of both machines, run on XState's SimulatedClock through the actor's clock option.
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { SMTP_TIMEOUTS } from '../../../../src/protocols/smtp/timeouts.ts';
import { startClient } from './clientHarness.ts';
import { startServer } from './serverHarness.ts';

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
