// SEARCH criteria (RFC 3501 §6.4.4): every key of the section, their combinations, and writing them back.
import { describe, expect, it } from 'vitest';
import type { ImapCommand } from '../../../../src/protocols/imap/commandTypes.ts';
import { parseCommand } from '../../../../src/protocols/imap/parseCommand.ts';
import { formatSearchKey, type SearchKey } from '../../../../src/protocols/imap/search.ts';

function search(criteria: string): Extract<ImapCommand, { name: 'SEARCH' }> {
  const result = parseCommand(`s1 SEARCH ${criteria}`);
  if (!result.ok) throw new Error(`${criteria}: ${result.message}`);
  if (result.command.name !== 'SEARCH') throw new Error('not a SEARCH');
  return result.command;
}

function keys(criteria: string): SearchKey[] {
  return search(criteria).keys;
}

const feb1 = { year: 1994, month: 2, day: 1 };

describe('SEARCH criteria', () => {
  it('read every flag key of §6.4.4 with no argument', () => {
    const names = [
      'ALL',
      'ANSWERED',
      'DELETED',
      'DRAFT',
      'FLAGGED',
      'NEW',
      'OLD',
      'RECENT',
      'SEEN',
      'UNANSWERED',
      'UNDELETED',
      'UNDRAFT',
      'UNFLAGGED',
      'UNSEEN',
    ];
    expect(keys(names.map((name) => name.toLowerCase()).join(' '))).toEqual(names.map((key) => ({ key })));
  });

  it('read the string keys with atoms, quoted strings and literals', () => {
    expect(keys('BCC a CC "b c" FROM {3}\r\nd e BODY x SUBJECT "" TEXT t TO u')).toEqual([
      { key: 'BCC', value: 'a' },
      { key: 'CC', value: 'b c' },
      { key: 'FROM', value: 'd e' },
      { key: 'BODY', value: 'x' },
      { key: 'SUBJECT', value: '' },
      { key: 'TEXT', value: 't' },
      { key: 'TO', value: 'u' },
    ]);
  });

  it('read the date keys, bare or quoted', () => {
    expect(keys('BEFORE 1-Feb-1994 ON "01-feb-1994" SINCE 1-FEB-1994')).toEqual([
      { key: 'BEFORE', date: feb1 },
      { key: 'ON', date: feb1 },
      { key: 'SINCE', date: feb1 },
    ]);
    expect(keys('SENTBEFORE 1-Feb-1994 SENTON 1-Feb-1994 SENTSINCE 1-Feb-1994').map((k) => k.key)).toEqual([
      'SENTBEFORE',
      'SENTON',
      'SENTSINCE',
    ]);
  });

  it('read sizes, keywords, HEADER, UID sets and bare sequence sets', () => {
    expect(
      keys('LARGER 1024 SMALLER 0 KEYWORD $Junk UNKEYWORD work HEADER X-Mailer "Lab 1" UID 5:* 2,4'),
    ).toEqual([
      { key: 'LARGER', size: 1024 },
      { key: 'SMALLER', size: 0 },
      { key: 'KEYWORD', flag: '$Junk' },
      { key: 'UNKEYWORD', flag: 'work' },
      { key: 'HEADER', field: 'X-Mailer', value: 'Lab 1' },
      { key: 'UID', set: [{ start: 5, end: '*' }] },
      {
        key: 'sequence',
        set: [
          { start: 2, end: 2 },
          { start: 4, end: 4 },
        ],
      },
    ]);
  });

  it('read NOT, OR and parenthesised groups, nested', () => {
    expect(keys('OR (SEEN FROM bob) NOT OR DELETED 1:3')).toEqual([
      {
        key: 'OR',
        left: { key: 'group', keys: [{ key: 'SEEN' }, { key: 'FROM', value: 'bob' }] },
        right: {
          key: 'NOT',
          operand: {
            key: 'OR',
            left: { key: 'DELETED' },
            right: { key: 'sequence', set: [{ start: 1, end: 3 }] },
          },
        },
      },
    ]);
  });

  it('read a CHARSET before the criteria', () => {
    expect(search('CHARSET "UTF-8" SUBJECT x')).toMatchObject({
      charset: 'UTF-8',
      keys: [{ key: 'SUBJECT' }],
    });
    expect(search('SUBJECT x')).toMatchObject({ charset: null });
  });

  it('refuse missing arguments, an OR with one criterion, and nesting beyond the limit', () => {
    const message = (criteria: string) => {
      const result = parseCommand(`s1 SEARCH ${criteria}`);
      return result.ok ? 'parsed' : result.message;
    };
    expect(message('FROM')).toBe('expected a space before the argument of FROM, but the line ends there');
    expect(message('OR SEEN')).toBe(
      'expected a space before the second criterion of OR, but the line ends there',
    );
    expect(message('LARGER big')).toBe('expected the size in octets for LARGER, found "big"');
    expect(message('()')).toBe('expected a search key, found ")"');
    expect(message(`${'('.repeat(60)}SEEN${')'.repeat(60)}`)).toBe(
      'search criteria nest deeper than 50 levels',
    );
    expect(message(`${'NOT '.repeat(60)}SEEN`)).toBe('search criteria nest deeper than 50 levels');
  });

  it('are written back as they are read', () => {
    const criteria =
      'OR (SEEN FROM "bob smith") NOT UID 1:5,7 HEADER X-Y z SINCE 1-Feb-1994 LARGER 10 KEYWORD $Junk 2:*';
    const read = keys(criteria);
    expect(read.map(formatSearchKey).join(' ')).toBe(criteria);
  });
});
