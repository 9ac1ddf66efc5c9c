// Serving HTTP on a host: the glue between a connection, the HTTP server machine and an application that maps
// each HttpRequest to an HttpResponse, at once or later (the webmail first asks IMAP over the simulated network).
import { createActor } from 'xstate';
import type { Socket } from '../../net/socket.ts';
import type { ConnId, Endpoint } from '../../net/types.ts';
import { httpServerMachine } from '../../protocols/http/httpServerMachine.ts';
import type { HttpRequest, HttpResponse } from '../../protocols/http/message.ts';
import { bindHttpSession } from './httpSession.ts';
import type { ServiceContext } from './service.ts';

/** HTTP_PORT is HTTP's well-known port (RFC 9110 §4.2.1). */
export const HTTP_PORT = 80;

/** HttpExchangeInfo tells an application which connection and which request on it it is answering. */
export interface HttpExchangeInfo {
  readonly conn: ConnId;
  /** client is the remote end: its host (or, over the bridge, a made-up name) and port. */
  readonly client: Endpoint;
  /** number is the request's number on its connection, 1 for the first (a keep-alive connection's later ones count on). */
  readonly number: number;
}

/**
 * HttpApplication is what a host serves over HTTP. The machine has already read the whole request and checked
 * its syntax, framing and size (400, 411, 413, 414, 431, 505 never reach the application), and answered what
 * `allow` rules out (404, 405 with Allow, 501) and what a teacher's fault forces (500, 503).
 */
export interface HttpApplication {
  /**
   * respond answers one request by calling `reply` once, now or later (after IMAP, say). The response's body is
   * octets (one char per byte: use utf8ToOctets for text); Content-Length, Transfer-Encoding, Connection and Date
   * are the machine's to write. To send the body chunked, put `Transfer-Encoding: chunked` among the headers.
   * A reply after the client has gone, or a second reply, is dropped.
   */
  respond(request: HttpRequest, reply: (response: HttpResponse) => void, info: HttpExchangeInfo): void;
  /**
   * allow says which methods a path (the target without its query) takes, or null when nothing is there: the
   * machine then answers 404, or 405 with Allow (HEAD goes wherever GET does). Left out, every request reaches
   * `respond`.
   */
  allow?(path: string): readonly string[] | null;
  /** maxBody is the largest request body taken, in octets (413 past it); 1 MiB by default. */
  readonly maxBody?: number;
}

/**
 * serveHttp runs one HTTP server session on a connected socket, simulated or real (the bridge's), answering with
 * `app`. Every head line and body goes into the trace with its facts, each exchange as `http.exchange`. The
 * service context's `httpFaults` (a teacher's forced 500/503) is consulted before the application.
 */
export function serveHttp(socket: Socket, ctx: ServiceContext, app: HttpApplication): void {
  const faults = ctx.httpFaults;
  const actor = createActor(httpServerMachine, {
    input: {
      hostname: ctx.host,
      ...(app.allow === undefined ? {} : { allow: (path: string) => app.allow?.(path) ?? null }),
      ...(faults === undefined ? {} : { interpose: (request: HttpRequest) => faults.interpose(request) }),
      // RFC 9110 §6.6.1: IMF-fixdate, which is what toUTCString writes.
      date: () => new Date(ctx.calendarTime(ctx.kernel.now())).toUTCString(),
      ...(app.maxBody === undefined ? {} : { maxBody: app.maxBody }),
    },
    clock: ctx.kernel.clock,
  });
  actor.on('request.ready', ({ request, number }) => {
    let answered = false;
    app.respond(
      request,
      (response) => {
        if (answered) return;
        answered = true;
        session.send({ type: 'response.ready', response });
      },
      { conn: socket.conn, client: socket.remote, number },
    );
  });
  const session = bindHttpSession(socket, actor, {
    host: ctx.host,
    machine: 'http-server',
    emit: (e) => ctx.emit(e),
  });
}

/**
 * listenHttp makes `ctx.host` serve `app` on `port` (80 by default) until the returned `stop` is called, which
 * stops taking new connections. Call it from the host's start, as MailServer.start listens on 25, 110 and 143;
 * a host that goes down loses its listener with it, so start again when it comes up.
 */
export function listenHttp(ctx: ServiceContext, app: HttpApplication, port: number = HTTP_PORT): () => void {
  ctx.network.listen(ctx.host, port, (socket) => serveHttp(socket, ctx, app));
  return () => {
    if (ctx.network.isHostUp(ctx.host)) ctx.network.unlisten(ctx.host, port);
  };
}
