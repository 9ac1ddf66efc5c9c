// Parsing and formatting POP3 command lines (RFC 1939 §3–§7, CAPA of RFC 2449 §5).
import { describe, expect, it } from 'vitest';
import { formatCommand, messageNumber, parseCommand } from '../../../../src/protocols/pop3/commands.ts';
import type { ClientCommand } from '../../../../src/protocols/pop3/commands.ts';

describe('parseCommand', () => {
  it('reads every command of RFC 1939 and CAPA, keywords in any case', () => {
    expect(
      [
        'USER mrose',
        'pass secret',
        'APOP mrose c4c9334bac560ecc979e58001b3e22fb',
        'STAT',
        'list',
        'LIST 2',
        'RETR 1',
        'DELE 1',
        'NOOP',
        'RSET',
        'QUIT',
        'top 1 10',
        'UIDL',
        'UIDL 2',
        'Capa',
      ].map(parseCommand),
    ).toEqual([
      { verb: 'USER', name: 'mrose' },
      { verb: 'PASS', password: 'secret' },
      { verb: 'APOP', name: 'mrose', digest: 'c4c9334bac560ecc979e58001b3e22fb' },
      { verb: 'STAT' },
      { verb: 'LIST', message: null },
      { verb: 'LIST', message: 2 },
      { verb: 'RETR', message: 1 },
      { verb: 'DELE', message: 1 },
      { verb: 'NOOP' },
      { verb: 'RSET' },
      { verb: 'QUIT' },
      { verb: 'TOP', message: 1, lines: 10 },
      { verb: 'UIDL', message: null },
      { verb: 'UIDL', message: 2 },
      { verb: 'CAPA' },
    ]);
  });

  it('keeps the spaces of a password, which is the rest of the PASS line (RFC 1939 §7)', () => {
    expect(parseCommand('PASS  two words ')).toEqual({ verb: 'PASS', password: ' two words ' });
  });

  it('says what is wrong with the arguments of a known command', () => {
    expect(
      ['RETR', 'RETR 1 2', 'RETR  1', 'RETR 0', 'RETR +1', 'TOP 1 -1', 'APOP mrose xyz', 'USER mr\x00se'].map(
        parseCommand,
      ),
    ).toEqual([
      { error: 'syntax', verb: 'RETR', detail: 'missingArgument' },
      { error: 'syntax', verb: 'RETR', detail: 'unexpectedArgument' },
      { error: 'syntax', verb: 'RETR', detail: 'badSpacing' },
      { error: 'syntax', verb: 'RETR', detail: 'badMessageNumber' },
      { error: 'syntax', verb: 'RETR', detail: 'badMessageNumber' },
      { error: 'syntax', verb: 'TOP', detail: 'badLineCount' },
      { error: 'syntax', verb: 'APOP', detail: 'badDigest' },
      { error: 'syntax', verb: 'USER', detail: 'badCharacter' },
    ]);
  });

  it('tells verbs of extensions it does not carry out from verbs it has never heard of', () => {
    expect(parseCommand('stls')).toEqual({ verb: 'notImplemented', name: 'STLS' });
    expect(parseCommand('helo x')).toEqual({ verb: 'unknown', name: 'helo' });
    expect(parseCommand('')).toEqual({ verb: 'unknown', name: '' });
  });

  it('never throws, whatever the octets', () => {
    for (let code = 0; code < 256; code++) {
      expect(() => parseCommand(`RETR ${String.fromCharCode(code)}`)).not.toThrow();
    }
  });
});

describe('messageNumber', () => {
  it('reads decimal digits of at least 1 and nothing else', () => {
    expect(
      ['1', '02', '99999999999999999999', '0', '', '-1', '+1', '1 ', '0x10', '1e3'].map(messageNumber),
    ).toEqual([1, 2, 1e20, null, null, null, null, null, null, null]);
  });
});

describe('formatCommand', () => {
  it('writes each command so that parseCommand reads it back', () => {
    const commands: ClientCommand[] = [
      { verb: 'USER', name: 'mrose' },
      { verb: 'PASS', password: 'tan staaf' },
      { verb: 'APOP', name: 'mrose', digest: 'c4c9334bac560ecc979e58001b3e22fb' },
      { verb: 'STAT' },
      { verb: 'LIST', message: null },
      { verb: 'UIDL', message: 3 },
      { verb: 'RETR', message: 1 },
      { verb: 'DELE', message: 2 },
      { verb: 'TOP', message: 1, lines: 0 },
      { verb: 'QUIT' },
    ];
    expect(commands.map(formatCommand)).toEqual([
      'USER mrose',
      'PASS tan staaf',
      'APOP mrose c4c9334bac560ecc979e58001b3e22fb',
      'STAT',
      'LIST',
      'UIDL 3',
      'RETR 1',
      'DELE 2',
      'TOP 1 0',
      'QUIT',
    ]);
    expect(commands.map((command) => parseCommand(formatCommand(command)))).toEqual(commands);
  });
});
