// A list that is cheap to copy: its items sit in fixed-size chunks, a copy shares every chunk, and whichever copy
// writes to a shared chunk copies that chunk first. worldView keeps its checkpoints of a growing world this way,
// so a hundred checkpoints of thousands of connections cost little more than one.

const CHUNK = 64;

/** SharedList is an append-and-replace list whose `copy()` is O(length / 64) and never sees later writes. */
export class SharedList<T> {
  #chunks: T[][];
  /** #owned[i] is true when chunk i belongs to this list alone, so it may be written in place. */
  #owned: boolean[];
  #length: number;

  constructor(chunks: T[][] = [], length = 0) {
    this.#chunks = chunks;
    this.#owned = chunks.map(() => false);
    this.#length = length;
  }

  get length(): number {
    return this.#length;
  }

  get(i: number): T | undefined {
    if (i < 0 || i >= this.#length) return undefined;
    return (this.#chunks[i >>> 6] as T[])[i & (CHUNK - 1)];
  }

  /** set replaces item i (which must exist). */
  set(i: number, item: T): void {
    if (i < 0 || i >= this.#length) throw new RangeError(`no item ${i} in a list of ${this.#length}`);
    this.#own(i >>> 6)[i & (CHUNK - 1)] = item;
  }

  push(item: T): void {
    const c = this.#length >>> 6;
    if (c === this.#chunks.length) {
      this.#chunks.push([item]);
      this.#owned.push(true);
    } else this.#own(c).push(item);
    this.#length += 1;
  }

  /** copy returns a list with the same items; from now on each writes to its own copies of the chunks it changes. */
  copy(): SharedList<T> {
    // This list gives up ownership too: its chunks are now the copy's as much as its own.
    this.#owned.fill(false);
    return new SharedList(this.#chunks.slice(), this.#length);
  }

  toArray(): T[] {
    const items = new Array<T>(this.#length);
    for (let i = 0; i < this.#length; i++) items[i] = (this.#chunks[i >>> 6] as T[])[i & (CHUNK - 1)] as T;
    return items;
  }

  #own(c: number): T[] {
    if (this.#owned[c]) return this.#chunks[c] as T[];
    const chunk = (this.#chunks[c] as T[]).slice();
    this.#chunks[c] = chunk;
    this.#owned[c] = true;
    return chunk;
  }
}
