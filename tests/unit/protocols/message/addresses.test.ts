import { describe, expect, it } from 'vitest';
import {
  formatAddressList,
  formatMailbox,
  parseAddressList,
} from '../../../../src/protocols/message/addresses.ts';

describe('formatMailbox', () => {
  it('writes a bare address when there is no name', () => {
    expect(formatMailbox({ address: 'bob@hamburger.edu' })).toBe('bob@hamburger.edu');
  });

  it('writes a plain name as it is', () => {
    expect(formatMailbox({ name: 'Bob Smith', address: 'bob@hamburger.edu' })).toBe(
      'Bob Smith <bob@hamburger.edu>',
    );
  });

  it('quotes a name with specials and escapes quotes in it', () => {
    expect(formatMailbox({ name: 'Smith, "Bob"', address: 'b@h.edu' })).toBe('"Smith, \\"Bob\\"" <b@h.edu>');
  });

  it('encodes a Korean display name as encoded words', () => {
    expect(formatMailbox({ name: '밥', address: 'bob@hamburger.edu' })).toBe(
      '=?UTF-8?B?67Cl?= <bob@hamburger.edu>',
    );
  });

  it('joins a list with commas', () => {
    expect(formatAddressList([{ address: 'a@b' }, { name: 'C', address: 'c@d' }])).toBe('a@b, C <c@d>');
  });
});

describe('parseAddressList', () => {
  it('reads names, quoted names and bare addresses', () => {
    expect(
      parseAddressList('"Smith, Bob" <bob@h.edu>, alice@crepes.fr, Carol Q. Public <carol@x.org>'),
    ).toEqual({
      mailboxes: [
        { name: 'Smith, Bob', address: 'bob@h.edu' },
        { address: 'alice@crepes.fr' },
        { name: 'Carol Q. Public', address: 'carol@x.org' },
      ],
      problems: [],
    });
  });

  it('reads back what formatAddressList wrote, Korean names included', () => {
    const list = [
      { name: '안녕하세요 밥', address: 'bob@h.edu' },
      { name: 'A "B" C', address: 'a@b.c' },
      { address: 'x@y.z' },
    ];
    expect(parseAddressList(formatAddressList(list)).mailboxes).toEqual(list);
  });

  it('keeps the members of a group and drops its name', () => {
    expect(parseAddressList('Team: a@b.c, d@e.f;, g@h.i').mailboxes).toEqual([
      { address: 'a@b.c' },
      { address: 'd@e.f' },
      { address: 'g@h.i' },
    ]);
    expect(parseAddressList('undisclosed-recipients:;')).toEqual({ mailboxes: [], problems: [] });
  });

  it('takes a comment after an address as its display name', () => {
    expect(parseAddressList('bob@h.edu (Bob Smith)').mailboxes).toEqual([
      { name: 'Bob Smith', address: 'bob@h.edu' },
    ]);
  });

  it('ignores comments and whitespace inside an addr-spec', () => {
    expect(parseAddressList('Bob <bob (home) @ h.edu>').mailboxes).toEqual([
      { name: 'Bob', address: 'bob@h.edu' },
    ]);
  });

  it('drops an obsolete source route', () => {
    expect(parseAddressList('<@relay.net:bob@h.edu>').mailboxes).toEqual([{ address: 'bob@h.edu' }]);
  });

  it('keeps quoted local parts as written', () => {
    expect(parseAddressList('"john doe"@h.edu').mailboxes).toEqual([{ address: '"john doe"@h.edu' }]);
  });

  it('reports but survives broken lists', () => {
    for (const value of [
      'Bob <bob@h.edu',
      '"unterminated <a@b>',
      'just a name',
      '(open comment',
      ',,,',
      '<>',
    ]) {
      const parsed = parseAddressList(value);
      expect(Array.isArray(parsed.mailboxes)).toBe(true);
    }
    expect(parseAddressList('Bob <bob@h.edu').problems).toEqual(['"<" without ">"']);
    expect(parseAddressList('just a name').problems.length).toBeGreaterThan(0);
  });
});
