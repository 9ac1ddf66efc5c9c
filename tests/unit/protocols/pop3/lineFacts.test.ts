// The facts each POP3 line carries: the server's status, catalogue id, the verb answered and `more`; the client's
// verb and arguments, with passwords never copied.
import { describe, expect, it } from 'vitest';
import { clientCommandFacts, commandFacts } from '../../../../src/protocols/pop3/lineFacts.ts';
import { parseCommand } from '../../../../src/protocols/pop3/commands.ts';
import { pop3TypedLines } from '../../../../src/protocols/pop3/typedLines.ts';
import { startServer } from './serverHarness.ts';

describe('the facts of server lines', () => {
  it('give the greeting a status and id and no verb to answer', () => {
    expect(startServer().facts).toEqual([{ status: '+OK', reply: 'pop3.greeting.apop' }]);
  });

  it('give every line of a multi-line response its status, id and verb, and `more` on all but the "."', () => {
    const server = startServer();
    server.send('USER mrose', 'PASS secret', 'LIST');
    const list = { status: '+OK', reply: 'pop3.list', answers: 'LIST' };
    expect(server.facts.slice(-4)).toEqual([
      { ...list, more: true },
      { ...list, more: true },
      { ...list, more: true },
      list,
    ]);
  });

  it('say which command a refusal answers, naming an unknown command as typed, in capitals', () => {
    const server = startServer();
    server.send('stat', 'frob', 'RETR x');
    expect(server.facts.slice(1)).toEqual([
      { status: '-ERR', reply: 'pop3.seq.wrongState', answers: 'STAT' },
      { status: '-ERR', reply: 'pop3.error.unknownCommand', answers: 'FROB' },
      { status: '-ERR', reply: 'pop3.error.badMessageNumber', answers: 'RETR' },
    ]);
  });

  it('leave out the verb for a line too long to read', () => {
    const server = startServer();
    server.actor.send({ type: 'line.overlong' });
    expect(server.facts.at(-1)).toEqual({ status: '-ERR', reply: 'pop3.error.lineTooLong' });
  });
});

describe('the facts of client lines', () => {
  it('give each command its verb and parsed arguments', () => {
    expect(
      ['USER mrose', 'APOP mrose c4c9334bac560ecc979e58001b3e22fb', 'LIST', 'TOP 1 5', 'dele 2'].map((line) =>
        commandFacts(parseCommand(line)),
      ),
    ).toEqual([
      { verb: 'USER', args: { name: 'mrose' } },
      { verb: 'APOP', args: { name: 'mrose', digest: 'c4c9334bac560ecc979e58001b3e22fb' } },
      { verb: 'LIST' },
      { verb: 'TOP', args: { msg: 1, lines: 5 } },
      { verb: 'DELE', args: { msg: 2 } },
    ]);
  });

  it('never copy a password, from a parsed line or from our own client', () => {
    expect(commandFacts(parseCommand('PASS secret'))).toEqual({ verb: 'PASS', args: { password: true } });
    expect(commandFacts(parseCommand('PASS secret\r'))).toEqual({
      verb: 'PASS',
      args: { error: 'badCharacter', password: true },
    });
    expect(clientCommandFacts({ verb: 'PASS', password: 'secret' })).toEqual({
      verb: 'PASS',
      args: { password: true },
    });
  });

  it('mark commands the server does not know', () => {
    expect(commandFacts(parseCommand('auth plain'))).toEqual({ verb: 'AUTH', args: { known: false } });
    expect(commandFacts(parseCommand('RETR'))).toEqual({ verb: 'RETR', args: { error: 'missingArgument' } });
  });
});

describe('pop3TypedLines', () => {
  it('reads every typed line as a command, whatever the server sent before', () => {
    const reader = pop3TypedLines();
    reader.server('+OK 120 octets');
    expect(reader.client('.')).toEqual({ verb: '.', args: { known: false } });
    expect(reader.client('QUIT')).toEqual({ verb: 'QUIT' });
  });
});
