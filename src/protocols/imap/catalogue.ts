// The IMAP response catalogue as the registry lists it: every response's id and status, from replies.ts.
import type { CatalogueEntry } from '../registry.ts';
import { replyId } from './lineFacts.ts';
import { REPLIES, type ReplyKey, replyStatus } from './replies.ts';

/**
 * imapCatalogue lists every catalogued IMAP response by id (`imap.login.ok`) with its status: OK, NO, BAD, BYE or
 * PREAUTH for a status response, `+` for a continuation request, the data name (`FETCH`) for untagged data.
 */
export function imapCatalogue(): CatalogueEntry[] {
  return (Object.keys(REPLIES) as ReplyKey[]).map((key) => ({ id: replyId(key), status: replyStatus(key) }));
}
