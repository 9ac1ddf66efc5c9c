// Transcript tests of replies worded as the textbook's sendmail and as Postfix: DATA before MAIL, AUTH and HELP on
// port 25, relaying, VRFY, quoted local parts, a tab after the verb, and DATA lines at the length limit.
import { describe, expect, it } from 'vitest';
import { memoryBackend } from '../../../../src/protocols/smtp/memoryBackend.ts';
import { converse, HAMBURGER, startServer, transcript } from './serverHarness.ts';

const TEXTBOOK = { style: 'textbook' as const };
const MODERN = { style: 'modern' as const };

function plays(script: string, overrides: Parameters<typeof converse>[1]): void {
  expect(converse(script, overrides)).toEqual(transcript(script));
}

describe('DATA before MAIL', () => {
  it('asks for MAIL in the textbook style, without mentioning RCPT', () => {
    plays(
      `S: 220 hamburger.edu
       C: HELO crepes.fr
       S: 250 Hello crepes.fr, pleased to meet you
       C: DATA
       S: 503 Need MAIL command`,
      TEXTBOOK,
    );
  });

  it('asks for MAIL in the modern style', () => {
    plays(
      `S: 220 hamburger.edu ESMTP
       C: HELO crepes.fr
       S: 250 hamburger.edu
       C: DATA
       S: 503 5.5.1 Error: need MAIL command`,
      MODERN,
    );
  });

  it('still tells RCPT before MAIL that MAIL comes before RCPT', () => {
    plays(
      `S: 220 hamburger.edu
       C: HELO crepes.fr
       S: 250 Hello crepes.fr, pleased to meet you
       C: RCPT TO:<bob@hamburger.edu>
       S: 503 Need MAIL before RCPT`,
      TEXTBOOK,
    );
  });
});

describe('AUTH and HELP on port 25', () => {
  it('answers AUTH with 503 as Postfix does, in the modern style', () => {
    plays(
      `S: 220 hamburger.edu ESMTP
       C: EHLO crepes.fr
       S: 250-hamburger.edu
       S: 250-PIPELINING
       S: 250-SIZE 10000
       S: 250-8BITMIME
       S: 250-ENHANCEDSTATUSCODES
       S: 250 HELP
       C: AUTH PLAIN AGJvYgBrZXRjaHVw
       S: 503 5.5.1 Error: authentication not enabled`,
      MODERN,
    );
  });

  it('answers AUTH with 503 as sendmail does, in the textbook style', () => {
    plays(
      `S: 220 hamburger.edu
       C: EHLO crepes.fr
       S: 250-hamburger.edu Hello crepes.fr, pleased to meet you
       S: 250-PIPELINING
       S: 250-SIZE 10000
       S: 250-8BITMIME
       S: 250 HELP
       C: AUTH LOGIN
       S: 503 AUTH not available`,
      TEXTBOOK,
    );
  });

  it('does not list AUTH in HELP where AUTH is not offered, in either style', () => {
    plays(
      `S: 220 hamburger.edu
       C: HELP
       S: 214 Commands: HELO EHLO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT`,
      TEXTBOOK,
    );
    plays(
      `S: 220 hamburger.edu ESMTP
       C: HELP
       S: 214 2.0.0 Commands: HELO EHLO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT`,
      MODERN,
    );
  });

  it('lists AUTH in HELP on the submission port', () => {
    const server = startServer({ style: 'modern', submission: true });
    server.send('HELP');
    expect(server.serverLines().at(-1)).toBe(
      '214 2.0.0 Commands: HELO EHLO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT AUTH',
    );
  });
});

describe('relaying refused', () => {
  it('uses sendmail’s 550 5.7.1 in the textbook style', () => {
    plays(
      `S: 220 hamburger.edu
       C: HELO crepes.fr
       S: 250 Hello crepes.fr, pleased to meet you
       C: MAIL FROM:<alice@crepes.fr>
       S: 250 alice@crepes.fr ... Sender ok
       C: RCPT TO:<eve@elsewhere.example>
       S: 550 eve@elsewhere.example... Relaying denied`,
      TEXTBOOK,
    );
  });

  it('uses Postfix’s 554 5.7.1 in the modern style', () => {
    plays(
      `S: 220 hamburger.edu ESMTP
       C: HELO crepes.fr
       S: 250 hamburger.edu
       C: MAIL FROM:<alice@crepes.fr>
       S: 250 2.1.0 Ok
       C: RCPT TO:<eve@elsewhere.example>
       S: 554 5.7.1 <eve@elsewhere.example>: Relay access denied`,
      MODERN,
    );
  });
});

