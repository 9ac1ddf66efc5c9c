// The client side of one HTTP/1.1 connection (RFC 9112) as a sans-I/O machine: a request in, its head lines and
// body out, then the response's status line, field lines and body read back as the head says (§6.3). After the
// response the connection waits for the next request or ends, as both sides' Connection fields decide (§9.3).
import { and, assertEvent, assign, enqueueActions, setup } from 'xstate';
import type { ClientLineFacts, SentLine, SentLines } from '../shared/lineFacts.ts';
import type { BodySend } from './exchange.ts';
import { hasConnectionOption, persistent, responseFraming, type BodyFraming } from './framing.ts';
import { requestHeadLines, withoutFields } from './format.ts';
import { HTTP_TIMERS, HEADER_FIELDS_MAX, RESPONSE_BODY_MAX } from './limits.ts';
import { fieldLineFacts, HEAD_END_FACTS, requestLineFacts } from './lineFacts.ts';
import type { HttpHeaders, HttpRequest, HttpResponse } from './message.ts';
import { parseFieldLine, parseStatusLine } from './syntax.ts';

/** ClientFailure says why a request got no (whole) response: the connection ended, a timer, or a broken response. */
export type ClientFailure = 'closed' | 'timeout' | 'protocolError';

/** HttpClientEmitted is what the client emits: its head lines, its body, body.expect, the response, and closes. */
export type HttpClientEmitted =
  | SentLine<ClientLineFacts>
  | SentLines<ClientLineFacts>
  | BodySend
  | { type: 'body.expect'; framing: BodyFraming }
  | { type: 'response.received'; response: HttpResponse; number: number; keepsOpen: boolean }
  | {
      type: 'response.failed';
      failure: ClientFailure;
      number: number;
      detail: string;
      /** heard says whether any of the response had come (a line, even a blank one) before it failed. */
      heard: boolean;
    }
  | { type: 'connection.close' }
  | { type: 'connection.abort' };

/**
 * HttpClientEvent is what the I/O layer and the user agent send in: the connection opening and closing, the
 * response's head lines and body as the framer cut them, and `request.send` with the next request (`credential`
 * when its body holds a password, so that views mask it).
 */
export type HttpClientEvent =
  | { type: 'connection.opened' }
  | { type: 'connection.closed' }
  | { type: 'line.received'; line: string }
  | { type: 'line.overlong' }
  | { type: 'body.received'; octets: string }
  | { type: 'body.complete'; wire: number; chunks: number | null }
  | { type: 'body.invalid'; detail: string }
  | { type: 'request.send'; request: HttpRequest; credential?: boolean };

interface ResponseInProgress {
  readonly version: string;
  readonly status: number;
  readonly reason: string;
  readonly headers: HttpHeaders;
  readonly body: string;
}

interface ClientContext {
  /** requests counts the requests sent on this connection; the one awaiting its response is number `requests`. */
  readonly requests: number;
  readonly request: HttpRequest | null;
  readonly response: ResponseInProgress | null;
  readonly failure: ClientFailure | null;
  /** heard says whether any line of the response to the request in flight has come. */
  readonly heard: boolean;
  /** keep says whether the connection stays open after the response just delivered. */
  readonly keep: boolean;
}

// Content-Length is the machine's to write, from the body it sends (RFC 9110 §8.6).
function withLength(request: HttpRequest): HttpRequest {
  const headers = withoutFields(request.headers, ['content-length']);
  const length: HttpHeaders =
    request.body !== '' || request.method === 'POST' || request.method === 'PUT'
      ? [['Content-Length', String(request.body.length)]]
      : [];
  return { ...request, headers: [...headers, ...length] };
}

function keepsOpen(request: HttpRequest | null, response: ResponseInProgress): boolean {
  if (request === null || hasConnectionOption(request.headers, 'close')) return false;
  return persistent(response.version, response.headers);
}

/**
 * httpClientMachine runs one client connection. Send connection.opened once the connection is up, then
 * request.send whenever it is `idle` (tag `idle`); it answers each with response.received, or response.failed and
 * the end. When the server closes an idle connection the machine ends quietly: the next request needs a new one.
 */
