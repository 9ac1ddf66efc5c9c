// The lab rewrites its address on every step of the cursor; browsers refuse history.replaceState called that often
// (Safari throws after 100 calls in 30 s), so the address bar writes at most once a gap and always ends on the last.
import { describe, expect, it } from 'vitest';
import { AddressBar, MIN_GAP_MS, type AddressHost } from '../../../src/ui/addressBar.ts';

/** page is a fake page: a clock moved by hand, timers run when it passes them, and the writes it was asked for. */
function page(start = '?scenario=textbook') {
  let now = 1000;
  let address = start;
  const writes: { at: number; address: string }[] = [];
  const timers: { at: number; run: () => void }[] = [];
  let refuse: ((address: string) => Error | null) | null = null;
  const host: AddressHost = {
    now: () => now,
    later: (run, ms) => void timers.push({ at: now + ms, run }),
    read: () => address,
    write: (next) => {
      const refusal = refuse?.(next) ?? null;
      if (refusal) throw refusal;
      address = next;
      writes.push({ at: now, address: next });
    },
  };
  return {
    bar: new AddressBar(host),
    writes,
    address: () => address,
    refuseWith: (rule: typeof refuse) => (refuse = rule),
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const due = timers[0];
        if (due === undefined || due.at > until) break;
        timers.shift();
        now = due.at;
        due.run();
      }
      now = until;
    },
  };
}

describe('the address bar', () => {
  it('writes a change at once when nothing was written for a gap', () => {
    const p = page();
    p.bar.replace('?scenario=textbook&at=5');
    expect(p.address()).toBe('?scenario=textbook&at=5');
    p.advance(MIN_GAP_MS);
    p.bar.replace('?scenario=textbook&at=6');
    expect(p.writes.map((w) => w.address)).toEqual(['?scenario=textbook&at=5', '?scenario=textbook&at=6']);
  });

  it('writes at most once a gap however fast the cursor moves, and ends on the last place', () => {
    const p = page();
    // A key held down: 30 steps a second for ten seconds.
    for (let step = 1; step <= 300; step++) {
      p.bar.replace(`?scenario=textbook&at=${step}`);
      p.advance(33);
    }
    p.advance(MIN_GAP_MS);
    expect(p.address()).toBe('?scenario=textbook&at=300');
    const gaps = p.writes.slice(1).map((w, i) => w.at - (p.writes[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(MIN_GAP_MS);
    // Safari's limit: no more than 100 writes in any 30 s.
    expect(p.writes.length).toBeLessThanOrEqual(100 * (10_000 / 30_000) + 1);
  });

  it('starts an edit from the address still waiting to be written, so a quick second change keeps the first', () => {
    const p = page();
    p.bar.replace('?scenario=textbook&at=1');
    p.bar.replace('?scenario=textbook&at=2');
    expect(p.address()).toBe('?scenario=textbook&at=1');
    expect(p.bar.current).toBe('?scenario=textbook&at=2');
    p.bar.replace(`${p.bar.current}&lang=ko`);
    p.advance(MIN_GAP_MS);
    expect(p.address()).toBe('?scenario=textbook&at=2&lang=ko');
  });

  it('writes what is waiting when asked to flush, as the page is hidden', () => {
    const p = page();
    p.bar.replace('?a=1');
    p.bar.replace('?a=2');
    p.bar.flush();
    expect(p.address()).toBe('?a=2');
    p.advance(MIN_GAP_MS);
    expect(p.writes.map((w) => w.address)).toEqual(['?a=1', '?a=2']);
  });

  it('keeps an address a browser refused for the next gap instead of losing it', () => {
    const p = page();
    p.refuseWith(() => new DOMException('too many calls', 'SecurityError'));
    p.bar.replace('?a=1');
    expect(p.address()).toBe('?scenario=textbook');
    expect(p.bar.current).toBe('?a=1');
    p.refuseWith(null);
    p.advance(MIN_GAP_MS);
    expect(p.address()).toBe('?a=1');
  });

  it('lets any other failure of a write through', () => {
    const p = page();
    p.refuseWith(() => new TypeError('not an address'));
    expect(() => p.bar.replace('?a=1')).toThrow(TypeError);
  });
});
