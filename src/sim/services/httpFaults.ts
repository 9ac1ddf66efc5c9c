// A teacher's faults on one host's HTTP service: a forced 500 or 503 for every request (or every n-th, or those
// under one path), until the teacher sets the service back to normal. The server machine asks through `interpose`.
import type { HttpRequest, HttpResponse } from '../../protocols/http/message.ts';
import { errorResponse } from '../../protocols/http/replies.ts';
import { CountedFaults } from '../countedFaults.ts';

/** HTTP_FAULT_STATUSES are the statuses a teacher can force: the server broke, or is overloaded (RFC 9110 §15.6). */
export const HTTP_FAULT_STATUSES = [500, 503] as const;

/** HttpFaultStatus is one of HTTP_FAULT_STATUSES. */
export type HttpFaultStatus = (typeof HTTP_FAULT_STATUSES)[number];

/** HttpReplyFault forces `status` for requests whose path starts with `path` (all when absent), every n-th time. */
export interface HttpReplyFault {
  readonly status: HttpFaultStatus;
  readonly path?: string;
  readonly text?: string;
  readonly every: number;
}

/** FORCED_HTTP_TEXT is what a forced response says when the teacher gave no words of their own. */
export const FORCED_HTTP_TEXT = 'the server was told to fail this request (fault injected)';

// RFC 9110 §10.2.3: a 503 may say when to come back; two minutes is what the lab's teacher would expect.
const RETRY_AFTER_SECONDS = 120;

/** HttpFaults lives as long as its host; every HTTP session asks `interpose` before the application answers. */
/** HttpFaults lives as long as its host; every HTTP session asks `interpose` before the application answers. */
export class HttpFaults extends CountedFaults<HttpReplyFault> {
  /** interpose returns the response forced for `request` now, or null to answer as usual. */
  interpose(request: HttpRequest): HttpResponse | null {
    const fault = this.due((f) => f.path === undefined || request.target.startsWith(f.path));
    if (fault === null) return null;
    const text = fault.text ?? FORCED_HTTP_TEXT;
    return fault.status === 503
      ? errorResponse(503, text, [['Retry-After', String(RETRY_AFTER_SECONDS)]])
      : errorResponse(500, text);
  }
}
