// Transcript tests of the SMTP server: every command, every error class, in both reply styles.
import { describe, expect, it } from 'vitest';
import { converse, startServer, transcript } from './serverHarness.ts';

function expectConversation(script: string, overrides = {}): void {
  expect(converse(script, overrides)).toEqual(transcript(script));
}

const modern = { style: 'modern' as const };

describe('a modern-style server session', () => {
  it('answers EHLO with exactly the supported extensions and runs a transaction with enhanced codes', () => {
    expectConversation(
      `
      S: 220 hamburger.edu ESMTP
      C: EHLO crepes.fr
      S: 250-hamburger.edu
      S: 250-PIPELINING
      S: 250-SIZE 10000
      S: 250-8BITMIME
      S: 250-ENHANCEDSTATUSCODES
      S: 250 HELP
      C: MAIL FROM:<alice@crepes.fr> SIZE=42 BODY=8BITMIME
      S: 250 2.1.0 Ok
      C: RCPT TO:<bob@hamburger.edu>
      S: 250 2.1.5 Ok
      C: DATA
      S: 354 End data with <CR><LF>.<CR><LF>
      C: Hello
      C: .
      S: 250 2.0.0 Ok: queued as Q00001
      C: QUIT
      S: 221 2.0.0 Bye
      S: <close>
    `,
      modern,
    );
  });

  it('refuses an unknown user with 550 5.1.1 and a foreign domain with 554 5.7.1', () => {
    expectConversation(
      `
      S: 220 hamburger.edu ESMTP
      C: HELO crepes.fr
      S: 250 hamburger.edu
      C: MAIL FROM:<alice@crepes.fr>
      S: 250 2.1.0 Ok
      C: RCPT TO:<x@hamburger.edu>
      S: 550 5.1.1 <x@hamburger.edu>: Recipient address rejected: User unknown in local recipient table
      C: RCPT TO:<x@elsewhere.org>
      S: 554 5.7.1 <x@elsewhere.org>: Relay access denied
    `,
      modern,
    );
  });
});

describe('commands that work before HELO', () => {
  it('answers NOOP, RSET, VRFY, HELP and QUIT without a greeting from the client', () => {
    expectConversation(`
      S: 220 hamburger.edu
      C: NOOP
      S: 250 OK
      C: RSET
      S: 250 Reset state
      C: VRFY bob
      S: 252 Cannot VRFY user, but will accept message and attempt delivery
      C: HELP
      S: 214 Commands: HELO EHLO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT
      C: QUIT
      S: 221 hamburger.edu closing connection
      S: <close>
    `);
  });

  it('accepts verbs in lower case, as Python smtplib sends them', () => {
    expectConversation(`
      S: 220 hamburger.edu
      C: helo crepes.fr
      S: 250 Hello crepes.fr, pleased to meet you
      C: mail FROM:<alice@crepes.fr>
      S: 250 alice@crepes.fr ... Sender ok
      C: rcpt TO:<bob@hamburger.edu>
      S: 250 bob@hamburger.edu ... Recipient ok
      C: noop
      S: 250 OK
    `);
  });
});

describe('bad sequences get 503 and change nothing', () => {
  it('refuses MAIL, RCPT, DATA and AUTH before HELO', () => {
    expectConversation(`
      S: 220 hamburger.edu
      C: MAIL FROM:<alice@crepes.fr>
      S: 503 Polite people say HELO first
      C: RCPT TO:<bob@hamburger.edu>
      S: 503 Polite people say HELO first
      C: DATA
      S: 503 Polite people say HELO first
      C: AUTH PLAIN
      S: 503 Polite people say HELO first
    `);
  });

  it('refuses RCPT before MAIL, DATA before RCPT, and MAIL inside a transaction', () => {
    expectConversation(
      `
      S: 220 hamburger.edu ESMTP
      C: EHLO crepes.fr
      S: 250-hamburger.edu
      S: 250-PIPELINING
      S: 250-SIZE 10000
      S: 250-8BITMIME
      S: 250-ENHANCEDSTATUSCODES
      S: 250 HELP
      C: RCPT TO:<bob@hamburger.edu>
      S: 503 5.5.1 Error: need MAIL command
      C: DATA
      S: 503 5.5.1 Error: need MAIL command
      C: MAIL FROM:<alice@crepes.fr>
      S: 250 2.1.0 Ok
      C: DATA
      S: 503 5.5.1 Error: need RCPT command
      C: MAIL FROM:<alice@crepes.fr>
      S: 503 5.5.1 Error: nested MAIL command
      C: RCPT TO:<bob@hamburger.edu>
      S: 250 2.1.5 Ok
    `,
      modern,
    );
  });
});

