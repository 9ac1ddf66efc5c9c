// Transcript tests of the SMTP client against a scripted server: what it sends, and what it concludes.
import { describe, expect, it } from 'vitest';
import { playServer, startClient } from './clientHarness.ts';
import { transcript } from './serverHarness.ts';

const POSTFIX_EHLO = ['250-hamburger.edu', '250-PIPELINING', '250-SIZE 10240000', '250-8BITMIME', '250 HELP'];

describe('smtpClientMachine against a server without PIPELINING', () => {
  const script = `
    S: 220 hamburger.edu
    C: EHLO crepes.fr
    S: 250-hamburger.edu Hello crepes.fr, pleased to meet you
    S: 250 HELP
    C: MAIL FROM:<alice@crepes.fr>
    S: 250 alice@crepes.fr ... Sender ok
    C: RCPT TO:<bob@hamburger.edu>
    S: 250 bob@hamburger.edu ... Recipient ok
    C: DATA
    S: 354 Enter mail, end with "." on a line by itself
    C: Do you like ketchup?
    C: How about pickles?
    C: .
    S: 250 Message accepted for delivery
    C: QUIT
    S: 221 hamburger.edu closing connection
    C: <close>
  `;

  it('sends one command at a time and delivers the message', () => {
    const client = playServer(script);
    expect(client.log).toEqual(transcript(script));
    expect(client.output()).toEqual({
      recipients: [
        {
          recipient: 'bob@hamburger.edu',
          outcome: 'delivered',
          reason: 'dataEnd',
          reply: { code: 250, lines: ['Message accepted for delivery'] },
        },
      ],
      session: { ended: 'quit', extensions: ['HELP'], pipelining: false, possiblyDelivered: false },
    });
  });
});

describe('smtpClientMachine with PIPELINING', () => {
  const script = `
    S: 220 hamburger.edu ESMTP
    C: EHLO crepes.fr
    ${POSTFIX_EHLO.map((line) => `S: ${line}`).join('\n')}
    C: MAIL FROM:<alice@crepes.fr> SIZE=5
    C: RCPT TO:<bob@hamburger.edu>
    C: RCPT TO:<nobody@hamburger.edu>
    C: RCPT TO:<busy@hamburger.edu>
    S: 250 2.1.0 Ok
    S: 250 2.1.5 Ok
    S: 550 5.1.1 <nobody@hamburger.edu>: Recipient address rejected: User unknown in local recipient table
    S: 450 4.2.0 <busy@hamburger.edu>: Mailbox busy
    C: DATA
    S: 354 End data with <CR><LF>.<CR><LF>
    C: ..hi
    C: .
    S: 250 2.0.0 Ok: queued as ABC123
    C: QUIT
    S: 221 2.0.0 Bye
    C: <close>
  `;
  const input = {
    envelope: {
      from: 'alice@crepes.fr',
      to: ['bob@hamburger.edu', 'nobody@hamburger.edu', 'busy@hamburger.edu'],
    },
    data: '.hi\r\n',
  };

  it('sends MAIL and every RCPT as one group, then matches the replies in order', () => {
    expect(playServer(script, input).log).toEqual(transcript(script));
  });

  it('records a result for each recipient by the class of its reply', () => {
    const output = playServer(script, input).output();
    expect(output?.recipients.map((r) => [r.recipient, r.outcome, r.reason])).toEqual([
      ['bob@hamburger.edu', 'delivered', 'dataEnd'],
      ['nobody@hamburger.edu', 'permanent', 'rcpt'],
      ['busy@hamburger.edu', 'temporary', 'rcpt'],
    ]);
    expect(output?.session.pipelining).toBe(true);
  });

  it('reads every RCPT reply after a refused MAIL, then quits without DATA', () => {
    const refused = `
      S: 220 hamburger.edu ESMTP
      C: EHLO crepes.fr
      S: 250-hamburger.edu
      S: 250 PIPELINING
      C: MAIL FROM:<alice@crepes.fr>
      C: RCPT TO:<bob@hamburger.edu>
      S: 553 5.1.8 <alice@crepes.fr>: Sender address rejected: Domain not found
      S: 503 5.5.1 Error: need MAIL command
      C: QUIT
      S: 221 2.0.0 Bye
      C: <close>
    `;
    const client = playServer(refused);
    expect(client.log).toEqual(transcript(refused));
    expect(client.output()?.recipients).toEqual([
      {
        recipient: 'bob@hamburger.edu',
        outcome: 'permanent',
        reason: 'mail',
        reply: { code: 553, lines: ['5.1.8 <alice@crepes.fr>: Sender address rejected: Domain not found'] },
      },
    ]);
  });
});

