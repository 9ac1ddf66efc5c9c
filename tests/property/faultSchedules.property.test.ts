// CI's share of the random fault schedules (`npm run fuzz -- --schedules 10000` runs the 10,000): over five
// mail domains, every message ends delivered once, bounced to its sender, or still queued with a reason.
import { describe, expect, it } from 'vitest';
import { checkFaultSchedules, fatesProblem, runSchedule } from '../support/fuzz/faultSchedules.ts';
import type { TraceEvent } from '../../src/sim/trace.ts';

// About 1.5 s a schedule on a loaded CI machine; 20 keep the file near half a minute.
const CI_SCHEDULES = 20;

describe('random fault schedules over five mail domains', () => {
  it(
    'leave every message delivered exactly once, bounced to its sender or queued with a reason',
    { timeout: 240_000 },
    () => {
      expect(() => checkFaultSchedules(CI_SCHEDULES)).not.toThrow();
    },
  );

  it('allow a second copy where the reply to the final "." was lost', () => {
    const trace = runSchedule({
      messages: [{ at: 0, to: ['dan@sushi.jp'] }],
      outages: [],
      forced: [],
      lost: [{ host: 'sushi.jp', at: 0, count: 1 }],
      until: 12 * 3_600_000,
      seed: 1,
    });
    expect(trace.filter((e) => e.kind === 'mailbox.stored' && e.user === 'dan')).toHaveLength(2);
    expect(fatesProblem(trace)).toBeNull();
  });

  it('finds a duplicate that no lost reply explains', () => {
    const trace = runSchedule({
      messages: [{ at: 0, to: ['dan@sushi.jp'] }],
      outages: [],
      forced: [],
      lost: [],
      until: 12 * 3_600_000,
      seed: 1,
    });
    const stored = trace.find((e) => e.kind === 'mailbox.stored' && e.user === 'dan') as TraceEvent;
    expect(fatesProblem([...trace, { ...stored, seq: trace.length }])).toMatch(/^duplicate /);
  });

  it('finds a message delivered twice, and one that left the queue without a fate', () => {
    const trace = runSchedule({
      messages: [{ at: 0, to: ['eve@tacos.mx'] }],
      outages: [],
      forced: [],
      lost: [],
      until: 12 * 3_600_000,
      seed: 1,
    });
    const delivered = trace.find((e) => e.kind === 'queue.delivered') as TraceEvent;
    expect(fatesProblem([...trace, delivered])).toMatch(/ended 2 times/);
    expect(fatesProblem(trace.filter((e) => e !== delivered))).toMatch(/left the queue without a fate/);
  });
});
