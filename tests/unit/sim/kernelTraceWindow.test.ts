// A kernel with a trace window keeps only its newest events, so a world that runs without end (the bridge's)
// holds bounded memory, while sequence numbers keep counting every event ever emitted.
import { describe, expect, it } from 'vitest';
import { eventOctets, Kernel } from '../../../src/sim/kernel.ts';

function emitLines(kernel: Kernel, count: number, length = 100): void {
  for (let i = 0; i < count; i++)
    kernel.emit({
      kind: 'app.line',
      conn: 'c1',
      host: 'h',
      protocol: 'smtp',
      from: 'client',
      line: String(i).padEnd(length, 'x'),
      content: 'data',
    });
}

function keptOctets(kernel: Kernel): number {
  return kernel.trace.slice().reduce((sum, e) => sum + eventOctets(e), 0);
}

describe('a kernel with a trace window', () => {
  it('keeps no more than twice the window, however many events come', () => {
    const kernel = new Kernel(1, { traceWindow: 10_000 });
    emitLines(kernel, 5_000);
    expect(kernel.emitted).toBe(5_000);
    expect(keptOctets(kernel)).toBeLessThan(20_000);
    expect(kernel.trace.length).toBeLessThan(5_000);
  });

  it('keeps the newest events, numbered by every event ever emitted', () => {
    const kernel = new Kernel(1, { traceWindow: 10_000 });
    emitLines(kernel, 1_000);
    const last = kernel.trace.at(-1);
    expect(last?.seq).toBe(999);
    const seqs = kernel.trace.slice().map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] as number) + i));
  });

  it('keeps an event larger than the window, as the newest', () => {
    const kernel = new Kernel(1, { traceWindow: 1_000 });
    emitLines(kernel, 3, 5_000);
    expect(kernel.trace.slice().map((e) => e.seq)).toEqual([2]);
  });

  it('gives the kept events since a sequence number, and none that were dropped', () => {
    const kernel = new Kernel(1, { traceWindow: 10_000 });
    emitLines(kernel, 1_000);
    expect(kernel.since(998).map((e) => e.seq)).toEqual([998, 999]);
    expect(kernel.since(0)[0]?.seq).toBe(kernel.trace.at(0)?.seq);
    expect(kernel.since(1_000)).toEqual([]);
  });

  it('keeps every event without a window, as replay needs', () => {
    const kernel = new Kernel(1);
    emitLines(kernel, 5_000);
    expect(kernel.trace).toHaveLength(5_000);
  });

  it('refuses a window below one octet', () => {
    expect(() => new Kernel(1, { traceWindow: 0 })).toThrow(/traceWindow/);
  });
});
