// imapServerMachine command by command: what each answers in the state that allows it, what a wrong state or
// malformed input gets, and that the session goes on after every refusal.
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { IMAP_AUTOLOGOUT_MS } from '../../../../src/protocols/imap/imapServerMachine.ts';
import { memoryBackend } from './memoryBackend.ts';
import { BOB, loggedIn, message, selected, startServer } from './serverHarness.ts';

const PLAIN_BOB = Buffer.from('\0bob\0hungry', 'latin1').toString('base64');

describe('the not authenticated state', () => {
  it('lists its capabilities, IMAP4rev1 first, with AUTH=PLAIN, IDLE, MOVE and UIDPLUS', () => {
    expect(startServer().send('c1 CAPABILITY')).toEqual([
      '* CAPABILITY IMAP4rev1 AUTH=PLAIN IDLE MOVE UIDPLUS',
      'c1 OK CAPABILITY completed',
    ]);
  });

  it('refuses a wrong password with NO [AUTHENTICATIONFAILED] and lets the client try again', () => {
    const server = startServer();
    expect(server.send('a1 LOGIN bob wrong')).toEqual([
      'a1 NO [AUTHENTICATIONFAILED] LOGIN failed: user name or password rejected',
    ]);
    expect(server.send('a2 LOGIN bob hungry')).toEqual(['a2 OK LOGIN completed, welcome bob']);
    expect(server.state()).toContain('authenticated');
  });

  it('refuses commands that need a login with BAD and stays where it is', () => {
    const server = startServer();
    expect(server.send('a1 SELECT INBOX')).toEqual(['a1 BAD SELECT needs LOGIN or AUTHENTICATE first']);
    expect(server.send('a2 UID FETCH 1 FLAGS')).toEqual([
      'a2 BAD UID FETCH needs LOGIN or AUTHENTICATE first',
    ]);
    expect(server.state()).toContain('notAuthenticated');
  });

  it('authenticates with PLAIN after an empty challenge, and never echoes the credentials', () => {
    const server = startServer();
    expect(server.send('a1 AUTHENTICATE PLAIN')).toEqual(['+']);
    expect(server.send(PLAIN_BOB)).toEqual(['a1 OK AUTHENTICATE completed, welcome bob']);
    expect(server.facts.at(-1)).toMatchObject({ answers: 'AUTHENTICATE', tag: 'a1' });
    expect(server.state()).toContain('authenticated');
  });

  it('ends an AUTHENTICATE exchange the client cancels with "*" with BAD, still logged out', () => {
    const server = startServer();
    server.send('a1 AUTHENTICATE PLAIN');
    expect(server.send('*')).toEqual(['a1 BAD AUTHENTICATE cancelled by the client']);
    expect(server.send('a2 NOOP')).toEqual(['a2 OK NOOP completed']);
    expect(server.state()).toContain('notAuthenticated');
  });

  it('refuses a mechanism other than PLAIN with NO', () => {
    expect(startServer().send('a1 AUTHENTICATE CRAM-MD5')).toEqual([
      'a1 NO only AUTHENTICATE PLAIN is offered, not CRAM-MD5',
    ]);
  });

  it('answers a line without a tag with an untagged BAD, and an unknown command with a tagged one', () => {
    const server = startServer();
    expect(server.send('')).toEqual(['* BAD empty command line']);
    expect(server.send('a1 FROB')).toEqual(['a1 BAD unknown command "FROB"']);
    expect(server.send('a2 LOGIN bob')).toHaveLength(1);
    expect(server.send('a3 NOOP')).toEqual(['a3 OK NOOP completed']);
  });
});

