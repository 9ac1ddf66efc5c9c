// Writing commands as our client sends them, and cutting them at their literals; every command formatted
// reads back as the same structure.
import { describe, expect, it } from 'vitest';
import type { ImapCommand } from '../../../../src/protocols/imap/commandTypes.ts';
import { commandChunks, formatCommand } from '../../../../src/protocols/imap/formatCommand.ts';
import { parseCommand } from '../../../../src/protocols/imap/parseCommand.ts';

const set = [
  { start: 1, end: 3 },
  { start: 7, end: '*' as const },
];

const COMMANDS: ImapCommand[] = [
  { tag: 'a1', name: 'CAPABILITY' },
  { tag: 'a2', name: 'NOOP' },
  { tag: 'a3', name: 'LOGOUT' },
  { tag: 'a4', name: 'STARTTLS' },
  { tag: 'a5', name: 'CHECK' },
  { tag: 'a6', name: 'CLOSE' },
  { tag: 'a7', name: 'IDLE' },
  { tag: 'b1', name: 'LOGIN', userid: 'alice', password: 'p a"s\\s' },
  { tag: 'b2', name: 'LOGIN', userid: '김철수', password: 'line\r\nbreak' },
  { tag: 'b3', name: 'AUTHENTICATE', mechanism: 'PLAIN', initialResponse: null },
  { tag: 'b4', name: 'AUTHENTICATE', mechanism: 'PLAIN', initialResponse: 'AGEAYg==' },
  { tag: 'c1', name: 'SELECT', mailbox: 'INBOX' },
  { tag: 'c2', name: 'EXAMINE', mailbox: 'Sent Items' },
  { tag: 'c3', name: 'CREATE', mailbox: '&vBvHQNO4ycDVaA-' },
  { tag: 'c4', name: 'DELETE', mailbox: 'a]b' },
  { tag: 'c5', name: 'SUBSCRIBE', mailbox: '' },
  { tag: 'c6', name: 'UNSUBSCRIBE', mailbox: 'NIL' },
  { tag: 'c7', name: 'RENAME', from: 'Old', to: 'New/Sub' },
  { tag: 'c8', name: 'LIST', reference: '', pattern: '*' },
  { tag: 'c9', name: 'LSUB', reference: '#news.', pattern: 'comp %' },
  {
    tag: 'd1',
    name: 'STATUS',
    mailbox: 'INBOX',
    items: ['MESSAGES', 'RECENT', 'UIDNEXT', 'UIDVALIDITY', 'UNSEEN'],
  },
  {
    tag: 'd2',
    name: 'APPEND',
    mailbox: 'Drafts',
    flags: ['\\Draft', '$Label'],
    date: { ms: Date.UTC(2024, 0, 2, 3, 4, 5), zoneMinutes: 540 },
    message: 'Subject: hi\r\n\r\nbody with {5}\r\n',
  },
  { tag: 'd3', name: 'APPEND', mailbox: 'INBOX', flags: [], date: null, message: 'x' },
  { tag: 'e1', name: 'EXPUNGE', uid: false },
  { tag: 'e2', name: 'EXPUNGE', uid: true, set },
  {
    tag: 'e3',
    name: 'SEARCH',
    uid: true,
    charset: 'UTF-8',
    keys: [
      { key: 'OR', left: { key: 'SUBJECT', value: '안녕' }, right: { key: 'NOT', operand: { key: 'SEEN' } } },
      {
        key: 'group',
        keys: [
          { key: 'SINCE', date: { year: 2024, month: 3, day: 9 } },
          { key: 'sequence', set },
        ],
      },
    ],
  },
  { tag: 'e4', name: 'SEARCH', uid: false, charset: null, keys: [{ key: 'ALL' }] },
  {
    tag: 'f1',
    name: 'FETCH',
    uid: false,
    set,
    macro: 'FAST',
    items: [{ kind: 'FLAGS' }, { kind: 'INTERNALDATE' }, { kind: 'RFC822.SIZE' }],
  },
  {
    tag: 'f2',
    name: 'FETCH',
    uid: true,
    set,
    macro: null,
    items: [
      { kind: 'UID' },
      {
        kind: 'section',
        peek: true,
        section: { part: [1, 2], text: { kind: 'HEADER.FIELDS', fields: ['Subject', 'X Odd'] } },
        partial: { origin: 0, count: 512 },
      },
    ],
  },
  { tag: 'g1', name: 'STORE', uid: false, set, operation: 'add', silent: true, flags: ['\\Seen'] },
  { tag: 'g2', name: 'STORE', uid: true, set, operation: 'replace', silent: false, flags: [] },
  { tag: 'g3', name: 'COPY', uid: false, set, mailbox: 'Trash' },
  { tag: 'g4', name: 'MOVE', uid: true, set, mailbox: 'Archive/2024' },
];

// Octets, as the wire carries them: the Korean strings above are sent as UTF-8.
function asOctets(command: ImapCommand): ImapCommand {
  return JSON.parse(
    JSON.stringify(command, (_key, value: unknown) =>
      typeof value === 'string' ? Buffer.from(value, 'utf8').toString('latin1') : value,
    ),
  ) as ImapCommand;
}

describe('formatCommand', () => {
  it('writes commands that parseCommand reads back as the same structure', () => {
    for (const command of COMMANDS) {
      expect(parseCommand(formatCommand(command)), formatCommand(command)).toEqual({
        ok: true,
        command: asOctets(command),
      });
    }
  });

  it('writes the plainest form: atoms bare, quoted strings where needed, literals for CRLF and 8-bit', () => {
    expect(formatCommand({ tag: 'a', name: 'LOGIN', userid: 'bob', password: 'two words' })).toBe(
      'a LOGIN bob "two words"',
    );
    expect(formatCommand({ tag: 'a', name: 'SELECT', mailbox: '' })).toBe('a SELECT ""');
    expect(formatCommand({ tag: 'a', name: 'LOGIN', userid: '철수', password: 'x' })).toBe(
      'a LOGIN {6}\r\n\xec\xb2\xa0\xec\x88\x98 x',
    );
    expect(
      formatCommand({
        tag: 'a',
        name: 'STORE',
        uid: false,
        set,
        operation: 'remove',
        silent: false,
        flags: ['\\Deleted'],
      }),
    ).toBe('a STORE 1:3,7:* -FLAGS (\\Deleted)');
  });
});

describe('commandChunks', () => {
  it('cuts a command after each literal announcement, skipping literal octets that look like one', () => {
    const wire = formatCommand({ tag: 'a', name: 'LOGIN', userid: 'x\r\n{2}', password: 'y\r\n' });
    expect(wire).toBe('a LOGIN {6}\r\nx\r\n{2} {3}\r\ny\r\n');
    expect(commandChunks(wire)).toEqual(['a LOGIN {6}\r\n', 'x\r\n{2} {3}\r\n', 'y\r\n']);
  });

  it('leaves a command without literals whole', () => {
    expect(commandChunks('a NOOP')).toEqual(['a NOOP']);
  });
});
