import { describe, expect, it } from 'vitest';
import { MailboxStore } from '../../../../src/sim/mail/mailboxStore.ts';
import type { FolderChange } from '../../../../src/sim/mail/mailboxSession.ts';
import type { UnstampedEvent } from '../../../../src/sim/trace.ts';

function storeWithBob(): { store: MailboxStore; events: UnstampedEvent[] } {
  const events: UnstampedEvent[] = [];
  const store = new MailboxStore(
    'hamburger.edu',
    (e) => events.push(e),
    () => 1_000,
  );
  store.addUser('bob', 'hungry');
  return { store, events };
}

function uidsOf(store: MailboxStore, folder: string): number[] {
  return store.folder('bob', folder)?.messages.map((m) => m.uid) ?? [];
}

describe('folders', () => {
  it('gives every new user INBOX, Sent and Trash, subscribed, without reporting them as created', () => {
    const { store, events } = storeWithBob();
    expect(store.folders('bob').map((f) => f.name)).toEqual(['INBOX', 'Sent', 'Trash']);
    expect(store.subscriptions('bob')).toEqual(['INBOX', 'Sent', 'Trash']);
    expect(events).toEqual([]);
  });

  it('names the folder’s UIDVALIDITY in what it reports, so a view can show which UIDs a folder’s life gave', () => {
    const { store, events } = storeWithBob();
    store.create('bob', 'Work');
    store.deliver('bob', 'Subject: hi\r\n\r\nhi\r\n', 'Q1');
    const inbox = store.folder('bob', 'INBOX')?.uidValidity;
    const work = store.folder('bob', 'Work')?.uidValidity;
    expect(events.map((e) => [e.kind, 'uidValidity' in e ? e.uidValidity : undefined])).toEqual([
      ['mailbox.created', work],
      ['mailbox.stored', inbox],
    ]);
    expect(inbox).not.toBe(work);
  });

  it('finds INBOX however it is spelt, including as the first level of a child', () => {
    const { store } = storeWithBob();
    expect(store.folder('bob', 'inBox')).toBe(store.folder('bob', 'INBOX'));
    expect(store.create('bob', 'inbox/Receipts')).toEqual({ ok: true });
    expect(store.folder('bob', 'INBOX/Receipts')?.name).toBe('INBOX/Receipts');
  });

  it('creates the missing parents of a child, reporting each folder created', () => {
    const { store, events } = storeWithBob();
    expect(store.create('bob', 'Work/2026/메일')).toEqual({ ok: true });
    expect(events.filter((e) => e.kind === 'mailbox.created').map((e) => e.folder)).toEqual([
      'Work',
      'Work/2026',
      'Work/2026/메일',
    ]);
    expect(store.hasChildren('bob', 'Work')).toBe(true);
  });

  it('refuses to create a folder that exists, or a name with an empty level', () => {
    const { store } = storeWithBob();
    expect(store.create('bob', 'Sent')).toEqual({ ok: false, reason: 'exists' });
    expect(store.create('bob', 'a//b')).toMatchObject({ ok: false, reason: 'invalid-name' });
    expect(store.create('bob', '')).toMatchObject({ ok: false, reason: 'invalid-name' });
  });

  it('treats a trailing delimiter on CREATE as the folder itself', () => {
    const { store } = storeWithBob();
    store.create('bob', 'Projects/');
    expect(store.folder('bob', 'Projects')?.selectable).toBe(true);
  });

  it('never deletes INBOX', () => {
    const { store } = storeWithBob();
    expect(store.delete('bob', 'inbox')).toEqual({ ok: false, reason: 'inbox' });
  });

  it('deletes a folder with children by expunging its mail and keeping its name as \\Noselect', () => {
    const { store, events } = storeWithBob();
    store.create('bob', 'Work/Old');
    store.deliver('bob', 'a\r\n', 'Q1', 'Work');
    expect(store.delete('bob', 'Work')).toEqual({ ok: true });
    expect(store.folder('bob', 'Work')).toMatchObject({ selectable: false, messages: [] });
    expect(events.at(-2)).toMatchObject({ kind: 'mailbox.expunged', folder: 'Work', uid: 1 });
    expect(events.at(-1)).toEqual({
      kind: 'mailbox.deleted',
      host: 'hamburger.edu',
      user: 'bob',
      folder: 'Work',
      noselect: true,
    });
    expect(store.delete('bob', 'Work')).toEqual({ ok: false, reason: 'has-children' });
  });

  it('gives a folder deleted and created again a new UIDVALIDITY', () => {
    const { store } = storeWithBob();
    store.create('bob', 'Tmp');
    const before = store.folder('bob', 'Tmp')?.uidValidity;
    store.delete('bob', 'Tmp');
    store.create('bob', 'Tmp');
    expect(store.folder('bob', 'Tmp')?.uidValidity).not.toBe(before);
  });

  it('renames a folder with its children, each keeping its UIDVALIDITY and UIDs', () => {
    const { store, events } = storeWithBob();
    store.create('bob', 'Work/Old');
    store.deliver('bob', 'x\r\n', 'Q1', 'Work/Old');
    const old = store.folder('bob', 'Work/Old');
    expect(store.rename('bob', 'Work', 'Archive/Work')).toEqual({ ok: true });
    expect(store.folder('bob', 'Work')).toBeUndefined();
    expect(store.folder('bob', 'Archive/Work/Old')).toBe(old);
    expect(uidsOf(store, 'Archive/Work/Old')).toEqual([1]);
    expect(events.filter((e) => e.kind === 'mailbox.renamed').map((e) => [e.folder, e.to])).toEqual([
      ['Work', 'Archive/Work'],
      ['Work/Old', 'Archive/Work/Old'],
    ]);
    expect(store.folder('bob', 'Archive')?.selectable).toBe(true);
  });

  it('refuses to rename onto an existing name or below the folder itself', () => {
    const { store } = storeWithBob();
    store.create('bob', 'Work');
    expect(store.rename('bob', 'Work', 'Sent')).toEqual({ ok: false, reason: 'exists' });
    expect(store.rename('bob', 'Work', 'Work/Inner')).toEqual({ ok: false, reason: 'below-itself' });
    expect(store.rename('bob', 'Nowhere', 'Else')).toEqual({ ok: false, reason: 'no-such-folder' });
  });

  it('renames INBOX by moving its mail to the new folder, leaving INBOX empty and its UIDs unused again', () => {
    const { store } = storeWithBob();
    store.deliver('bob', 'one\r\n', 'Q1');
    store.deliver('bob', 'two\r\n', 'Q2');
    expect(store.rename('bob', 'INBOX', 'Old mail')).toEqual({ ok: true });
    expect(store.folder('bob', 'Old mail')?.messages.map((m) => m.raw)).toEqual(['one\r\n', 'two\r\n']);
    expect(uidsOf(store, 'INBOX')).toEqual([]);
    expect(store.deliver('bob', 'three\r\n', 'Q3').uid).toBe(3);
  });

  it('keeps a subscription to a deleted folder until it is unsubscribed', () => {
    const { store } = storeWithBob();
    store.create('bob', 'Lists');
    store.subscribe('bob', 'Lists');
    store.delete('bob', 'Lists');
    expect(store.subscriptions('bob')).toContain('Lists');
    expect(store.unsubscribe('bob', 'Lists')).toEqual({ ok: true });
    expect(store.subscriptions('bob')).not.toContain('Lists');
    expect(store.subscribe('bob', 'Lists')).toEqual({ ok: false, reason: 'no-such-folder' });
  });
});