describe('syntax and unknown commands', () => {
  it('answers 500 to an unknown verb and 502 to one it knows but does not carry out', () => {
    expectConversation(`
      S: 220 hamburger.edu
      C: FOO bar
      S: 500 Command unrecognized
      C: EXPN staff
      S: 502 Command not implemented
      C: TURN
      S: 502 Command not implemented
    `);
  });

  it('answers 501 to bad arguments and keeps the state', () => {
    expectConversation(`
      S: 220 hamburger.edu
      C: HELO
      S: 501 HELO requires domain address
      C: EHLO not_a_domain
      S: 501 EHLO requires domain address
      C: HELO crepes.fr
      S: 250 Hello crepes.fr, pleased to meet you
      C: MAIL FROM:alice@crepes.fr
      S: 501 Syntax error in sender address
      C: MAIL TO:<alice@crepes.fr>
      S: 501 Syntax error in parameters or arguments
      C: MAIL FROM:<alice@crepes.fr> SIZE=big
      S: 501 Bad MAIL parameter
      C: MAIL FROM:<alice@crepes.fr>
      S: 250 alice@crepes.fr ... Sender ok
      C: RCPT TO:<bob>
      S: 501 Syntax error in recipient address
      C: DATA now
      S: 501 Syntax error in parameters or arguments
      C: VRFY
      S: 501 Syntax error in parameters or arguments
      C: QUIT please
      S: 501 Syntax error in parameters or arguments
    `);
    const server = startServer();
    server.send('HELO crepes.fr', 'MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<bob>');
    expect(server.actor.getSnapshot().hasTag('inTransaction')).toBe(true);
  });

  it('answers 555 to parameters not advertised, including any after HELO', () => {
    expectConversation(`
      S: 220 hamburger.edu
      C: HELO crepes.fr
      S: 250 Hello crepes.fr, pleased to meet you
      C: MAIL FROM:<alice@crepes.fr> SIZE=10
      S: 555 MAIL FROM/RCPT TO parameters not recognized or not implemented
      C: EHLO crepes.fr
      S: 250-hamburger.edu Hello crepes.fr, pleased to meet you
      S: 250-PIPELINING
      S: 250-SIZE 10000
      S: 250-8BITMIME
      S: 250 HELP
      C: MAIL FROM:<alice@crepes.fr> SMTPUTF8
      S: 555 MAIL FROM/RCPT TO parameters not recognized or not implemented
      C: MAIL FROM:<alice@crepes.fr>
      S: 250 alice@crepes.fr ... Sender ok
      C: RCPT TO:<bob@hamburger.edu> NOTIFY=NEVER
      S: 555 MAIL FROM/RCPT TO parameters not recognized or not implemented
    `);
  });

  it('answers 500 to a command line over 512 octets, whether the framer or the machine finds it', () => {
    const server = startServer();
    server.actor.send({ type: 'line.overlong' });
    server.send(`NOOP ${'x'.repeat(506)}`);
    server.send(`NOOP ${'x'.repeat(505)}`);
    expect(server.serverLines()).toEqual([
      '220 hamburger.edu',
      '500 Line too long',
      '500 Line too long',
      '250 OK',
    ]);
  });

  it('refuses a command holding a bare CR or LF with 501 rather than guessing (RFC 5321 §2.3.8)', () => {
    const server = startServer({ style: 'modern' });
    server.send('HELO crepes.fr\nMAIL FROM:<evil@x.org>', 'NOOP\r', 'XYZZY\n');
    expect(server.serverLines()).toEqual([
      '220 hamburger.edu ESMTP',
      '501 5.5.2 Error: bare <CR> or <LF> received',
      '501 5.5.2 Error: bare <CR> or <LF> received',
      '500 5.5.2 Error: command not recognized',
    ]);
  });

  it('accepts "MAIL FROM: <a@b>" with a space after the colon, a laxity the parser marks', () => {
    expectConversation(`
      S: 220 hamburger.edu
      C: HELO crepes.fr
      S: 250 Hello crepes.fr, pleased to meet you
      C: MAIL FROM: <>
      S: 250 <> ... Sender ok
      C: RCPT TO: <Postmaster>
      S: 250 postmaster@hamburger.edu ... Recipient ok
    `);
  });
});

describe('the recipients of a transaction', () => {
  it('always accepts postmaster, even without a mailbox of that name (RFC 5321 §4.5.1)', () => {
    expectConversation(`
      S: 220 hamburger.edu
      C: HELO crepes.fr
      S: 250 Hello crepes.fr, pleased to meet you
      C: MAIL FROM:<alice@crepes.fr>
      S: 250 alice@crepes.fr ... Sender ok
      C: RCPT TO:<PostMaster@hamburger.edu>
      S: 250 PostMaster@hamburger.edu ... Recipient ok
      C: RCPT TO:<postmaster@elsewhere.org>
      S: 550 postmaster@elsewhere.org... Relaying denied
    `);
  });

  it('answers 452 once the recipient limit is reached, and keeps those already accepted', () => {
    const server = startServer({ maxRecipients: 1 });
    server.send(
      'HELO crepes.fr',
      'MAIL FROM:<alice@crepes.fr>',
      'RCPT TO:<bob@hamburger.edu>',
      'RCPT TO:<carol@hamburger.edu>',
    );
    server.send('DATA', 'hi', '.');
    expect(server.serverLines().slice(3)).toEqual([
      '250 bob@hamburger.edu ... Recipient ok',
      '452 Too many recipients',
      '354 Enter mail, end with "." on a line by itself',
      '250 Message accepted for delivery',
    ]);
    expect(server.backend.accepted[0]?.to).toEqual(['bob@hamburger.edu']);
  });
});

describe('resetting a transaction', () => {
  it('discards sender and recipients on RSET', () => {
    const server = startServer();
    server.send(
      'HELO crepes.fr',
      'MAIL FROM:<alice@crepes.fr>',
      'RCPT TO:<bob@hamburger.edu>',
      'RSET',
      'DATA',
    );
    expect(server.serverLines().slice(-2)).toEqual(['250 Reset state', '503 Need MAIL command']);
    expect(server.actor.getSnapshot().hasTag('inTransaction')).toBe(false);
  });

  it('treats a second EHLO as a reset of the open transaction (RFC 5321 §4.1.4)', () => {
    const server = startServer();
    server.send(
      'EHLO crepes.fr',
      'MAIL FROM:<alice@crepes.fr>',
      'RCPT TO:<bob@hamburger.edu>',
      'EHLO crepes.fr',
      'RCPT TO:<bob@hamburger.edu>',
    );
    expect(server.serverLines().at(-1)).toBe('503 Need MAIL before RCPT');
    expect(server.actor.getSnapshot().context).toMatchObject({ from: null, to: [], heloName: 'crepes.fr' });
  });
});
