// RFC 1939 §10's example session, line for line, against the lab's server holding mrose's two messages.
import { describe, expect, it } from 'vitest';
import { messageLines } from '../../../../src/protocols/pop3/messageText.ts';
import { messageOfSize, startServer, transcript } from './serverHarness.ts';

const FIRST = messageOfSize(120, 'first');
const SECOND = messageOfSize(200, 'second');

// "<the POP3 server sends message n>" of the RFC, written out.
function sends(message: string): string {
  return messageLines(message)
    .map((line) => `S: ${line}`)
    .join('\n');
}

const SESSION = `
  S: +OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>
  C: APOP mrose c4c9334bac560ecc979e58001b3e22fb
  S: +OK mrose's maildrop has 2 messages (320 octets)
  C: STAT
  S: +OK 2 320
  C: LIST
  S: +OK 2 messages (320 octets)
  S: 1 120
  S: 2 200
  S: .
  C: RETR 1
  S: +OK 120 octets
  ${sends(FIRST)}
  S: .
  C: DELE 1
  S: +OK message 1 deleted
  C: RETR 2
  S: +OK 200 octets
  ${sends(SECOND)}
  S: .
  C: DELE 2
  S: +OK message 2 deleted
  C: QUIT
  S: +OK dewey POP3 server signing off (maildrop empty)
  S: <close>
`;

describe('the example session of RFC 1939 §10', () => {
  it('is answered line for line', () => {
    const server = startServer();
    for (const entry of transcript(SESSION)) if (entry.startsWith('C: ')) server.send(entry.slice(3));
    expect(server.log).toEqual(transcript(SESSION));
  });

  it('removes both messages only in the UPDATE state, then releases the lock', () => {
    const server = startServer();
    server.send('APOP mrose c4c9334bac560ecc979e58001b3e22fb', 'DELE 1', 'DELE 2');
    expect(server.maildrop.messages('mrose')).toHaveLength(2);
    server.send('QUIT');
    expect(server.state()).toBe('"UPDATE"');
    expect(server.maildrop.messages('mrose')).toEqual([]);
    expect(server.maildrop.isLocked('mrose')).toBe(false);
  });

  it('rests in UPDATE until the client closes its side, then ends having quit', () => {
    const server = startServer();
    server.send('APOP mrose c4c9334bac560ecc979e58001b3e22fb', 'QUIT', 'NOOP');
    expect(server.serverLines().at(-1)).toBe('<close>');
    server.actor.send({ type: 'connection.closed' });
    expect(server.actor.getSnapshot().status).toBe('done');
    expect(server.actor.getSnapshot().output).toEqual({ ended: 'quit', user: 'mrose' });
  });
});
