// The maildrop across a session: DELE only marks until UPDATE, a session that ends any other way removes nothing
// and lets the lock go, the lock keeps a second session out ([IN-USE]), and the autologout timer (RFC 1939 §3).
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { memoryMaildrop } from '../../../../src/protocols/pop3/memoryMaildrop.ts';
import { POP3_TIMERS } from '../../../../src/protocols/pop3/limits.ts';
import { mrose, startServer, type ServerUnderTest } from './serverHarness.ts';
import { CountingSimulatedClock } from '../../../support/timerCount.ts';

const THREE = ['Subject: 1\r\n\r\none\r\n', 'Subject: 2\r\n\r\ntwo\r\n', 'Subject: 3\r\n\r\nthree\r\n'];

function loggedIn(options: Parameters<typeof startServer>[1] = {}) {
  const server = startServer({}, { maildrop: memoryMaildrop(mrose(THREE)), ...options });
  server.send('USER mrose', 'PASS secret');
  return server;
}

describe('messages marked as deleted', () => {
  it('cannot be retrieved, listed, shown with TOP, given a unique-id or deleted again', () => {
    const server = loggedIn();
    server.send('DELE 2', 'RETR 2', 'LIST 2', 'TOP 2 0', 'UIDL 2', 'DELE 2');
    expect(server.serverLines().slice(-5)).toEqual(Array<string>(5).fill('-ERR message 2 already deleted'));
  });

  it('are left out of STAT, LIST and UIDL, which keep the other messages their numbers', () => {
    const server = loggedIn();
    server.send('DELE 2', 'STAT', 'LIST', 'UIDL');
    expect(server.serverLines().slice(-9)).toEqual([
      '+OK 2 40',
      '+OK 2 messages (40 octets)',
      '1 19',
      '3 21',
      '.',
      '+OK',
      '1 U00001',
      '3 U00003',
      '.',
    ]);
  });

  it('stay in the maildrop until QUIT enters UPDATE, which removes exactly them', () => {
    const server = loggedIn();
    server.send('DELE 1', 'DELE 3');
    expect(server.maildrop.messages('mrose')).toHaveLength(3);
    server.send('QUIT');
    expect(server.maildrop.messages('mrose').map((message) => message.uid)).toEqual(['U00002']);
    expect(server.serverLines().at(-2)).toBe('+OK dewey POP3 server signing off (1 message left)');
  });

  it('are all unmarked by RSET, so QUIT removes nothing', () => {
    const server = loggedIn();
    server.send('DELE 1', 'DELE 2', 'RSET', 'RETR 1', 'QUIT');
    expect(server.serverLines().slice(-8, -6)).toEqual([
      '+OK maildrop has 3 messages (59 octets)',
      '+OK 19 octets',
    ]);
    expect(server.maildrop.messages('mrose')).toHaveLength(3);
  });
});

