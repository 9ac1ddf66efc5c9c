// Gathers one HTTP exchange from the trace's facts, for the inspector: the request's head lines and body, the
// response's, what the server recorded of the exchange (`http.exchange`) and the page the browser was loading
// (`web.fetch` and `web.page`), so a student sees one response per object. Pure; no wire text is read for meaning.
import type { EventOf, FetchRetry, TraceEvent } from '../../../sim/trace.ts';
import { readSessionLines, type SessionLine } from './sessionLines.ts';

/** PageObject is one object a page needed: the request the browser made for it and the status it got. */
export interface PageObject {
  readonly method: string;
  readonly target: string;
  readonly status: number | null;
  readonly size: number;
  /** retry marks the two attempts of a request the browser sent again on a new connection; null when sent once. */
  readonly retry: FetchRetry | null;
  /** current marks the exchange being inspected. */
  readonly current: boolean;
}

/** PageFacts is the page an exchange belonged to: where it was, how many objects and octets, and each object. */
export interface PageFacts {
  readonly target: string;
  readonly title: string | null;
  readonly objects: number;
  readonly requests: number;
  readonly bytes: number;
  readonly fetches: readonly PageObject[];
}

/** HttpExchangeView is one request and its response on a connection, as the inspector shows them. */
export interface HttpExchangeView {
  readonly request: number;
  readonly requestHead: readonly SessionLine[];
  readonly requestBody: SessionLine | null;
  readonly responseHead: readonly SessionLine[];
  readonly responseBody: SessionLine | null;
  readonly exchange: EventOf<'http.exchange'> | null;
  readonly page: PageFacts | null;
}

/**
 * httpExchangeAt finds the exchange the event at `seq` (an HTTP line or body on `conn`) belongs to: a request's
 * lines count from its request line (whose facts number it), a response's lines and bodies carry the number.
 * Null when the event is not part of an HTTP exchange.
 */
export function httpExchangeAt(
  trace: readonly TraceEvent[],
  conn: string,
  seq: number,
): HttpExchangeView | null {
  const lines = readSessionLines(trace, conn);
  const numbered: { line: SessionLine; request: number | null }[] = [];
  let current: number | null = null;
  for (const line of lines) {
    const role = line.role;
    let request: number | null;
    if (role.kind === 'body') request = role.request;
    else if (line.from === 'client') {
      if (role.kind === 'command' && role.command.protocol === 'http') current = role.command.request;
      request = current;
    } else request = requestOfServerLine(trace, line.seq);
    numbered.push({ line, request });
  }
  const request = numbered.find((n) => n.line.seq === seq)?.request ?? null;
  if (request === null) return null;
  const mine = numbered.filter((n) => n.request === request).map((n) => n.line);
  const side = (from: 'client' | 'server') => mine.filter((l) => l.from === from);
  const head = (from: 'client' | 'server') => side(from).filter((l) => l.role.kind !== 'body');
  const body = (from: 'client' | 'server') => side(from).find((l) => l.role.kind === 'body') ?? null;
  const exchange =
    trace.find(
      (e): e is EventOf<'http.exchange'> =>
        e.kind === 'http.exchange' && e.conn === conn && e.request === request,
    ) ?? null;
  return {
    request,
    requestHead: head('client'),
    requestBody: body('client'),
    responseHead: head('server'),
    responseBody: body('server'),
    exchange,
    page: pageOf(trace, conn, request),
  };
}

function requestOfServerLine(trace: readonly TraceEvent[], seq: number): number | null {
  const e = trace[seq]?.seq === seq ? trace[seq] : trace.find((x) => x.seq === seq);
  return e?.kind === 'app.line' && e.from === 'server' ? (e.request ?? null) : null;
}

// The browser's page load that fetched this exchange: its web.fetch names the connection and the request, and the
// web.page that follows on the same browser sums up the fetches since the one before it.
function pageOf(trace: readonly TraceEvent[], conn: string, request: number): PageFacts | null {
  const at = trace.findIndex((e) => e.kind === 'web.fetch' && e.conn === conn && e.request === request);
  const fetch = trace[at];
  if (fetch?.kind !== 'web.fetch') return null;
  const pageAt = trace.findIndex((e, i) => i > at && e.kind === 'web.page' && e.host === fetch.host);
  const page = trace[pageAt];
  if (page?.kind !== 'web.page') return null;
  let start = at;
  while (start > 0) {
    const before = trace[start - 1];
    if (before?.kind === 'web.page' && before.host === fetch.host) break;
    start -= 1;
  }
  const fetches = trace
    .slice(start, pageAt)
    .filter((e): e is EventOf<'web.fetch'> => e.kind === 'web.fetch' && e.host === fetch.host)
    .map((e) => ({
      method: e.method,
      target: e.target,
      status: e.status,
      size: e.size,
      retry: e.retry ?? null,
      current: e === fetch,
    }));
  return {
    target: page.target,
    title: page.title,
    objects: page.objects,
    requests: page.requests,
    bytes: page.bytes,
    fetches,
  };
}
