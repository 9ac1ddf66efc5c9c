// The examples RFC 1939 gives under each command (§4–§7), and RFC 2449's CAPA, as transcripts against the server.
import { describe, expect, it } from 'vitest';
import { memoryMaildrop } from '../../../../src/protocols/pop3/memoryMaildrop.ts';
import { RFC_DIGEST, converse, messageOfSize, mrose, startServer, transcript } from './serverHarness.ts';

const GREETING = 'S: +OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>';
const LOGIN = `
  ${GREETING}
  C: USER mrose
  S: +OK mrose is a real hoopy frood
  C: PASS secret
  S: +OK mrose's maildrop has 2 messages (320 octets)
`;

function expectTranscript(script: string, server = startServer()): void {
  expect(converse(script, server)).toEqual(transcript(script));
}

describe('RFC 1939 §4: QUIT in the AUTHORIZATION state', () => {
  it('signs off and closes without entering UPDATE', () => {
    const server = startServer();
    expectTranscript(`${GREETING}\nC: QUIT\nS: +OK dewey POP3 server signing off\nS: <close>`, server);
    expect(server.actor.getSnapshot().value).toBe('closed');
  });
});

describe('RFC 1939 §5: the TRANSACTION state', () => {
  it('answers STAT with the drop listing', () => {
    expectTranscript(`${LOGIN}\nC: STAT\nS: +OK 2 320`);
  });

  it('answers LIST with every scan listing, one scan listing, or no such message', () => {
    expectTranscript(`${LOGIN}
      C: LIST
      S: +OK 2 messages (320 octets)
      S: 1 120
      S: 2 200
      S: .
      C: LIST 2
      S: +OK 2 200
      C: LIST 3
      S: -ERR no such message, only 2 messages in maildrop
    `);
  });

  it('answers RETR with the size and the message, ended by "."', () => {
    const server = startServer();
    converse(`${LOGIN}\nC: RETR 1`, server);
    expect(server.serverLines().slice(-5)).toEqual([
      '+OK 120 octets',
      'Subject: first',
      '',
      'x'.repeat(100),
      '.',
    ]);
  });

  it('marks a message with DELE and refuses to mark it again', () => {
    expectTranscript(`${LOGIN}
      C: DELE 1
      S: +OK message 1 deleted
      C: DELE 2
      S: +OK message 2 deleted
      C: DELE 2
      S: -ERR message 2 already deleted
    `);
  });

  it('answers NOOP with a bare +OK', () => {
    expectTranscript(`${LOGIN}\nC: NOOP\nS: +OK`);
  });

  it('unmarks every message on RSET and says what the maildrop holds again', () => {
    expectTranscript(`${LOGIN}
      C: DELE 1
      S: +OK message 1 deleted
      C: STAT
      S: +OK 1 200
      C: RSET
      S: +OK maildrop has 2 messages (320 octets)
      C: STAT
      S: +OK 2 320
    `);
  });
});

describe('RFC 1939 §6: QUIT in the TRANSACTION state', () => {
  it('signs off saying the maildrop is empty when every message was deleted', () => {
    expectTranscript(`${LOGIN}
      C: DELE 1
      S: +OK message 1 deleted
      C: DELE 2
      S: +OK message 2 deleted
      C: QUIT
      S: +OK dewey POP3 server signing off (maildrop empty)
      S: <close>
    `);
  });

  it('signs off saying how many messages are left', () => {
    const server = startServer();
    expectTranscript(
      `${LOGIN}\nC: QUIT\nS: +OK dewey POP3 server signing off (2 messages left)\nS: <close>`,
      server,
    );
    expect(server.maildrop.messages('mrose')).toHaveLength(2);
  });
});

