// The one source of randomness below the UI: a small seeded generator (xoshiro128**), so a seed fixes a run.

/** Rng draws reproducible numbers from a 32-bit seed; the same seed always gives the same sequence. */
export class Rng {
  #s: Uint32Array;

  /** state is the generator's 128 bits, to start another generator where this one is (see Rng.resumed). */
  state(): readonly number[] {
    return [...this.#s];
  }

  /** resumed is a generator that goes on from `state`, as the one that gave it would. */
  static resumed(state: readonly number[]): Rng {
    const rng = new Rng(0);
    rng.#s = Uint32Array.from(state);
    return rng;
  }

  constructor(seed: number) {
    // splitmix32 spreads a small seed over the 128-bit state, which must not be all zeros.
    this.#s = new Uint32Array(4);
    let x = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.#s[i] = (z ^ (z >>> 16)) >>> 0;
    }
  }

  /** uint32 returns the next unsigned 32-bit integer. */
  uint32(): number {
    const s = this.#s;
    const result = Math.imul(rotl(Math.imul(s[1] as number, 5), 7), 9) >>> 0;
    const t = ((s[1] as number) << 9) >>> 0;
    s[2] = (s[2] as number) ^ (s[0] as number);
    s[3] = (s[3] as number) ^ (s[1] as number);
    s[1] = (s[1] as number) ^ (s[2] as number);
    s[0] = (s[0] as number) ^ (s[3] as number);
    s[2] = (s[2] as number) ^ t;
    s[3] = rotl(s[3] as number, 11);
    return result;
  }

  /** float returns a number in [0, 1). */
  float(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  /** int returns an integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** chance is true with probability p. */
  chance(p: number): boolean {
    return p > 0 && this.float() < p;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
