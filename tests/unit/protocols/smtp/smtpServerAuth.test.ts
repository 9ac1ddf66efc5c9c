// Transcript tests of SMTP AUTH on the submission port (RFC 4954): PLAIN and LOGIN, and every way they fail.
import { describe, expect, it } from 'vitest';
import { converse, startServer, transcript } from './serverHarness.ts';

const submission = { style: 'modern' as const, submission: true };
const EHLO = `
  S: 220 hamburger.edu ESMTP
  C: EHLO crepes.fr
  S: 250-hamburger.edu
  S: 250-PIPELINING
  S: 250-SIZE 10000
  S: 250-8BITMIME
  S: 250-ENHANCEDSTATUSCODES
  S: 250-AUTH PLAIN LOGIN
  S: 250 HELP
`;

function expectSubmission(script: string): void {
  expect(converse(EHLO + script, submission)).toEqual(transcript(EHLO + script));
}

function authenticatedServer() {
  const server = startServer(submission);
  server.send('EHLO crepes.fr', 'AUTH PLAIN AGJvYgBrZXRjaHVw');
  return server;
}

describe('AUTH on the submission port', () => {
  it('requires authentication before MAIL', () => {
    expectSubmission(`
      C: MAIL FROM:<bob@hamburger.edu>
      S: 530 5.7.0 Authentication required
    `);
  });

  it('accepts AUTH PLAIN with an initial response, then relays for the user', () => {
    expectSubmission(`
      C: AUTH PLAIN AGJvYgBrZXRjaHVw
      S: 235 2.7.0 Authentication successful
      C: MAIL FROM:<bob@hamburger.edu>
      S: 250 2.1.0 Ok
      C: RCPT TO:<alice@crepes.fr>
      S: 250 2.1.5 Ok
    `);
  });

  it('accepts AUTH PLAIN with the response after an empty 334 challenge', () => {
    expectSubmission(`
      C: AUTH PLAIN
      S: 334 
      C: AGJvYgBrZXRjaHVw
      S: 235 2.7.0 Authentication successful
    `);
  });

  it('runs AUTH LOGIN through its Username: and Password: challenges', () => {
    expectSubmission(`
      C: AUTH LOGIN
      S: 334 VXNlcm5hbWU6
      C: Ym9i
      S: 334 UGFzc3dvcmQ6
      C: a2V0Y2h1cA==
      S: 235 2.7.0 Authentication successful
    `);
  });

  it('takes the user name of AUTH LOGIN as an initial response', () => {
    expectSubmission(`
      C: auth login Ym9i
      S: 334 UGFzc3dvcmQ6
      C: a2V0Y2h1cA==
      S: 235 2.7.0 Authentication successful
    `);
  });

  it('answers 535 to a wrong password and lets the client try again', () => {
    expectSubmission(`
      C: AUTH PLAIN AGJvYgBtdXN0YXJk
      S: 535 5.7.8 Error: authentication failed
      C: AUTH PLAIN AGJvYgBrZXRjaHVw
      S: 235 2.7.0 Authentication successful
    `);
  });

  it('refuses to let one user act for another through the PLAIN authzid', () => {
    expectSubmission(`
      C: AUTH PLAIN YWxpY2UAYm9iAGtldGNodXA=
      S: 501 5.5.2 Cannot decode response
    `);
  });

  it('cancels the exchange on "*" and refuses a response that is not Base64', () => {
    expectSubmission(`
      C: AUTH LOGIN
      S: 334 VXNlcm5hbWU6
      C: *
      S: 501 5.0.0 Authentication aborted
      C: AUTH PLAIN
      S: 334 
      C: not base64!
      S: 501 5.5.2 Cannot decode response
      C: NOOP
      S: 250 2.0.0 Ok
    `);
  });

  it('refuses an unknown mechanism with 504 and a second AUTH with 503', () => {
    const server = authenticatedServer();
    server.send('AUTH CRAM-MD5', 'AUTH PLAIN AGJvYgBrZXRjaHVw');
    expect(server.serverLines().slice(-2)).toEqual([
      '503 5.5.1 Error: already authenticated',
      '503 5.5.1 Error: already authenticated',
    ]);
    const fresh = startServer(submission);
    fresh.send('EHLO crepes.fr', 'AUTH CRAM-MD5');
    expect(fresh.serverLines().at(-1)).toBe('504 5.5.4 Unrecognized authentication type');
  });

  it('refuses AUTH inside a mail transaction and after HELO', () => {
    const server = authenticatedServer();
    server.send('MAIL FROM:<bob@hamburger.edu>', 'AUTH PLAIN AGJvYgBrZXRjaHVw');
    expect(server.serverLines().at(-1)).toBe('503 5.5.1 Error: MAIL transaction in progress');
    const helo = startServer(submission);
    helo.send('HELO crepes.fr', 'AUTH PLAIN AGJvYgBrZXRjaHVw');
    expect(helo.serverLines().at(-1)).toBe('503 5.5.1 Error: send EHLO first');
  });

  it('answers 503 to AUTH on a relay port that does not offer it, as Postfix does', () => {
    const server = startServer({ style: 'modern' });
    server.send('EHLO crepes.fr', 'AUTH PLAIN AGJvYgBrZXRjaHVw');
    expect(server.serverLines().at(-1)).toBe('503 5.5.1 Error: authentication not enabled');
  });

  it('records who authenticated on the accepted message', () => {
    const server = authenticatedServer();
    server.send('MAIL FROM:<bob@hamburger.edu>', 'RCPT TO:<alice@crepes.fr>', 'DATA', 'hi', '.');
    expect(server.backend.accepted[0]).toMatchObject({ authenticatedAs: 'bob', to: ['alice@crepes.fr'] });
    expect(server.actor.getSnapshot().hasTag('authenticating')).toBe(false);
  });
});
