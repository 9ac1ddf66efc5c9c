import { describe, expect, it } from 'vitest';
import { PROTOCOLS } from '../../../../src/protocols/registry.ts';
import { isReplyId, replyText } from '../../../../src/ui/i18n/replyText.ts';

const CATALOGUED = Object.values(PROTOCOLS).flatMap((entry) => entry.catalogue.map((c) => c.id));

describe('the reply explanations', () => {
  it('cover the catalogue of every protocol that has one', () => {
    const withCatalogue = Object.values(PROTOCOLS).filter((entry) => entry.catalogue.length > 0);
    expect(withCatalogue.map((entry) => entry.name)).toEqual(expect.arrayContaining(['smtp', 'pop3']));
  });

  for (const language of ['en', 'ko'] as const) {
    it(`explain every catalogued reply of every protocol in ${language}, meaning and next step`, () => {
      const missing = CATALOGUED.filter((id) => {
        const text = isReplyId(id) ? replyText[language][id] : undefined;
        return text === undefined || text.meaning.trim() === '' || text.next.trim() === '';
      });
      expect(missing).toEqual([]);
    });

    it(`explain nothing the registry does not catalogue, in ${language}`, () => {
      const extra = Object.keys(replyText[language]).filter((id) => !CATALOGUED.includes(id));
      expect(extra).toEqual([]);
    });
  }

  it('speak Korean in Korean, and say something of its own rather than the English again', () => {
    for (const id of CATALOGUED) {
      if (!isReplyId(id)) continue;
      expect(replyText.ko[id].meaning, id).toMatch(/[가-힣]/);
      expect(replyText.ko[id].next, id).not.toBe(replyText.en[id].next);
    }
  });

  it('tell a POP3 response id from a bare key or an id nobody catalogued', () => {
    expect(isReplyId('pop3.dele.ok')).toBe(true);
    expect(isReplyId('dele.ok')).toBe(false);
    expect(isReplyId('pop3.dele.maybe')).toBe(false);
    expect(isReplyId('hasOwnProperty')).toBe(false);
  });
});
