// The client commands of RFC 3501 §6's examples and of its §8 sample session, fed line by line through the
// CommandReader (answering literals as a server would) and parsed into the expected structures.
import { describe, expect, it } from 'vitest';
import type { ImapCommand } from '../../../../src/protocols/imap/commandTypes.ts';
import { parseCommand } from '../../../../src/protocols/imap/parseCommand.ts';
import { CommandReader } from '../../../../src/protocols/imap/reader.ts';

const one = (n: number) => [{ start: n, end: n }];

// Feeds client lines to a reader and returns the commands read, with a "+" noted where the server sends one.
function transcript(lines: readonly string[]): (ImapCommand | '+')[] {
  const reader = new CommandReader();
  const out: (ImapCommand | '+')[] = [];
  for (const line of lines) {
    const read = reader.push(line);
    if (read.kind === 'continue') out.push('+');
    if (read.kind === 'refused') throw new Error(`refused: ${read.message}`);
    if (read.kind === 'command') {
      const parsed = parseCommand(read.text);
      if (!parsed.ok) throw new Error(`${read.text}: ${parsed.message}`);
      out.push(parsed.command);
    }
  }
  return out;
}

function parsed(line: string): ImapCommand {
  const result = parseCommand(line);
  if (!result.ok) throw new Error(`${line}: ${result.message}`);
  return result.command;
}

describe('the RFC 3501 §8 sample session', () => {
  it('reads every client command into the expected structure', () => {
    expect(
      transcript([
        'a001 login mrc secret',
        'a002 select inbox',
        'a003 fetch 12 full',
        'a004 fetch 12 body[header]',
        'a005 store 12 +flags \\deleted',
        'a006 logout',
      ]),
    ).toEqual([
      { tag: 'a001', name: 'LOGIN', userid: 'mrc', password: 'secret' },
      { tag: 'a002', name: 'SELECT', mailbox: 'INBOX' },
      {
        tag: 'a003',
        name: 'FETCH',
        uid: false,
        set: one(12),
        macro: 'FULL',
        items: [
          { kind: 'FLAGS' },
          { kind: 'INTERNALDATE' },
          { kind: 'RFC822.SIZE' },
          { kind: 'ENVELOPE' },
          { kind: 'BODY' },
        ],
      },
      {
        tag: 'a004',
        name: 'FETCH',
        uid: false,
        set: one(12),
        macro: null,
        items: [
          { kind: 'section', peek: false, section: { part: [], text: { kind: 'HEADER' } }, partial: null },
        ],
      },
      {
        tag: 'a005',
        name: 'STORE',
        uid: false,
        set: one(12),
        operation: 'add',
        silent: false,
        flags: ['\\Deleted'],
      },
      { tag: 'a006', name: 'LOGOUT' },
    ]);
  });
});

