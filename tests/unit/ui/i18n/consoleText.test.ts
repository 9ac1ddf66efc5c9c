import { describe, expect, it } from 'vitest';
import { consoleText, LINE_EXAMPLES } from '../../../../src/ui/i18n/consoleText.ts';
import { parseTelnetCommand } from '../../../../src/ui/lab/telnetCommand.ts';

describe('the console hints', () => {
  for (const language of ['en', 'ko'] as const) {
    const help = consoleText[language].help.join('\n');

    it(`name the POP3 and IMAP ports of Bob's server in ${language}, each with what to type`, () => {
      const pop3 = consoleText[language].help.find((l) => l.includes('telnet hamburger.edu 110'));
      const imap = consoleText[language].help.find((l) => l.includes('telnet hamburger.edu 143'));
      expect(pop3).toContain('USER bob · PASS hungry');
      expect(imap).toContain('a001 LOGIN bob hungry');
      expect(consoleText[language].empty).toMatch(/110.*143/);
    });

    it(`suggest only telnet commands that open a connection, in ${language}`, () => {
      const commands = help.match(/telnet hamburger\.edu \d+/g) ?? [];
      expect(commands.length).toBeGreaterThanOrEqual(3);
      for (const command of commands)
        expect(parseTelnetCommand(command), command).toMatchObject({ kind: 'open', target: 'hamburger.edu' });
    });
  }

  it('offer a first line to each reading protocol that logs Bob in', () => {
    expect(LINE_EXAMPLES.pop3).toBe('USER bob');
    expect(LINE_EXAMPLES.imap).toBe('a001 LOGIN bob hungry');
  });
});