describe('the authenticated state', () => {
  it('refuses message commands until a mailbox is selected', () => {
    expect(loggedIn().send('a1 FETCH 1 FLAGS')).toEqual(['a1 BAD FETCH needs a mailbox SELECTed first']);
    expect(loggedIn().send('a1 LOGIN bob hungry')).toEqual(['a1 BAD already authenticated']);
  });

  it('answers SELECT of a mailbox that does not exist with NO and selects nothing', () => {
    const server = loggedIn();
    expect(server.send('a1 SELECT Nowhere')).toEqual(['a1 NO [NONEXISTENT] no mailbox named "Nowhere"']);
    expect(server.state()).toContain('authenticated');
  });

  it('creates a child with its parents, lists them with % and *, and marks which have children', () => {
    const server = loggedIn();
    expect(server.send('a1 CREATE Work/Projects/')).toEqual(['a1 OK CREATE completed']);
    expect(server.send('a2 LIST "" %')).toEqual([
      '* LIST (\\HasNoChildren) "/" INBOX',
      '* LIST (\\HasNoChildren) "/" Sent',
      '* LIST (\\HasChildren) "/" Work',
      'a2 OK LIST completed',
    ]);
    expect(server.send('a3 LIST Work/ *')).toEqual([
      '* LIST (\\HasNoChildren) "/" Work/Projects',
      'a3 OK LIST completed',
    ]);
    expect(server.send('a4 LIST "" ""')).toEqual(['* LIST (\\Noselect) "/" ""', 'a4 OK LIST completed']);
  });

  it('keeps a deleted parent as \\Noselect while it has children, and refuses to delete it again', () => {
    const server = loggedIn();
    server.send('a1 CREATE Work/Projects');
    expect(server.send('a2 DELETE Work')).toEqual(['a2 OK DELETE completed']);
    expect(server.send('a3 LIST "" Work*')).toEqual([
      '* LIST (\\Noselect \\HasChildren) "/" Work',
      '* LIST (\\HasNoChildren) "/" Work/Projects',
      'a3 OK LIST completed',
    ]);
    expect(server.send('a4 DELETE Work')).toEqual([
      'a4 NO [CANNOT] "Work" has inferior mailboxes and holds no messages; delete those first',
    ]);
    expect(server.send('a5 SELECT Work')).toEqual([
      'a5 NO [CANNOT] "Work" holds only other mailboxes (\\Noselect)',
    ]);
  });

  it('keeps Korean folder names in modified UTF-7 on the wire', () => {
    const server = loggedIn();
    expect(server.send('a1 CREATE &vBvHQNO4ycDVaA-')).toEqual(['a1 OK CREATE completed']);
    expect(server.backend.folderNames('bob')).toContain('받은편지함');
    expect(server.send('a2 LIST "" &vBvHQNO4ycDVaA-')).toEqual([
      '* LIST (\\HasNoChildren) "/" &vBvHQNO4ycDVaA-',
      'a2 OK LIST completed',
    ]);
    expect(server.send('a3 CREATE &Jjo')).toEqual([
      expect.stringMatching(/^a3 BAD mailbox name is not modified UTF-7/),
    ]);
  });

  it('refuses to delete INBOX or create what exists, and deletes, renames and subscribes', () => {
    const server = loggedIn();
    expect(server.send('a1 DELETE inbox')).toEqual(['a1 NO [CANNOT] DELETE of "INBOX" is not allowed']);
    expect(server.send('a2 CREATE Sent')).toEqual([
      'a2 NO [ALREADYEXISTS] a mailbox named "Sent" already exists',
    ]);
    expect(server.send('a3 RENAME Sent Outbox')).toEqual(['a3 OK RENAME completed']);
    expect(server.send('a4 SUBSCRIBE Outbox', 'a5 LSUB "" *')).toEqual([
      'a4 OK SUBSCRIBE completed',
      '* LSUB () "/" Outbox',
      'a5 OK LSUB completed',
    ]);
    expect(server.send('a6 DELETE Outbox')).toEqual(['a6 OK DELETE completed']);
    expect(server.backend.folderNames('bob')).toEqual(['INBOX']);
  });

  it('reports STATUS items in the order asked', () => {
    expect(loggedIn().send('a1 STATUS INBOX (UIDNEXT MESSAGES UNSEEN)')).toEqual([
      '* STATUS INBOX (UIDNEXT 4 MESSAGES 3 UNSEEN 3)',
      'a1 OK STATUS completed',
    ]);
  });

  it('takes an APPEND literal after "+" and answers APPENDUID; a missing mailbox gets TRYCREATE', () => {
    const server = loggedIn();
    const text = message('appended');
    const lines = text.split('\r\n');
    expect(server.send(`a1 APPEND Sent (\\Seen) {${text.length}}`)).toEqual(['+ Ready for literal data']);
    expect(server.send(...lines.slice(0, -1))).toEqual([]);
    expect(server.send('')).toEqual(['a1 OK [APPENDUID 1001 1] APPEND completed']);
    expect(server.backend.flagsOf('bob', 'Sent', 1)).toEqual(['\\Seen']);
    expect(server.send('a2 APPEND Drafts {3}', 'abc')).toEqual([
      '+ Ready for literal data',
      'a2 NO [TRYCREATE] no mailbox named "Drafts"; CREATE it first',
    ]);
  });

  it('refuses a literal over the limit before it is sent: NO [TOOBIG] for APPEND, BAD otherwise', () => {
    const server = loggedIn({ input: { limits: { maxLiteral: 10 } } });
    expect(server.send('a1 APPEND Sent {11}')).toEqual([
      expect.stringMatching(/^a1 NO \[TOOBIG\] literal of 11 octets/),
    ]);
    expect(server.send('a2 CREATE {11}')).toEqual([expect.stringMatching(/^a2 BAD literal of 11 octets/)]);
    expect(server.send('a3 NOOP')).toEqual(['a3 OK NOOP completed']);
  });

  it('refuses an over-long line with BAD and goes on', () => {
    const server = loggedIn({ input: { limits: { maxText: 40 } } });
    expect(server.send(`a1 CREATE ${'x'.repeat(60)}`)).toEqual([
      expect.stringMatching(/^a1 BAD command line too long/),
    ]);
    server.actor.send({ type: 'line.overlong' });
    expect(server.log.at(-1)).toMatch(/^S: \* BAD command line too long/);
    expect(server.send('a2 NOOP')).toEqual(['a2 OK NOOP completed']);
  });

  it('takes a LOGIN password as a literal', () => {
    const server = startServer();
    expect(server.send('a1 LOGIN bob {6}', 'hungry')).toEqual([
      '+ Ready for literal data',
      'a1 OK LOGIN completed, welcome bob',
    ]);
  });
});

