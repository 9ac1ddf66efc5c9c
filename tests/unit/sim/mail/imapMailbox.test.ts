import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { imapServerMachine } from '../../../../src/protocols/imap/imapServerMachine.ts';
import type { ImapAccount } from '../../../../src/protocols/imap/backend.ts';
import { imapBackend } from '../../../../src/sim/mail/imapMailbox.ts';
import { MailboxStore } from '../../../../src/sim/mail/mailboxStore.ts';

function bobsStore(): MailboxStore {
  const store = new MailboxStore(
    'hamburger.edu',
    () => undefined,
    () => Date.UTC(2026, 8, 1),
  );
  store.addUser('bob', 'hungry');
  return store;
}

/** A server session over the store, woken by the store's watch as the sim wires it; `said` takes what it sent since. */
function connect(store: MailboxStore): { type(line: string): string[]; said(): string[]; end(): void } {
  const backend = imapBackend(store);
  const actor = createActor(imapServerMachine, { input: { hostname: 'hamburger.edu', backend } });
  let out: string[] = [];
  actor.on('line.send', ({ line }) => out.push(line));
  const stop = backend.watch(() => actor.send({ type: 'mailbox.changed' }));
  actor.start();
  actor.send({ type: 'connection.opened' });
  const said = () => {
    const lines = out;
    out = [];
    return lines;
  };
  said();
  return {
    type(line) {
      actor.send({ type: 'line.received', line });
      return said();
    },
    said,
    end() {
      stop();
      actor.send({ type: 'connection.closed' });
    },
  };
}

describe('the IMAP server over the mailbox store', () => {
  it('logs in with the store’s password and selects INBOX with its UIDVALIDITY and recent mail', () => {
    const store = bobsStore();
    store.deliver('bob', 'Subject: hi\r\n\r\nhello\r\n', 'Q1');
    const imap = connect(store);
    expect(imap.type('a1 LOGIN bob wrong').at(-1)).toMatch(/^a1 NO /);
    expect(imap.type('a2 LOGIN bob hungry').at(-1)).toMatch(/^a2 OK/);
    const selected = imap.type('a3 SELECT INBOX');
    const validity = store.folder('bob')?.uidValidity;
    expect(selected).toContain('* 1 EXISTS');
    expect(selected).toContain('* 1 RECENT');
    expect(selected.some((l) => l.includes(`[UIDVALIDITY ${validity}]`))).toBe(true);
    expect(selected.some((l) => l.includes('[UIDNEXT 2]'))).toBe(true);
    expect(selected.at(-1)).toMatch(/^a3 OK \[READ-WRITE\]/);
  });

  it('tells a session in IDLE of new mail and of a message another session moved away', () => {
    const store = bobsStore();
    store.deliver('bob', 'one\r\n', 'Q1');
    const phone = connect(store);
    const laptop = connect(store);
    for (const imap of [phone, laptop]) {
      imap.type('a1 LOGIN bob hungry');
      imap.type('a2 SELECT INBOX');
    }
    expect(phone.type('a3 IDLE')).toEqual(['+ idling']);
    store.deliver('bob', 'two\r\n', 'Q2');
    expect(phone.said()).toEqual(['* 2 EXISTS', '* 2 RECENT']);
    expect(laptop.type('a3 NOOP')).toEqual(['* 2 EXISTS', '* 0 RECENT', 'a3 OK NOOP completed']);
    const moved = laptop.type('a4 UID MOVE 1 Trash');
    const trash = store.folder('bob', 'Trash');
    expect(moved.some((l) => l.includes(`[COPYUID ${trash?.uidValidity} 1 1]`))).toBe(true);
    expect(moved).toContain('* 1 EXPUNGE');
    expect(phone.said()).toEqual(['* 1 EXPUNGE']);
    expect(phone.type('DONE').at(-1)).toMatch(/^a3 OK/);
  });

  it('creates, renames and lists folders in the store', () => {
    const store = bobsStore();
    const imap = connect(store);
    imap.type('a1 LOGIN bob hungry');
    expect(imap.type('a2 CREATE Work/2026').at(-1)).toMatch(/^a2 OK/);
    expect(imap.type('a3 RENAME Work Job').at(-1)).toMatch(/^a3 OK/);
    expect(store.folders('bob').map((f) => f.name)).toEqual(['INBOX', 'Job', 'Job/2026', 'Sent', 'Trash']);
    expect(imap.type('a4 DELETE INBOX').at(-1)).toMatch(/^a4 NO /);
    const listed = imap.type('a5 LIST "" "Job*"');
    expect(listed.filter((l) => l.startsWith('* LIST'))).toHaveLength(2);
  });

  it('stores flags another session sees as FETCH, and expunges what it marked deleted', () => {
    const store = bobsStore();
    store.deliver('bob', 'one\r\n', 'Q1');
    store.deliver('bob', 'two\r\n', 'Q2');
    const mine = connect(store);
    const theirs = connect(store);
    for (const imap of [mine, theirs]) {
      imap.type('a1 LOGIN bob hungry');
      imap.type('a2 SELECT INBOX');
    }
    expect(mine.type('a3 STORE 1 +FLAGS (\\Deleted)')).toContain('* 1 FETCH (FLAGS (\\Deleted \\Recent))');
    expect(theirs.type('b3 NOOP')).toEqual(['* 1 FETCH (FLAGS (\\Deleted))', 'b3 OK NOOP completed']);
    expect(mine.type('a4 EXPUNGE')).toContain('* 1 EXPUNGE');
    expect(store.folder('bob')?.messages.map((m) => m.uid)).toEqual([2]);
    expect(theirs.type('b4 NOOP')).toContain('* 1 EXPUNGE');
  });

  it('appends with APPENDUID', () => {
    const store = bobsStore();
    const imap = connect(store);
    imap.type('a1 LOGIN bob hungry');
    expect(imap.type('a2 APPEND Sent (\\Seen) {5}')).toEqual([expect.stringMatching(/^\+/)]);
    const done = imap.type('hello');
    const sent = store.folder('bob', 'Sent');
    expect(done.at(-1)).toMatch(new RegExp(`^a2 OK \\[APPENDUID ${sent?.uidValidity} 1\\]`));
    expect(sent?.messages[0]?.raw).toBe('hello');
  });
});

