// Parsing whole commands by the grammar of RFC 3501 §9: the forms of every argument, the UID variants and the
// extensions, and the messages that a malformed command gets for its BAD reply.
import { describe, expect, it } from 'vitest';
import { commandVerb, type ImapCommand } from '../../../../src/protocols/imap/commandTypes.ts';
import { parseCommand } from '../../../../src/protocols/imap/parseCommand.ts';

function parsed(line: string): ImapCommand {
  const result = parseCommand(line);
  if (!result.ok) throw new Error(`${line}: ${result.message}`);
  return result.command;
}

function failure(line: string) {
  const result = parseCommand(line);
  if (result.ok) throw new Error(`${line} parsed as ${JSON.stringify(result.command)}`);
  return result;
}

describe('parseCommand reads arguments', () => {
  it('as atoms, quoted strings with escapes, and literals alike', () => {
    expect(parsed('a LOGIN fred "pass \\"word\\" \\\\ x"')).toMatchObject({
      userid: 'fred',
      password: 'pass "word" \\ x',
    });
    expect(parsed('a LOGIN {4}\r\nfr d {3}\r\n)(*')).toMatchObject({ userid: 'fr d', password: ')(*' });
    expect(parsed('a LOGIN "" {0}\r\n')).toMatchObject({ userid: '', password: '' });
  });

  it('with a literal whose octets hold CRLF and braces', () => {
    expect(parsed('a SELECT {9}\r\n{1}\r\nx\r\ny')).toMatchObject({ mailbox: '{1}\r\nx\r\ny' });
  });

  it('treating NIL as an ordinary string where an astring is expected', () => {
    expect(parsed('a SELECT NIL')).toMatchObject({ mailbox: 'NIL' });
  });

  it('with verbs and keywords in any case, and INBOX in any case as INBOX', () => {
    expect(parsed('x1 sElEcT iNbOx')).toEqual({ tag: 'x1', name: 'SELECT', mailbox: 'INBOX' });
    expect(parsed('x2 status "InBox" (messages unseen)')).toMatchObject({
      mailbox: 'INBOX',
      items: ['MESSAGES', 'UNSEEN'],
    });
    expect(parsed('x3 copy 1 inbox/Sub')).toMatchObject({ mailbox: 'inbox/Sub' });
  });

  it('with sequence sets of numbers, ranges, "*" and comma lists', () => {
    const set = (line: string) => (parsed(line) as Extract<ImapCommand, { name: 'FETCH' }>).set;
    expect(set('a FETCH * FLAGS')).toEqual([{ start: '*', end: '*' }]);
    expect(set('a FETCH 1:* FLAGS')).toEqual([{ start: 1, end: '*' }]);
    expect(set('a FETCH *:4 FLAGS')).toEqual([{ start: '*', end: 4 }]);
    expect(set('a FETCH 2,4:7,9,12:* FLAGS')).toEqual([
      { start: 2, end: 2 },
      { start: 4, end: 7 },
      { start: 9, end: 9 },
      { start: 12, end: '*' },
    ]);
  });

  it('with every UID variant, MOVE and UID EXPUNGE', () => {
    expect(parsed('a UID STORE 5 FLAGS.SILENT (\\Seen)')).toMatchObject({
      name: 'STORE',
      uid: true,
      operation: 'replace',
      silent: true,
    });
    expect(parsed('a UID COPY 1:3 Trash')).toMatchObject({ name: 'COPY', uid: true, mailbox: 'Trash' });
    expect(parsed('a MOVE 2 Archive')).toEqual({
      tag: 'a',
      name: 'MOVE',
      uid: false,
      set: [{ start: 2, end: 2 }],
      mailbox: 'Archive',
    });
    expect(parsed('a uid move 7:9 Archive')).toMatchObject({ name: 'MOVE', uid: true });
    expect(parsed('a UID SEARCH UID 100:*')).toMatchObject({
      name: 'SEARCH',
      uid: true,
      keys: [{ key: 'UID', set: [{ start: 100, end: '*' }] }],
    });
    expect(parsed('a UID EXPUNGE 3000:3002')).toEqual({
      tag: 'a',
      name: 'EXPUNGE',
      uid: true,
      set: [{ start: 3000, end: 3002 }],
    });
    expect(parsed('a IDLE')).toEqual({ tag: 'a', name: 'IDLE' });
  });

  it('names the verb the way it was sent', () => {
    expect(commandVerb(parsed('a uid fetch 1 UID'))).toBe('UID FETCH');
    expect(commandVerb(parsed('a UID EXPUNGE 1'))).toBe('UID EXPUNGE');
    expect(commandVerb(parsed('a EXPUNGE'))).toBe('EXPUNGE');
    expect(commandVerb(parsed('a LOGIN u p'))).toBe('LOGIN');
  });

  it('with STORE flags in a list or bare, added, removed or replaced, silently or not', () => {
    expect(parsed('a STORE 1 -FLAGS \\Seen \\flagged $Junk')).toMatchObject({
      operation: 'remove',
      silent: false,
      flags: ['\\Seen', '\\Flagged', '$Junk'],
    });
    expect(parsed('a STORE 1 +flags.silent ()')).toMatchObject({ operation: 'add', silent: true, flags: [] });
    expect(parsed('a STORE 1 FLAGS (\\Answered \\Draft)')).toMatchObject({
      operation: 'replace',
      flags: ['\\Answered', '\\Draft'],
    });
  });

  it('with APPEND flags and date-time, each optional', () => {
    expect(parsed('a APPEND Drafts (\\Draft) " 7-Feb-1994 21:52:25 -0800" {2}\r\nhi')).toEqual({
      tag: 'a',
      name: 'APPEND',
      mailbox: 'Drafts',
      flags: ['\\Draft'],
      date: { ms: Date.UTC(1994, 1, 8, 5, 52, 25), zoneMinutes: -480 },
      message: 'hi',
    });
    expect(parsed('a APPEND Sent "17-Jul-1996 02:44:25 +0900" {1}\r\nx')).toMatchObject({
      flags: [],
      date: { ms: Date.UTC(1996, 6, 16, 17, 44, 25), zoneMinutes: 540 },
    });
    expect(parsed('a APPEND INBOX {1}\r\nx')).toMatchObject({ flags: [], date: null, message: 'x' });
  });

  it('with AUTHENTICATE and an optional SASL-IR initial response', () => {
    expect(parsed('a authenticate plain AGJvYgBzZWNyZXQ=')).toEqual({
      tag: 'a',
      name: 'AUTHENTICATE',
      mechanism: 'PLAIN',
      initialResponse: 'AGJvYgBzZWNyZXQ=',
    });
    expect(parsed('a AUTHENTICATE PLAIN =')).toMatchObject({ initialResponse: '=' });
  });

  it('with every FETCH item, macro and section form', () => {
    const items = (line: string) => {
      const { macro, items } = parsed(line) as Extract<ImapCommand, { name: 'FETCH' }>;
      return { macro, items };
    };
    expect(items('a FETCH 1 all')).toMatchObject({ macro: 'ALL', items: [{}, {}, {}, { kind: 'ENVELOPE' }] });
    expect(items('a FETCH 1 FAST').items.map((item) => item.kind)).toEqual([
      'FLAGS',
      'INTERNALDATE',
      'RFC822.SIZE',
    ]);
    expect(
      items(
        'a FETCH 1 (ENVELOPE FLAGS INTERNALDATE RFC822 RFC822.HEADER RFC822.SIZE RFC822.TEXT BODY BODYSTRUCTURE UID)',
      ).items.map((item) => item.kind),
    ).toEqual([
      'ENVELOPE',
      'FLAGS',
      'INTERNALDATE',
      'RFC822',
      'RFC822.HEADER',
      'RFC822.SIZE',
      'RFC822.TEXT',
      'BODY',
      'BODYSTRUCTURE',
      'UID',
    ]);
    expect(items('a FETCH 1 (BODY[] BODY[TEXT] BODY.PEEK[1.2.3] BODY[2.MIME] BODY[1.HEADER])').items).toEqual(
      [
        { kind: 'section', peek: false, section: { part: [], text: null }, partial: null },
        { kind: 'section', peek: false, section: { part: [], text: { kind: 'TEXT' } }, partial: null },
        { kind: 'section', peek: true, section: { part: [1, 2, 3], text: null }, partial: null },
        { kind: 'section', peek: false, section: { part: [2], text: { kind: 'MIME' } }, partial: null },
        { kind: 'section', peek: false, section: { part: [1], text: { kind: 'HEADER' } }, partial: null },
      ],
    );
    expect(items('a FETCH 1 BODY.PEEK[3.header.fields.not (X-Spam "Received")]<0.1024>').items).toEqual([
      {
        kind: 'section',
        peek: true,
        section: { part: [3], text: { kind: 'HEADER.FIELDS.NOT', fields: ['X-Spam', 'Received'] } },
        partial: { origin: 0, count: 1024 },
      },
    ]);
  });
});

