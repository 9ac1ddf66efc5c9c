// A person types a whole submission by hand on port 587 of crepes.fr, AUTH included. The trace must say what
// every line means as its sender knew it: the 235 answers AUTH (pairing replies with lines by their text once
// made it answer the credential), a credential on a line of its own is a SASL response, not a command, and
// the accepted message carries its envelope.
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/sim/session.ts';
import { isKind, type EventOf, type TraceEvent } from '../../src/sim/trace.ts';
import { typeAt } from './terminalSession.ts';

/** CREDENTIAL is Alice's PLAIN response (RFC 4616): no authorisation id, her user name and her password. */
const CREDENTIAL = Buffer.from('\0alice\0croissant').toString('base64');

const MESSAGE = [
  'From: alice@crepes.fr',
  'To: bob@hamburger.edu',
  'Subject: Lunch',
  '',
  'Do you like ketchup?',
  'How about pickles?',
  '.',
];

const ENVELOPE = ['MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<bob@hamburger.edu>', 'DATA'];

/** Line is an `app.line`; the facts of either side read without narrowing on `from` (absent: undefined). */
type Line = EventOf<'app.line'>;

function lines(session: Session, conn?: string): Line[] {
  return session.events.filter(isKind('app.line')).filter((e) => conn === undefined || e.conn === conn);
}

/** typedConn is the connection the terminal opened. */
function typedConn(session: Session): string {
  const connected = session.events.find(isKind('terminal.connected'));
  if (connected === undefined) throw new Error('the terminal never connected');
  return connected.conn;
}

function firstAnswer(session: Session, verb: string): Line | undefined {
  return lines(session, typedConn(session)).find((e) => e.from === 'server' && e.answers === verb);
}