export const httpClientMachine = setup({
  types: {
    context: {} as ClientContext,
    events: {} as HttpClientEvent,
    emitted: {} as HttpClientEmitted,
    output: {} as { requests: number; failure: ClientFailure | null },
  },
  delays: { response: HTTP_TIMERS.response },
  guards: {
    isBlank: ({ event }) => event.type === 'line.received' && event.line === '',
    isStatusLine: ({ event }) => event.type === 'line.received' && parseStatusLine(event.line) !== null,
    isInterim: ({ context }) => (context.response?.status ?? 0) < 200,
    hasNoBody: ({ context }) => {
      const { request, response } = context;
      if (request === null || response === null) return true;
      const framing = responseFraming(request.method, response.status, response.headers);
      return 'kind' in framing && framing.kind === 'none';
    },
    hasBadFraming: ({ context }) => {
      const { request, response } = context;
      if (request === null || response === null) return true;
      return 'error' in responseFraming(request.method, response.status, response.headers);
    },
    // Read before deliver notes it: whether the response just completed leaves the connection open (RFC 9112 §9.3).
    keepsOpen: ({ context }) =>
      context.response === null ? context.keep : keepsOpen(context.request, context.response),
    tooManyFields: ({ context }) => (context.response?.headers.length ?? 0) >= HEADER_FIELDS_MAX,
    bodyTooLarge: ({ context, event }) =>
      event.type === 'body.received' &&
      (context.response?.body.length ?? 0) + event.octets.length > RESPONSE_BODY_MAX,
  },
  actions: {
    sendRequest: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'request.send');
      const request = withLength(event.request);
      const number = context.requests + 1;
      const lines = requestHeadLines(request);
      const facts: ClientLineFacts[] = [
        requestLineFacts(request.method, request.target, request.version, number),
        ...request.headers.map(([name]) => fieldLineFacts(name)),
        HEAD_END_FACTS,
      ];
      enqueue.emit({
        type: 'lines.send',
        lines: lines.map((line, i) => ({ line, facts: facts[i] as ClientLineFacts })),
      });
      if (request.body !== '')
        enqueue.emit({
          type: 'body.send',
          wire: request.body,
          content: request.body,
          chunks: null,
          request: number,
          ...(event.credential === true ? { credential: true } : {}),
        });
      enqueue.assign({ requests: number, request, response: null, heard: false });
    }),
    readStatusLine: assign(({ event }) => {
      assertEvent(event, 'line.received');
      const parsed = parseStatusLine(event.line);
      if (parsed === null) return { heard: true };
      return { response: { ...parsed, headers: [], body: '' }, heard: true };
    }),
    readFieldLine: assign(({ context, event }) => {
      assertEvent(event, 'line.received');
      const response = context.response;
      const field = parseFieldLine(event.line);
      // RFC 9112 §5: a client may skip a field line it cannot read rather than fail the response.
      if (response === null || 'error' in field) return {};
      return { response: { ...response, headers: [...response.headers, [field.name, field.value]] } };
    }),
    expectBody: enqueueActions(({ context, enqueue }) => {
      const { request, response } = context;
      if (request === null || response === null) return;
      const framing = responseFraming(request.method, response.status, response.headers);
      if (!('error' in framing)) enqueue.emit({ type: 'body.expect', framing });
    }),
    noteHeard: assign({ heard: true }),
    appendBody: assign(({ context, event }) => {
      assertEvent(event, 'body.received');
      const response = context.response;
      return response === null ? {} : { response: { ...response, body: response.body + event.octets } };
    }),
    deliver: enqueueActions(({ context, enqueue }) => {
      const response = context.response;
      if (response === null) return;
      const { status, reason, headers, body } = response;
      const keep = keepsOpen(context.request, response);
      enqueue.emit({
        type: 'response.received',
        response: { status, reason, headers, body },
        number: context.requests,
        keepsOpen: keep,
      });
      enqueue.assign({ request: null, response: null, keep });
    }),
    fail: enqueueActions(({ context, enqueue }, params: { failure: ClientFailure; detail: string }) => {
      enqueue.assign({ failure: params.failure });
      enqueue.emit({
        type: 'response.failed',
        failure: params.failure,
        number: context.requests,
        detail: params.detail,
        heard: context.heard,
      });
    }),
    closeConnection: enqueueActions(({ enqueue }) => enqueue.emit({ type: 'connection.close' })),
    abortConnection: enqueueActions(({ enqueue }) => enqueue.emit({ type: 'connection.abort' })),
  },
}).createMachine({
  id: 'httpClient',
  context: { requests: 0, request: null, response: null, failure: null, heard: false, keep: false },
  initial: 'awaitingConnection',
  states: {
    awaitingConnection: {
      on: {
        'connection.opened': { target: 'idle' },
        'connection.closed': { target: 'closed' },
      },
    },
    // RFC 9112 §9.3: connected, no request outstanding; the next one may go now.
    idle: {
      tags: ['idle'],
      on: {
        'request.send': { target: 'awaitingResponse', actions: 'sendRequest' },
        // RFC 9112 §9.5: the server may close an idle connection at any time.
        'connection.closed': { target: 'closed' },
      },
    },
    awaitingResponse: {
      tags: ['reading'],
      initial: 'awaitingStatusLine',
      on: {
        'connection.closed': {
          target: 'closed',
          actions: {
            type: 'fail',
            params: {
              failure: 'closed',
              detail: 'the server closed the connection before the whole response came',
            },
          },
        },
        'line.overlong': {
          target: 'closed',
          actions: [
            { type: 'fail', params: { failure: 'protocolError', detail: 'a response line is too long' } },
            'abortConnection',
          ],
        },
      },
      after: {
        response: {
          target: 'closed',
          actions: [
            { type: 'fail', params: { failure: 'timeout', detail: 'the server stopped answering' } },
            'abortConnection',
          ],
        },
      },
      states: {
        // RFC 9112 §4: the status line; a 1xx is interim and another status line follows (RFC 9110 §15.2).
        awaitingStatusLine: {
          on: {
            'line.received': [
              { guard: 'isBlank', actions: 'noteHeard' },
              { guard: 'isStatusLine', target: 'readingHeaders', actions: 'readStatusLine' },
              {
                target: '#httpClient.closed',
                actions: [
                  'noteHeard',
                  {
                    type: 'fail',
                    params: { failure: 'protocolError', detail: 'the answer is not an HTTP status line' },
                  },
                  'abortConnection',
                ],
              },
            ],
          },
        },
        // A blank line ends the head (RFC 9112 §2.1): a 1xx waits for the real status, otherwise the body is read
        // as the head frames it (§6.3), and a response without one is complete at once.
        readingHeaders: {
          on: {
            'line.received': [
              { guard: and(['isBlank', 'isInterim']), target: 'awaitingStatusLine' },
              {
                guard: and(['isBlank', 'hasBadFraming']),
                target: '#httpClient.closed',
                actions: [
                  {
                    type: 'fail',
                    params: {
                      failure: 'protocolError',
                      detail: 'the response has an unreadable Content-Length',
                    },
                  },
                  'abortConnection',
                ],
              },
              // A response is complete: delivered, then the connection waits for the next request or is closed.
              {
                guard: and(['isBlank', 'hasNoBody', 'keepsOpen']),
                target: '#httpClient.idle',
                actions: 'deliver',
              },
              {
                guard: and(['isBlank', 'hasNoBody']),
                target: '#httpClient.closed',
                actions: ['deliver', 'closeConnection'],
              },
              { guard: 'isBlank', target: 'readingBody', actions: 'expectBody' },
              {
                guard: 'tooManyFields',
                target: '#httpClient.closed',
                actions: [
                  {
                    type: 'fail',
                    params: { failure: 'protocolError', detail: 'the response has too many header fields' },
                  },
                  'abortConnection',
                ],
              },
              { actions: 'readFieldLine' },
            ],
          },
        },
        readingBody: {
          on: {
            'body.received': [
              {
                guard: 'bodyTooLarge',
                target: '#httpClient.closed',
                actions: [
                  {
                    type: 'fail',
                    params: { failure: 'protocolError', detail: 'the response body is too large' },
                  },
                  'abortConnection',
                ],
              },
              { actions: 'appendBody' },
            ],
            'body.complete': [
              { guard: 'keepsOpen', target: '#httpClient.idle', actions: 'deliver' },
              { target: '#httpClient.closed', actions: ['deliver', 'closeConnection'] },
            ],
            'body.invalid': {
              target: '#httpClient.closed',
              actions: [
                {
                  type: 'fail',
                  params: { failure: 'protocolError', detail: 'the chunked body is malformed' },
                },
                'abortConnection',
              ],
            },
          },
        },
      },
    },
    closed: { type: 'final' },
  },
  output: ({ context }) => ({ requests: context.requests, failure: context.failure }),
});
