import { describe, expect, it } from 'vitest';
import { replyId as imapReplyId } from '../../../../src/protocols/imap/lineFacts.ts';
import {
  REPLIES as IMAP_REPLIES,
  type ReplyKey as ImapReplyKey,
} from '../../../../src/protocols/imap/replies.ts';
import { PROTOCOLS, type ProtocolName } from '../../../../src/protocols/registry.ts';
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

    it(`explain nothing a registered catalogue lacks, in ${language}`, () => {
      // A protocol whose catalogue the registry does not list yet (an empty one) may be explained ahead of it.
      const listed = (id: string) => {
        const name = id.split('.')[0] ?? '';
        return Object.hasOwn(PROTOCOLS, name) && PROTOCOLS[name as ProtocolName].catalogue.length > 0;
      };
      const extra = Object.keys(replyText[language]).filter((id) => listed(id) && !CATALOGUED.includes(id));
      expect(extra).toEqual([]);
      expect(
        Object.keys(replyText[language]).every((id) => Object.hasOwn(PROTOCOLS, id.split('.')[0] ?? '')),
      ).toBe(true);
    });

    it(`explain every IMAP response of its catalogue in ${language}, whether or not the registry lists it yet`, () => {
      const missing = (Object.keys(IMAP_REPLIES) as ImapReplyKey[])
        .map(imapReplyId)
        .filter((id) => !isReplyId(id) || replyText[language][id].meaning.trim() === '');
      expect(missing).toEqual([]);
    });
  }

  it('speak Korean in Korean, and say something of its own rather than the English again', () => {
    for (const id of Object.keys(replyText.en)) {
      if (!isReplyId(id)) throw new Error(`${id} is not a reply id`);
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

  it('tell a catalogued HTTP status id from a status number nobody catalogued', () => {
    expect(isReplyId('http.303')).toBe(true);
    expect(isReplyId('http.299')).toBe(false);
    expect(replyText.ko['http.502'].meaning).toMatch(/게이트웨이/);
  });
});
