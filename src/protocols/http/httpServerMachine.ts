// The server side of one HTTP/1.1 connection (RFC 9112) as a sans-I/O machine: head lines and body octets in,
// response lines and body octets out. The chart reads a request in the order the RFC lays it out (request line,
// field lines, body), hands it to the application, and after the response waits for the next or closes (§9.3);
// serverDecisions.ts says what each part is worth.
import { assertEvent, assign, emit, enqueueActions, raise, setup } from 'xstate';
import type { SentLine, SentLines, ServerLineFacts } from '../shared/lineFacts.ts';
import type { BodySend, HttpExchangeFacts } from './exchange.ts';
import type { BodyFraming } from './framing.ts';
import { HTTP_TIMERS } from './limits.ts';
import { responseHeadFacts } from './lineFacts.ts';
import { headerValue, type HttpRequest, type HttpResponse } from './message.ts';
import { errorResponse, replyId } from './replies.ts';
import {
  bodyTooLarge,
  decideFieldLine,
  decideHead,
  decideRequestLine,
  decideRouting,
  keepsOpen,
  refusalForTooLarge,
  requestOf,
  wireResponse,
  type HttpServerInput,
  type Refusal,
  type ServerContext,
  type SessionEnd,
} from './serverDecisions.ts';
import { responseHeadLines } from './format.ts';

export type { HttpServerInput, SessionEnd } from './serverDecisions.ts';

/**
 * HttpServerEmitted is what the server emits: head lines with their facts, `body.expect` (read the next octets as
 * a body framed so), `body.send` (a response body's octets as they go on the wire, chunked or not), `request.ready`
 * (the application's turn: answer with response.ready), `exchange.completed`, and `connection.close`.
 */
export type HttpServerEmitted =
  | SentLine<ServerLineFacts>
  | SentLines<ServerLineFacts>
  | { type: 'body.expect'; framing: BodyFraming }
  | BodySend
  | { type: 'request.ready'; request: HttpRequest; number: number }
  | { type: 'exchange.completed'; exchange: HttpExchangeFacts }
  | { type: 'connection.close' };

/**
 * HttpServerEvent is what the I/O layer sends in: the connection opening and closing, each head line without its
 * line end (line.overlong for one over the limit), a body's octets and its end as the framer counted them, and
 * the application's response. The rest are raised inside the machine.
 */
export type HttpServerEvent =
  | { type: 'connection.opened' }
  | { type: 'connection.closed' }
  | { type: 'line.received'; line: string }
  | { type: 'line.overlong' }
  | { type: 'body.received'; octets: string }
  | { type: 'body.complete'; wire: number; chunks: number | null }
  | { type: 'body.invalid'; detail: string }
  | { type: 'response.ready'; response: HttpResponse }
  | { type: 'request.started' }
  | { type: 'request.complete' }
  | { type: 'body.expected' }
  | { type: 'request.refused'; refusal: Refusal };

type Enqueue = {
  assign(update: Partial<ServerContext>): void;
  emit(event: HttpServerEmitted): void;
  raise(event: HttpServerEvent): void;
};

// Sends a response (the application's, or one the machine made) and reports the exchange.
function send(enqueue: Enqueue, context: ServerContext, response: HttpResponse, close: boolean): void {
  const current = context.current;
  const wire = wireResponse(context, current, response, close);
  const number = context.requests;
  const facts = responseHeadFacts(response.status, wire.fieldNames, {
    method: current?.method ?? null,
    request: number,
  });
  enqueue.emit({
    type: 'lines.send',
    lines: wire.head.map((line, i) => ({ line, facts: facts[i] as ServerLineFacts })),
  });
  if (wire.body !== '')
    enqueue.emit({
      type: 'body.send',
      wire: wire.body,
      content: wire.content,
      chunks: wire.chunks,
      request: number,
    });
  const headOctets = wire.head.reduce((sum, line) => sum + line.length + 2, 0);
  enqueue.emit({
    type: 'exchange.completed',
    exchange: {
      request: number,
      method: current?.method ?? null,
      target: current?.target ?? null,
      status: response.status,
      reason: response.reason,
      reply: replyId(response.status),
      requestOctets: current === null ? 0 : current.headOctets + current.bodyWire,
      responseOctets: headOctets + wire.body.length,
      bodySize: wire.size,
      contentType: headerValue(wire.headers, 'content-type') ?? null,
      chunks: wire.chunks,
      connection: close ? 'close' : 'keep-alive',
    },
  });
  enqueue.assign({ current: null });
}

