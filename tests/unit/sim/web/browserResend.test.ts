// When the browser sends a request again: only after a close on a reused keep-alive connection before any of the
// response came, once, on a new connection; a close on a fresh connection, or after part of the response, stands.
import { describe, expect, it } from 'vitest';
import type { Socket } from '../../../../src/net/socket.ts';
import type { ServiceContext } from '../../../../src/sim/services/service.ts';
import { isKind } from '../../../../src/sim/trace.ts';
import { Browser } from '../../../../src/sim/web/browser.ts';
import { twoHosts } from '../../net/netHarness.ts';

const OK = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi';

/** What the raw server does with each request it reads: answer it (keeping the connection) or act otherwise. */
type Handling = 'answer' | 'close' | 'statusThenClose';

/**
 * browserAgainst runs a browser on `client` against a raw server on port 80 of `server` that handles the n-th
 * request it reads (counted over all connections) as `plan[n]`, and closes an idle connection after `idleClose`
 * ms when given.
 */
function browserAgainst(plan: readonly Handling[], idleClose?: number) {
  const harness = twoHosts({ listen: null });
  const { kernel, net } = harness;
  let seen = 0;
  net.listen('server', 80, (socket: Socket) => {
    socket.onEvent((event) => {
      if (event.type !== 'data') return;
      const handling = plan[seen] ?? 'close';
      seen += 1;
      if (handling === 'close') return socket.close();
      if (handling === 'statusThenClose') {
        socket.write('HTTP/1.1 200 OK\r\n');
        return socket.close();
      }
      socket.write(OK);
      if (idleClose !== undefined) kernel.schedule(kernel.now() + idleClose, () => socket.close());
    });
  });
  const ctx: ServiceContext = {
    host: 'client',
    network: net,
    kernel,
    resolver: () => {
      throw new Error('no DNS here: the browser goes to an address');
    },
    calendarTime: (t) => t,
    emit: (e) => kernel.emit(e),
  };
  const browser = new Browser(ctx);
  const run = (ms: number) => kernel.runUntil(kernel.now() + ms);
  const fetches = () => kernel.trace.slice().filter(isKind('web.fetch'));
  const pages = () => kernel.trace.slice().filter(isKind('web.page'));
  return { browser, run, fetches, pages, requestsRead: () => seen };
}

describe('the browser resending a request', () => {
  it('does not resend a request whose fresh connection the server closes before answering', () => {
    const { browser, run, fetches, pages, requestsRead } = browserAgainst(['close']);
    browser.open('http://192.0.2.2/');
    run(5_000);
    expect(fetches()).toHaveLength(1);
    expect(fetches()[0]).toMatchObject({ reused: false, status: null });
    expect(fetches()[0]).not.toHaveProperty('retry');
    expect(pages()[0]?.outcome).toBe('failed');
    expect(requestsRead()).toBe(1);
  });

  it('resends once on a new connection when a reused connection closes before any of the response, and no more', () => {
    const { browser, run, fetches, pages, requestsRead } = browserAgainst(['answer', 'close', 'close']);
    browser.open('http://192.0.2.2/');
    run(1_000);
    browser.open('http://192.0.2.2/again');
    run(5_000);
    const [first, failed, resent, ...more] = fetches();
    expect(first).toMatchObject({ status: 200, reused: false });
    expect(failed).toMatchObject({ target: '/again', status: null, reused: true, retry: 'resending' });
    expect(resent).toMatchObject({ target: '/again', status: null, reused: false, retry: 'resent' });
    expect(resent?.conn).not.toBe(failed?.conn);
    expect(more).toEqual([]);
    expect(requestsRead()).toBe(3);
    expect(pages()[1]).toMatchObject({ outcome: 'failed', requests: 2 });
  });

  it('does not resend when part of the response came before the close', () => {
    const { browser, run, fetches, requestsRead } = browserAgainst(['answer', 'statusThenClose']);
    browser.open('http://192.0.2.2/');
    run(1_000);
    browser.open('http://192.0.2.2/again');
    run(5_000);
    expect(fetches()).toHaveLength(2);
    expect(fetches()[1]).toMatchObject({ status: null, reused: true });
    expect(fetches()[1]).not.toHaveProperty('retry');
    expect(requestsRead()).toBe(2);
  });

  it('opens a new connection instead of reusing one whose FIN it has received', () => {
    const { browser, run, fetches } = browserAgainst(['answer', 'answer'], 100);
    browser.open('http://192.0.2.2/');
    run(1_000);
    browser.open('http://192.0.2.2/again');
    run(1_000);
    const [first, second, ...more] = fetches();
    expect(second).toMatchObject({ target: '/again', status: 200, reused: false });
    expect(second?.conn).not.toBe(first?.conn);
    expect(second).not.toHaveProperty('retry');
    expect(more).toEqual([]);
  });
});
