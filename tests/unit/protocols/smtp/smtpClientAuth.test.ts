// Transcript tests of the client's AUTH (RFC 4954) against a scripted submission server.
import { describe, expect, it } from 'vitest';
import { playServer } from './clientHarness.ts';
import { transcript } from './serverHarness.ts';

const GREETING = `
  S: 220 hamburger.edu ESMTP
  C: EHLO crepes.fr
  S: 250-hamburger.edu
  S: 250 AUTH PLAIN LOGIN
`;
const ENVELOPE = `
  C: MAIL FROM:<alice@crepes.fr>
  S: 250 2.1.0 Ok
`;

describe('smtpClientMachine authenticating', () => {
  it('sends AUTH PLAIN with the credentials as its initial response before MAIL', () => {
    const script = `${GREETING}
      C: AUTH PLAIN AGJvYgBrZXRjaHVw
      S: 235 2.7.0 Authentication successful
      ${ENVELOPE}
    `;
    const client = playServer(script, { auth: { user: 'bob', password: 'ketchup', mechanism: 'PLAIN' } });
    expect(client.log).toEqual([...transcript(script), 'C: RCPT TO:<bob@hamburger.edu>']);
  });

  it('answers the two challenges of AUTH LOGIN', () => {
    const script = `${GREETING}
      C: AUTH LOGIN
      S: 334 VXNlcm5hbWU6
      C: Ym9i
      S: 334 UGFzc3dvcmQ6
      C: a2V0Y2h1cA==
      S: 235 2.7.0 Authentication successful
      ${ENVELOPE}
    `;
    const client = playServer(script, { auth: { user: 'bob', password: 'ketchup', mechanism: 'LOGIN' } });
    expect(client.log).toEqual([...transcript(script), 'C: RCPT TO:<bob@hamburger.edu>']);
  });

  it('gives up permanently when the credentials are refused', () => {
    const script = `${GREETING}
      C: AUTH PLAIN AGJvYgBtdXN0YXJk
      S: 535 5.7.8 Error: authentication failed
      C: QUIT
      S: 221 2.0.0 Bye
      C: <close>
    `;
    const client = playServer(script, { auth: { user: 'bob', password: 'mustard', mechanism: 'PLAIN' } });
    expect(client.log).toEqual(transcript(script));
    expect(client.output()?.recipients[0]).toMatchObject({ outcome: 'permanent', reason: 'auth' });
  });

  it('gives up permanently when the server does not offer the mechanism', () => {
    const script = `
      S: 220 hamburger.edu
      C: EHLO crepes.fr
      S: 250 hamburger.edu
      C: QUIT
      S: 221 bye
      C: <close>
    `;
    const client = playServer(script, { auth: { user: 'bob', password: 'ketchup', mechanism: 'LOGIN' } });
    expect(client.log).toEqual(transcript(script));
    expect(client.output()?.recipients[0]).toEqual({
      recipient: 'bob@hamburger.edu',
      outcome: 'permanent',
      reason: 'authNotOffered',
    });
  });
});