describe('AUTH typed by hand on the submission port', () => {
  const session = typeAt('alice-pc', 'crepes.fr', 587, [
    'EHLO alice-pc',
    `AUTH PLAIN ${CREDENTIAL}`,
    ...ENVELOPE,
    ...MESSAGE,
    'QUIT',
  ]);
  const conn = typedConn(session);
  const typed = lines(session, conn);

  it('opens a terminal connection to crepes.fr on port 587', () => {
    expect(session.events.find(isKind('terminal.connected'))).toMatchObject({
      host: 'alice-pc',
      target: 'crepes.fr',
      port: 587,
      protocol: 'smtp',
    });
  });

  it('records the 235 as the catalogue’s smtp.auth.ok answering AUTH', () => {
    const ok = typed.find((e) => e.from === 'server' && e.code === 235);
    expect(ok).toMatchObject({ code: 235, reply: 'smtp.auth.ok', answers: 'AUTH' });
    expect(ok?.more).toBeUndefined();
  });

  it('records the typed credential as an AUTH command with an initial response, without copying it', () => {
    const auth = typed.find((e) => e.from === 'client' && e.verb === 'AUTH');
    expect(auth?.args).toEqual({ mechanism: 'PLAIN', initialResponse: true });
    expect(JSON.stringify(auth?.args)).not.toContain(CREDENTIAL);
  });

  it('records every command’s verb as typed, and the message lines as content', () => {
    const client = typed.filter((e) => e.from === 'client');
    expect(client.filter((e) => e.verb !== undefined).map((e) => e.verb)).toEqual([
      'EHLO',
      'AUTH',
      'MAIL',
      'RCPT',
      'DATA',
      '.',
      'QUIT',
    ]);
    expect(client.filter((e) => e.content === 'data').map((e) => e.line)).toEqual(MESSAGE.slice(0, -1));
    expect(typed.find((e) => e.verb === 'RCPT')?.args).toEqual({ to: 'bob@hamburger.edu' });
  });

  it('pairs each reply with the command it answers', () => {
    const finals = typed.filter((e) => e.from === 'server' && e.more !== true);
    expect(finals.map((e) => [e.code, e.reply, e.answers])).toEqual([
      [220, 'smtp.greeting', undefined],
      [250, 'smtp.ehlo.ok', 'EHLO'],
      [235, 'smtp.auth.ok', 'AUTH'],
      [250, 'smtp.mail.ok', 'MAIL'],
      [250, 'smtp.rcpt.ok', 'RCPT'],
      [354, 'smtp.data.start', 'DATA'],
      [250, 'smtp.data.accepted', '.'],
      [221, 'smtp.quit', 'QUIT'],
    ]);
  });

  it('types each command after the final reply to the one before', () => {
    let answered = true;
    for (const e of typed) {
      if (e.from === 'client' && e.verb !== undefined) {
        expect(answered, `${e.line} typed before the previous reply`).toBe(true);
        answered = false;
      }
      if (e.from === 'server' && e.answers !== undefined && e.more !== true) answered = true;
    }
  });

  it('reports the accepted message with its envelope', () => {
    const accepted = session.events.filter(isKind('smtp.accepted')).filter((e) => e.conn === conn);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({
      host: 'crepes.fr',
      from: 'alice@crepes.fr',
      recipients: ['bob@hamburger.edu'],
    });
    const relayed = session.events
      .filter(isKind('mailbox.stored'))
      .find((e) => e.host === 'hamburger.edu' && e.user === 'bob');
    expect(relayed?.raw).toContain('Subject: Lunch');
  });

  it('gives every reply line a code and catalogue id, and all but the greeting what they answer', () => {
    const replies = lines(session).filter((e) => e.from === 'server');
    expect(replies.length).toBeGreaterThan(8);
    for (const e of replies) {
      expect(e.code, e.line).toEqual(expect.any(Number));
      expect(e.reply, e.line).toMatch(/^smtp\./);
      if (e.reply === 'smtp.greeting') expect(e.answers, e.line).toBeUndefined();
      else expect(e.answers, e.line).toEqual(expect.any(String));
    }
    for (const connId of new Set(replies.map((e) => e.conn)))
      expect(replies.find((e) => e.conn === connId)?.reply).toBe('smtp.greeting');
  });

  it('gives every client line a verb, or says it is content', () => {
    for (const e of lines(session).filter((l) => l.from === 'client')) {
      const facts = [e.verb, e.content].filter((f) => f !== undefined);
      expect(facts, e.line).toHaveLength(1);
    }
  });

  it('describes each connection exactly once, when it opens', () => {
    const opened = session.events.filter(isKind('conn.opened'));
    const ids = opened.map((e) => e.conn);
    expect(new Set(ids).size).toBe(ids.length);
    const used = new Set(
      session.events
        .filter((e): e is TraceEvent & { conn: string } => 'conn' in e && typeof e.conn === 'string')
        .map((e) => e.conn),
    );
    expect([...used].sort()).toEqual([...ids].sort());
    expect(opened.find((e) => e.conn === conn)).toMatchObject({
      client: 'alice-pc',
      server: 'crepes.fr',
      port: 587,
      protocol: 'smtp',
    });
    for (const e of opened) {
      const firstLine = session.events.find((x) => x.kind === 'app.line' && x.conn === e.conn);
      if (firstLine !== undefined) expect(firstLine.seq).toBeGreaterThan(e.seq);
    }
  });
});

describe('AUTH PLAIN typed with the credential on a line of its own', () => {
  const session = typeAt('alice-pc', 'crepes.fr', 587, ['EHLO alice-pc', 'AUTH PLAIN', CREDENTIAL, 'QUIT']);
  const typed = lines(session, typedConn(session));

  it('records AUTH without an initial response, and the server’s 334 as answering it', () => {
    expect(typed.find((e) => e.verb === 'AUTH')?.args).toEqual({
      mechanism: 'PLAIN',
      initialResponse: false,
    });
    expect(typed.find((e) => e.code === 334)).toMatchObject({
      reply: 'smtp.auth.challenge',
      answers: 'AUTH',
    });
  });

  it('records the credential line as a SASL response, not a command', () => {
    const credential = typed.find((e) => e.from === 'client' && e.line === CREDENTIAL);
    expect(credential?.content).toBe('sasl');
    expect(credential?.verb).toBeUndefined();
  });

  it('still records the 235 as answering AUTH', () => {
    expect(firstAnswer(session, 'AUTH')?.code).toBe(334);
    expect(typed.find((e) => e.code === 235)).toMatchObject({ reply: 'smtp.auth.ok', answers: 'AUTH' });
  });
});
