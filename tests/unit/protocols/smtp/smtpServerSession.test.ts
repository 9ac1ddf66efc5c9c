// Transcript tests of the server session as a whole: PIPELINING order, how sessions end, and teachers' faults.
import { describe, expect, it } from 'vitest';
import { faultReply } from '../../../../src/protocols/smtp/replies.ts';
import { startServer } from './serverHarness.ts';

describe('PIPELINING', () => {
  it('answers a batch of commands arriving in one segment in order', () => {
    const server = startServer({ style: 'modern' });
    server.sendChunk('EHLO crepes.fr\r\nMAIL FROM:<alice@crepes.fr>\r\nRCPT TO:<bob@hamburger.edu>\r\n');
    server.sendChunk('RCPT TO:<nobody@hamburger.edu>\r\nDATA\r\nHi\r\n.\r\nQUIT\r\n');
    expect(server.serverLines().filter((line) => !line.startsWith('250-'))).toEqual([
      '220 hamburger.edu ESMTP',
      '250 HELP',
      '250 2.1.0 Ok',
      '250 2.1.5 Ok',
      '550 5.1.1 <nobody@hamburger.edu>: Recipient address rejected: User unknown in local recipient table',
      '354 End data with <CR><LF>.<CR><LF>',
      '250 2.0.0 Ok: queued as Q00001',
      '221 2.0.0 Bye',
      '<close>',
    ]);
  });

  it('keeps replies in order when the next line is fed from inside a reply listener', () => {
    const server = startServer({}, { open: false });
    const queue = ['HELO crepes.fr', 'MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<bob@hamburger.edu>', 'NOOP'];
    server.actor.on('line.send', () => {
      const next = queue.shift();
      if (next !== undefined) server.send(next);
    });
    server.actor.send({ type: 'connection.opened' });
    expect(server.log).toEqual([
      'S: 220 hamburger.edu',
      'C: HELO crepes.fr',
      'S: 250 Hello crepes.fr, pleased to meet you',
      'C: MAIL FROM:<alice@crepes.fr>',
      'S: 250 alice@crepes.fr ... Sender ok',
      'C: RCPT TO:<bob@hamburger.edu>',
      'S: 250 bob@hamburger.edu ... Recipient ok',
      'C: NOOP',
      'S: 250 OK',
    ]);
  });
});

describe('ending the session', () => {
  it('sends 421 and closes on server.shutdown', () => {
    const server = startServer();
    server.send('HELO crepes.fr');
    server.actor.send({ type: 'server.shutdown' });
    expect(server.log.slice(-2)).toEqual([
      'S: 421 hamburger.edu Service not available, closing transmission channel',
      'S: <close>',
    ]);
    expect(server.actor.getSnapshot().status).toBe('done');
  });

  it('ends quietly when the peer closes the connection', () => {
    const server = startServer();
    server.actor.send({ type: 'connection.closed' });
    expect(server.log).toEqual(['S: 220 hamburger.edu']);
    expect(server.actor.getSnapshot().value).toBe('closed');
  });
});

describe('faults a teacher interposes', () => {
  it('closes at once after a 421 greeting', () => {
    const server = startServer(
      {},
      {
        backend: {
          localDomains: [],
          mailboxes: [],
          interpose: (stage) =>
            stage === 'greeting' ? faultReply(421, 'modern', 'hamburger.edu Too busy') : undefined,
        },
      },
    );
    expect(server.log).toEqual(['S: 421 hamburger.edu Too busy', 'S: <close>']);
  });

  it('after a 554 greeting answers everything but QUIT with 503 (RFC 5321 §3.1)', () => {
    const server = startServer(
      {},
      {
        backend: {
          localDomains: [],
          mailboxes: [],
          interpose: (stage) =>
            stage === 'greeting' ? faultReply(554, 'modern', 'hamburger.edu No service') : undefined,
        },
      },
    );
    server.send('HELO crepes.fr', 'NOOP', 'QUIT');
    expect(server.serverLines()).toEqual([
      '554 hamburger.edu No service',
      '503 No SMTP service here',
      '503 No SMTP service here',
      '221 hamburger.edu closing connection',
      '<close>',
    ]);
  });

  it('replaces the RCPT reply with a 450 and the end-of-data reply with a 552', () => {
    const faults = {
      rcpt: faultReply(450, 'modern', 'Mailbox busy'),
      'data-end': faultReply(552, 'modern', 'Mailbox full'),
    } as const;
    const server = startServer(
      {},
      {
        backend: {
          localDomains: ['hamburger.edu'],
          mailboxes: ['bob@hamburger.edu'],
          interpose: (stage, session) =>
            stage === 'rcpt' && session.to.length === 1
              ? faults.rcpt
              : stage === 'data-end'
                ? faults['data-end']
                : undefined,
        },
      },
    );
    server.send(
      'HELO crepes.fr',
      'MAIL FROM:<alice@crepes.fr>',
      'RCPT TO:<bob@hamburger.edu>',
      'RCPT TO:<bob@hamburger.edu>',
      'DATA',
      'hi',
      '.',
    );
    expect(server.serverLines().slice(3)).toEqual([
      '250 bob@hamburger.edu ... Recipient ok',
      '450 Mailbox busy',
      '354 Enter mail, end with "." on a line by itself',
      '552 Mailbox full',
    ]);
    expect(server.backend.accepted).toEqual([]);
  });
});
