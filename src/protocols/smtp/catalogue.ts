// The SMTP reply catalogue as the registry lists it: every reply's id and code, from replies.ts.
import type { CatalogueEntry } from '../registry.ts';
import { REPLIES, replyId, type ReplyKey } from './replies.ts';

/** smtpCatalogue lists every catalogued SMTP reply by id (`smtp.rcpt.ok`) with its code. */
export function smtpCatalogue(): CatalogueEntry[] {
  return (Object.keys(REPLIES) as ReplyKey[]).map((key) => {
    const code = REPLIES[key].code;
    return code === null ? { id: replyId(key) } : { id: replyId(key), code };
  });
}
