// Parsing client command lines (RFC 5321 §4.1) and formatting our client's commands.
import { describe, expect, it } from 'vitest';
import { formatCommand, parseCommand } from '../../../../src/protocols/smtp/commands.ts';

const alice = { kind: 'mailbox', localPart: 'alice', domain: 'crepes.fr', address: 'alice@crepes.fr' };

describe('parseCommand', () => {
  it('reads verbs in any case and tolerates trailing white space (RFC 5321 §4.1.1)', () => {
    expect(parseCommand('helo crepes.fr')).toEqual({ verb: 'HELO', domain: 'crepes.fr' });
    expect(parseCommand('EhLo [192.0.2.1]')).toEqual({ verb: 'EHLO', domain: '[192.0.2.1]' });
    expect(parseCommand('data \t')).toEqual({ verb: 'DATA' });
    expect(parseCommand('NOOP anything at all')).toEqual({ verb: 'NOOP' });
    expect(parseCommand('HELP MAIL')).toEqual({ verb: 'HELP', topic: 'MAIL' });
    expect(parseCommand('VRFY bob')).toEqual({ verb: 'VRFY', argument: 'bob' });
  });

  it('reads MAIL FROM with its known parameters', () => {
    expect(parseCommand('MAIL FROM:<alice@crepes.fr> size=120 BODY=8bitmime AUTH=<>')).toEqual({
      verb: 'MAIL',
      from: alice,
      params: { SIZE: 120, BODY: '8BITMIME', AUTH: '<>' },
      unknownParams: [],
      lax: [],
    });
  });

  it('keeps unknown parameters apart, so the server can answer 555', () => {
    expect(parseCommand('MAIL FROM:<alice@crepes.fr> SMTPUTF8 RET=HDRS')).toMatchObject({
      unknownParams: ['SMTPUTF8', 'RET'],
    });
    expect(parseCommand('RCPT TO:<bob@hamburger.edu> NOTIFY=NEVER')).toMatchObject({
      verb: 'RCPT',
      unknownParams: ['NOTIFY'],
    });
  });

  it('marks a space after the colon as a laxity it accepted', () => {
    expect(parseCommand('MAIL FROM: <alice@crepes.fr>')).toMatchObject({
      verb: 'MAIL',
      lax: ['spaceAfterColon'],
    });
    expect(parseCommand('RCPT TO: <bob@hamburger.edu>')).toMatchObject({
      verb: 'RCPT',
      lax: ['spaceAfterColon'],
    });
  });

  it('reads the null sender and the bare postmaster, and ignores a source route', () => {
    expect(parseCommand('MAIL FROM:<>')).toMatchObject({ from: { kind: 'null' } });
    expect(parseCommand('RCPT TO:<POSTMASTER>')).toMatchObject({ to: { kind: 'postmaster' } });
    expect(parseCommand('RCPT TO:<@relay.org,@hop.net:bob@hamburger.edu>')).toMatchObject({
      to: { kind: 'mailbox', address: 'bob@hamburger.edu' },
    });
    expect(parseCommand('RCPT TO:<"odd>name"@hamburger.edu>')).toMatchObject({
      to: { localPart: '"odd>name"' },
    });
  });

  it('reports which argument was wrong', () => {
    expect(parseCommand('MAIL FROM:alice@crepes.fr')).toEqual({
      error: 'syntax',
      verb: 'MAIL',
      detail: 'badPath',
    });
    expect(parseCommand('MAIL <alice@crepes.fr>')).toEqual({
      error: 'syntax',
      verb: 'MAIL',
      detail: 'missingArgument',
    });
    expect(parseCommand('RCPT TO:<bob@under_score.edu>')).toEqual({
      error: 'syntax',
      verb: 'RCPT',
      detail: 'badPath',
    });
    expect(parseCommand(`RCPT TO:<${'b'.repeat(250)}@x.org>`)).toEqual({
      error: 'syntax',
      verb: 'RCPT',
      detail: 'pathTooLong',
    });
    expect(parseCommand('MAIL FROM:<> SIZE=1 SIZE=2')).toEqual({
      error: 'syntax',
      verb: 'MAIL',
      detail: 'badParameter',
    });
    expect(parseCommand('MAIL FROM:<> BODY=BINARYMIME')).toEqual({
      error: 'syntax',
      verb: 'MAIL',
      detail: 'badParameter',
    });
    expect(parseCommand('HELO [192.0.2.1]')).toEqual({ error: 'syntax', verb: 'HELO', detail: 'badDomain' });
    expect(parseCommand('RSET now')).toEqual({ error: 'syntax', verb: 'RSET', detail: 'unexpectedArgument' });
    expect(parseCommand('NOOP\r')).toEqual({ error: 'syntax', verb: 'NOOP', detail: 'bareLineBreak' });
  });

  it('reads AUTH with a mechanism and an optional initial response', () => {
    expect(parseCommand('AUTH plain AGJvYgBrZXRjaHVw')).toEqual({
      verb: 'AUTH',
      mechanism: 'PLAIN',
      initialResponse: 'AGJvYgBrZXRjaHVw',
    });
    expect(parseCommand('AUTH LOGIN')).toEqual({ verb: 'AUTH', mechanism: 'LOGIN', initialResponse: null });
    expect(parseCommand('AUTH')).toEqual({ error: 'syntax', verb: 'AUTH', detail: 'missingArgument' });
  });

  it('tells a command it does not carry out from one it does not know', () => {
    expect(parseCommand('expn staff')).toEqual({ verb: 'notImplemented', name: 'EXPN' });
    expect(parseCommand('XYZZY')).toEqual({ verb: 'unknown', name: 'XYZZY' });
    expect(parseCommand('')).toEqual({ verb: 'unknown', name: '' });
  });
});

describe('formatCommand', () => {
  it('writes canonical lines with no space after the colon', () => {
    expect(formatCommand({ verb: 'MAIL', from: '', params: { SIZE: 12, BODY: '8BITMIME' } })).toBe(
      'MAIL FROM:<> SIZE=12 BODY=8BITMIME',
    );
    expect(formatCommand({ verb: 'RCPT', to: 'bob@hamburger.edu' })).toBe('RCPT TO:<bob@hamburger.edu>');
    expect(formatCommand({ verb: 'AUTH', mechanism: 'PLAIN', initialResponse: '=' })).toBe('AUTH PLAIN =');
    expect(formatCommand({ verb: 'QUIT' })).toBe('QUIT');
  });

  it('writes lines that parse back to the same command', () => {
    const line = formatCommand({ verb: 'MAIL', from: 'alice@crepes.fr', params: { SIZE: 5 } });
    expect(parseCommand(line)).toEqual({
      verb: 'MAIL',
      from: alice,
      params: { SIZE: 5 },
      unknownParams: [],
      lax: [],
    });
  });
});
