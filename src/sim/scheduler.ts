// The kernel's agenda: callbacks ordered by virtual time, so a run is a deterministic sequence of steps.
// Ties break by lane (inputs before the world's own events) and then by insertion order. A callback may carry a
// tag saying, as data, what it will do, so a checkpoint can list what is pending and a restored world arm it again.
import type { TimerTag } from './timerTag.ts';

/** TimerId names a scheduled callback so that it can be cancelled. */
export type TimerId = number;

/** Lane orders callbacks that fall on the same millisecond: a person's input runs before the world reacts. */
export type Lane = 'input' | 'world';

interface Entry {
  readonly at: number;
  readonly lane: number;
  readonly order: number;
  readonly id: TimerId;
  readonly run: () => void;
  readonly tag: TimerTag | null;
}

/** PendingTimer is a waiting callback as data: when, in which lane, and what its tag says it will do. */
export interface PendingTimer {
  readonly at: number;
  readonly lane: Lane;
  readonly tag: TimerTag;
}

const laneRank: Record<Lane, number> = { input: 0, world: 1 };

function before(a: Entry, b: Entry): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.lane !== b.lane) return a.lane < b.lane;
  return a.order < b.order;
}

/**
 * Scheduler keeps a binary heap of callbacks. Cancelled entries stay in the heap and are skipped when they
 * surface, which keeps cancel O(1); the heap is compacted when they come to outnumber live entries.
 */
export class Scheduler {
  #heap: Entry[] = [];
  /** #live maps each waiting callback to whether it has a tag, so untagged ones are counted without a search. */
  #live = new Map<TimerId, boolean>();
  #untagged = 0;
  #nextOrder = 0;

  /** size is the number of live (not cancelled) callbacks waiting. */
  get size(): number {
    return this.#live.size;
  }

  /** untagged is the number of waiting callbacks without a tag: while it is not 0, no checkpoint can be taken. */
  get untagged(): number {
    return this.#untagged;
  }

  /**
   * add schedules `run` at virtual time `at`; callbacks at equal times run by lane, then in the order added. A
   * `tag` says what `run` does, as data (see PendingTimer).
   */
  add(at: number, run: () => void, lane: Lane = 'world', tag: TimerTag | null = null): TimerId {
    if (!Number.isFinite(at)) throw new RangeError(`Scheduler.add: time must be finite, got ${at}`);
    const id = this.#nextOrder++;
    this.#live.set(id, tag !== null);
    if (tag === null) this.#untagged += 1;
    this.#push({ at, lane: laneRank[lane], order: id, id, run, tag });
    return id;
  }

  /**
   * pending lists the waiting callbacks in the order they were added (which, with time and lane, is the order
   * they run in), or returns null when one of them has no tag.
   */
  pending(): PendingTimer[] | null {
    if (this.#untagged > 0) return null;
    return this.#heap
      .filter((e) => this.#live.has(e.id))
      .sort((a, b) => a.order - b.order)
      .map((e) => ({ at: e.at, lane: e.lane === 0 ? 'input' : 'world', tag: e.tag as TimerTag }));
  }

  /** cancel forgets a callback that has not run yet; cancelling one that ran or never existed does nothing. */
  cancel(id: TimerId): void {
    this.#forget(id);
    if (this.#heap.length > 64 && this.#heap.length > 2 * this.#live.size) this.#compact();
  }

  /** peekTime is the time of the next live callback, or undefined when nothing waits. */
  peekTime(): number | undefined {
    this.#dropCancelled();
    return this.#heap[0]?.at;
  }

  /** pop removes and returns the next live callback with its time. */
  pop(): { at: number; run: () => void } | undefined {
    this.#dropCancelled();
    const top = this.#heap[0];
    if (!top) return undefined;
    const last = this.#heap.pop() as Entry;
    if (this.#heap.length > 0) {
      this.#heap[0] = last;
      this.#siftDown(0);
    }
    this.#forget(top.id);
    return { at: top.at, run: top.run };
  }

  #forget(id: TimerId): void {
    const tagged = this.#live.get(id);
    if (tagged === undefined) return;
    this.#live.delete(id);
    if (!tagged) this.#untagged -= 1;
  }

  #dropCancelled(): void {
    while (this.#heap.length > 0 && !this.#live.has((this.#heap[0] as Entry).id)) {
      const last = this.#heap.pop() as Entry;
      if (this.#heap.length > 0) {
        this.#heap[0] = last;
        this.#siftDown(0);
      }
    }
  }

  #compact(): void {
    const live = this.#heap.filter((e) => this.#live.has(e.id));
    this.#heap = [];
    for (const e of live) this.#push(e);
  }

  #push(e: Entry): void {
    const h = this.#heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i] as Entry, h[p] as Entry)) break;
      [h[i], h[p]] = [h[p] as Entry, h[i] as Entry];
      i = p;
    }
  }

  #siftDown(i: number): void {
    const h = this.#heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l] as Entry, h[m] as Entry)) m = l;
      if (r < h.length && before(h[r] as Entry, h[m] as Entry)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m] as Entry, h[i] as Entry];
      i = m;
    }
  }
}
