import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import {
  foldMailboxEvent,
  isMailboxEvent,
  mailboxFolders,
  newMailboxFold,
} from '../../../src/sim/mailboxView.ts';
import { Session } from '../../../src/sim/session.ts';
import type { TraceEvent, UnstampedEvent } from '../../../src/sim/trace.ts';
import { worldAt } from '../../../src/sim/worldView.ts';

const base = { host: 'hamburger.edu', user: 'bob' };

/** Stamps events in order and folds them for bob@hamburger.edu. */
function folded(events: UnstampedEvent[]) {
  const fold = newMailboxFold(['bob@hamburger.edu']);
  events.forEach((e, i) => {
    const stamped = { ...e, t: i * 1000, seq: i } as TraceEvent;
    if (isMailboxEvent(stamped)) foldMailboxEvent(fold, stamped);
  });
  return mailboxFolders(fold)['bob@hamburger.edu'] ?? [];
}

function stored(uid: number): UnstampedEvent {
  return { kind: 'mailbox.stored', ...base, folder: 'INBOX', uid, size: 10, queueId: `q${uid}`, raw: 'x' };
}

describe('the folders of an account', () => {
  it('start as INBOX, Sent and Trash, empty, INBOX first', () => {
    expect(folded([]).map((f) => [f.name, f.messages.length])).toEqual([
      ['INBOX', 0],
      ['Sent', 0],
      ['Trash', 0],
    ]);
  });

  it('are listed INBOX first, then by name whatever the case (lower case first), Korean names after the Latin ones', () => {
    const created = ['보관함', 'archive', 'Work', '개인', 'drafts', 'Drafts'].map(
      (folder): UnstampedEvent => ({ kind: 'mailbox.created', ...base, folder }),
    );
    expect(folded(created).map((f) => f.name)).toEqual([
      'INBOX',
      'archive',
      'drafts',
      'Drafts',
      'Sent',
      'Trash',
      'Work',
      '개인',
      '보관함',
    ]);
  });

  it('keep a message flagged \\Deleted, with its flags, until it is expunged', () => {
    const flagged = folded([
      stored(1),
      stored(2),
      { kind: 'mailbox.flags', ...base, folder: 'INBOX', uid: 1, flags: ['\\Seen', '\\Deleted'] },
    ]);
    expect(flagged[0]?.messages.map((m) => [m.uid, m.flags])).toEqual([
      [1, ['\\Seen', '\\Deleted']],
      [2, ['\\Recent']],
    ]);
    const expunged = folded([
      stored(1),
      stored(2),
      { kind: 'mailbox.flags', ...base, folder: 'INBOX', uid: 1, flags: ['\\Seen', '\\Deleted'] },
      { kind: 'mailbox.expunged', ...base, folder: 'INBOX', uid: 1 },
    ]);
    expect(expunged[0]?.messages.map((m) => m.uid)).toEqual([2]);
  });

  it('show a moved message under its new UID in the folder it went to, its text still the stored one', () => {
    const folders = folded([
      stored(1),
      { kind: 'mailbox.created', ...base, folder: 'Work' },
      { kind: 'mailbox.copied', ...base, folder: 'INBOX', uid: 1, to: 'Work', toUid: 7 },
      { kind: 'mailbox.expunged', ...base, folder: 'INBOX', uid: 1 },
    ]);
    const work = folders.find((f) => f.name === 'Work');
    expect(work?.messages.map((m) => [m.uid, m.seq])).toEqual([[7, 0]]);
    expect(folders.find((f) => f.name === 'INBOX')?.messages).toEqual([]);
  });

  it('rename a folder with the folders under it, and keep a deleted parent as \\Noselect', () => {
    const folders = folded([
      { kind: 'mailbox.created', ...base, folder: 'Work' },
      { kind: 'mailbox.created', ...base, folder: 'Work/2026' },
      { kind: 'mailbox.renamed', ...base, folder: 'Work', to: 'Jobs' },
      { kind: 'mailbox.deleted', ...base, folder: 'Jobs', noselect: true },
    ]);
    expect(folders.map((f) => [f.name, f.noselect])).toEqual([
      ['INBOX', false],
      ['Jobs', true],
      ['Jobs/2026', false],
      ['Sent', false],
      ['Trash', false],
    ]);
  });

  it('carry the UIDVALIDITY the store reports with a folder or a message, and none when it reports none', () => {
    const folders = folded([
      {
        kind: 'mailbox.stored',
        ...base,
        folder: 'INBOX',
        uid: 1,
        size: 1,
        queueId: 'q1',
        raw: 'x',
        uidValidity: 3,
      },
      { kind: 'mailbox.created', ...base, folder: 'Work', uidValidity: 7 },
    ]);
    expect(folders.map((f) => [f.name, f.uidValidity])).toEqual([
      ['INBOX', 3],
      ['Sent', null],
      ['Trash', null],
      ['Work', 7],
    ]);
  });

  it('drop a folder deleted outright', () => {
    const folders = folded([
      { kind: 'mailbox.created', ...base, folder: 'Old' },
      { kind: 'mailbox.deleted', ...base, folder: 'Old', noselect: false },
    ]);
    expect(folders.map((f) => f.name)).toEqual(['INBOX', 'Sent', 'Trash']);
  });

  it('hold the textbook message in Bob’s INBOX in the world view, the map’s INBOX count agreeing', () => {
    const textbook = builtinScenario('textbook');
    if (textbook === undefined) throw new Error('textbook is missing');
    const session = new Session(textbook);
    session.runUntilQuiet(3_600_000);
    const world = worldAt(textbook, session.events, session.events.length - 1);
    const inbox = world.folders['bob@hamburger.edu']?.find((f) => f.name === 'INBOX');
    expect(inbox?.messages.length).toBe(1);
    expect(world.mailboxes['bob@hamburger.edu']).toEqual(inbox?.messages);
  });
});