describe('VRFY', () => {
  it('gives 252 for a known user and 550 for an unknown one, in the textbook style', () => {
    plays(
      `S: 220 hamburger.edu
       C: VRFY bob
       S: 252 Cannot VRFY user, but will accept message and attempt delivery
       C: VRFY <mallory@hamburger.edu>
       S: 550 mallory@hamburger.edu... User unknown`,
      TEXTBOOK,
    );
  });

  it('gives 252 for a known user and 550 5.1.1 for an unknown one, in the modern style', () => {
    plays(
      `S: 220 hamburger.edu ESMTP
       C: VRFY bob@hamburger.edu
       S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
       C: VRFY mallory
       S: 550 5.1.1 <mallory@hamburger.edu>: Recipient address rejected: User unknown in local recipient table`,
      MODERN,
    );
  });

  it('cannot judge a user of another domain, so gives 252', () => {
    plays(
      `S: 220 hamburger.edu
       C: VRFY eve@elsewhere.example
       S: 252 Cannot VRFY user, but will accept message and attempt delivery`,
      TEXTBOOK,
    );
  });
});

describe('a quoted local part', () => {
  it('names the same mailbox as the plain one, in both styles', () => {
    plays(
      `S: 220 hamburger.edu
       C: HELO crepes.fr
       S: 250 Hello crepes.fr, pleased to meet you
       C: MAIL FROM:<alice@crepes.fr>
       S: 250 alice@crepes.fr ... Sender ok
       C: RCPT TO:<"bob"@hamburger.edu>
       S: 250 bob@hamburger.edu ... Recipient ok`,
      TEXTBOOK,
    );
    plays(
      `S: 220 hamburger.edu ESMTP
       C: HELO crepes.fr
       S: 250 hamburger.edu
       C: MAIL FROM:<alice@crepes.fr>
       S: 250 2.1.0 Ok
       C: RCPT TO:<"bob"@hamburger.edu>
       S: 250 2.1.5 Ok`,
      MODERN,
    );
  });

  it('delivers to the plain mailbox', () => {
    const server = startServer();
    server.send('HELO crepes.fr', 'MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<"bob"@hamburger.edu>', 'DATA');
    server.send('Hi', '.');
    expect(server.backend.accepted.map((m) => m.to)).toEqual([['bob@hamburger.edu']]);
  });
});

describe('a tab after the verb', () => {
  it('gets a 501 that says a space is needed, not 500 unrecognized, in both styles', () => {
    plays(
      `S: 220 hamburger.edu
       C: EHLO\tcrepes.fr
       S: 501 Syntax error: separate EHLO from its argument with a space, not a tab`,
      TEXTBOOK,
    );
    plays(
      `S: 220 hamburger.edu ESMTP
       C: EHLO\tcrepes.fr
       S: 501 5.5.2 Syntax: EHLO and its argument are separated by a space, not a tab`,
      MODERN,
    );
  });
});

describe('DATA lines at the length limit (RFC 5321 §4.5.3.1.6)', () => {
  const open = ['HELO crepes.fr', 'MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<bob@hamburger.edu>', 'DATA'];

  it('accepts a 998-octet line that begins with "." once the transparency dot is removed', () => {
    const server = startServer({ maxSize: 100_000 });
    const text = '.' + 'x'.repeat(997);
    server.send(...open, '.' + text, '.');
    expect(server.serverLines().at(-1)).toBe('250 Message accepted for delivery');
    expect(server.backend.accepted[0]?.data).toBe(`${text}\r\n`);
  });

  it('refuses a 999-octet line of text', () => {
    const server = startServer({ maxSize: 100_000 });
    server.send(...open, '..' + 'x'.repeat(998), '.');
    expect(server.serverLines().at(-1)).toBe('554 Message contains a line too long');
    expect(server.backend.accepted).toEqual([]);
  });
});

describe('no room to store a message', () => {
  const full = { ...memoryBackend(HAMBURGER), checkRecipient: () => 'no-storage' as const };

  it('refuses the recipient for now with sendmail’s 452 in the textbook style', () => {
    plays(
      `S: 220 hamburger.edu
       C: HELO crepes.fr
       S: 250 Hello crepes.fr, pleased to meet you
       C: MAIL FROM:<alice@crepes.fr>
       S: 250 alice@crepes.fr ... Sender ok
       C: RCPT TO:<bob@hamburger.edu>
       S: 452 Insufficient disk space; try again later`,
      { ...TEXTBOOK, backend: full },
    );
  });

  it('refuses the recipient for now with Postfix’s 452 4.3.1 in the modern style', () => {
    plays(
      `S: 220 hamburger.edu ESMTP
       C: HELO crepes.fr
       S: 250 hamburger.edu
       C: MAIL FROM:<alice@crepes.fr>
       S: 250 2.1.0 Ok
       C: RCPT TO:<bob@hamburger.edu>
       S: 452 4.3.1 Insufficient system storage`,
      { ...MODERN, backend: full },
    );
  });
});
