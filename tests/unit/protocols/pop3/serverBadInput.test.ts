// Bad input gets -ERR with a text that says what was wrong, and the session goes on (RFC 1939 §3): unknown and
// unimplemented commands, bad arguments, commands in the wrong state, and lines too long (RFC 2449 §4).
import { describe, expect, it } from 'vitest';
import { startServer } from './serverHarness.ts';

function loggedIn() {
  const server = startServer();
  server.send('USER mrose', 'PASS secret');
  return server;
}

// Each line gets one -ERR, and NOOP still works afterwards: the session went on in the TRANSACTION state.
function answers(lines: readonly string[]): string[] {
  const server = loggedIn();
  const before = server.serverLines().length;
  server.send(...lines, 'NOOP');
  const out = server.serverLines().slice(before);
  expect(out.at(-1)).toBe('+OK');
  expect(server.state()).toContain('TRANSACTION');
  return out.slice(0, -1);
}

describe('commands the server does not carry out', () => {
  it('answers an unknown command with -ERR in either state', () => {
    const server = startServer();
    server.send('XYZZY', 'USER mrose', 'HELO dewey', 'PASS secret', 'FROB 1');
    expect(server.serverLines()).toEqual([
      '+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>',
      '-ERR unknown command',
      '+OK mrose is a real hoopy frood',
      '-ERR unknown command',
      "+OK mrose's maildrop has 2 messages (320 octets)",
      '-ERR unknown command',
    ]);
  });

  it('names the extension commands it knows of but does not implement', () => {
    expect(answers(['AUTH PLAIN', 'STLS', 'last'])).toEqual([
      '-ERR AUTH not implemented',
      '-ERR STLS not implemented',
      '-ERR LAST not implemented',
    ]);
  });

  it('answers an empty line with -ERR', () => {
    expect(answers([''])).toEqual(['-ERR unknown command']);
  });
});

describe('bad arguments', () => {
  it('refuses message-numbers that are not positive decimal numbers', () => {
    const refusal = '-ERR a message-number is a decimal number from 1 up';
    expect(
      answers(['RETR 0', 'RETR +1', 'RETR -1', 'RETR 1x', 'RETR 0x1', 'DELE one', 'LIST 1.0', 'UIDL ½']),
    ).toEqual([...Array<string>(7).fill(refusal), '-ERR commands are printable ASCII only']);
  });

  it('refuses a missing, extra or badly spaced argument and shows the usage', () => {
    expect(answers(['RETR', 'DELE 1 2', 'LIST 1 2', 'STAT 1', 'TOP 1', 'RETR  1', 'NOOP now'])).toEqual([
      '-ERR syntax error, usage: RETR msg',
      '-ERR syntax error, usage: DELE msg',
      '-ERR syntax error, usage: LIST [msg]',
      '-ERR syntax error, usage: STAT',
      '-ERR syntax error, usage: TOP msg n',
      '-ERR syntax error, usage: RETR msg',
      '-ERR syntax error, usage: NOOP',
    ]);
  });

  it('refuses a line count for TOP that is not a non-negative decimal number', () => {
    expect(answers(['TOP 1 -1', 'TOP 1 x'])).toEqual([
      '-ERR the number of lines is a decimal number from 0 up',
      '-ERR the number of lines is a decimal number from 0 up',
    ]);
  });

  it('refuses a message-number beyond the maildrop, however large', () => {
    expect(answers(['RETR 3', 'TOP 99999999999999999999 1', 'DELE 3'])).toEqual(
      Array<string>(3).fill('-ERR no such message, only 2 messages in maildrop'),
    );
  });

  it('refuses control characters in a command', () => {
    expect(answers(['RETR 1\r', 'DELE 1\x00', 'LIST\n'])).toEqual(
      Array<string>(3).fill('-ERR commands are printable ASCII only'),
    );
  });

  it('refuses an APOP digest that is not 32 hexadecimal digits, and PASS without a password', () => {
    const server = startServer();
    server.send('APOP mrose c4c9334b', 'APOP mrose', 'USER mrose', 'PASS');
    expect(server.serverLines().slice(1)).toEqual([
      '-ERR the APOP digest is 32 hexadecimal digits',
      '-ERR syntax error, usage: APOP name digest',
      '+OK mrose is a real hoopy frood',
      '-ERR syntax error, usage: PASS string',
    ]);
  });

  it('reads keywords in any case and tolerates trailing spaces', () => {
    expect(answers(['stat', 'LiSt 2  ', 'uidl 1'])).toEqual(['+OK 2 320', '+OK 2 200', '+OK 1 U00001']);
  });
});

