// Marks across zoom steps: a step gives every mark new coordinates but, mostly, the same meaning. Each mark keeps
// one object for what it says (its face) and for which of its parts show (its look) from step to step, so that
// Svelte redraws a mark only when those change, and a step costs the coordinates alone (markPlacement.ts).

/** GEOMETRY names the fields of a timeline shape that a zoom step moves; every other field is what it says. */
const GEOMETRY: ReadonlySet<string> = new Set(['x', 'y', 'x0', 'x1', 'xData', 'y0', 'y1']);

/** Steady is one mark of this step: its lasting `face` (read it for words and looks) and `at`, its coordinates. */
export interface Steady<T> {
  readonly face: T;
  readonly at: T;
}

/** sameApartFromGeometry tells whether two shapes say the same thing, wherever they are drawn. */
export function sameApartFromGeometry<T extends object>(a: T, b: T): boolean {
  for (const key in a)
    if (!GEOMETRY.has(key) && (a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key])
      return false;
  return true;
}

/**
 * SteadyMarks remembers each mark's face, by key, from the step before. Give `step` every layout's marks in
 * turn; a mark that says what its key said before gets that face back, any other becomes a face itself.
 */
export class SteadyMarks<T extends object> {
  readonly #key: (mark: T) => string | number;
  #faces = new Map<string | number, T>();

  constructor(key: (mark: T) => string | number) {
    this.#key = key;
  }

  /** step pairs each mark with its face; faces of keys that are gone are forgotten. */
  step(marks: readonly T[]): Steady<T>[] {
    const faces = new Map<string | number, T>();
    const steady = marks.map((at) => {
      const key = this.#key(at);
      const before = this.#faces.get(key);
      const face = before !== undefined && sameApartFromGeometry(before, at) ? before : at;
      faces.set(key, face);
      return { face, at };
    });
    this.#faces = faces;
    return steady;
  }
}

/**
 * SteadyLooks hands back, by key, the look object of the step before while `same` says it still holds, so that a
 * keyed `{#each}` over looks sees nothing new on a step that only moved its marks.
 */
export class SteadyLooks<T extends object> {
  readonly #key: (look: T) => string | number;
  readonly #same: (before: T, now: T) => boolean;
  #looks = new Map<string | number, T>();

  constructor(key: (look: T) => string | number, same: (before: T, now: T) => boolean) {
    this.#key = key;
    this.#same = same;
  }

  /** step gives each look back as the object of the step before when it is the same; others replace theirs. */
  step(looks: readonly T[]): T[] {
    const kept = new Map<string | number, T>();
    const out = looks.map((now) => {
      const key = this.#key(now);
      const before = this.#looks.get(key);
      const look = before !== undefined && this.#same(before, now) ? before : now;
      kept.set(key, look);
      return look;
    });
    this.#looks = kept;
    return out;
  }
}