/**
 * httpServerMachine runs one server session. Send connection.opened first; then each head line as
 * line.received, and after a `body.expect` the body as body.received pieces and body.complete. Once it emits
 * request.ready it reads nothing until it is sent response.ready (the I/O layer holds what arrives meanwhile,
 * so pipelined requests are answered in order, RFC 9112 §9.3.2). It never throws on what a client sends.
 */
export const httpServerMachine = setup({
  types: {
    input: {} as HttpServerInput,
    context: {} as ServerContext,
    events: {} as HttpServerEvent,
    emitted: {} as HttpServerEmitted,
    output: {} as { ended: SessionEnd; requests: number },
  },
  delays: {
    keepAlive: HTTP_TIMERS.keepAlive,
    request: HTTP_TIMERS.request,
  },
  guards: {
    // A new connection gets as long as a request does; an idle persistent one only the keep-alive time.
    isFresh: ({ context }) => context.requests === 0,
    hadRequest: ({ context }) => context.requests > 0,
    isBlank: ({ event }) => event.type === 'line.received' && event.line === '',
    staysOpen: ({ context, event }) => {
      assertEvent(event, 'response.ready');
      return keepsOpen(context.current, event.response);
    },
  },
  actions: {
    readRequestLine: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'line.received');
      const decided = decideRequestLine(event.line);
      enqueue.assign({ requests: context.requests + 1 });
      if (decided.kind === 'refused') enqueue.raise({ type: 'request.refused', refusal: decided.refusal });
      else {
        enqueue.assign({ current: decided.current });
        enqueue.raise({ type: 'request.started' });
      }
    }),
    readFieldLine: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'line.received');
      if (context.current === null) return;
      const decided = decideFieldLine(context.current, event.line);
      if (decided.kind === 'refused') enqueue.raise({ type: 'request.refused', refusal: decided.refusal });
      else enqueue.assign({ current: decided.current });
    }),
    endHead: enqueueActions(({ context, enqueue }) => {
      const current = context.current;
      if (current === null) return;
      const withEnd = { ...current, headOctets: current.headOctets + 2 };
      enqueue.assign({ current: withEnd });
      const decided = decideHead(context, withEnd);
      if (decided.kind === 'refused')
        return enqueue.raise({ type: 'request.refused', refusal: decided.refusal });
      if (decided.kind === 'complete') return enqueue.raise({ type: 'request.complete' });
      // RFC 9110 §10.1.1: a client that sent Expect: 100-continue waits for this before it sends the body.
      if (decided.continue) {
        const facts = responseHeadFacts(100, [], { method: current.method, request: context.requests });
        const lines = responseHeadLines('HTTP/1.1', { status: 100, reason: 'Continue', headers: [] });
        enqueue.emit({
          type: 'lines.send',
          lines: lines.map((line, i) => ({ line, facts: facts[i] as ServerLineFacts })),
        });
      }
      enqueue.emit({ type: 'body.expect', framing: decided.framing });
      enqueue.raise({ type: 'body.expected' });
    }),
    refuseOverlong: raise(({ context }) => ({
      type: 'request.refused' as const,
      refusal:
        context.current === null
          ? { response: errorResponse(414, 'the request line is too long'), method: null }
          : { response: errorResponse(431, 'a header line is too long'), method: context.current.method },
    })),
    appendBody: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'body.received');
      const current = context.current;
      if (current === null) return;
      const next = { ...current, body: current.body + event.octets };
      enqueue.assign({ current: next });
      if (bodyTooLarge(context, next))
        enqueue.raise({ type: 'request.refused', refusal: refusalForTooLarge(context, current.method) });
    }),
    endBody: assign(({ context, event }) => {
      assertEvent(event, 'body.complete');
      const current = context.current;
      if (current === null) return {};
      return { current: { ...current, bodyWire: event.wire, bodyChunks: event.chunks } };
    }),
    refuseBadChunks: raise(({ context, event }) => {
      assertEvent(event, 'body.invalid');
      return {
        type: 'request.refused' as const,
        refusal: {
          response: errorResponse(400, `the chunked body is malformed: ${event.detail}`),
          method: context.current?.method ?? null,
        },
      };
    }),
    refuseSlow: raise(({ context }) => ({
      type: 'request.refused' as const,
      refusal: {
        response: errorResponse(408, 'the rest of the request did not come in time'),
        method: context.current?.method ?? null,
      },
    })),
    // The machine answers what it can itself (a fault, 501, 404, 405); everything else is the application's.
    dispatch: enqueueActions(({ context, enqueue }) => {
      const current = context.current;
      if (current === null) return;
      const request = requestOf(current);
      const answer = decideRouting(context, request);
      if (answer !== null) enqueue.raise({ type: 'response.ready', response: answer });
      else enqueue.emit({ type: 'request.ready', request, number: context.requests });
    }),
    sendResponse: enqueueActions(({ context, event, enqueue }, params: { close: boolean }) => {
      assertEvent(event, 'response.ready');
      send(enqueue, context, event.response, params.close);
    }),
    sendRefusal: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'request.refused');
      send(enqueue, context, event.refusal.response, true);
    }),
    endAs: assign((_, params: { ended: SessionEnd }) => ({ ended: params.ended })),
    closeConnection: emit({ type: 'connection.close' }),
  },
}).createMachine({
  id: 'httpServer',
  context: ({ input }) => ({ ...input, requests: 0, current: null, ended: null }),
  initial: 'awaitingConnection',
  states: {
    awaitingConnection: {
      on: {
        'connection.opened': { target: 'connected' },
        'connection.closed': {
          target: 'closed',
          actions: { type: 'endAs', params: { ended: 'connectionLost' } },
        },
      },
    },
    connected: {
      initial: 'waitingForRequest',
      on: {
        'connection.closed': {
          target: 'closed',
          actions: { type: 'endAs', params: { ended: 'connectionLost' } },
        },
        // A request the server will not take ends the connection: what follows it cannot be trusted (RFC 9112 §9.6).
        'request.refused': {
          target: 'closed',
          actions: ['sendRefusal', { type: 'endAs', params: { ended: 'refused' } }, 'closeConnection'],
        },
      },
      states: {
        // RFC 9112 §2.2, §9.3: between requests; empty lines before a request line are ignored.
        waitingForRequest: {
          tags: ['reading'],
          on: {
            'line.received': [{ guard: 'isBlank' }, { actions: 'readRequestLine' }],
            'line.overlong': { actions: 'refuseOverlong' },
            'request.started': { target: 'readingHeaders' },
            'connection.closed': {
              target: '#httpServer.closed',
              actions: { type: 'endAs', params: { ended: 'closed' } },
            },
          },
          // RFC 9112 §9.5: the server closes an idle connection without a word.
          after: {
            keepAlive: {
              guard: 'hadRequest',
              target: '#httpServer.closed',
              actions: [{ type: 'endAs', params: { ended: 'idle' } }, 'closeConnection'],
            },
            request: {
              guard: 'isFresh',
              target: '#httpServer.closed',
              actions: [{ type: 'endAs', params: { ended: 'idle' } }, 'closeConnection'],
            },
          },
        },
        // RFC 9112 §5: field lines until the empty line; each line restarts the timer.
        readingHeaders: {
          tags: ['reading'],
          on: {
            'line.received': [
              { guard: 'isBlank', actions: 'endHead' },
              { target: 'readingHeaders', reenter: true, actions: 'readFieldLine' },
            ],
            'line.overlong': { actions: 'refuseOverlong' },
            'request.complete': { target: 'handling' },
            'body.expected': { target: 'readingBody' },
          },
          after: { request: { actions: 'refuseSlow' } },
        },
        // RFC 9112 §6: the body's octets, as many as Content-Length says or until the last chunk.
        readingBody: {
          tags: ['reading'],
          on: {
            'body.received': { target: 'readingBody', reenter: true, actions: 'appendBody' },
            'body.complete': { target: 'handling', actions: 'endBody' },
            'body.invalid': { actions: 'refuseBadChunks' },
          },
          after: { request: { actions: 'refuseSlow' } },
        },
        // The request is whole: the machine answers it itself, or the application does.
        handling: {
          entry: 'dispatch',
          on: {
            'response.ready': [
              {
                guard: 'staysOpen',
                target: 'waitingForRequest',
                actions: { type: 'sendResponse', params: { close: false } },
              },
              {
                target: '#httpServer.closed',
                actions: [
                  { type: 'sendResponse', params: { close: true } },
                  { type: 'endAs', params: { ended: 'closed' } },
                  'closeConnection',
                ],
              },
            ],
          },
        },
      },
    },
    closed: { type: 'final' },
  },
  output: ({ context }) => ({ ended: context.ended ?? 'connectionLost', requests: context.requests }),
});
