// imapServerMachine over the sim's own mailbox store (src/sim/mail/imapMailbox.ts), not the test double: a login,
// a fetch that sets \Seen in the store, and two sessions where one in IDLE hears of mail delivered by SMTP.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { imapServerMachine } from '../../../../src/protocols/imap/imapServerMachine.ts';
import { imapBackend } from '../../../../src/sim/mail/imapMailbox.ts';
import { MailboxStore } from '../../../../src/sim/mail/mailboxStore.ts';
import { message } from './serverHarness.ts';

function session(store: MailboxStore) {
  const actor = createActor(imapServerMachine, {
    input: { hostname: 'hamburger.edu', backend: imapBackend(store) },
  });
  const sent: string[] = [];
  actor.on('line.send', (event) => sent.push(event.line));
  actor.start();
  actor.send({ type: 'connection.opened' });
  const stop = imapBackend(store).watch(() => actor.send({ type: 'mailbox.changed' }));
  return {
    sent,
    stop,
    send(...lines: string[]): string[] {
      const start = sent.length;
      for (const line of lines) actor.send({ type: 'line.received', line });
      return sent.slice(start);
    },
  };
}

function bobsStore(): MailboxStore {
  let t = Date.UTC(2026, 0, 15);
  const store = new MailboxStore(
    'hamburger.edu',
    () => {},
    () => (t += 1000),
  );
  store.addUser('bob', 'hungry');
  store.deliver('bob', message('one'), 'q1');
  return store;
}

describe('the IMAP server over the mailbox store', () => {
  it('logs in, selects INBOX and sets \\Seen in the store on a body fetch', () => {
    const store = bobsStore();
    const bob = session(store);
    expect(bob.send('a1 LOGIN bob hungry')).toEqual(['a1 OK LOGIN completed, welcome bob']);
    const select = bob.send('a2 SELECT INBOX');
    expect(select).toContain('* 1 EXISTS');
    expect(select.at(-1)).toBe('a2 OK [READ-WRITE] SELECT completed');
    expect(bob.send('a3 FETCH 1 BODY[TEXT]')[0]).toMatch(
      /^\* 1 FETCH \(BODY\[TEXT\] \{7\}\r\nHello\r\n FLAGS \(.*\\Seen/,
    );
    expect([...(store.folder('bob')?.messages[0]?.flags ?? [])]).toContain('\\Seen');
  });

  it('tells a session in IDLE of mail delivered while it waits, \\Recent to one session only', () => {
    const store = bobsStore();
    const phone = session(store);
    const laptop = session(store);
    phone.send('a1 LOGIN bob hungry', 'a2 SELECT INBOX');
    laptop.send('a1 LOGIN bob hungry', 'a2 SELECT INBOX');
    expect(phone.send('a3 IDLE')).toEqual(['+ idling']);
    store.deliver('bob', message('two'), 'q2');
    // The phone selected first, so it holds \Recent for both messages; the laptop sees them without it.
    expect(phone.sent.slice(-2)).toEqual(['* 2 EXISTS', '* 2 RECENT']);
    expect(laptop.send('a3 NOOP')).toEqual(['* 2 EXISTS', '* 0 RECENT', 'a3 OK NOOP completed']);
  });
});