describe('the IMAP backend over the mailbox store', () => {
  function account(store: MailboxStore): ImapAccount {
    const login = imapBackend(store).login('bob@hamburger.edu', 'hungry');
    if (!login.ok) throw new Error('login failed');
    return login.account;
  }

  it('refuses a wrong password and an account without one', () => {
    const store = bobsStore();
    store.addUser('nopass', '');
    expect(imapBackend(store).login('bob', 'HUNGRY')).toEqual({ ok: false, reason: 'invalidCredentials' });
    expect(imapBackend(store).login('nopass', '')).toEqual({ ok: false, reason: 'invalidCredentials' });
  });

  it('answers each refusal in the backend’s words', () => {
    const store = bobsStore();
    const bob = account(store);
    bob.create('Work/Old');
    bob.delete('Work');
    expect(bob.delete('INBOX')).toEqual({ ok: false, reason: 'notAllowed' });
    expect(bob.rename('Work', 'Work/Old/Deeper')).toEqual({ ok: false, reason: 'notAllowed' });
    expect(bob.create('Sent')).toEqual({ ok: false, reason: 'alreadyExists' });
    expect(bob.delete('Work')).toEqual({ ok: false, reason: 'hasChildren' });
    expect(bob.create('a//b')).toEqual({ ok: false, reason: 'invalidName' });
    expect(bob.delete('Nope')).toEqual({ ok: false, reason: 'nonexistent' });
    expect(bob.append('Work', 'x\r\n', [], null)).toEqual({ ok: false, reason: 'noselect' });
    expect(bob.status('Work')).toBeNull();
    expect(bob.folders()).toContainEqual({ name: 'Work', noselect: true });
  });

  it('selects with the first unseen message by UID and keywords allowed', () => {
    const store = bobsStore();
    for (const q of ['Q1', 'Q2', 'Q3']) store.deliver('bob', `${q}\r\n`, q);
    store.storeFlags('bob', 'INBOX', [1], 'add', ['\\Seen']);
    store.expunge('bob', 'INBOX', [2]);
    const selected = account(store).select('INBOX', false);
    expect(selected.ok && selected.snapshot).toMatchObject({
      uids: [1, 3],
      recent: 2,
      firstUnseenUid: 3,
      uidNext: 4,
      permanentFlags: expect.arrayContaining(['\\Seen', '\\*']),
      readOnly: false,
    });
  });

  it('reads nothing through a mailbox kept from an earlier SELECT', () => {
    const store = bobsStore();
    store.deliver('bob', 'a\r\n', 'Q1');
    const bob = account(store);
    const first = bob.select('INBOX', false);
    bob.select('Sent', false);
    if (!first.ok) throw new Error('select failed');
    expect(first.mailbox.message(1)).toBeNull();
    expect(first.mailbox.setFlags([1], 'add', ['\\Seen'])).toEqual([]);
    expect(store.folder('bob')?.messages[0]?.flags.size).toBe(0);
  });

  it('answers STORE with the new flags and keeps the change from its own changes()', () => {
    const store = bobsStore();
    store.deliver('bob', 'a\r\n', 'Q1');
    const mine = account(store).select('INBOX', false);
    const theirs = account(store).select('INBOX', false);
    if (!mine.ok || !theirs.ok) throw new Error('select failed');
    expect(mine.mailbox.setFlags([1, 7], 'add', ['\\Flagged'])).toEqual([
      { uid: 1, flags: ['\\Flagged', '\\Recent'] },
    ]);
    expect(mine.mailbox.changes()).toEqual([]);
    expect(theirs.mailbox.changes()).toEqual([{ kind: 'flags', uid: 1, flags: ['\\Flagged'] }]);
  });

  it('moves with COPYUID pairs and expunges it does not report again', () => {
    const store = bobsStore();
    for (const q of ['Q1', 'Q2']) store.deliver('bob', `${q}\r\n`, q);
    const selected = account(store).select('INBOX', false);
    if (!selected.ok) throw new Error('select failed');
    const moved = selected.mailbox.move([2], 'Trash');
    expect(moved).toEqual({
      ok: true,
      uidValidity: store.folder('bob', 'Trash')?.uidValidity,
      pairs: [{ from: 2, to: 1 }],
    });
    expect(selected.mailbox.copy([1], 'Nowhere')).toEqual({ ok: false, reason: 'nonexistent' });
    expect(selected.mailbox.changes()).toEqual([]);
    store.storeFlags('bob', 'INBOX', [1], 'add', ['\\Deleted']);
    expect(selected.mailbox.changes()).toEqual([{ kind: 'flags', uid: 1, flags: ['\\Deleted', '\\Recent'] }]);
    expect(selected.mailbox.expunge(null)).toEqual([1]);
    expect(selected.mailbox.changes()).toEqual([]);
  });
});