describe('smtpClientMachine falling back and failing', () => {
  it('falls back to HELO when EHLO gets a 5xx (RFC 5321 §3.2)', () => {
    const script = `
      S: 220 old.example
      C: EHLO crepes.fr
      S: 502 Command not implemented
      C: HELO crepes.fr
      S: 250 old.example
      C: MAIL FROM:<>
      S: 250 ok
      C: RCPT TO:<bob@hamburger.edu>
      S: 250 ok
      C: DATA
      S: 354 go ahead
      C: bounce
      C: .
      S: 250 ok
      C: QUIT
      S: 221 bye
      C: <close>
    `;
    const client = playServer(script, { envelope: { from: '', to: ['bob@hamburger.edu'] }, data: 'bounce' });
    expect(client.log).toEqual(transcript(script));
    expect(client.output()?.recipients[0]?.outcome).toBe('delivered');
  });

  it('does not send DATA when no recipient was accepted', () => {
    const script = `
      S: 220 hamburger.edu
      C: EHLO crepes.fr
      S: 250 hamburger.edu
      C: MAIL FROM:<alice@crepes.fr>
      S: 250 ok
      C: RCPT TO:<bob@hamburger.edu>
      S: 554 5.7.1 <bob@hamburger.edu>: Relay access denied
      C: QUIT
      S: 221 bye
      C: <close>
    `;
    const client = playServer(script);
    expect(client.log).toEqual(transcript(script));
    expect(client.output()?.recipients[0]).toMatchObject({ outcome: 'permanent', reason: 'rcpt' });
  });

  it('treats a 421 at any point as temporary for every recipient not yet settled, and closes', () => {
    const client = playServer(`
      S: 220 hamburger.edu
      S: 421 4.3.2 hamburger.edu Service not available, closing transmission channel
    `);
    expect(client.log.at(-1)).toBe('C: <close>');
    expect(client.output()?.recipients[0]).toMatchObject({ outcome: 'temporary', reason: 'serviceClosing' });
    expect(client.output()?.session.ended).toBe('serviceClosing');
  });

  it('treats a 554 greeting as permanent and still says QUIT (RFC 5321 §3.1)', () => {
    const client = playServer(`
      S: 554 hamburger.edu No SMTP service here
      S: 221 bye
    `);
    expect(client.log).toContain('C: QUIT');
    expect(client.output()?.recipients[0]).toMatchObject({ outcome: 'permanent', reason: 'greeting' });
  });

  it('keeps the mail for a retry when the connection drops before DATA is answered', () => {
    const client = startClient();
    client.reply('220 hamburger.edu', '250 hamburger.edu', '250 ok', '250 ok', '<close>');
    expect(client.output()?.recipients[0]).toMatchObject({ outcome: 'temporary', reason: 'connectionLost' });
    expect(client.output()?.session.possiblyDelivered).toBe(false);
  });

  it('notes that the message may have been delivered when the reply to the final "." is lost (RFC 5321 §6.1)', () => {
    const client = startClient();
    client.reply('220 hamburger.edu', '250 hamburger.edu', '250 ok', '250 ok', '354 go', '<close>');
    expect(client.output()?.recipients[0]).toMatchObject({ outcome: 'temporary', reason: 'connectionLost' });
    expect(client.output()?.session).toMatchObject({ ended: 'connectionLost', possiblyDelivered: true });
  });

  it('gives up on a server that sends something other than a reply line', () => {
    const client = startClient();
    client.reply('220 hamburger.edu', 'hello?');
    expect(client.output()?.recipients[0]).toMatchObject({ outcome: 'temporary', reason: 'protocolError' });
    expect(client.log.at(-1)).toBe('C: <close>');
  });

  it('gives up on a multi-line reply whose lines change code', () => {
    const client = startClient();
    client.reply('220 hamburger.edu', '250-hamburger.edu', '251 PIPELINING');
    expect(client.output()?.session.ended).toBe('protocolError');
  });

  it('quits at once when the envelope has no recipients', () => {
    const client = startClient({ envelope: { from: 'alice@crepes.fr', to: [] } });
    client.reply('220 hamburger.edu', '250 hamburger.edu', '221 bye');
    expect(client.log).toEqual([
      'S: 220 hamburger.edu',
      'C: EHLO crepes.fr',
      'S: 250 hamburger.edu',
      'C: QUIT',
      'S: 221 bye',
      'C: <close>',
    ]);
    expect(client.output()?.recipients).toEqual([]);
  });
});
