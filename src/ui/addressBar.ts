// The page's address as the lab keeps it up to date (the world, the cursor, the lesson step): every rewrite goes
// through here, because browsers refuse history.replaceState called too often while a student steps or scrubs.

/**
 * MIN_GAP_MS is the least time between two writes. Safari allows 100 calls in 30 s and then throws a
 * SecurityError; Firefox throws after 200 in 10 s; Chromium silently drops them past 200 in 10 s. One write per
 * 400 ms (75 in 30 s) stays under all three.
 */
export const MIN_GAP_MS = 400;

/** AddressHost is what an AddressBar needs of the page: its clock, its timers, and the address itself. */
export interface AddressHost {
  now(): number;
  later(run: () => void, ms: number): void;
  /** read gives the address as `?query#fragment`; write replaces it without a new history entry. */
  read(): string;
  write(address: string): void;
}

/**
 * AddressBar writes at once when the last write is MIN_GAP_MS old, and otherwise keeps only the newest address
 * and writes it when the gap is over, so the address always ends on the last thing the lab said.
 */
export class AddressBar {
  readonly #host: AddressHost;
  #pending: string | null = null;
  #lastWrite = -Infinity;
  #waiting = false;

  constructor(host: AddressHost) {
    this.#host = host;
  }

  /** current is the address as the lab last set it, written or still waiting: edits start from it, not the page's. */
  get current(): string {
    return this.#pending ?? this.#host.read();
  }

  replace(address: string): void {
    this.#pending = address;
    if (this.#waiting) return;
    const wait = this.#lastWrite + MIN_GAP_MS - this.#host.now();
    if (wait <= 0) this.flush();
    else {
      this.#waiting = true;
      this.#host.later(() => {
        this.#waiting = false;
        this.flush();
      }, wait);
    }
  }

  /** flush writes the waiting address now (the page is being hidden, or its gap is over). */
  flush(): void {
    const address = this.#pending;
    if (address === null) return;
    this.#pending = null;
    this.#lastWrite = this.#host.now();
    try {
      this.#host.write(address);
    } catch (error) {
      // A browser stricter still refuses with a SecurityError: the address waits for the next gap, not lost.
      if (!(error instanceof DOMException && error.name === 'SecurityError')) throw error;
      this.replace(address);
    }
  }
}

/** addressBar is the page's own; it writes what is still waiting before the page is hidden or left. */
export const addressBar = new AddressBar({
  now: () => performance.now(),
  later: (run, ms) => setTimeout(run, ms),
  read: () => `${location.search}${location.hash}`,
  write: (address) => history.replaceState(null, '', address),
});

if (typeof addEventListener === 'function') addEventListener('pagehide', () => addressBar.flush());
