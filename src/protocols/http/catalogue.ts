// The HTTP status catalogue as the registry lists it: every status's id and code, from replies.ts.
import type { CatalogueEntry } from '../registry.ts';
import { CATALOGUED_STATUSES, replyId } from './replies.ts';

/** httpCatalogue lists every catalogued HTTP status by id (`http.404`) with its code (404). */
export function httpCatalogue(): CatalogueEntry[] {
  return CATALOGUED_STATUSES.map((status) => ({ id: replyId(status), code: status }));
}
