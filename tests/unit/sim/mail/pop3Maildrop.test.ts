import { describe, expect, it } from 'vitest';
import { MailboxStore } from '../../../../src/sim/mail/mailboxStore.ts';
import { pop3UniqueId, storeMaildrop, type Pop3Locks } from '../../../../src/sim/mail/pop3Maildrop.ts';
import type { UnstampedEvent } from '../../../../src/sim/trace.ts';

function world() {
  const events: UnstampedEvent[] = [];
  const store = new MailboxStore(
    'hamburger.edu',
    (e) => events.push(e),
    () => 0,
  );
  store.addUser('bob', 'hungry');
  store.addUser('nopass', '');
  const locks: Pop3Locks = new Map();
  const secrets = new Map([
    ['bob', 'hungry'],
    ['nopass', ''],
  ]);
  const session = () => storeMaildrop(store, locks, (user) => secrets.get(user.toLowerCase()) ?? null);
  return { store, locks, session, events };
}

describe('the POP3 maildrop over the mailbox store', () => {
  it('lists the INBOX with unique-ids made of UIDVALIDITY and UID, and sizes in CRLF octets', () => {
    const { store, session } = world();
    store.deliver('bob', 'Subject: one\nbare LF\n', 'Q1');
    store.deliver('bob', 'Subject: two\r\n\r\nbody\r\n', 'Q2');
    const validity = store.folder('bob')?.uidValidity ?? -1;
    const lock = session().lock('BOB');
    expect(lock).toEqual({
      ok: true,
      messages: [
        { uid: pop3UniqueId(validity, 1), size: 'Subject: one\r\nbare LF\r\n'.length },
        { uid: pop3UniqueId(validity, 2), size: 'Subject: two\r\n\r\nbody\r\n'.length },
      ],
    });
  });

  it('lets one session at a time hold a user’s lock, and a stale session cannot free a newer one’s', () => {
    const { session, locks } = world();
    const first = session();
    const second = session();
    expect(first.lock('bob').ok).toBe(true);
    expect(second.lock('bob')).toEqual({ ok: false, reason: 'in-use' });
    first.release('bob');
    expect(second.lock('bob').ok).toBe(true);
    first.release('bob');
    expect(locks.has('bob')).toBe(true);
    second.release('bob');
    expect(locks.has('bob')).toBe(false);
  });

  it('does not list mail that arrives after the lock was taken, and reads only what it listed', () => {
    const { store, session } = world();
    store.deliver('bob', 'Subject: early\r\n\r\n', 'Q1');
    const drop = session();
    const lock = drop.lock('bob');
    store.deliver('bob', 'Subject: late\r\n\r\n', 'Q2');
    expect(lock.ok && lock.messages.length).toBe(1);
    const validity = store.folder('bob')?.uidValidity ?? -1;
    expect(drop.read('bob', pop3UniqueId(validity, 1))).toBe('Subject: early\r\n\r\n');
    expect(drop.read('bob', pop3UniqueId(validity, 2))).toBeNull();
  });

  it('expunges through the store at commit, so the store reports it, and counts what it could not remove', () => {
    const { store, session, events } = world();
    store.deliver('bob', 'Subject: a\r\n\r\n', 'Q1');
    store.deliver('bob', 'Subject: b\r\n\r\n', 'Q2');
    const drop = session();
    const lock = drop.lock('bob');
    const [a, b] = lock.ok ? lock.messages : [];
    // Another reader (IMAP) removes b while the POP3 session holds its listing.
    store.expunge('bob', 'INBOX', [2]);
    expect(drop.read('bob', b?.uid ?? '')).toBeNull();
    // Gone already counts as removed; a unique-id the session never listed cannot be.
    expect(drop.commit('bob', [a?.uid ?? '', b?.uid ?? '', '9.9'])).toEqual({ notRemoved: 1 });
    expect(store.folder('bob')?.messages).toEqual([]);
    expect(events.filter((e) => e.kind === 'mailbox.expunged').map((e) => 'uid' in e && e.uid)).toEqual([
      2, 1,
    ]);
  });

  it('tells an IMAP session with the INBOX selected of the messages UPDATE removed', () => {
    const { store, session } = world();
    store.deliver('bob', 'Subject: a\r\n\r\n', 'Q1');
    const heard: unknown[] = [];
    const imap = store.openSession('bob', (change) => heard.push(change));
    expect(imap.select('INBOX', false)).toMatchObject({ ok: true });
    const drop = session();
    const lock = drop.lock('bob');
    drop.commit('bob', lock.ok ? lock.messages.map((m) => m.uid) : []);
    drop.release('bob');
    expect(heard).toEqual([{ kind: 'expunged', uid: 1 }]);
  });

  it('takes the password as the APOP secret, and refuses an empty one either way', () => {
    const { session } = world();
    const drop = session();
    expect(drop.apopSecret('Bob')).toBe('hungry');
    expect(drop.apopSecret('nopass')).toBeNull();
    expect(drop.checkPassword('nopass', '')).toBe(false);
    expect(drop.checkPassword('bob', 'hungry')).toBe(true);
    expect(drop.hasMailbox('carol')).toBe(false);
  });
});
