import { describe, expect, it } from 'vitest';
import { replyId } from '../../../../src/protocols/smtp/lineFacts.ts';
import { REPLIES, reply, type ReplyKey } from '../../../../src/protocols/smtp/replies.ts';
import { builtinScenario } from '../../../../src/sim/builtinScenarios.ts';
import { Session } from '../../../../src/sim/session.ts';
import { protocolText, type CommandKey } from '../../../../src/ui/i18n/protocolText.ts';
import { explainLine } from '../../../../src/ui/lab/inspector/explainLine.ts';
import { readSessionLines, replyKeyFor } from '../../../../src/ui/lab/inspector/smtpLines.ts';

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
      expect(Object.keys(text.replies).sort()).toEqual([...IDS].sort());
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

  it('find the catalogued reply of any reply line, in either wording', () => {
    for (const key of KEYS) {
      for (const style of ['textbook', 'modern'] as const) {
        const written = reply(key, style, {
          host: 'crepes.fr',
          client: 'alice-pc',
          address: 'bob@hamburger.edu',
        });
        const found = replyKeyFor(written.code, written.text[0] ?? '', null);
        expect(found === null ? null : REPLIES[found].code, `${key} ${style}`).toBe(written.code);
      }
    }
    expect(replyKeyFor(250, 'Ok', 'RCPT')).toBe('rcpt.ok');
    expect(replyKeyFor(250, 'Ok', 'MAIL')).toBe('mail.ok');
    expect(replyKeyFor(421, 'a teacher said so', null)).toBeNull();
  });

  it('explain each line of the textbook session as a command, a reply or message text', () => {
    const scenario = builtinScenario('textbook');
    if (scenario === undefined) throw new Error('textbook is missing');
    const session = new Session(scenario);
    session.runUntilQuiet(600_000);
    const lines = readSessionLines(session.trace, 'c1');
    const roles = lines.map((l) =>
      l.role.kind === 'reply' ? l.role.key : l.role.kind === 'command' ? l.role.command : l.role.kind,
    );
    expect(roles.slice(0, 8)).toEqual([
      'greeting',
      'EHLO',
      'ehlo.ok',
      'ehlo.ok',
      'ehlo.ok',
      'ehlo.ok',
      'ehlo.ok',
      'MAIL',
    ]);
    expect(roles.slice(8, 13)).toEqual(['RCPT', 'mail.ok', 'rcpt.ok', 'DATA', 'data.start']);
    expect(roles.slice(-4)).toEqual(['endOfData', 'data.accepted', 'QUIT', 'quit']);
    expect(roles.filter((r) => r === 'data').length).toBe(12);
    for (const line of lines) expect(explainLine(line, protocolText.ko), line.line).not.toBeNull();
    const pipelining = lines.find((l) => l.line === '250-PIPELINING');
    expect(pipelining && explainLine(pipelining, protocolText.en)?.extra).toMatch(/^PIPELINING:/);
  });
});
