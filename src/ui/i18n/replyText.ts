// What each catalogued server reply means to a student and what the client should do next, for every protocol of
// the registry, keyed by catalogue id (`smtp.rcpt.ok`, `pop3.dele.ok`); each protocol keeps its own table.
import type { CataloguedHttpReplyId } from './httpReplyText.ts';
import { httpReplyText } from './httpReplyText.ts';
import type { ImapReplyId } from '../../protocols/imap/lineFacts.ts';
import type { Pop3ReplyId } from '../../protocols/pop3/lineFacts.ts';
import type { SmtpReplyId } from '../../protocols/smtp/replies.ts';
import type { Language } from './language.ts';
import { imapReplyText } from './imapReplyText.ts';
import type { Localized } from './languageContext.ts';
import { pop3ReplyText } from './pop3ReplyText.ts';
import type { ReplyExplanation } from './replyExplanation.ts';
import { smtpReplyText } from './smtpReplyText.ts';

export type { ReplyExplanation } from './replyExplanation.ts';

/** ReplyId is any catalogued reply's id, of any protocol the registry lists with a catalogue. */
export type ReplyId = SmtpReplyId | Pop3ReplyId | ImapReplyId | CataloguedHttpReplyId;

function joined(language: Language): Readonly<Record<ReplyId, ReplyExplanation>> {
  return {
    ...smtpReplyText[language],
    ...pop3ReplyText[language],
    ...imapReplyText[language],
    ...httpReplyText[language],
  };
}

/** replyText explains every catalogued reply by id; the Record types make a language incomplete without one. */
export const replyText: Localized<Readonly<Record<ReplyId, ReplyExplanation>>> = {
  en: joined('en'),
  ko: joined('ko'),
};

/** isReplyId tells whether a fact's `reply` names a reply this table explains. */
export function isReplyId(id: string): id is ReplyId {
  // Own keys only: `in` would also say yes to `toString` and the rest of Object.prototype.
  return Object.hasOwn(replyText.en, id);
}
