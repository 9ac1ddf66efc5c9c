// A client and a web server on a bare kernel: the server answers with an application the test gives, through
// serveHttp, and the test plays the client by writing octets on a raw socket, as telnet or curl would.
import type { Socket } from '../../../src/net/socket.ts';
import { HttpFaults } from '../../../src/sim/services/httpFaults.ts';
import { listenHttp, type HttpApplication } from '../../../src/sim/services/httpService.ts';
import type { ServiceContext } from '../../../src/sim/services/service.ts';
import { isKind, type EventOf } from '../../../src/sim/trace.ts';
import { record, twoHosts, type Harness, type Recorder } from '../net/netHarness.ts';
import { utf8ToOctets } from '../../../src/protocols/shared/octets.ts';

/** WebHarness is the two hosts, the server's context and a way to open raw client connections. */
export interface WebHarness extends Harness {
  readonly ctx: ServiceContext;
  connect(): Recorder;
  exchanges(): EventOf<'http.exchange'>[];
  lines(from?: 'client' | 'server'): EventOf<'app.line'>[];
  run(ms: number): void;
}

/** hello is a small application: `/` says hello, `/echo` returns the request body, anything else 404 via allow. */
export const hello: HttpApplication = {
  allow: (path) => (path === '/' ? ['GET'] : path === '/echo' ? ['POST'] : null),
  respond: (request, reply) =>
    reply(
      request.target === '/echo'
        ? { status: 200, reason: 'OK', headers: [['Content-Type', 'text/plain']], body: request.body }
        : {
            status: 200,
            reason: 'OK',
            headers: [['Content-Type', 'text/html']],
            body: utf8ToOctets('<p>안녕</p>'),
          },
    ),
};

/** webHarness starts `app` on port 80 of `server`. */
export function webHarness(app: HttpApplication = hello): WebHarness {
  const harness = twoHosts({ listen: null });
  const { kernel, net } = harness;
  const ctx: ServiceContext = {
    host: 'server',
    network: net,
    kernel,
    resolver: () => {
      throw new Error('no DNS in this harness');
    },
    calendarTime: (t) => Date.UTC(2026, 0, 5, 9, 0, 0) + t,
    httpFaults: new HttpFaults(),
    emit: (e) => kernel.emit(e),
  };
  listenHttp(ctx, app);
  return {
    ...harness,
    ctx,
    connect: () => record(net.connect('client', '192.0.2.2', 80) as Socket),
    exchanges: () => kernel.trace.slice().filter(isKind('http.exchange')),
    lines: (from) =>
      kernel.trace
        .slice()
        .filter(isKind('app.line'))
        .filter((e) => from === undefined || e.from === from),
    run: (ms) => kernel.runUntil(kernel.now() + ms),
  };
}
