import { describe, expect, it } from 'vitest';
import { endedAt, faultPhase, faultSpans, faultTarget, withLinkSetting } from '../../../src/sim/faultLife.ts';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import type { Fault, TimedInput } from '../../../src/sim/input.ts';
import { parseTimedInputs } from '../../../src/sim/scenario.ts';

const H = 3_600_000;
const fault = (at: number, f: Fault): TimedInput => ({ at, input: { type: 'fault', fault: f } });
const loss = (at: number, value: number, extra: { for?: number } = {}) =>
  fault(at, { type: 'link.set', link: 'l1', latency: 20, jitter: 0, loss: value, ...extra }) as TimedInput & {
    input: { type: 'fault'; fault: Extract<Fault, { type: 'link.set' }> };
  };
const BASELINE = { latency: 20, jitter: 0, loss: 0 };

describe('a fault’s life in the input log', () => {
  it('lasts its own duration when it has one: down for 2 h is over at 2 h', () => {
    const [span] = faultSpans([fault(1000, { type: 'host.down', host: 'b', for: 2 * H })]);
    expect(span).toMatchObject({ from: 1000, to: 1000 + 2 * H, endedBy: 'time' });
    expect(span && faultPhase(span, 500)).toBe('upcoming');
    expect(span && faultPhase(span, 1000 + H)).toBe('on');
    expect(span && faultPhase(span, 1000 + 2 * H)).toBe('over');
  });

  it('lasts until a later input undoes it, and not past its own end', () => {
    const spans = faultSpans([
      fault(0, { type: 'host.down', host: 'b' }),
      fault(H, { type: 'host.up', host: 'b' }),
      fault(2 * H, { type: 'link.down', link: 'l1', for: H }),
      fault(5 * H, { type: 'link.up', link: 'l1' }),
    ]);
    expect(spans.map((s) => [s.from, s.to, s.endedBy])).toEqual([
      [0, H, 'input'],
      [H, H, 'once'],
      [2 * H, 3 * H, 'time'],
      [5 * H, 5 * H, 'once'],
    ]);
  });

  it('is not undone by bringing up another host', () => {
    const [span] = faultSpans([
      fault(0, { type: 'host.down', host: 'b' }),
      fault(H, { type: 'host.up', host: 'a' }),
    ]);
    expect(span).toMatchObject({ to: null, endedBy: null });
    expect(span && faultPhase(span, 10 * H)).toBe('on');
  });

  it('names what a fault acts on, so a later one on the same thing can take over', () => {
    expect(faultTarget({ type: 'host.down', host: 'b' })).toBe(faultTarget({ type: 'host.up', host: 'b' }));
    expect(faultTarget({ type: 'link.set', link: 'l1' })).not.toBe(
      faultTarget({ type: 'link.down', link: 'l1' }),
    );
    expect(faultTarget({ type: 'smtp.reply', host: 'b', stage: 'rcpt', code: 550 })).toBeNull();
  });

  it('ends a lasting fault at a chosen moment, and has nothing to end before it began', () => {
    const down = fault(H, { type: 'host.down', host: 'b' });
    expect(endedAt(down, 3 * H)).toEqual(fault(H, { type: 'host.down', host: 'b', for: 2 * H }));
    expect(endedAt(down, H)).toBeNull();
    expect(endedAt(fault(0, { type: 'queue.flush', host: 'b' }), H)).toBeNull();
  });
});

describe('a new link setting takes over from the earlier one', () => {
  it('ends the earlier setting where the new one begins instead of stacking a second', () => {
    const log = withLinkSetting([loss(1000, 0.3)], loss(61_000, 0.5), BASELINE);
    expect(log).toEqual([loss(1000, 0.3, { for: 60_000 }), loss(61_000, 0.5)]);
  });

  it('adds nothing when the setting is the scenario’s own: loss back to 0% just ends the 30%', () => {
    const log = withLinkSetting([loss(1000, 0.3)], loss(61_000, 0), BASELINE);
    expect(log).toEqual([loss(1000, 0.3, { for: 60_000 })]);
    expect(faultSpans(log)).toHaveLength(1);
  });

  it('replaces a setting made at the same moment', () => {
    expect(withLinkSetting([loss(1000, 0.3)], loss(1000, 0.1), BASELINE)).toEqual([loss(1000, 0.1)]);
  });

  it('leaves a setting that is already over, and other links, as they were', () => {
    const other = fault(0, { type: 'link.set', link: 'l2', loss: 0.2 });
    const over = loss(0, 0.3, { for: 1000 });
    expect(withLinkSetting([other, over], loss(5000, 0.5), BASELINE)).toEqual([other, over, loss(5000, 0.5)]);
  });
});

describe('a fault’s duration as a scenario or a link writes it', () => {
  const textbook = builtinScenario('textbook');
  if (textbook === undefined) throw new Error('the textbook scenario is built in');
  const down = (lasting: unknown) => [
    { at: 0, input: { type: 'fault', fault: { type: 'host.down', host: 'hamburger.edu', for: lasting } } },
  ];

  it('reads “2h” as two hours', () => {
    const parsed = parseTimedInputs(down('2h'), textbook);
    expect(parsed.ok && parsed.inputs[0]?.input).toMatchObject({ fault: { for: 2 * H } });
  });

  it('refuses a duration of nothing, and a duration on a fault that acts once', () => {
    expect(parseTimedInputs(down(0), textbook).ok).toBe(false);
    const flush = [
      { at: 0, input: { type: 'fault', fault: { type: 'queue.flush', host: 'crepes.fr', for: '1h' } } },
    ];
    expect(parseTimedInputs(flush, textbook).ok).toBe(false);
  });
});
