// A form sent just as the webmail closes the idle kept-alive connection: the POST crosses the server's FIN on the
// wire, meets the close before any of its response, and the browser sends it again on a new connection, as
// browsers do, so Bob's reply still reaches Alice and the trace shows both attempts.
import { describe, expect, it } from 'vitest';
import { HTTP_TIMERS } from '../../../src/protocols/http/limits.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { isKind, type TraceEvent } from '../../../src/sim/trace.ts';
import { describe as describeEvent } from '../../../src/ui/i18n/eventText.ts';
import { httpExchangeAt } from '../../../src/ui/lab/inspector/httpExchange.ts';
import { at, mailbox, run, scenario } from '../mail/mailWorld.ts';

const reply = { to: ['alice@crepes.fr'], subject: 'Re: Lunch', body: 'Ketchup, yes.' };

// The webmail-send world with Bob's send moved: he opens the reply form, and sends `after` ms after its page came.
function sendAfterReplyForm(after: number) {
  const world = scenario('webmail-send');
  const opened: Scenario = {
    ...world,
    inputs: [
      ...world.inputs.filter((i) => i.input.type !== 'web.send'),
      at(35_000, { type: 'web.open', host: 'bob-pc', url: '/compose?reply=1' }),
    ],
  };
  const shown = run(opened, 60_000).filter(isKind('web.page')).at(-1);
  if (shown?.outcome !== 'ok' || !shown.target.startsWith('/compose'))
    throw new Error('the reply form did not load');
  const sentAt = shown.t + after;
  const trace = run(
    { ...opened, inputs: [...opened.inputs, at(sentAt, { type: 'web.send', host: 'bob-pc', ...reply })] },
    120_000,
  );
  const sends = trace.filter(isKind('web.fetch')).filter((e) => e.method === 'POST' && e.target === '/send');
  return { trace, sends, sentAt };
}

const clientPosts = (trace: readonly TraceEvent[]) =>
  trace.filter(isKind('app.line')).filter((e) => e.host === 'bob-pc' && 'verb' in e && e.verb === 'POST');

describe('a webmail send that crosses the server closing the idle connection', () => {
  const { trace, sends, sentAt } = sendAfterReplyForm(HTTP_TIMERS.keepAlive);

  it('delivers the reply to Alice', () => {
    expect(mailbox(trace, 'crepes.fr', 'alice')).toHaveLength(1);
    expect(trace.filter(isKind('web.page')).at(-1)).toMatchObject({ action: 'send', outcome: 'ok' });
  });

  it('records the failed attempt on the kept-alive connection, then the resend on a new one', () => {
    const [failed, resent, ...more] = sends;
    expect(failed).toMatchObject({ reused: true, status: null, retry: 'resending' });
    expect(resent).toMatchObject({ reused: false, status: 303, retry: 'resent' });
    expect(resent?.conn).not.toBe(failed?.conn);
    expect(more).toEqual([]);
  });

  it('sends the POST on the old connection before the server’s FIN arrives, and again only after the failure', () => {
    const [first, second, ...more] = clientPosts(trace).filter((e) => e.t >= sentAt);
    const [failed, resent] = sends;
    expect(first?.conn).toBe(failed?.conn);
    expect(second?.conn).toBe(resent?.conn);
    expect(more).toEqual([]);
    const syn = trace
      .filter(isKind('tcp.segment'))
      .find((e) => e.conn === resent?.conn && e.flags.includes('SYN') && !e.flags.includes('ACK'));
    expect(syn?.seq ?? -1).toBeGreaterThan(failed?.seq ?? Infinity);
  });

  it('lists both attempts, each marked, in the inspector’s page of the resent exchange', () => {
    const [, second] = clientPosts(trace).filter((e) => e.t >= sentAt);
    if (second === undefined) throw new Error('no resent POST');
    const posts = httpExchangeAt(trace, second.conn, second.seq)?.page?.fetches.filter(
      (f) => f.method === 'POST',
    );
    expect(posts).toEqual([
      expect.objectContaining({ status: null, retry: 'resending', current: false }),
      expect.objectContaining({ status: 303, retry: 'resent', current: true }),
    ]);
  });

  it('tells the student in English and Korean that the request went again on a new connection', () => {
    const [failed, resent] = sends;
    if (failed === undefined || resent === undefined) throw new Error('no resend');
    expect(describeEvent(failed, 'en')).toContain('sends it again on a new connection');
    expect(describeEvent(failed, 'ko')).toContain('새 연결로 요청을 다시 보냄');
    expect(describeEvent(resent, 'en')).toContain('sent again on a new connection');
    expect(describeEvent(resent, 'ko')).toContain('새 연결로 다시 보냄');
  });
});

describe('a webmail send once the server’s FIN has come', () => {
  const { trace, sends } = sendAfterReplyForm(HTTP_TIMERS.keepAlive + 10);

  it('goes on a new connection at once, sent once, and delivers the reply', () => {
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ reused: false, status: 303 });
    expect(sends[0]).not.toHaveProperty('retry');
    expect(mailbox(trace, 'crepes.fr', 'alice')).toHaveLength(1);
  });
});