describe('parseCommand explains what is wrong', () => {
  it('when there is no tag, so that the reply is an untagged BAD', () => {
    expect(failure('')).toMatchObject({ tag: null, problem: 'noTag', message: 'empty command line' });
    expect(failure('+ NOOP')).toMatchObject({ tag: null, message: 'a tag may not contain "+"' });
    expect(failure('(a) NOOP')).toMatchObject({ tag: null, problem: 'noTag' });
  });

  it('when the command is unknown, or UID precedes a command it cannot', () => {
    expect(failure('a1 FROB x')).toMatchObject({
      tag: 'a1',
      problem: 'unknownCommand',
      message: 'unknown command "FROB"',
    });
    expect(failure('a1 UID SELECT INBOX')).toMatchObject({
      problem: 'syntax',
      message: 'UID may only precede FETCH, STORE, COPY, MOVE, SEARCH or EXPUNGE, not "SELECT"',
    });
  });

  it('when parentheses are unbalanced', () => {
    expect(failure('a FETCH 1 (FLAGS UID').message).toBe(
      'unbalanced parentheses: the list of FETCH items is never closed',
    );
    expect(failure('a SEARCH (OR SEEN (FROM x)').message).toBe(
      'unbalanced parentheses: this "(" of the search is never closed',
    );
    expect(failure('a STORE 1 FLAGS (\\Seen').message).toBe('the flag list is never closed with ")"');
    expect(failure('a STATUS x (MESSAGES').message).toBe(
      'unbalanced parentheses: the status item list is never closed',
    );
    expect(failure('a FETCH 1 FLAGS)').message).toBe('unexpected ")" after the arguments of FETCH');
  });

  it('when a sequence set is malformed', () => {
    expect(failure('a FETCH 0 FLAGS').message).toBe(
      '0 is not a message number or UID; they start at 1 (RFC 3501 §9 nz-number)',
    );
    expect(failure('a FETCH 1,2, FLAGS').message).toBe(
      'a sequence set may not end with ","; another number or range must follow',
    );
    expect(failure('a FETCH 1: FLAGS').message).toBe(
      'expected a message number, a range like 2:4, or "*", found " FLAGS"',
    );
    expect(failure('a COPY x Trash').message).toBe(
      'expected a message number, a range like 2:4, or "*", found "x Trash"',
    );
    expect(failure('a FETCH 4294967296 FLAGS').message).toBe(
      '4294967296 is too large for a message number, a range like 2:4, or "*" (at most 4294967295)',
    );
  });

  it('when spaces, strings or literals are malformed', () => {
    expect(failure('a LOGIN  u p').message).toBe('only one space may come before the user name');
    expect(failure('a LOGIN\tu p')).toMatchObject({ problem: 'unknownCommand' });
    expect(failure('a LOGIN "u p').message).toBe('a quoted string is never closed with """');
    expect(failure('a LOGIN "u\\p" x').message).toBe(
      'in a quoted string "\\" may only escape """ or "\\" (RFC 3501 §9 QUOTED-CHAR)',
    );
    expect(failure('a LOGIN {5}\r\nabc').message).toBe('the literal announces 5 octets but only 3 follow');
    expect(failure('a LOGIN {3+}\r\nabc p').message).toBe(
      'non-synchronizing literals ({n+}, RFC 7888 LITERAL+) are not supported here',
    );
    expect(failure('a LOGIN u').message).toBe(
      'expected a space before the password, but the line ends there',
    );
  });

  it('when a FETCH item, section or search key is unknown or misplaced', () => {
    expect(failure('a FETCH 1 (FLAGS FOO)').message).toBe('unknown FETCH data item "FOO"');
    expect(failure('a FETCH 1 (FLAGS ALL)').message).toBe(
      'ALL is a macro and must stand alone, not inside a list',
    );
    expect(failure('a FETCH 1 BODY[MIME]').message).toBe(
      'MIME names the header of a part, so it needs a part number: BODY[1.MIME]',
    );
    expect(failure('a FETCH 1 BODY[FOO]').message).toBe(
      '"FOO" is not a section; use HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or MIME',
    );
    expect(failure('a FETCH 1 BODY[HEADER').message).toBe(
      'the section is never closed with "]", but the line ends there',
    );
    expect(failure('a FETCH 1 BODY.PEEK').message).toBe('BODY.PEEK needs a section, as in BODY.PEEK[HEADER]');
    expect(failure('a SEARCH SEEN FROB').message).toBe('unknown search key "FROB"');
    expect(failure('a SEARCH SINCE 30-Feb-2024').message).toBe('Feb 2024 has no day 30');
    expect(failure('a SEARCH ON 1-Foo-2024').message).toBe('"Foo" is not a month; use Jan, Feb, … Dec');
    expect(failure('a STATUS INBOX (SIZE)').message).toBe(
      'unknown status item "SIZE"; use MESSAGES, RECENT, UIDNEXT, UIDVALIDITY, UNSEEN',
    );
    expect(failure('a STORE 1 LABELS (x)').message).toBe(
      '"LABELS" is not FLAGS, +FLAGS or -FLAGS (with .SILENT or not)',
    );
  });

  it('when APPEND has no literal or a bad date-time', () => {
    expect(failure('a APPEND INBOX "hello"').message).toBe(
      'expected a two-digit day in the date-time, found "hello\\""',
    );
    expect(failure('a APPEND INBOX hello').message).toBe(
      'expected the message as a literal, like {310}, found "hello"',
    );
    expect(failure('a APPEND INBOX "17-Jul-1996 25:44:25 -0700" {1}\r\nx').message).toBe(
      '25:44:25 is not a time of day',
    );
  });

  it('while keeping the tag and the verb for the BAD reply', () => {
    expect(failure('A7 uid fetch 1 (NOPE)')).toMatchObject({
      tag: 'A7',
      verb: 'UID FETCH',
      problem: 'syntax',
    });
    expect(failure('A8 NOOP extra')).toMatchObject({
      tag: 'A8',
      verb: 'NOOP',
      message: 'unexpected " extra" after the arguments of NOOP',
    });
  });
});