describe('the selected state', () => {
  it('fetches a body part without PEEK, sets \\Seen and says so; with PEEK it does not', () => {
    const server = selected();
    expect(server.send('a1 FETCH 2 (BODY.PEEK[TEXT])')).toEqual([
      '* 2 FETCH (BODY[TEXT] {7}\r\nHello\r\n)',
      'a1 OK FETCH completed',
    ]);
    expect(server.backend.flagsOf('bob', 'INBOX', 2)).toEqual([]);
    expect(server.send('a2 FETCH 2 BODY[1]<0.3>')).toEqual([
      '* 2 FETCH (BODY[1]<0> "Hel" FLAGS (\\Seen \\Recent))',
      'a2 OK FETCH completed',
    ]);
    expect(server.backend.flagsOf('bob', 'INBOX', 2)).toEqual(['\\Seen']);
  });

  it('answers FETCH of a message number beyond the mailbox with BAD, and UID FETCH of unknown UIDs with nothing', () => {
    const server = selected();
    expect(server.send('a1 FETCH 4 FLAGS')).toEqual(['a1 BAD no message 4: the mailbox has 3 messages']);
    expect(server.send('a2 UID FETCH 9:12 FLAGS')).toEqual(['a2 OK UID FETCH completed']);
    // RFC 3501 §6.4.8: a range ending in * always takes the largest UID, however large its start.
    expect(server.send('a3 UID FETCH 9:* FLAGS')).toEqual([
      '* 3 FETCH (FLAGS (\\Recent) UID 3)',
      'a3 OK UID FETCH completed',
    ]);
  });

  it('stores flags silently or with FETCH, and refuses \\Recent', () => {
    const server = selected();
    expect(server.send('a1 STORE 1:2 +FLAGS.SILENT (\\Flagged)')).toEqual(['a1 OK STORE completed']);
    expect(server.send('a2 UID STORE 2 -FLAGS (\\Flagged)')).toEqual([
      '* 2 FETCH (FLAGS (\\Recent) UID 2)',
      'a2 OK UID STORE completed',
    ]);
    expect(server.send('a3 STORE 1 FLAGS (\\Recent)')).toEqual([
      'a3 BAD \\Recent is set by the server and cannot be stored',
    ]);
    expect(server.backend.flagsOf('bob', 'INBOX', 1)).toEqual(['\\Flagged']);
  });

  it('searches by flag, header, size, UID and with NOT and OR', () => {
    const server = selected();
    server.send('a0 STORE 2 +FLAGS (\\Seen)');
    expect(server.send('a1 SEARCH UNSEEN')).toEqual(['* SEARCH 1 3', 'a1 OK SEARCH completed']);
    expect(server.send('a2 SEARCH OR SUBJECT one SUBJECT three')).toEqual([
      '* SEARCH 1 3',
      'a2 OK SEARCH completed',
    ]);
    expect(server.send('a3 UID SEARCH NOT UID 1:2')).toEqual(['* SEARCH 3', 'a3 OK UID SEARCH completed']);
    expect(server.send('a4 SEARCH LARGER 100000')).toEqual(['* SEARCH', 'a4 OK SEARCH completed']);
    expect(server.send('a5 SEARCH CHARSET KOI8-R ALL')).toEqual([
      'a5 NO [BADCHARSET (US-ASCII UTF-8)] charset KOI8-R is not supported',
    ]);
  });

  it('expunges \\Deleted messages, numbering each EXPUNGE after the ones before', () => {
    const server = selected();
    server.send('a1 STORE 1,3 +FLAGS (\\Deleted)');
    expect(server.send('a2 EXPUNGE')).toEqual(['* 1 EXPUNGE', '* 2 EXPUNGE', 'a2 OK EXPUNGE completed']);
    expect(server.backend.uidsOf('bob', 'INBOX')).toEqual([2]);
  });

  it('expunges only the given UIDs with UID EXPUNGE', () => {
    const server = selected();
    server.send('a1 STORE 1:3 +FLAGS (\\Deleted)');
    expect(server.send('a2 UID EXPUNGE 2')).toEqual(['* 2 EXPUNGE', 'a2 OK UID EXPUNGE completed']);
    expect(server.backend.uidsOf('bob', 'INBOX')).toEqual([1, 3]);
  });

  it('copies with COPYUID and moves with an untagged COPYUID and the EXPUNGEs', () => {
    const server = selected();
    expect(server.send('a1 COPY 1:2 Sent')).toEqual(['a1 OK [COPYUID 1001 1:2 1:2] COPY completed']);
    expect(server.send('a2 UID MOVE 3 Sent')).toEqual([
      '* OK [COPYUID 1001 3 3] Moved UIDs',
      '* 3 EXPUNGE',
      'a2 OK UID MOVE completed',
    ]);
    expect(server.send('a3 MOVE 1 Archive')).toEqual([
      'a3 NO [TRYCREATE] no mailbox named "Archive"; CREATE it first',
    ]);
    expect(server.backend.uidsOf('bob', 'Sent')).toEqual([1, 2, 3]);
  });

  it('opens a mailbox read-only with EXAMINE and refuses changes to it', () => {
    const server = loggedIn();
    expect(server.send('a1 EXAMINE INBOX').at(-1)).toBe('a1 OK [READ-ONLY] EXAMINE completed');
    expect(server.send('a2 STORE 1 +FLAGS (\\Seen)')).toEqual([
      'a2 NO [READ-ONLY] the mailbox is read-only (EXAMINE); STORE not done',
    ]);
    expect(server.send('a3 FETCH 1 BODY[]')[1]).toBe('a3 OK FETCH completed');
    expect(server.backend.flagsOf('bob', 'INBOX', 1)).toEqual([]);
  });

  it('closes with CLOSE, expunging silently, and is back in the authenticated state', () => {
    const server = selected();
    server.send('a1 STORE 1 +FLAGS (\\Deleted)');
    expect(server.send('a2 CLOSE')).toEqual(['a2 OK CLOSE completed']);
    expect(server.backend.uidsOf('bob', 'INBOX')).toEqual([2, 3]);
    expect(server.state()).toContain('"authenticated"');
  });
});

