// Mailbox names: modified UTF-7 (RFC 3501 §5.1.3), INBOX in any case, and LIST wildcards (§6.3.8).
import { describe, expect, it } from 'vitest';
import { joinListReference, matchListPattern } from '../../../../src/protocols/imap/listPattern.ts';
import {
  decodeMailboxName,
  encodeMailboxName,
  isInbox,
  normaliseMailbox,
} from '../../../../src/protocols/imap/mailboxNames.ts';

describe('modified UTF-7 mailbox names', () => {
  it('round-trip Korean folder names', () => {
    const names = ['받은편지함', '보낸편지함', '임시 보관함', '스팸/광고', 'Projects/한국어 & English'];
    for (const name of names) {
      expect(decodeMailboxName(encodeMailboxName(name))).toEqual({ ok: true, name });
    }
    expect(encodeMailboxName('받은편지함')).toBe('&vBvHQNO4ycDVaA-');
  });

  it('encode the example of RFC 3501 §5.1.3, and "&" as "&-"', () => {
    expect(encodeMailboxName('~peter/mail/台北/日本語')).toBe('~peter/mail/&U,BTFw-/&ZeVnLIqe-');
    expect(encodeMailboxName('Tom & Jerry')).toBe('Tom &- Jerry');
    expect(encodeMailboxName('plain/ASCII ~')).toBe('plain/ASCII ~');
    expect(encodeMailboxName('😀')).toBe('&2D3eAA-');
  });

  it('refuse what RFC 3501 §5.1.3 forbids', () => {
    const problem = (wire: string) => {
      const decoded = decodeMailboxName(wire);
      return decoded.ok ? 'decoded' : decoded.problem;
    };
    expect(problem('&vBvHQNO4ycDVaA')).toBe('the "&" at 0 is never closed with "-"');
    expect(problem('&AGE-')).toBe('"&AGE-" encodes printable ASCII, which stands for itself');
    expect(problem('&U,A-&U,A-')).toBe('the shift at 5 follows another; they must be one (no "-&")');
    expect(problem('&U/A-')).toBe('"/" is not a modified BASE64 char');
    expect(problem('&U,B-')).toBe('"&U,B-" does not end on a whole UTF-16 unit');
    expect(problem('caf\xe9')).toBe('octet 0xe9 at 3 must be written in modified UTF-7');
    expect(problem('&2D0-')).toBe('"&2D0-" holds a broken UTF-16 surrogate pair');
  });

  it('take INBOX in any case as INBOX, and only the whole name', () => {
    expect(normaliseMailbox('iNbOx')).toBe('INBOX');
    expect(normaliseMailbox('Inbox/Sub')).toBe('Inbox/Sub');
    expect(isInbox('inbox')).toBe(true);
    expect(isInbox('inboxes')).toBe(false);
  });
});

describe('LIST patterns', () => {
  const names = ['INBOX', 'Sent', 'Work', 'Work/Projects', 'Work/Projects/2024', 'Workshop', '받은편지함'];
  const matching = (pattern: string) => names.filter((name) => matchListPattern(pattern, name));

  it('match "*" across levels and "%" within one level', () => {
    expect(matching('*')).toEqual(names);
    expect(matching('%')).toEqual(['INBOX', 'Sent', 'Work', 'Workshop', '받은편지함']);
    expect(matching('Work/%')).toEqual(['Work/Projects']);
    expect(matching('Work/*')).toEqual(['Work/Projects', 'Work/Projects/2024']);
    expect(matching('Work%')).toEqual(['Work', 'Workshop']);
    expect(matching('%/%/%')).toEqual(['Work/Projects/2024']);
    expect(matching('W*s')).toEqual(['Work/Projects']);
  });

  it('match other chars exactly, case-sensitively, except INBOX', () => {
    expect(matching('work')).toEqual([]);
    expect(matching('Sent')).toEqual(['Sent']);
    expect(matching('inbox')).toEqual(['INBOX']);
    expect(matchListPattern('Inbox/%', 'INBOX/Drafts')).toBe(true);
    expect(matchListPattern('INBOX/drafts', 'INBOX/Drafts')).toBe(false);
  });

  it('stay fast on patterns full of wildcards', () => {
    const name = 'a/'.repeat(2000) + 'b';
    expect(matchListPattern('*%'.repeat(200) + 'c', name)).toBe(false);
    expect(matchListPattern('*'.repeat(200) + 'b', name)).toBe(true);
  });

  it('join a reference and a pattern, an absolute pattern replacing the reference', () => {
    expect(joinListReference('Work/', '%')).toBe('Work/%');
    expect(joinListReference('', '*')).toBe('*');
    expect(joinListReference('Work/', '/Sent')).toBe('/Sent');
  });
});
