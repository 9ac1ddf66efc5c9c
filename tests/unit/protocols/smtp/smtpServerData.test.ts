// Transcript tests of the server's DATA phase: dot-unstuffing, the end of data, and messages it must refuse.
import { describe, expect, it } from 'vitest';
import { startServer } from './serverHarness.ts';

function openTransaction(overrides = {}) {
  const server = startServer(overrides);
  server.send('HELO crepes.fr', 'MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<bob@hamburger.edu>', 'DATA');
  return server;
}

describe('the DATA phase', () => {
  it('removes one leading dot from stuffed lines and ends only at a line holding a single dot', () => {
    const server = openTransaction();
    server.send('..leading dot', '...', '. not the end', '');
    server.send('.');
    expect(server.backend.accepted[0]?.data).toBe('.leading dot\r\n..\r\n not the end\r\n\r\n');
  });

  it('reads command words inside the message as text', () => {
    const server = openTransaction();
    server.send('QUIT', 'RSET', '.');
    expect(server.serverLines().at(-1)).toBe('250 Message accepted for delivery');
    expect(server.backend.accepted[0]?.data).toBe('QUIT\r\nRSET\r\n');
  });

  it('accepts an empty message', () => {
    const server = openTransaction();
    server.send('.');
    expect(server.backend.accepted[0]?.data).toBe('');
  });

  it('returns to the identified state after the final dot, ready for another transaction', () => {
    const server = openTransaction();
    server.send(
      'one',
      '.',
      'MAIL FROM:<alice@crepes.fr>',
      'RCPT TO:<carol@hamburger.edu>',
      'DATA',
      'two',
      '.',
    );
    expect(server.backend.accepted.map((mail) => [mail.to, mail.data, mail.queueId])).toEqual([
      [['bob@hamburger.edu'], 'one\r\n', 'Q00001'],
      [['carol@hamburger.edu'], 'two\r\n', 'Q00002'],
    ]);
  });
});

describe('messages the server refuses', () => {
  it('answers 552 at MAIL when the declared SIZE is over the limit (RFC 1870)', () => {
    const server = startServer({ style: 'modern', maxSize: 100 });
    server.send(
      'EHLO crepes.fr',
      'MAIL FROM:<alice@crepes.fr> SIZE=101',
      'MAIL FROM:<alice@crepes.fr> SIZE=100',
    );
    expect(server.serverLines().slice(-2)).toEqual([
      '552 5.3.4 Message size exceeds fixed limit',
      '250 2.1.0 Ok',
    ]);
  });

  it('reads a message that grows too large to its end, then answers 552 and keeps nothing', () => {
    const server = openTransaction({ maxSize: 20 });
    server.send('0123456789', '0123456789', 'more text', '.');
    expect(server.serverLines().at(-1)).toBe('552 Message size exceeds fixed maximum message size');
    expect(server.backend.accepted).toEqual([]);
    server.send('NOOP');
    expect(server.serverLines().at(-1)).toBe('250 OK');
  });

  it('refuses a message with a text line over 1000 octets once the final dot arrives', () => {
    const server = openTransaction({ style: 'modern' });
    server.actor.send({ type: 'line.overlong' });
    server.send('fine', '.');
    expect(server.serverLines().at(-1)).toBe('554 5.6.0 Error: message line too long');
    expect(server.backend.accepted).toEqual([]);
  });

  it('refuses a message holding a bare LF rather than guessing where its lines end (RFC 5321 §2.3.8)', () => {
    const server = openTransaction();
    server.send('From: alice\nTo: bob', '.');
    expect(server.serverLines().at(-1)).toBe(
      '554 Message refused: it contains a bare CR or LF; end every line with CRLF',
    );
  });
});
