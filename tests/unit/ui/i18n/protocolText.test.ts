import { describe, expect, it } from 'vitest';
import { REPLIES, replyId, type ReplyKey } from '../../../../src/protocols/smtp/replies.ts';
import { protocolText, type CommandKey } from '../../../../src/ui/i18n/protocolText.ts';
import { isReplyId } from '../../../../src/ui/i18n/replyText.ts';

const KEYS = Object.keys(REPLIES) as ReplyKey[];
const IDS = KEYS.map(replyId);
const COMMANDS: CommandKey[] = [
  'HELO',
  'EHLO',
  'MAIL',
  'RCPT',
  'DATA',
  'RSET',
  'NOOP',
  'VRFY',
  'HELP',
  'QUIT',
  'AUTH',
  'endOfData',
  'notImplemented',
  'unknown',
];

describe('the protocol explanations', () => {
  for (const language of ['en', 'ko'] as const) {
    it(`explain every catalogued reply and every command in ${language}`, () => {
      const text = protocolText[language];
      expect(Object.keys(text.replies)).toEqual(expect.arrayContaining(IDS));
      for (const key of IDS) {
        expect(text.replies[key].meaning.length, key).toBeGreaterThan(5);
        expect(text.replies[key].next.length, key).toBeGreaterThan(1);
      }
      expect(Object.keys(text.commands).sort()).toEqual([...COMMANDS].sort());
      for (const key of Object.keys(text.classes))
        expect(['positive', 'intermediate', 'transient', 'permanent']).toContain(key);
    });
  }

  it('speak Korean in Korean', () => {
    for (const key of IDS) expect(protocolText.ko.replies[key].meaning, key).toMatch(/[가-힣]/);
    expect(protocolText.ko.commands.RCPT.meaning).toContain('엔벨로프');
  });

  it('tell a catalogued reply id from a bare key, an uncatalogued id or an inherited property name', () => {
    for (const id of IDS) expect(isReplyId(id), id).toBe(true);
    expect(isReplyId('rcpt.ok')).toBe(false);
    expect(isReplyId('smtp.rcpt.maybe')).toBe(false);
    expect(isReplyId('toString')).toBe(false);
    expect(isReplyId('__proto__')).toBe(false);
  });

  it('say something of their own in Korean for every reply, not the English again', () => {
    for (const id of IDS)
      expect(protocolText.ko.replies[id].next, id).not.toBe(protocolText.en.replies[id].next);
  });
});
