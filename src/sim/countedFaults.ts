// The bookkeeping every "answer this with an error, every n-th time" fault shares, whatever the protocol: the
// faults in force, how often each has matched, and which one is due now.

/** CountedFault is a fault that applies every `every`-th time a request matches it (1: every time). */
export interface CountedFault {
  readonly every: number;
}

/** CountedFaults holds a service's counted faults for as long as the service lives. */
export class CountedFaults<F extends CountedFault> {
  #faults: { fault: F; seen: number }[] = [];

  /** add puts a fault in force until `clear`, or until the function it returns is called. */
  add(fault: F): () => void {
    const entry = { fault, seen: 0 };
    this.#faults.push(entry);
    return () => {
      this.#faults = this.#faults.filter((e) => e !== entry);
    };
  }

  /** entries is the faults in force and how often each has matched, as data, for a checkpoint. */
  entries(): { fault: F; seen: number }[] {
    return this.#faults.map(({ fault, seen }) => ({ fault, seen }));
  }

  /** load puts back what `entries` gave (a lasting fault's own remover is not kept; see World.checkpoint). */
  load(entries: readonly { fault: F; seen: number }[]): void {
    this.#faults = entries.map(({ fault, seen }) => ({ fault, seen }));
  }

  /** clear ends every fault: the service answers on its merits again. */
  clear(): void {
    this.#faults = [];
  }

  /**
   * due goes through the faults that `matches`, in the order they were added, counting one more match for each,
   * and returns the first whose count reaches a multiple of its `every`; the faults after it are not asked, so
   * one request meets one fault. Null when none is due.
   */
  due(matches: (fault: F) => boolean): F | null {
    for (const entry of this.#faults) {
      if (!matches(entry.fault)) continue;
      entry.seen += 1;
      if (entry.seen % entry.fault.every === 0) return entry.fault;
    }
    return null;
  }
}
