import { describe, expect, it } from 'vitest';
import { addressProblem, parseAddressList } from '../../../src/ui/lab/addressList.ts';

describe('parseAddressList', () => {
  it('reads comma-separated addresses in order', () => {
    expect(parseAddressList('bob@hamburger.edu, carol@bratwurst.de')).toEqual({
      addresses: ['bob@hamburger.edu', 'carol@bratwurst.de'],
      problems: [],
    });
  });

  it('accepts semicolons and line ends as separators and skips empty entries', () => {
    expect(parseAddressList(' bob@hamburger.edu ;\n\n carol@bratwurst.de ,, ').addresses).toEqual([
      'bob@hamburger.edu',
      'carol@bratwurst.de',
    ]);
  });

  it('keeps only the address of an entry written with a display name or angle brackets', () => {
    expect(
      parseAddressList('Bob <bob@hamburger.edu>, <carol@bratwurst.de>, 밥 <bob2@hamburger.edu>'),
    ).toEqual({
      addresses: ['bob@hamburger.edu', 'carol@bratwurst.de', 'bob2@hamburger.edu'],
      problems: [],
    });
  });

  it('keeps a comma inside a quoted display name or angle brackets within its entry', () => {
    expect(parseAddressList('"Doe, John" <john@crepes.fr>; "A \\"B, C\\"" <a@b.c>, <x@y.z>')).toEqual({
      addresses: ['john@crepes.fr', 'a@b.c', 'x@y.z'],
      problems: [],
    });
  });

  it('keeps a repeated address once, whatever its case', () => {
    expect(parseAddressList('bob@hamburger.edu, BOB@hamburger.edu').addresses).toEqual(['bob@hamburger.edu']);
  });

  it('reports every bad entry with its reason and still returns the good ones', () => {
    expect(parseAddressList('bob, bob@hamburger.edu, a@b@c, 밥@hamburger.edu')).toEqual({
      addresses: ['bob@hamburger.edu'],
      problems: [
        { text: 'bob', problem: 'no-at' },
        { text: 'a@b@c', problem: 'many-at' },
        { text: '밥@hamburger.edu', problem: 'non-ascii' },
      ],
    });
  });

  it('reads an empty field as no addresses and no problems', () => {
    expect(parseAddressList('   ')).toEqual({ addresses: [], problems: [] });
  });
});

describe('addressProblem', () => {
  it('accepts lab addresses, including single-label domains', () => {
    expect(addressProblem('bob@hamburger.edu')).toBeNull();
    expect(addressProblem('first.last+tag@alice-pc')).toBeNull();
  });

  it('names what is wrong with a bad local part or domain', () => {
    expect(addressProblem('@hamburger.edu')).toBe('local');
    expect(addressProblem('bob..smith@hamburger.edu')).toBe('local');
    expect(addressProblem('bob@')).toBe('domain');
    expect(addressProblem('bob@hamburger..edu')).toBe('domain');
    expect(addressProblem('bob@-hamburger.edu')).toBe('domain');
  });

  it('refuses spaces inside an address', () => {
    expect(addressProblem('bob smith@hamburger.edu')).toBe('spaces');
  });
});
