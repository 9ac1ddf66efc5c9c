// Transcript tests of the IMAP client against a scripted server: "S: …" lines are played in, "C: …" lines are
// what the client must send, "C: <close>" its close; results, updates and failures are checked beside them.
import { SimulatedClock, createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  IMAP_CLIENT_TIMERS,
  imapClientMachine,
  type ImapClientEmitted,
  type ImapClientInput,
  type ImapJob,
} from '../../../../src/protocols/imap/imapClientMachine.ts';
import { transcript } from '../pop3/serverHarness.ts';

const BOB: ImapClientInput = { user: 'bob', password: 'hungry' };

type Reported = Exclude<ImapClientEmitted, { type: 'line.send' } | { type: 'connection.close' }>;

function startClient(input: Partial<ImapClientInput> = {}, clock?: SimulatedClock) {
  const full = { ...BOB, ...input };
  const actor = createActor(imapClientMachine, clock ? { input: full, clock } : { input: full });
  const log: string[] = [];
  const facts: unknown[] = [];
  const reported: Reported[] = [];
  actor.on('line.send', (event) => {
    log.push(`C: ${event.line}`);
    facts.push(event.facts);
  });
  actor.on('connection.close', () => log.push('C: <close>'));
  actor.on('imap.result', (event) => reported.push(event));
  actor.on('imap.update', (event) => reported.push(event));
  actor.on('imap.failed', (event) => reported.push(event));
  actor.start();
  actor.send({ type: 'connection.opened' });
  return { actor, log, facts, reported };
}

type Client = ReturnType<typeof startClient>;

// Plays the server's lines of a script into a client (a "J: n" line sends the n-th extra job) and checks that
// the client's lines come in between.
function play(
  script: string,
  input: Partial<ImapClientInput> = {},
  later: readonly ImapJob[] = [],
  client?: Client,
) {
  const running = client ?? startClient(input);
  for (const entry of transcript(script)) {
    if (entry.startsWith('J: ')) {
      running.log.push(entry);
      const job = later[Number(entry.slice(3))];
      if (job !== undefined) running.actor.send({ type: 'job.add', job });
      continue;
    }
    if (!entry.startsWith('S: ')) continue;
    running.log.push(entry);
    const line = entry.slice(3);
    running.actor.send(line === '<close>' ? { type: 'connection.closed' } : { type: 'line.received', line });
  }
  expect(running.log).toEqual(transcript(script));
  return running;
}

const LOGIN = `
  S: * OK IMAP4rev1 Service Ready
  C: A001 CAPABILITY
  S: * CAPABILITY IMAP4rev1 IDLE MOVE UIDPLUS
  S: A001 OK CAPABILITY completed
  C: A002 LOGIN bob hungry
  S: A002 OK LOGIN completed
`;

// A login to a server that names no extension: no IDLE, MOVE or UIDPLUS to lean on.
const LOGIN_WITHOUT_EXTENSIONS = `
  S: * OK ready
  C: A001 CAPABILITY
  S: * CAPABILITY IMAP4rev1
  S: A001 OK done
  C: A002 LOGIN bob hungry
  S: A002 OK done`;

const SELECT_INBOX = `
  C: A003 SELECT INBOX
  S: * 2 EXISTS
  S: * 0 RECENT
  S: * OK [UIDVALIDITY 3857529045] UIDs valid
  S: * OK [UIDNEXT 4413] Predicted next UID
  S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
  S: A003 OK [READ-WRITE] SELECT completed
`;

const ENVELOPE =
  '("Mon, 7 Feb 1994 21:52:25 -0800" "Lunch" (("Alice" NIL "alice" "crepes.fr")) NIL NIL ' +
  '(("Bob" NIL "bob" "hamburger.edu")) NIL NIL NIL "<1@crepes.fr>")';
const TEXT_PART = '("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 11 1)';

function results(client: Client) {
  return client.reported.flatMap((event) => (event.type === 'imap.result' ? [event.result] : []));
}

function failures(client: Client) {
  return client.reported.flatMap((event) => (event.type === 'imap.failed' ? [event.failure] : []));
}

