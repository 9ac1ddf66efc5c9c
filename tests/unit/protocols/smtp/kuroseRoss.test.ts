// The example SMTP session of Kurose & Ross (crepes.fr → hamburger.edu), reproduced line for line.
import { describe, expect, it } from 'vitest';
import { converse, startServer, transcript } from './serverHarness.ts';

const KUROSE_ROSS = `
  S: 220 hamburger.edu
  C: HELO crepes.fr
  S: 250 Hello crepes.fr, pleased to meet you
  C: MAIL FROM: <alice@crepes.fr>
  S: 250 alice@crepes.fr ... Sender ok
  C: RCPT TO: <bob@hamburger.edu>
  S: 250 bob@hamburger.edu ... Recipient ok
  C: DATA
  S: 354 Enter mail, end with "." on a line by itself
  C: Do you like ketchup?
  C: How about pickles?
  C: .
  S: 250 Message accepted for delivery
  C: QUIT
  S: 221 hamburger.edu closing connection
  S: <close>
`;

describe('the Kurose & Ross session in textbook style', () => {
  it('is reproduced exactly, line for line', () => {
    expect(converse(KUROSE_ROSS)).toEqual(transcript(KUROSE_ROSS));
  });

  it('delivers the two body lines from alice to bob with CRLF line ends', () => {
    const server = startServer();
    for (const entry of transcript(KUROSE_ROSS)) if (entry.startsWith('C: ')) server.send(entry.slice(3));
    expect(server.backend.accepted).toEqual([
      {
        heloName: 'crepes.fr',
        from: 'alice@crepes.fr',
        to: ['bob@hamburger.edu'],
        data: 'Do you like ketchup?\r\nHow about pickles?\r\n',
        authenticatedAs: null,
        queueId: 'Q00001',
      },
    ]);
    expect(server.actor.getSnapshot().status).toBe('done');
  });
});