describe('messages', () => {
  it('stores delivered mail with increasing UIDs and no stored \\Recent, reporting it as before', () => {
    const { store, events } = storeWithBob();
    const first = store.deliver('BOB', 'Subject: hi\r\n\r\nbody\r\n', 'Q1');
    const second = store.deliver('bob', 'again\r\n', 'Q2');
    expect([first.uid, second.uid]).toEqual([1, 2]);
    expect([...first.flags]).toEqual([]);
    expect(events[0]).toEqual({
      kind: 'mailbox.stored',
      host: 'hamburger.edu',
      user: 'bob',
      folder: 'INBOX',
      uidValidity: store.folder('bob', 'INBOX')?.uidValidity,
      uid: 1,
      size: 21,
      queueId: 'Q1',
      raw: 'Subject: hi\r\n\r\nbody\r\n',
    });
  });

  it('spells system flags as the RFC does, never stores \\Recent, and reports only real changes', () => {
    const { store, events } = storeWithBob();
    store.deliver('bob', 'x\r\n', 'Q1');
    expect(store.storeFlags('bob', 'INBOX', [1], 'add', ['\\seen', '\\Recent', '$Work'])).toEqual([1]);
    expect([...(store.folder('bob')?.messages[0]?.flags ?? [])]).toEqual(['\\Seen', '$Work']);
    expect(store.storeFlags('bob', 'INBOX', [1], 'add', ['\\Seen'])).toEqual([]);
    expect(events.filter((e) => e.kind === 'mailbox.flags')).toHaveLength(1);
  });

  it('compares keywords without regard to case, keeping the first spelling', () => {
    const { store } = storeWithBob();
    store.deliver('bob', 'x\r\n', 'Q1');
    store.storeFlags('bob', 'INBOX', [1], 'add', ['$Work']);
    expect(store.storeFlags('bob', 'INBOX', [1], 'add', ['$WORK'])).toEqual([]);
    expect(store.storeFlags('bob', 'INBOX', [1], 'remove', ['$work'])).toEqual([1]);
    expect(store.folder('bob')?.messages[0]?.flags.size).toBe(0);
  });

  it('copies with a UID map in source order, keeping flags and the internal date', () => {
    const { store, events } = storeWithBob();
    store.deliver('bob', 'a\r\n', 'Q1');
    store.deliver('bob', 'b\r\n', 'Q2');
    store.deliver('bob', 'c\r\n', 'Q3');
    store.setFlags('bob', 'INBOX', 3, ['\\Flagged']);
    const result = store.copy('bob', 'INBOX', [3, 1, 99], 'Trash');
    expect(result).toEqual({
      ok: true,
      uidValidity: store.folder('bob', 'Trash')?.uidValidity,
      uids: [
        { from: 1, to: 1 },
        { from: 3, to: 2 },
      ],
    });
    expect([...(store.folder('bob', 'Trash')?.messages[1]?.flags ?? [])]).toEqual(['\\Flagged']);
    expect(events.at(-1)).toMatchObject({
      kind: 'mailbox.copied',
      folder: 'INBOX',
      uid: 3,
      to: 'Trash',
      toUid: 2,
    });
    expect(uidsOf(store, 'INBOX')).toEqual([1, 2, 3]);
  });

  it('refuses to copy to a folder that does not exist, so the client can be told to create it', () => {
    const { store } = storeWithBob();
    store.deliver('bob', 'a\r\n', 'Q1');
    expect(store.copy('bob', 'INBOX', [1], 'Nope')).toEqual({ ok: false, reason: 'no-such-folder' });
  });

  it('moves by copying and expunging the originals', () => {
    const { store } = storeWithBob();
    store.deliver('bob', 'a\r\n', 'Q1');
    store.deliver('bob', 'b\r\n', 'Q2');
    const result = store.move('bob', 'INBOX', [2], 'Trash');
    expect(result.ok && result.uids).toEqual([{ from: 2, to: 1 }]);
    expect(uidsOf(store, 'INBOX')).toEqual([1]);
    expect(uidsOf(store, 'Trash')).toEqual([1]);
  });

  it('appends with the APPENDUID answer and reports the append as its own kind of event', () => {
    const { store, events } = storeWithBob();
    const result = store.append('bob', 'Sent', 'draft\r\n', ['\\Seen'], 500);
    expect(result).toEqual({ ok: true, uidValidity: store.folder('bob', 'Sent')?.uidValidity, uid: 1 });
    expect(store.folder('bob', 'Sent')?.messages[0]?.internalDate).toBe(500);
    expect(events.at(-1)).toMatchObject({ kind: 'mailbox.appended', folder: 'Sent', flags: ['\\Seen'] });
  });

  it('expunges only the messages flagged \\Deleted', () => {
    const { store } = storeWithBob();
    for (const q of ['Q1', 'Q2', 'Q3']) store.deliver('bob', `${q}\r\n`, q);
    store.storeFlags('bob', 'INBOX', [1, 3], 'add', ['\\Deleted']);
    expect(store.expungeDeleted('bob', 'INBOX')).toEqual([1, 3]);
    expect(uidsOf(store, 'INBOX')).toEqual([2]);
  });

  it('counts STATUS without selecting', () => {
    const { store } = storeWithBob();
    store.deliver('bob', 'a\r\n', 'Q1');
    store.deliver('bob', 'b\r\n', 'Q2');
    store.setFlags('bob', 'INBOX', 1, ['\\Seen']);
    expect(store.status('bob', 'INBOX')).toMatchObject({ messages: 2, recent: 2, unseen: 1, uidNext: 3 });
  });
});