describe('two sessions on one mailbox', () => {
  function twoSessions() {
    const backend = memoryBackend(BOB);
    const first = selected({ backend });
    const second = selected({ backend });
    backend.watch(() => {
      first.actor.send({ type: 'mailbox.changed' });
      second.actor.send({ type: 'mailbox.changed' });
    });
    return { backend, first, second };
  }

  it('gives \\Recent for new mail to exactly one session', () => {
    const { backend, first, second } = twoSessions();
    backend.deliver('bob', 'INBOX', message('four'));
    expect(first.send('n1 NOOP')).toEqual(['* 4 EXISTS', '* 4 RECENT', 'n1 OK NOOP completed']);
    expect(second.send('n1 NOOP')).toEqual(['* 4 EXISTS', '* 0 RECENT', 'n1 OK NOOP completed']);
  });

  it('wakes a session in IDLE at once when mail arrives or another session changes the mailbox', () => {
    const { backend, first, second } = twoSessions();
    expect(first.send('i1 IDLE')).toEqual(['+ idling']);
    backend.deliver('bob', 'INBOX', message('four'));
    expect(first.log.slice(-2)).toEqual(['S: * 4 EXISTS', 'S: * 4 RECENT']);
    second.send('x1 STORE 1 +FLAGS (\\Deleted)', 'x2 EXPUNGE');
    expect(first.log.slice(-2)).toEqual(['S: * 1 FETCH (FLAGS (\\Deleted \\Recent))', 'S: * 1 EXPUNGE']);
    expect(first.send('DONE')).toEqual(['i1 OK IDLE terminated']);
    expect(first.send('i2 FETCH 3 UID')).toEqual(['* 3 FETCH (UID 4)', 'i2 OK FETCH completed']);
  });

  it('holds EXPUNGE back from a plain FETCH and tells it at the next NOOP', () => {
    const { first, second } = twoSessions();
    second.send('x1 STORE 1 +FLAGS (\\Deleted)', 'x2 EXPUNGE');
    expect(first.send('f1 FETCH 1 UID')).toEqual([
      'f1 NO some of the messages were expunged by another session; the rest were fetched',
    ]);
    expect(first.send('f2 NOOP')).toEqual([
      '* 1 FETCH (FLAGS (\\Deleted \\Recent))',
      '* 1 EXPUNGE',
      'f2 OK NOOP completed',
    ]);
  });
});

describe('ending a session', () => {
  it('logs out after 30 minutes without a command, saying BYE', () => {
    const clock = new SimulatedClock();
    const server = startServer({ clock });
    clock.increment(IMAP_AUTOLOGOUT_MS - 1);
    expect(server.actor.getSnapshot().status).toBe('active');
    clock.increment(1);
    expect(server.log.slice(-2)).toEqual(['S: * BYE autologout: idle for too long', 'S: <close>']);
    expect(server.actor.getSnapshot().output).toEqual({ ended: 'autologout' });
  });

  it('loses nothing when the connection drops mid-literal or mid-IDLE', () => {
    const server = selected();
    server.send('a1 APPEND INBOX {20}', 'half a mess');
    server.actor.send({ type: 'connection.closed' });
    expect(server.backend.uidsOf('bob', 'INBOX')).toEqual([1, 2, 3]);
    expect(server.actor.getSnapshot().output).toEqual({ ended: 'connectionLost' });
  });
});
