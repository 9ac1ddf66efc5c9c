// The POP3 response catalogue as the registry lists it: every response's id and status, from replies.ts.
import type { CatalogueEntry } from '../registry.ts';
import { replyId } from './lineFacts.ts';
import { REPLIES, type ReplyKey } from './replies.ts';

/** pop3Catalogue lists every catalogued POP3 response by id (`pop3.dele.ok`) with its status (`+OK`/`-ERR`). */
export function pop3Catalogue(): CatalogueEntry[] {
  return (Object.keys(REPLIES) as ReplyKey[]).map((key) => ({
    id: replyId(key),
    status: REPLIES[key].status,
  }));
}