describe('the RFC 3501 §6 examples', () => {
  it('read the commands of any state (§6.1)', () => {
    expect(parsed('abcd CAPABILITY')).toEqual({ tag: 'abcd', name: 'CAPABILITY' });
    expect(parsed('efgh STARTTLS')).toEqual({ tag: 'efgh', name: 'STARTTLS' });
    expect(parsed('a002 NOOP')).toEqual({ tag: 'a002', name: 'NOOP' });
    expect(parsed('A023 LOGOUT')).toEqual({ tag: 'A023', name: 'LOGOUT' });
  });

  it('read LOGIN and AUTHENTICATE (§6.2)', () => {
    expect(parsed('a004 LOGIN joe password')).toEqual({
      tag: 'a004',
      name: 'LOGIN',
      userid: 'joe',
      password: 'password',
    });
    expect(parsed('a001 LOGIN SMITH SESAME')).toMatchObject({ userid: 'SMITH', password: 'SESAME' });
    expect(parsed('A001 AUTHENTICATE GSSAPI')).toEqual({
      tag: 'A001',
      name: 'AUTHENTICATE',
      mechanism: 'GSSAPI',
      initialResponse: null,
    });
  });

  it('read the mailbox commands of the authenticated state (§6.3.1–6.3.7)', () => {
    expect(parsed('A142 SELECT INBOX')).toEqual({ tag: 'A142', name: 'SELECT', mailbox: 'INBOX' });
    expect(parsed('A932 EXAMINE blurdybloop')).toEqual({
      tag: 'A932',
      name: 'EXAMINE',
      mailbox: 'blurdybloop',
    });
    expect(parsed('A003 CREATE owatagusiam/')).toEqual({
      tag: 'A003',
      name: 'CREATE',
      mailbox: 'owatagusiam/',
    });
    expect(parsed('A004 CREATE owatagusiam/blurdybloop')).toMatchObject({
      mailbox: 'owatagusiam/blurdybloop',
    });
    expect(parsed('A685 DELETE foo/bar')).toEqual({ tag: 'A685', name: 'DELETE', mailbox: 'foo/bar' });
    expect(parsed('A683 RENAME blurdybloop sarasoop')).toEqual({
      tag: 'A683',
      name: 'RENAME',
      from: 'blurdybloop',
      to: 'sarasoop',
    });
    expect(parsed('Z433 RENAME INBOX old-mail')).toMatchObject({ from: 'INBOX', to: 'old-mail' });
    expect(parsed('A002 SUBSCRIBE #news.comp.mail.mime')).toEqual({
      tag: 'A002',
      name: 'SUBSCRIBE',
      mailbox: '#news.comp.mail.mime',
    });
    expect(parsed('A002 UNSUBSCRIBE #news.comp.mail.mime')).toMatchObject({ name: 'UNSUBSCRIBE' });
  });

  it('read LIST and LSUB with their references and wildcards (§6.3.8, §6.3.9)', () => {
    const list = (line: string) => {
      const { reference, pattern } = parsed(line) as Extract<ImapCommand, { name: 'LIST' | 'LSUB' }>;
      return [reference, pattern];
    };
    expect(parsed('A682 LIST "" *')).toEqual({ tag: 'A682', name: 'LIST', reference: '', pattern: '*' });
    expect(list('A86 LIST "" %')).toEqual(['', '%']);
    expect(list('A101 LIST "" ""')).toEqual(['', '']);
    expect(list('A102 LIST #news.comp.mail.misc ""')).toEqual(['#news.comp.mail.misc', '']);
    expect(list('A103 LIST /usr/staff/jones ""')).toEqual(['/usr/staff/jones', '']);
    expect(list('A202 LIST ~/Mail/ %')).toEqual(['~/Mail/', '%']);
    expect(parsed('A002 LSUB "#news." "comp.mail.*"')).toEqual({
      tag: 'A002',
      name: 'LSUB',
      reference: '#news.',
      pattern: 'comp.mail.*',
    });
    expect(list('A003 LSUB "#news." "comp.%"')).toEqual(['#news.', 'comp.%']);
  });

  it('read STATUS (§6.3.10)', () => {
    expect(parsed('A042 STATUS blurdybloop (UIDNEXT MESSAGES)')).toEqual({
      tag: 'A042',
      name: 'STATUS',
      mailbox: 'blurdybloop',
      items: ['UIDNEXT', 'MESSAGES'],
    });
  });

  it('read APPEND with its 310-octet literal after the "+" (§6.3.11)', () => {
    const message = [
      'Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)',
      'From: Fred Foobar <foobar@Blurdybloop.COM>',
      'Subject: afternoon meeting',
      'To: mooch@owatagu.siam.edu',
      'Message-Id: <B27397-0100000@Blurdybloop.COM>',
      'MIME-Version: 1.0',
      'Content-Type: TEXT/PLAIN; CHARSET=US-ASCII',
      '',
      'Hello Joe, do you think we can meet at 3:30 tomorrow?',
      '',
    ];
    expect(transcript(['A003 APPEND saved-messages (\\Seen) {310}', ...message])).toEqual([
      '+',
      {
        tag: 'A003',
        name: 'APPEND',
        mailbox: 'saved-messages',
        flags: ['\\Seen'],
        date: null,
        message: message.join('\r\n'),
      },
    ]);
  });

  it('read the commands of the selected state (§6.4.1–6.4.3)', () => {
    expect(parsed('FXXZ CHECK')).toEqual({ tag: 'FXXZ', name: 'CHECK' });
    expect(parsed('A341 CLOSE')).toEqual({ tag: 'A341', name: 'CLOSE' });
    expect(parsed('A202 EXPUNGE')).toEqual({ tag: 'A202', name: 'EXPUNGE', uid: false });
  });

  it('read SEARCH with dates, NOT, strings and a CHARSET with a literal (§6.4.4)', () => {
    expect(parsed('A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM "Smith"')).toEqual({
      tag: 'A282',
      name: 'SEARCH',
      uid: false,
      charset: null,
      keys: [
        { key: 'FLAGGED' },
        { key: 'SINCE', date: { year: 1994, month: 2, day: 1 } },
        { key: 'NOT', operand: { key: 'FROM', value: 'Smith' } },
      ],
    });
    expect(parsed('A283 SEARCH TEXT "string not in mailbox"')).toMatchObject({
      keys: [{ key: 'TEXT', value: 'string not in mailbox' }],
    });
    expect(transcript(['A284 SEARCH CHARSET UTF-8 TEXT {6}', 'XXXXXX'])).toEqual([
      '+',
      { tag: 'A284', name: 'SEARCH', uid: false, charset: 'UTF-8', keys: [{ key: 'TEXT', value: 'XXXXXX' }] },
    ]);
  });

  it('read FETCH, STORE, COPY and UID FETCH (§6.4.5–6.4.8)', () => {
    expect(parsed('A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])')).toEqual({
      tag: 'A654',
      name: 'FETCH',
      uid: false,
      set: [{ start: 2, end: 4 }],
      macro: null,
      items: [
        { kind: 'FLAGS' },
        {
          kind: 'section',
          peek: false,
          section: { part: [], text: { kind: 'HEADER.FIELDS', fields: ['DATE', 'FROM'] } },
          partial: null,
        },
      ],
    });
    expect(parsed('A003 STORE 2:4 +FLAGS (\\Deleted)')).toEqual({
      tag: 'A003',
      name: 'STORE',
      uid: false,
      set: [{ start: 2, end: 4 }],
      operation: 'add',
      silent: false,
      flags: ['\\Deleted'],
    });
    expect(parsed('A003 COPY 2:4 MEETING')).toEqual({
      tag: 'A003',
      name: 'COPY',
      uid: false,
      set: [{ start: 2, end: 4 }],
      mailbox: 'MEETING',
    });
    expect(parsed('A999 UID FETCH 4827313:4828442 FLAGS')).toEqual({
      tag: 'A999',
      name: 'FETCH',
      uid: true,
      set: [{ start: 4827313, end: 4828442 }],
      macro: null,
      items: [{ kind: 'FLAGS' }],
    });
  });

  it('refuse the experimental XPIG-LATIN of §6.5.1 as a command this server does not know', () => {
    expect(parseCommand('A442 XPIG-LATIN')).toMatchObject({
      ok: false,
      tag: 'A442',
      problem: 'unknownCommand',
      message: 'unknown command "XPIG-LATIN"',
    });
  });
});
