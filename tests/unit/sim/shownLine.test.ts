// How lines are shown: control characters visible, credentials masked by what the facts say they are.
import { describe, expect, it } from 'vitest';
import { MASK, escapeControls, shownLine } from '../../../src/sim/shownLine.ts';
import type { AppLine } from '../../../src/sim/trace.ts';

const base = { kind: 'app.line', conn: 'c1', host: 'alice-pc', protocol: 'smtp' } as const;
const imap = { ...base, host: 'bob-pc', protocol: 'imap', from: 'client' } as const;

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

  it('keeps the tag, verb and user name of an IMAP LOGIN and masks only its password', () => {
    const line: AppLine = {
      ...imap,
      line: 'a001 LOGIN bob hungry',
      tag: 'a001',
      verb: 'LOGIN',
      args: { userid: 'bob', password: true },
    };
    expect(shownLine(line)).toBe(`a001 LOGIN bob ${MASK}`);
  });

  it('masks a quoted IMAP password with spaces as a whole, and quotes a user name with a space', () => {
    const line: AppLine = {
      ...imap,
      line: 'a002 LOGIN "bob smith" "very hungry indeed"',
      tag: 'a002',
      verb: 'LOGIN',
      args: { userid: 'bob smith', password: true },
    };
    const shown = shownLine(line);
    expect(shown).toBe(`a002 LOGIN "bob smith" ${MASK}`);
    expect(shown).not.toContain('hungry');
  });

  it('masks an IMAP password sent as a literal: its announced length and then its octets', () => {
    const announce: AppLine = {
      ...imap,
      line: 'a003 LOGIN bob {6}',
      tag: 'a003',
      verb: 'LOGIN',
      args: { userid: 'bob', password: true },
    };
    const octets: AppLine = { ...imap, line: 'hungry', content: 'sasl' };
    expect(shownLine(announce)).toBe(`a003 LOGIN bob ${MASK}`);
    expect(shownLine(octets)).toBe(MASK);
  });

  it('masks the whole argument list of a LOGIN the typed-line reader could not parse yet', () => {
    const line: AppLine = {
      ...imap,
      line: 'a004 LOGIN {3}',
      tag: 'a004',
      verb: 'LOGIN',
      args: { password: true },
    };
    expect(shownLine(line)).toBe(`a004 LOGIN ${MASK}`);
  });

  it('masks an IMAP AUTHENTICATE initial response but keeps its tag and mechanism', () => {
    const line: AppLine = {
      ...imap,
      line: 'a005 AUTHENTICATE PLAIN AGJvYgBodW5ncnk=',
      tag: 'a005',
      verb: 'AUTHENTICATE',
      args: { mechanism: 'PLAIN', initialResponse: true, password: true },
    };
    expect(shownLine(line)).toBe(`a005 AUTHENTICATE PLAIN ${MASK}`);
  });

  it('makes control characters in a shown user name visible', () => {
    const line: AppLine = {
      ...imap,
      line: 'a006 LOGIN "bob\x1b[2J" hungry',
      tag: 'a006',
      verb: 'LOGIN',
      args: { userid: 'bob\x1b[2J', password: true },
    };
    expect(shownLine(line)).toBe(`a006 LOGIN "bob\\x1b[2J" ${MASK}`);
  });

  it('shows IMAP commands without credentials as they were sent', () => {
    const line: AppLine = {
      ...imap,
      line: 'a007 SELECT INBOX',
      tag: 'a007',
      verb: 'SELECT',
      args: { mailbox: 'INBOX' },
    };
    expect(shownLine(line)).toBe('a007 SELECT INBOX');
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
