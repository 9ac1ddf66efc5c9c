import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/sim/session.ts';
import { isKind } from '../../../src/sim/trace.ts';
import { queueStory, run, scenario } from './mailWorld.ts';

const MIN = 60_000;

describe('a server going down in the middle of a session', () => {
  function session(mode: 'crash' | 'shutdown') {
    const world = { ...scenario('textbook'), inputs: [] };
    const s = new Session(world, [
      { at: 0, input: { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 } },
      { at: 1000, input: { type: 'terminal.type', host: 'alice-pc', text: 'HELO crepes.fr' } },
      { at: 2000, input: { type: 'fault', fault: { type: 'host.down', host: 'hamburger.edu', mode } } },
    ]);
    s.runUntil(30 * MIN);
    return s.events.filter(isKind('terminal.line')).map((e) => e.text);
  }

  it('says 421 first when it is shut down in an orderly way', () => {
    const screen = session('shutdown');
    expect(screen).toContain('421 hamburger.edu Service not available, closing transmission channel');
  });

  it('simply vanishes when it crashes, and the client learns only from its own timeout', () => {
    const screen = session('crash');
    expect(screen.some((line) => line.startsWith('421'))).toBe(false);
  });
});

describe('a server answering a chosen code', () => {
  it('turns a 450 at RCPT into a deferral, and delivers once the teacher stops it', () => {
    const world = {
      ...scenario('textbook'),
      faults: [
        {
          at: 0,
          fault: { type: 'smtp.reply' as const, host: 'hamburger.edu', stage: 'rcpt' as const, code: 450 },
        },
        { at: 40 * MIN, fault: { type: 'smtp.normal' as const, host: 'hamburger.edu' } },
      ],
    };
    const trace = run(world, 2 * 3_600_000);
    expect(queueStory(trace)).toEqual([
      '1.135 enqueued bob@hamburger.edu',
      '1.135 attempt 1 hamburger.edu',
      '1.735 deferred bob@hamburger.edu until 1801.135',
      '1801.135 attempt 2 hamburger.edu',
      '1801.615 deferred bob@hamburger.edu until 3601.135',
      '3601.135 attempt 3 hamburger.edu',
      '3601.775 delivered bob@hamburger.edu',
      '3601.775 removed',
    ]);
    const reason = trace.find(isKind('queue.deferred'))?.reason;
    expect(reason).toMatch(/said: 450 .* \(in reply to RCPT TO command\)$/);
  });

  it('bounces at once on a 552 after DATA, the mailbox-full case', () => {
    const world = {
      ...scenario('textbook'),
      faults: [
        {
          at: 0,
          fault: {
            type: 'smtp.reply' as const,
            host: 'hamburger.edu',
            stage: 'data-end' as const,
            code: 552,
          },
        },
      ],
    };
    const story = queueStory(run(world));
    expect(story.filter((line) => line.includes('bounced'))).toEqual([
      '1.895 bounced bob@hamburger.edu 5.0.0',
    ]);
  });
});

describe('the Postfix-like backoff policy in a world', () => {
  it('waits at least 300 s, then as long as the message is old, so the gaps double', () => {
    const base = scenario('outage');
    const world = {
      ...base,
      hosts: base.hosts.map((h) =>
        h.id === 'crepes.fr' && h.mail
          ? {
              ...h,
              mail: {
                ...h.mail,
                retry: {
                  policy: 'backoff' as const,
                  min: 300_000,
                  max: 4_000_000,
                  warnAfter: 4 * 3_600_000,
                  giveUpAfter: 5 * 86_400_000,
                },
              },
            }
          : h,
      ),
    };
    const attempts = run(world, 3 * 3_600_000)
      .filter(isKind('queue.attempt'))
      .map((e) => e.t);
    const gaps = attempts.slice(1).map((t, i) => Math.round((t - (attempts[i] as number)) / 1000));
    // Each gap is the message's age when the failed attempt started, at least 300 s; the 31 s a connection to a
    // dead host takes to time out is not added, since the wait counts from the attempt's start.
    expect(gaps.slice(0, 5)).toEqual([300, 300, 600, 1200, 2400]);
  });
});
