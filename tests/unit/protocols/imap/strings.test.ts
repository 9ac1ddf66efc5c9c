// The string forms of RFC 3501 §4.3: the plainest that carries the octets exactly.
import { describe, expect, it } from 'vitest';
import {
  formatAstring,
  formatFlagList,
  formatListMailbox,
  formatNstring,
  formatString,
  QUOTED_MAX,
} from '../../../../src/protocols/imap/strings.ts';

describe('string forms', () => {
  it('quote what is 7-bit without line breaks, escaping quotes and backslashes', () => {
    expect(formatString('hello world')).toBe('"hello world"');
    expect(formatString('say "hi" \\o/')).toBe('"say \\"hi\\" \\\\o/"');
  });

  it('send line breaks, 8-bit octets, NUL-free binary and long text as literals', () => {
    expect(formatString('a\r\nb')).toBe('{4}\r\na\r\nb');
    expect(formatString('caf\xe9')).toBe('{4}\r\ncaf\xe9');
    expect(formatString('받')).toBe('{3}\r\n\xeb\xb0\x9b');
    expect(formatString('x'.repeat(QUOTED_MAX))).toBe(`"${'x'.repeat(QUOTED_MAX)}"`);
    expect(formatString('x'.repeat(QUOTED_MAX + 1))).toMatch(/^\{1025\}\r\n/);
  });

  it('leave astrings bare when they are atom chars or "]", and quote the empty string', () => {
    expect(formatAstring('INBOX')).toBe('INBOX');
    expect(formatAstring('a]b')).toBe('a]b');
    expect(formatAstring('')).toBe('""');
    expect(formatAstring('a b')).toBe('"a b"');
    expect(formatAstring('50%')).toBe('"50%"');
    expect(formatAstring('(x)')).toBe('"(x)"');
  });

  it('write nstrings as NIL or a string, never a bare atom', () => {
    expect(formatNstring(null)).toBe('NIL');
    expect(formatNstring('NIL')).toBe('"NIL"');
    expect(formatNstring('x')).toBe('"x"');
  });

  it('leave LIST patterns bare with their wildcards, and write flag lists in parentheses', () => {
    expect(formatListMailbox('Work/%')).toBe('Work/%');
    expect(formatListMailbox('*')).toBe('*');
    expect(formatListMailbox('')).toBe('""');
    expect(formatFlagList(['\\Seen', '$Junk'])).toBe('(\\Seen $Junk)');
    expect(formatFlagList([])).toBe('()');
  });
});
