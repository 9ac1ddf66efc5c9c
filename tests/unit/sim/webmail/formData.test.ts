import { describe, expect, it } from 'vitest';
import { cookieValue, formField, parseForm, splitTarget } from '../../../../src/sim/webmail/formData.ts';
import { escapeHtml } from '../../../../src/sim/webmail/pages.ts';

describe('reading a form body', () => {
  it('reads name=value pairs in order, + as a space and %XX as UTF-8 octets', () => {
    const parsed = parseForm('to=alice%40crepes.fr&subject=Re%3A+%EC%A0%90%EC%8B%AC&flag&to=carol');
    expect(parsed).toEqual({
      ok: true,
      fields: [
        ['to', 'alice@crepes.fr'],
        ['subject', 'Re: 점심'],
        ['flag', ''],
        ['to', 'carol'],
      ],
    });
    if (parsed.ok) expect(formField(parsed.fields, 'to')).toBe('alice@crepes.fr');
  });

  it('refuses a % that does not start two hex digits', () => {
    expect(parseForm('body=100%').ok).toBe(false);
    expect(parseForm('body=%zz').ok).toBe(false);
    expect(parseForm('body=%4').ok).toBe(false);
  });

  it('reads an empty body as no fields', () => {
    expect(parseForm('')).toEqual({ ok: true, fields: [] });
  });
});

describe('reading a request-target', () => {
  it('splits an origin-form target into its path and query', () => {
    expect(splitTarget('/inbox?folder=Trash&sent=1')).toEqual({
      path: '/inbox',
      query: [
        ['folder', 'Trash'],
        ['sent', '1'],
      ],
    });
    expect(splitTarget('/message/3')).toEqual({ path: '/message/3', query: [] });
  });

  it('gives null for a target that is not origin-form or whose query does not read', () => {
    expect(splitTarget('*')).toBeNull();
    expect(splitTarget('http://webmail.hamburger.edu/inbox')).toBeNull();
    expect(splitTarget('/inbox?folder=%G1')).toBeNull();
  });
});

describe('reading a Cookie field', () => {
  it('finds a cookie among others, spaces around it or not', () => {
    expect(cookieValue('theme=dark; session=abc123;lang=ko', 'session')).toBe('abc123');
    expect(cookieValue('lang=ko', 'session')).toBeUndefined();
    expect(cookieValue(undefined, 'session')).toBeUndefined();
    expect(cookieValue('sessionx=1; xsession=2', 'session')).toBeUndefined();
  });
});

describe('escaping for HTML', () => {
  it('escapes markup and quotes, and shows controls as a replacement character', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(escapeHtml('a\u0000b\u001bc\td\ne')).toBe('a\uFFFDb\uFFFDc\td\ne');
  });
});