describe('a session that ends without QUIT in the TRANSACTION state', () => {
  it('deletes nothing and releases the lock when the connection drops', () => {
    const server = loggedIn();
    server.send('DELE 1', 'DELE 2');
    server.actor.send({ type: 'connection.closed' });
    expect(server.maildrop.messages('mrose')).toHaveLength(3);
    expect(server.maildrop.isLocked('mrose')).toBe(false);
    expect(server.actor.getSnapshot().output).toEqual({ ended: 'connectionLost', user: 'mrose' });
  });

  it('logs out after ten quiet minutes without a response, deleting nothing', () => {
    const clock = new SimulatedClock();
    const server = loggedIn({ clock });
    server.send('DELE 1');
    const before = server.log.length;
    clock.increment(POP3_TIMERS.autologout - 1);
    expect(server.state()).toContain('TRANSACTION');
    clock.increment(1);
    expect(server.log.slice(before)).toEqual(['S: <close>']);
    expect(server.maildrop.messages('mrose')).toHaveLength(3);
    expect(server.maildrop.isLocked('mrose')).toBe(false);
    expect(server.actor.getSnapshot().output).toEqual({ ended: 'autologout', user: 'mrose' });
  });

  it('resets the autologout timer with every line the client sends, even a bad one', () => {
    const clock = new SimulatedClock();
    const server = loggedIn({ clock });
    clock.increment(POP3_TIMERS.autologout - 1000);
    server.send('BOGUS');
    clock.increment(POP3_TIMERS.autologout - 1000);
    server.send('NOOP');
    expect(server.serverLines().at(-1)).toBe('+OK');
    expect(server.actor.getSnapshot().status).toBe('active');
  });

  // Each kind of line goes through its own assignment; one that forgot to note its time would log out early.
  const LINES: Record<string, (server: ServerUnderTest) => void> = {
    'a command': (server) => server.send('NOOP'),
    'a command over the length limit': (server) => server.send(`NOOP ${'x'.repeat(300)}`),
    'a line the framer cut off as overlong': (server) => server.actor.send({ type: 'line.overlong' }),
  };
  for (const [kind, sendLine] of Object.entries(LINES)) {
    it(`logs out exactly ten minutes after ${kind}`, () => {
      const clock = new SimulatedClock();
      const server = loggedIn({ clock });
      clock.increment(3 * 60_000);
      sendLine(server);
      clock.increment(POP3_TIMERS.autologout - 1);
      expect(server.actor.getSnapshot().status).toBe('active');
      clock.increment(1);
      expect(server.actor.getSnapshot().output).toEqual({ ended: 'autologout', user: 'mrose' });
    });
  }

  it('sets its autologout timer once while lines keep coming, not once a line', () => {
    const clock = new CountingSimulatedClock();
    const server = loggedIn({ clock });
    for (let i = 0; i < 50; i++) server.send('NOOP');
    expect(clock.timersSet).toBe(1);
  });

  it('ends quietly in the AUTHORIZATION state, holding no lock', () => {
    const server = startServer();
    server.send('USER mrose');
    server.actor.send({ type: 'connection.closed' });
    expect(server.serverLines()).toHaveLength(2);
    expect(server.actor.getSnapshot().value).toBe('closed');
  });
});

describe('the exclusive-access lock', () => {
  it('keeps a second session out with [IN-USE] until the first quits, by PASS or APOP', () => {
    const maildrop = memoryMaildrop(mrose());
    const first = startServer({}, { maildrop });
    first.send('USER mrose', 'PASS secret');
    const second = startServer({}, { maildrop });
    second.send('USER mrose', 'PASS secret', 'APOP mrose c4c9334bac560ecc979e58001b3e22fb');
    expect(second.serverLines().slice(-2)).toEqual([
      '-ERR [IN-USE] maildrop already locked: is another POP3 session open?',
      '-ERR [IN-USE] maildrop already locked: is another POP3 session open?',
    ]);
    expect(second.state()).toContain('AUTHORIZATION');
    first.send('QUIT');
    second.send('APOP mrose c4c9334bac560ecc979e58001b3e22fb');
    expect(second.state()).toContain('TRANSACTION');
  });

  it('is not taken by a wrong password', () => {
    const maildrop = memoryMaildrop(mrose());
    startServer({}, { maildrop }).send('USER mrose', 'PASS wrong');
    expect(maildrop.isLocked('mrose')).toBe(false);
  });

  it('lists only the mail that was there when it was taken', () => {
    const server = loggedIn();
    server.maildrop.deliver('mrose', 'Subject: late\r\n\r\nlate\r\n');
    server.send('STAT', 'RETR 4');
    expect(server.serverLines().slice(-2)).toEqual([
      '+OK 3 59',
      '-ERR no such message, only 3 messages in maildrop',
    ]);
    server.send('DELE 1', 'DELE 2', 'DELE 3', 'QUIT');
    expect(server.maildrop.messages('mrose').map((message) => message.uid)).toEqual(['U00004']);
  });
});

describe('the UPDATE state', () => {
  it('says -ERR when some marked messages could not be removed, removing the others', () => {
    const maildrop = memoryMaildrop({ ...mrose(THREE), stuck: ['U00002'] });
    const server = startServer({}, { maildrop });
    server.send('USER mrose', 'PASS secret', 'DELE 1', 'DELE 2', 'QUIT');
    expect(server.serverLines().slice(-2)).toEqual(['-ERR some deleted messages not removed', '<close>']);
    expect(maildrop.messages('mrose').map((message) => message.uid)).toEqual(['U00002', 'U00003']);
    expect(maildrop.isLocked('mrose')).toBe(false);
  });

  it('answers nothing more, however long the client takes to close', () => {
    const clock = new SimulatedClock();
    const server = loggedIn({ clock });
    server.send('QUIT');
    const before = server.log.length;
    server.send('STAT');
    clock.increment(POP3_TIMERS.autologout * 2);
    expect(server.log.slice(before)).toEqual(['C: STAT']);
    expect(server.state()).toBe('"UPDATE"');
  });
});
