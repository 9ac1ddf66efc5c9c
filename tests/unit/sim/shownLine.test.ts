// How lines are shown: control characters visible, credentials masked by what the facts say they are.
import { describe, expect, it } from 'vitest';
import { MASK, escapeControls, shownLine } from '../../../src/sim/shownLine.ts';
import type { AppLine } from '../../../src/sim/trace.ts';

const base = { kind: 'app.line', conn: 'c1', host: 'alice-pc', protocol: 'smtp' } as const;

describe('shownLine', () => {
  it('masks a SASL response whatever it looks like', () => {
    const line: AppLine = { ...base, from: 'client', line: 'AGFsaWNlAGNyb2lzc2FudA==', content: 'sasl' };
    expect(shownLine(line)).toBe(MASK);
  });

  it('masks the initial response of AUTH but keeps the verb and mechanism', () => {
    const line: AppLine = {
      ...base,
      from: 'client',
      line: 'AUTH PLAIN AGFsaWNlAGNyb2lzc2FudA==',
      verb: 'AUTH',
      args: { mechanism: 'PLAIN', initialResponse: true },
    };
    expect(shownLine(line)).toBe(`AUTH PLAIN ${MASK}`);
  });

  it('masks the password of POP3 PASS', () => {
    const line: AppLine = {
      ...base,
      protocol: 'pop3',
      from: 'client',
      line: 'PASS hungry',
      verb: 'PASS',
      args: { password: true },
    };
    expect(shownLine(line)).toBe(`PASS ${MASK}`);
  });

  it('shows an ordinary command and a reply as they were sent', () => {
    expect(shownLine({ ...base, from: 'client', line: 'RCPT TO:<bob@hamburger.edu>', verb: 'RCPT' })).toBe(
      'RCPT TO:<bob@hamburger.edu>',
    );
    expect(shownLine({ ...base, from: 'server', line: '235 2.7.0 Authentication successful' })).toBe(
      '235 2.7.0 Authentication successful',
    );
  });

  it('makes control characters visible instead of letting them act on the screen', () => {
    expect(escapeControls('NOOP\r\x1b[2J\x00\ttab')).toBe('NOOP\\r\\x1b[2J\\x00\\ttab');
    expect(escapeControls('점심 먹을래요?')).toBe('점심 먹을래요?');
  });
});