describe('imapClientMachine', () => {
  it('waits for the greeting, asks for capabilities, logs in, lists folders and logs out', () => {
    const client = play(
      `${LOGIN}
      C: A003 LIST "" *
      S: * LIST (\\HasNoChildren) "/" INBOX
      S: * LIST (\\HasNoChildren) "/" "&vBvHQNO4ycDVaA-"
      S: A003 OK LIST completed
      C: A004 LOGOUT
      S: * BYE IMAP4rev1 Server logging out
      S: A004 OK LOGOUT completed
      C: <close>`,
      { jobs: [{ kind: 'list' }, { kind: 'logout' }] },
    );
    expect(results(client)).toEqual([
      {
        kind: 'folders',
        folders: [
          { name: 'INBOX', wire: 'INBOX', attributes: ['\\HasNoChildren'], delimiter: '/' },
          { name: '받은편지함', wire: '&vBvHQNO4ycDVaA-', attributes: ['\\HasNoChildren'], delimiter: '/' },
        ],
      },
      { kind: 'loggedOut' },
    ]);
    expect(client.actor.getSnapshot().status).toBe('done');
    expect(client.actor.getSnapshot().output).toEqual({
      ended: 'logout',
      capabilities: ['IMAP4rev1', 'IDLE', 'MOVE', 'UIDPLUS'],
    });
  });

  it('writes the tag, verb and user of LOGIN into its facts, but never the password', () => {
    const client = play(LOGIN);
    expect(client.facts[1]).toEqual({ tag: 'A002', verb: 'LOGIN', args: { userid: 'bob', password: true } });
    expect(JSON.stringify(client.facts)).not.toContain('hungry');
  });

  it('selects the mailbox, then fetches every message header with UID FETCH', () => {
    const client = play(
      `${LOGIN}${SELECT_INBOX}
      C: A004 UID FETCH 1:* (UID FLAGS ENVELOPE RFC822.SIZE BODYSTRUCTURE)
      S: * 1 FETCH (UID 4411 FLAGS (\\Seen) ENVELOPE ${ENVELOPE} RFC822.SIZE 342 BODYSTRUCTURE ${TEXT_PART})
      S: * 2 FETCH (UID 4412 FLAGS () ENVELOPE ${ENVELOPE} RFC822.SIZE 400 BODYSTRUCTURE ${TEXT_PART})
      S: A004 OK UID FETCH completed`,
      { jobs: [{ kind: 'headers', mailbox: 'INBOX' }] },
    );
    const [summaries] = results(client);
    expect(summaries?.kind).toBe('summaries');
    if (summaries?.kind !== 'summaries') return;
    expect(summaries.messages.map((m) => [m.uid, m.seq, m.flags, m.size])).toEqual([
      [4411, 1, ['\\Seen'], 342],
      [4412, 2, [], 400],
    ]);
    expect(summaries.messages[0]?.envelope?.subject).toBe('Lunch');
    expect(summaries.messages[0]?.body).not.toBeNull();
    expect(client.facts[3]).toEqual({
      tag: 'A004',
      verb: 'UID FETCH',
      args: { set: '1:*', items: '(UID FLAGS ENVELOPE RFC822.SIZE BODYSTRUCTURE)' },
    });
    expect(client.actor.getSnapshot().matches({ selected: 'ready' })).toBe(true);
  });

  it('fetches one body part partially with BODY.PEEK, reading the literal, then sets \\Seen with UID STORE', () => {
    const client = play(
      `${LOGIN}${SELECT_INBOX}
      C: A004 UID FETCH 4412 (UID BODY.PEEK[2]<0.16>)
      S: * 2 FETCH (UID 4412 BODY[2]<0> {18}
      S: SGVsbG8sIEJvYiEg
      S: )
      S: A004 OK UID FETCH completed
      C: A005 UID STORE 4412 +FLAGS (\\Seen)
      S: * 2 FETCH (FLAGS (\\Seen) UID 4412)
      S: A005 OK UID STORE completed`,
      {
        jobs: [
          {
            kind: 'body',
            mailbox: 'INBOX',
            uid: 4412,
            part: [2],
            partial: { origin: 0, count: 16 },
            markSeen: true,
          },
        ],
      },
    );
    expect(results(client)).toEqual([
      {
        kind: 'bodyPart',
        mailbox: 'INBOX',
        uid: 4412,
        part: [2],
        origin: 0,
        data: 'SGVsbG8sIEJvYiEg\r\n',
        seen: true,
      },
    ]);
    // The FETCH that answers its own STORE is not news from elsewhere.
    expect(client.reported.filter((event) => event.type === 'imap.update')).toEqual([]);
  });

  it('moves with UID MOVE when the server offers MOVE, reporting the new UID from COPYUID', () => {
    const client = play(
      `${LOGIN}${SELECT_INBOX}
      C: A004 UID MOVE 4411 Trash
      S: * OK [COPYUID 3857529045 4411 7] Moved
      S: * 1 EXPUNGE
      S: A004 OK MOVE completed`,
      { jobs: [{ kind: 'move', mailbox: 'INBOX', uid: 4411, to: 'Trash' }] },
    );
    expect(results(client)).toEqual([
      { kind: 'moved', mailbox: 'INBOX', uid: 4411, to: 'Trash', via: 'MOVE', newUid: 7 },
    ]);
    expect(client.reported.filter((event) => event.type === 'imap.update')).toEqual([]);
  });

  it('falls back to UID COPY, STORE \\Deleted and EXPUNGE when MOVE is not in CAPABILITY', () => {
    const client = play(
      `
      S: * OK [CAPABILITY IMAP4rev1] ready
      C: A001 CAPABILITY
      S: * CAPABILITY IMAP4rev1
      S: A001 OK done
      C: A002 LOGIN bob hungry
      S: A002 OK done
      ${SELECT_INBOX}
      C: A004 UID COPY 4411 Trash
      S: A004 OK COPY completed
      C: A005 UID STORE 4411 +FLAGS.SILENT (\\Deleted)
      S: A005 OK STORE completed
      C: A006 EXPUNGE
      S: * 1 EXPUNGE
      S: A006 OK EXPUNGE completed`,
      { jobs: [{ kind: 'move', mailbox: 'INBOX', uid: 4411, to: 'Trash' }] },
    );
    expect(results(client)).toEqual([
      { kind: 'moved', mailbox: 'INBOX', uid: 4411, to: 'Trash', via: 'COPY', newUid: null },
    ]);
  });

  it('expunges only the moved message with UID EXPUNGE when the server has UIDPLUS but not MOVE', () => {
    play(
      `
      S: * OK ready
      C: A001 CAPABILITY
      S: * CAPABILITY IMAP4rev1 UIDPLUS
      S: A001 OK done
      C: A002 LOGIN bob hungry
      S: A002 OK done
      ${SELECT_INBOX}
      C: A004 UID COPY 4411 Trash
      S: A004 OK [COPYUID 3857529045 4411 9] COPY completed
      C: A005 UID STORE 4411 +FLAGS.SILENT (\\Deleted)
      S: A005 OK STORE completed
      C: A006 UID EXPUNGE 4411
      S: * 1 EXPUNGE
      S: A006 OK EXPUNGE completed`,
      { jobs: [{ kind: 'move', mailbox: 'INBOX', uid: 4411, to: 'Trash' }] },
    );
  });

  it('reports a tagged NO with the verb, text and response code, and goes on with the next job', () => {
    const client = play(
      `${LOGIN}${SELECT_INBOX}
      C: A004 UID MOVE 4411 Archive
      S: A004 NO [TRYCREATE] No such mailbox
      C: A005 UID SEARCH TEXT lunch
      S: * SEARCH 4412
      S: A005 OK SEARCH completed`,
      {
        jobs: [
          { kind: 'move', mailbox: 'INBOX', uid: 4411, to: 'Archive' },
          { kind: 'search', mailbox: 'INBOX', keys: [{ key: 'TEXT', value: 'lunch' }] },
        ],
      },
    );
    expect(failures(client)).toEqual([
      {
        job: { kind: 'move', mailbox: 'INBOX', uid: 4411, to: 'Archive' },
        verb: 'UID MOVE',
        reason: 'NO',
        text: 'No such mailbox',
        code: { code: 'TRYCREATE' },
      },
    ]);
    expect(results(client)).toEqual([{ kind: 'searched', mailbox: 'INBOX', uids: [4412] }]);
  });

  it('searches Korean text with CHARSET UTF-8, sending the literal after the server\'s "+"', () => {
    const client = play(
      `${LOGIN}${SELECT_INBOX}
      C: A004 UID SEARCH CHARSET UTF-8 TEXT {6}
      S: + Ready for literal data
      C: ${String.fromCharCode(0xec, 0xa0, 0x90, 0xec, 0x8b, 0xac)}
      S: * SEARCH
      S: A004 OK SEARCH completed`,
      { jobs: [{ kind: 'search', mailbox: 'INBOX', keys: [{ key: 'TEXT', value: '점심' }] }] },
    );
    expect(client.facts[4]).toEqual({ content: 'data' });
    expect(results(client)).toEqual([{ kind: 'searched', mailbox: 'INBOX', uids: [] }]);
  });

  it('leaves the mailbox when SELECT is refused, as RFC 3501 §6.3.1 says', () => {
    const client = play(
      `${LOGIN}
      C: A003 SELECT Nowhere
      S: A003 NO [NONEXISTENT] Unknown mailbox`,
      { jobs: [{ kind: 'headers', mailbox: 'Nowhere' }] },
    );
    expect(failures(client).map((f) => [f.verb, f.reason])).toEqual([['SELECT', 'NO']]);
    expect(client.actor.getSnapshot().matches({ authenticated: 'ready' })).toBe(true);
  });

  it('reports a refused login and still logs out', () => {
    const client = play(
      `
      S: * OK ready
      C: A001 CAPABILITY
      S: * CAPABILITY IMAP4rev1
      S: A001 OK done
      C: A002 LOGIN bob hungry
      S: A002 NO [AUTHENTICATIONFAILED] Invalid credentials
      C: A003 LOGOUT
      S: * BYE bye
      S: A003 OK done
      C: <close>`,
      { jobs: [{ kind: 'list' }] },
    );
    expect(failures(client).map((f) => [f.job, f.reason, f.code])).toEqual([
      [null, 'NO', { code: 'AUTHENTICATIONFAILED' }],
      [{ kind: 'list' }, 'connectionLost', null],
    ]);
    expect(client.actor.getSnapshot().output?.ended).toBe('authFailed');
  });

  it('answers a BAD like a NO: the job fails and the session goes on', () => {
    const client = play(
      `${LOGIN}${SELECT_INBOX}
      C: A004 UID STORE 4411 +FLAGS (\\Flagged)
      S: A004 BAD Unknown flag`,
      { jobs: [{ kind: 'flag', mailbox: 'INBOX', uid: 4411, flag: '\\Flagged', set: true }] },
    );
    expect(failures(client).map((f) => [f.verb, f.reason, f.text])).toEqual([
      ['UID STORE', 'BAD', 'Unknown flag'],
    ]);
    expect(client.actor.getSnapshot().matches({ selected: 'ready' })).toBe(true);
  });

  it('logs in with AUTHENTICATE PLAIN when the server says LOGINDISABLED, masking the response in its facts', () => {
    const client = play(`
      S: * OK ready
      C: A001 CAPABILITY
      S: * CAPABILITY IMAP4rev1 LOGINDISABLED AUTH=PLAIN
      S: A001 OK done
      C: A002 AUTHENTICATE PLAIN
      S: +
      C: AGJvYgBodW5ncnk=
      S: A002 OK [CAPABILITY IMAP4rev1 IDLE] logged in`);
    expect(client.facts[2]).toEqual({ content: 'sasl' });
    expect(client.actor.getSnapshot().matches({ authenticated: 'ready' })).toBe(true);
    expect(client.actor.getSnapshot().context.capabilities).toEqual(['IMAP4rev1', 'IDLE']);
  });

  it('gives up with LOGOUT when LOGINDISABLED leaves no mechanism it knows', () => {
    const client = play(`
      S: * OK ready
      C: A001 CAPABILITY
      S: * CAPABILITY IMAP4rev1 LOGINDISABLED STARTTLS
      S: A001 OK done
      C: A002 LOGOUT
      S: A002 OK bye
      C: <close>`);
    expect(failures(client).map((f) => f.reason)).toEqual(['unsupported']);
  });

  it('sends the password as a literal when it cannot be quoted, masking the literal line', () => {
    const password = String.fromCharCode(0xeb, 0xb9, 0x84, 0xeb, 0xb0, 0x80);
    const client = play(
      `${LOGIN.split('C: A002')[0]}
      C: A002 LOGIN bob {6}
      S: + Ready for literal data
      C: ${password}
      S: A002 OK LOGIN completed`,
      { password },
    );
    expect(client.facts[2]).toEqual({ content: 'sasl' });
  });

  it('reports a drop in the middle of a literal as a lost connection, and the job as failed', () => {
    const client = play(
      `${LOGIN}${SELECT_INBOX}
      C: A004 UID FETCH 4412 (UID BODY.PEEK[1])
      S: * 2 FETCH (UID 4412 BODY[1] {100}
      S: only the first line
      S: <close>`,
      { jobs: [{ kind: 'body', mailbox: 'INBOX', uid: 4412, part: [1], partial: null, markSeen: true }] },
    );
    expect(results(client)).toEqual([]);
    expect(failures(client).map((f) => f.reason)).toEqual(['connectionLost']);
    expect(client.actor.getSnapshot().output?.ended).toBe('connectionLost');
  });

  it('closes on a tagged response it never asked for', () => {
    const client = play(`${LOGIN}
      S: Z999 OK what
      C: <close>`);
    expect(client.actor.getSnapshot().output?.ended).toBe('protocolError');
  });

  it('skips untagged data it does not know, as RFC 3501 §7 asks', () => {
    const client = play(`${LOGIN}
      S: * XFOO something new`);
    expect(client.actor.getSnapshot().status).toBe('active');
  });

  it('idles until a new job arrives, reporting EXISTS and EXPUNGE with the UIDs it knows, then sends DONE', () => {
    const later: ImapJob[] = [{ kind: 'headers', mailbox: 'INBOX' }];
    const client = play(
      `${LOGIN}${SELECT_INBOX}
      C: A004 UID FETCH 1:* (UID FLAGS ENVELOPE RFC822.SIZE BODYSTRUCTURE)
      S: * 1 FETCH (UID 4411 FLAGS ())
      S: * 2 FETCH (UID 4412 FLAGS ())
      S: A004 OK done
      C: A005 IDLE
      S: + idling
      S: * 1 EXPUNGE
      S: * 2 EXISTS
      S: * 1 FETCH (FLAGS (\\Seen))
      J: 0
      C: DONE
      S: A005 OK IDLE terminated
      C: A006 UID FETCH 1:* (UID FLAGS ENVELOPE RFC822.SIZE BODYSTRUCTURE)`,
      {
        jobs: [
          { kind: 'headers', mailbox: 'INBOX' },
          { kind: 'idle', mailbox: 'INBOX' },
        ],
      },
      later,
    );
    const updates = client.reported.flatMap((event) => (event.type === 'imap.update' ? [event.update] : []));
    expect(updates).toEqual([
      { kind: 'expunge', seq: 1, uid: 4411 },
      { kind: 'exists', count: 2 },
      { kind: 'flags', seq: 1, uid: 4412, flags: ['\\Seen'] },
    ]);
    expect(client.facts[client.facts.length - 2]).toEqual({ verb: 'DONE' });
    expect(results(client).map((r) => r.kind)).toEqual(['summaries', 'idled']);
  });

  it('waits for the "+" before sending DONE when a job arrives just after IDLE', () => {
    const later: ImapJob[] = [{ kind: 'logout' }];
    play(
      `${LOGIN}${SELECT_INBOX}
      C: A004 IDLE
      J: 0
      S: + idling
      C: DONE
      S: A004 OK IDLE terminated
      C: A005 LOGOUT`,
      { jobs: [{ kind: 'idle', mailbox: 'INBOX' }] },
      later,
    );
  });

  it('re-issues IDLE before 29 minutes pass (RFC 2177 §3)', () => {
    const clock = new SimulatedClock();
    const client = startClient({ jobs: [{ kind: 'idle', mailbox: 'INBOX' }] }, clock);
    play(
      `${LOGIN}${SELECT_INBOX}
      C: A004 IDLE
      S: + idling`,
      {},
      [],
      client,
    );
    clock.increment(IMAP_CLIENT_TIMERS.idleRefresh - 1);
    expect(client.log.at(-1)).toBe('S: + idling');
    clock.increment(1);
    expect(client.log.at(-1)).toBe('C: DONE');
    client.actor.send({ type: 'line.received', line: 'A004 OK IDLE terminated' });
    expect(client.log.at(-1)).toBe('C: A005 IDLE');
  });

  it('fails an idle job when the server does not offer IDLE', () => {
    const client = play(`${LOGIN_WITHOUT_EXTENSIONS}`, { jobs: [{ kind: 'idle', mailbox: 'INBOX' }] });
    expect(failures(client).map((f) => f.reason)).toEqual(['unsupported']);
  });

  it('starts its first job at once after a PREAUTH greeting, with the capabilities the greeting names', () => {
    const client = play(
      `
      S: * PREAUTH [CAPABILITY IMAP4rev1 IDLE] bob is already logged in
      C: A001 SELECT INBOX
      S: * 2 EXISTS
      S: A001 OK [READ-WRITE] SELECT completed
      C: A002 IDLE
      S: + idling`,
      { jobs: [{ kind: 'idle', mailbox: 'INBOX' }] },
    );
    expect(failures(client)).toEqual([]);
    expect(client.actor.getSnapshot().matches({ selected: 'idling' })).toBe(true);
  });

  it('passes over an idle job with work behind it and a job it cannot run, and starts the next one at once', () => {
    const client = play(
      `${LOGIN_WITHOUT_EXTENSIONS}
      C: A003 LIST "" *
      S: A003 OK LIST completed
      J: 0
      J: 1
      C: A004 LOGOUT
      S: * BYE logging out
      S: A004 OK LOGOUT completed
      C: <close>`,
      { jobs: [{ kind: 'idle', mailbox: 'INBOX' }, { kind: 'list' }] },
      [{ kind: 'idle', mailbox: 'INBOX' }, { kind: 'logout' }],
    );
    expect(client.reported.map((event) => event.type)).toEqual([
      'imap.result',
      'imap.result',
      'imap.failed',
      'imap.result',
    ]);
    expect(results(client).map((result) => result.kind)).toEqual(['idled', 'folders', 'loggedOut']);
    expect(failures(client).map((failure) => failure.reason)).toEqual(['unsupported']);
  });

  it('waits ready in the authenticated state when a new job cannot run', () => {
    const client = play(
      `${LOGIN_WITHOUT_EXTENSIONS}
      J: 0`,
      {},
      [{ kind: 'idle', mailbox: 'INBOX' }],
    );
    expect(failures(client).map((failure) => failure.reason)).toEqual(['unsupported']);
    expect(client.actor.getSnapshot().matches({ authenticated: 'ready' })).toBe(true);
  });

  it('gives each command the whole response time, also when the one before ran in the same state', () => {
    const clock = new SimulatedClock();
    const body: ImapJob = {
      kind: 'body',
      mailbox: 'INBOX',
      uid: 4412,
      part: [1],
      partial: null,
      markSeen: true,
    };
    const client = startClient({ jobs: [{ kind: 'headers', mailbox: 'INBOX' }, body] }, clock);
    play(
      `${LOGIN}${SELECT_INBOX}
      C: A004 UID FETCH 1:* (UID FLAGS ENVELOPE RFC822.SIZE BODYSTRUCTURE)`,
      {},
      [],
      client,
    );
    const answerLate = (line: string) => {
      clock.increment(IMAP_CLIENT_TIMERS.response - 1);
      client.actor.send({ type: 'line.received', line });
    };
    // The next job's first command, then the same job's next one, each wait in selected.busy.
    answerLate('A004 OK UID FETCH completed');
    expect(client.log.at(-1)?.startsWith('C: A005 UID FETCH ')).toBe(true);
    answerLate('A005 OK UID FETCH completed');
    expect(client.log.at(-1)?.startsWith('C: A006 UID STORE ')).toBe(true);
    clock.increment(IMAP_CLIENT_TIMERS.response - 1);
    expect(client.actor.getSnapshot().status).toBe('active');
    clock.increment(1);
    expect(client.log.at(-1)).toBe('C: <close>');
    expect(client.actor.getSnapshot().output?.ended).toBe('timeout');
  });

  it('times out when the server never answers', () => {
    const clock = new SimulatedClock();
    const client = startClient({}, clock);
    clock.increment(IMAP_CLIENT_TIMERS.response);
    expect(client.log).toEqual(['C: <close>']);
    expect(client.actor.getSnapshot().output?.ended).toBe('timeout');
  });

  it('ends as refused when the greeting is BYE', () => {
    const client = play(`
      S: * BYE too busy
      C: <close>`);
    expect(client.actor.getSnapshot().output?.ended).toBe('refused');
  });
});