describe('RFC 1939 §7: the optional commands', () => {
  it('answers TOP with the header, the blank line and the first lines of the body, or no such message', () => {
    const body = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`);
    const server = startServer(
      {},
      { maildrop: memoryMaildrop(mrose([`Subject: top\r\n\r\n${body.join('\r\n')}`])) },
    );
    server.send('USER mrose', 'PASS secret', 'TOP 1 10');
    expect(server.serverLines().slice(3)).toEqual([
      '+OK top of message follows',
      'Subject: top',
      '',
      ...body.slice(0, 10),
      '.',
    ]);
    server.send('TOP 100 3');
    expect(server.serverLines().at(-1)).toBe('-ERR no such message, only 1 message in maildrop');
  });

  it('sends the whole message when TOP asks for more lines than the body has', () => {
    const server = startServer();
    server.send('USER mrose', 'PASS secret', 'TOP 2 50');
    expect(server.serverLines().slice(3)).toEqual([
      '+OK top of message follows',
      'Subject: second',
      '',
      'x'.repeat(179),
      '.',
    ]);
  });

  it('answers UIDL with every unique-id listing, one of them, or no such message', () => {
    const messages = [
      { uid: 'whqtswO00WBw418f9t5JxYwZ', data: 'Subject: 1\r\n\r\none\r\n' },
      { uid: 'QhdPYR:00WBw1Ph7x7', data: 'Subject: 2\r\n\r\ntwo\r\n' },
    ];
    const server = startServer({}, { maildrop: memoryMaildrop(mrose(messages)) });
    server.send('USER mrose', 'PASS secret');
    server.log.length = 0;
    expectTranscript(
      `C: UIDL
       S: +OK
       S: 1 whqtswO00WBw418f9t5JxYwZ
       S: 2 QhdPYR:00WBw1Ph7x7
       S: .
       C: UIDL 2
       S: +OK 2 QhdPYR:00WBw1Ph7x7
       C: UIDL 3
       S: -ERR no such message, only 2 messages in maildrop`,
      server,
    );
  });

  it('refuses a USER it has never heard of and accepts a real mailbox', () => {
    expectTranscript(`${GREETING}
      C: USER frated
      S: -ERR sorry, no mailbox for frated here
      C: USER mrose
      S: +OK mrose is a real hoopy frood
    `);
  });

  it('refuses PASS while another session holds the lock, and accepts it once the lock is free', () => {
    const maildrop = memoryMaildrop(mrose());
    const first = startServer({}, { maildrop });
    first.send('USER mrose', 'PASS secret');
    const second = startServer({}, { maildrop });
    expectTranscript(
      `${GREETING}
       C: USER mrose
       S: +OK mrose is a real hoopy frood
       C: PASS secret
       S: -ERR [IN-USE] maildrop already locked: is another POP3 session open?`,
      second,
    );
    first.send('QUIT');
    second.send('USER mrose', 'PASS secret');
    expect(second.serverLines().at(-1)).toBe("+OK mrose's maildrop has 2 messages (320 octets)");
  });

  it('accepts APOP with the digest of the timestamp and the secret "tanstaaf"', () => {
    const maildrop = memoryMaildrop(mrose([messageOfSize(369, 'only')]));
    expectTranscript(
      `${GREETING}
       C: APOP mrose ${RFC_DIGEST}
       S: +OK mrose's maildrop has 1 message (369 octets)`,
      startServer({}, { maildrop }),
    );
  });
});

describe('RFC 2449 §5: CAPA', () => {
  it('lists the capabilities in either state before UPDATE', () => {
    const capabilities = [
      'TOP',
      'USER',
      'UIDL',
      'RESP-CODES',
      'AUTH-RESP-CODE',
      'PIPELINING',
      'IMPLEMENTATION Mail-Lab',
    ];
    const server = startServer();
    server.send('CAPA');
    expect(server.serverLines().slice(1)).toEqual(['+OK Capability list follows', ...capabilities, '.']);
    server.send('USER mrose', 'PASS secret', 'CAPA');
    expect(server.serverLines().slice(-capabilities.length - 2)).toEqual([
      '+OK Capability list follows',
      ...capabilities,
      '.',
    ]);
  });
});