describe('commands in the wrong state', () => {
  it('refuses the TRANSACTION commands before the maildrop is open', () => {
    const server = startServer();
    server.send('STAT', 'LIST', 'RETR 1', 'DELE 1', 'NOOP', 'RSET', 'TOP 1 1', 'UIDL');
    expect(server.serverLines().slice(1)).toEqual(
      ['STAT', 'LIST', 'RETR', 'DELE', 'NOOP', 'RSET', 'TOP', 'UIDL'].map(
        (verb) => `-ERR ${verb} is not allowed in the AUTHORIZATION state`,
      ),
    );
    expect(server.state()).toContain('awaitingCredentials');
  });

  it('refuses PASS before a successful USER, and USER or APOP once USER succeeded', () => {
    const server = startServer();
    server.send('PASS secret', 'USER frated', 'PASS secret', 'USER mrose', 'USER mrose', 'APOP mrose x');
    expect(server.serverLines().slice(1)).toEqual([
      '-ERR PASS must come right after a successful USER',
      '-ERR sorry, no mailbox for frated here',
      '-ERR PASS must come right after a successful USER',
      '+OK mrose is a real hoopy frood',
      '-ERR expecting PASS for mrose (or QUIT)',
      '-ERR the APOP digest is 32 hexadecimal digits',
    ]);
    expect(server.state()).toContain('awaitingPass');
  });

  it('refuses USER, PASS and APOP once the maildrop is open', () => {
    expect(answers(['USER mrose', 'PASS secret', 'APOP mrose c4c9334bac560ecc979e58001b3e22fb'])).toEqual(
      ['USER', 'PASS', 'APOP'].map((verb) => `-ERR ${verb} is not allowed in the TRANSACTION state`),
    );
  });

  it('sends a wrong password back to USER, and a good one after it still opens the maildrop', () => {
    const server = startServer();
    server.send('USER mrose', 'PASS wrong', 'PASS secret', 'USER mrose', 'PASS secret');
    expect(server.serverLines().slice(1)).toEqual([
      '+OK mrose is a real hoopy frood',
      '-ERR [AUTH] invalid password',
      '-ERR PASS must come right after a successful USER',
      '+OK mrose is a real hoopy frood',
      "+OK mrose's maildrop has 2 messages (320 octets)",
    ]);
  });

  it('refuses APOP with a wrong digest, and any APOP when the greeting had no timestamp', () => {
    const server = startServer();
    server.send(
      'APOP mrose 00000000000000000000000000000000',
      'APOP frated c4c9334bac560ecc979e58001b3e22fb',
    );
    expect(server.serverLines().slice(1)).toEqual([
      '-ERR [AUTH] permission denied',
      '-ERR [AUTH] permission denied',
    ]);
    const plain = startServer({ timestamp: null });
    plain.send('APOP mrose c4c9334bac560ecc979e58001b3e22fb');
    expect(plain.serverLines()).toEqual([
      '+OK POP3 server ready',
      '-ERR APOP not available: the greeting carried no timestamp',
    ]);
  });

  it('accepts an APOP digest in upper case', () => {
    const server = startServer();
    server.send('APOP mrose C4C9334BAC560ECC979E58001B3E22FB');
    expect(server.serverLines().at(-1)).toBe("+OK mrose's maildrop has 2 messages (320 octets)");
  });
});

describe('lines too long', () => {
  it('reads a command line of 255 octets with its CRLF, refuses one octet more, and reads the next one', () => {
    const server = loggedIn();
    server.send(`LIST ${'1'.repeat(248)}`, `NOOP${' '.repeat(250)}`, 'NOOP');
    expect(server.serverLines().slice(-3)).toEqual([
      '-ERR no such message, only 2 messages in maildrop',
      '-ERR command line too long (at most 255 octets)',
      '+OK',
    ]);
  });

  it('refuses a line the framer cut short, and reads the next one', () => {
    const server = loggedIn();
    server.actor.send({ type: 'line.overlong' });
    server.send('STAT');
    expect(server.serverLines().slice(-2)).toEqual([
      '-ERR command line too long (at most 255 octets)',
      '+OK 2 320',
    ]);
  });
});