describe('sessions', () => {
  it('gives \\Recent for new mail to exactly one of two sessions that have the folder selected', () => {
    const { store } = storeWithBob();
    const phone = store.openSession('bob');
    const laptop = store.openSession('bob');
    phone.select('INBOX', false);
    laptop.select('INBOX', false);
    store.deliver('bob', 'hi\r\n', 'Q1');
    expect(laptop.takeChanges()).toEqual([{ kind: 'added', uid: 1, recent: true }]);
    expect(phone.takeChanges()).toEqual([{ kind: 'added', uid: 1, recent: false }]);
    expect(laptop.flags(1)).toEqual(['\\Recent']);
    expect(phone.flags(1)).toEqual([]);
  });

  it('keeps mail that arrived while nobody had the folder selected recent for the next session to select it', () => {
    const { store } = storeWithBob();
    store.deliver('bob', 'one\r\n', 'Q1');
    const first = store.openSession('bob');
    expect(first.select('INBOX', false)).toMatchObject({ exists: 1, recent: 1, unseen: 1 });
    first.end();
    const second = store.openSession('bob');
    expect(second.select('INBOX', false)).toMatchObject({ exists: 1, recent: 0 });
  });

  it('does not take \\Recent away on EXAMINE', () => {
    const { store } = storeWithBob();
    store.deliver('bob', 'one\r\n', 'Q1');
    const looker = store.openSession('bob');
    expect(looker.select('INBOX', true)).toMatchObject({ readOnly: true, recent: 1 });
    const reader = store.openSession('bob');
    expect(reader.select('INBOX', false)).toMatchObject({ recent: 1 });
  });

  it('tells the listener of every change to the selected folder, and of nothing else', () => {
    const { store } = storeWithBob();
    const heard: FolderChange[] = [];
    const session = store.openSession('bob', (change) => heard.push(change));
    session.select('INBOX', false);
    store.deliver('bob', 'a\r\n', 'Q1');
    store.deliver('bob', 'b\r\n', 'Q2', 'Trash');
    store.setFlags('bob', 'INBOX', 1, ['\\Seen']);
    store.expunge('bob', 'INBOX', [1]);
    expect(heard).toEqual([
      { kind: 'stored', uid: 1 },
      { kind: 'flags', uid: 1 },
      { kind: 'expunged', uid: 1 },
    ]);
  });

  it('holds back expunges while the protocol forbids them, keeping the sequence numbers the client knows', () => {
    const { store } = storeWithBob();
    for (const q of ['Q1', 'Q2', 'Q3']) store.deliver('bob', `${q}\r\n`, q);
    const session = store.openSession('bob');
    session.select('INBOX', false);
    store.expunge('bob', 'INBOX', [2]);
    store.deliver('bob', 'Q4\r\n', 'Q4');
    expect(session.sync({ expunges: false })).toEqual([
      { kind: 'exists', count: 4 },
      { kind: 'recent', count: 4 },
    ]);
    expect(session.uidAt(2)).toBe(2);
    expect(session.message(2)).toBeUndefined();
    expect(session.sync({ expunges: true })).toEqual([{ kind: 'expunge', seq: 2 }]);
    expect(session.uids()).toEqual([1, 3, 4]);
  });

  it('numbers each expunge after the ones before it went', () => {
    const { store } = storeWithBob();
    for (const q of ['Q1', 'Q2', 'Q3', 'Q4']) store.deliver('bob', `${q}\r\n`, q);
    const other = store.openSession('bob');
    other.select('INBOX', false);
    store.expunge('bob', 'INBOX', [2, 3]);
    expect(other.sync({ expunges: true })).toEqual([
      { kind: 'expunge', seq: 2 },
      { kind: 'expunge', seq: 2 },
    ]);
  });

  it('reports another session’s flag change as FETCH, but not its own', () => {
    const { store } = storeWithBob();
    store.deliver('bob', 'a\r\n', 'Q1');
    const mine = store.openSession('bob');
    const theirs = store.openSession('bob');
    mine.select('INBOX', false);
    theirs.select('INBOX', false);
    expect(mine.storeFlags([1], 'add', ['\\Seen'])).toEqual({ ok: true, changed: [1] });
    expect(mine.sync({ expunges: true })).toEqual([]);
    expect(theirs.sync({ expunges: true })).toEqual([{ kind: 'fetch', seq: 1, uid: 1, flags: ['\\Seen'] }]);
  });

  it('answers its own EXPUNGE with sequence numbers, leaving others’ expunges owed', () => {
    const { store } = storeWithBob();
    for (const q of ['Q1', 'Q2', 'Q3']) store.deliver('bob', `${q}\r\n`, q);
    const session = store.openSession('bob');
    session.select('INBOX', false);
    store.expunge('bob', 'INBOX', [1]);
    session.storeFlags([3], 'add', ['\\Deleted']);
    expect(session.expunge()).toEqual({ ok: true, uids: [3], expunged: [3] });
    expect(session.takeChanges()).toEqual([{ kind: 'expunged', uid: 1 }]);
    expect(session.uids()).toEqual([2]);
  });

  it('moves with a UID map and this view’s expunges', () => {
    const { store } = storeWithBob();
    for (const q of ['Q1', 'Q2']) store.deliver('bob', `${q}\r\n`, q);
    const session = store.openSession('bob');
    session.select('INBOX', false);
    const moved = session.move([2], 'Trash');
    expect(moved).toMatchObject({ ok: true, uids: [{ from: 2, to: 1 }], expunged: [2] });
    expect(session.takeChanges()).toEqual([]);
  });

  it('refuses changes in a read-only session but lets it copy', () => {
    const { store } = storeWithBob();
    store.deliver('bob', 'a\r\n', 'Q1');
    const session = store.openSession('bob');
    session.select('INBOX', true);
    expect(session.storeFlags([1], 'add', ['\\Seen'])).toEqual({ ok: false, reason: 'read-only' });
    expect(session.expunge()).toEqual({ ok: false, reason: 'read-only' });
    expect(session.copy([1], 'Trash')).toMatchObject({ ok: true });
  });

  it('announces a new keyword before the flag change that uses it', () => {
    const { store } = storeWithBob();
    store.deliver('bob', 'a\r\n', 'Q1');
    const session = store.openSession('bob');
    session.select('INBOX', false);
    store.setFlags('bob', 'INBOX', 1, ['$Urgent']);
    const changes = session.takeChanges();
    expect(changes.map((c) => c.kind)).toEqual(['flagsDefined', 'flags']);
    expect(changes[0]).toMatchObject({ flags: expect.arrayContaining(['$Urgent', '\\Seen']) });
  });

  it('tells a session its folder was deleted, and deselects it', () => {
    const { store } = storeWithBob();
    store.create('bob', 'Work');
    store.deliver('bob', 'a\r\n', 'Q1', 'Work');
    const session = store.openSession('bob');
    session.select('Work', false);
    store.delete('bob', 'Work');
    expect(session.sync({ expunges: true })).toEqual([
      { kind: 'expunge', seq: 1 },
      { kind: 'deleted', folder: 'Work' },
    ]);
    expect(session.selectedFolder).toBeNull();
  });

  it('follows its folder through a rename', () => {
    const { store } = storeWithBob();
    store.create('bob', 'Work');
    const session = store.openSession('bob');
    session.select('Work', false);
    store.rename('bob', 'Work', 'Job');
    store.deliver('bob', 'a\r\n', 'Q1', 'Job');
    expect(session.takeChanges()).toEqual([{ kind: 'added', uid: 1, recent: true }]);
  });

  it('does not mention a message that came and went before the client heard of it', () => {
    const { store } = storeWithBob();
    const session = store.openSession('bob');
    session.select('INBOX', false);
    store.deliver('bob', 'a\r\n', 'Q1');
    store.expunge('bob', 'INBOX', [1]);
    expect(session.takeChanges()).toEqual([]);
  });
});

describe('a store with a limit', () => {
  it('counts the octets it holds, and forgets those of expunged messages', () => {
    const { store } = storeWithBob();
    store.deliver('bob', 'x'.repeat(100), 'Q1');
    store.deliver('bob', 'y'.repeat(50), 'Q2');
    expect(store.octets).toBe(150);
    store.expunge('bob', 'INBOX', [1]);
    expect(store.octets).toBe(50);
  });

  it('refuses APPEND once it holds its limit, and takes it again after an expunge', () => {
    const { store } = storeWithBob();
    store.limit = 100;
    store.deliver('bob', 'x'.repeat(100), 'Q1');
    expect(store.full).toBe(true);
    expect(store.append('bob', 'INBOX', 'late')).toEqual({ ok: false, reason: 'full' });
    store.expunge('bob', 'INBOX', [1]);
    expect(store.append('bob', 'INBOX', 'late')).toMatchObject({ ok: true });
  });
});
