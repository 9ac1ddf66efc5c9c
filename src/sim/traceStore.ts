// The trace kept as columns (issue 12's compact trace): per event a time, a shape and a few Int32 cells, with every
// string and nested value kept once in tables; an event object is built only when a reader asks for it.
import type { Trace, TraceEvent } from './trace.ts';

// How a field's value is kept. Numbers that fit 32 bits sit in the cell itself (a uint32 such as a TCP sequence
// number as its bit pattern), any other number in the float pool; strings and nested values are table indexes;
// the constants take no cell at all.
const Cell = {
  Kind: 0,
  Int: 1,
  Uint: 2,
  Float: 3,
  Text: 4,
  Value: 5,
  True: 6,
  False: 7,
  Null: 8,
  Undefined: 9,
} as const;
type Cell = (typeof Cell)[keyof typeof Cell];
const CELL_KINDS = 10;

/**
 * Shape is one combination of kind, keys in their emitted order and how each value is kept: the events of one
 * emitter share a few. `next` leads on to the shapes one field longer, so finding an event's shape walks its fields
 * with a map lookup each and builds no key string. Shapes describe and never change, so every store (a replay
 * makes a new one) shares them, numbered in `shapes`.
 */
class Shape {
  readonly next = new Map<string, (Shape | undefined)[]>();
  /** id is the shape's number in `shapes`, −1 until an event of this shape is kept. */
  id = -1;
  constructor(
    readonly kind: string,
    readonly keys: readonly string[],
    readonly cells: readonly Cell[],
  ) {}

  // The last step taken from this shape: events of one kind mostly come in one shape, so the next event takes the
  // same step and finds it here without a lookup in `next`.
  #lastKey: string | undefined = undefined;
  #lastCell: Cell | undefined = undefined;
  #lastShape: Shape | undefined = undefined;

  with(key: string, cell: Cell): Shape {
    if (key === this.#lastKey && cell === this.#lastCell) return this.#lastShape as Shape;
    let byCell = this.next.get(key);
    if (byCell === undefined) this.next.set(key, (byCell = new Array<Shape | undefined>(CELL_KINDS)));
    const shape = (byCell[cell] ??= new Shape(this.kind, [...this.keys, key], [...this.cells, cell]));
    this.#lastKey = key;
    this.#lastCell = cell;
    this.#lastShape = shape;
    return shape;
  }
}

const shapes: Shape[] = [];
const roots = new Map<string, Shape>();

function shapeId(shape: Shape): number {
  if (shape.id === -1) {
    if (shapes.length > 0xffff) throw new RangeError('TraceStore: more than 65,536 shapes of event');
    shape.id = shapes.push(shape) - 1;
  }
  return shape.id;
}

// Texts longer than this (a message, a segment full of body) are rarely equal and cost most to hash: each is
// kept as it comes. Shorter ones (lines, replies, names, state names) recur across thousands of events.
const INTERNED_LENGTH = 256;

// A typed array that doubles as it fills.
type Column = Float64Array | Int32Array | Uint32Array | Uint16Array;

function grown<C extends Column>(column: C, make: (length: number) => C): C {
  const bigger = make(column.length * 2);
  bigger.set(column);
  return bigger;
}

/**
 * TraceStore is the kernel's trace: `append` takes an event apart into the columns, `at`, iteration and `slice`
 * build fresh objects from them (the same JSON, keys in the same order, as the event appended). Nested values
 * (flags, paths, endpoints, an input, DNS records) are deep-frozen copies shared by every event equal in them, so
 * no reader can change what another event shows, nor an emitter change an event it has handed over.
 */
export class TraceStore implements Trace {
  /** firstSeq is the `seq` of the first event kept; the others follow one by one. */
  readonly firstSeq: number;
  #length = 0;
  #t = new Float64Array(1024);
  #shape = new Uint16Array(1024);
  #start = new Uint32Array(1024);
  #cells = new Int32Array(4096);
  #cellCount = 0;
  #floats = new Float64Array(64);
  #floatCount = 0;
  readonly #texts: string[] = [];
  readonly #textIds = new Map<string, number>();
  readonly #values: unknown[] = [];
  readonly #valueIds = new Map<string, number>();
  // A frozen object (emitters freeze what many events share: flags, a path, a pair of endpoints) cannot change,
  // so its JSON need not be taken again when the same object comes back.
  readonly #frozenIds = new WeakMap<object, number>();

  constructor(firstSeq = 0) {
    this.firstSeq = firstSeq;
  }

  get length(): number {
    return this.#length;
  }

  /** append keeps `event` (stamped `t` and `seq`: the time given and the next number after the last kept). */
  append(event: object, t: number): void {
    const fields = event as Record<string, unknown>;
    const kind = fields.kind as string;
    let shape = roots.get(kind);
    if (shape === undefined) roots.set(kind, (shape = new Shape(kind, [], [])));
    const start = this.#cellCount;
    for (const key in fields) {
      if (key === 'kind' || key === 't' || key === 'seq') {
        // kind is the shape's; t and seq are the stamp, always last, and kept in their own columns.
        if (key === 'kind') shape = shape.with(key, Cell.Kind);
        continue;
      }
      const value = fields[key];
      let cell: Cell;
      switch (typeof value) {
        case 'number':
          // -0 is a float: 1 / -0 is -Infinity (Object.is(value, -0) said the same, at a call a number).
          if ((value | 0) === value && (value !== 0 || 1 / value > 0)) {
            cell = Cell.Int;
            this.#cell(value);
          } else if (value >>> 0 === value && value !== 0) {
            cell = Cell.Uint;
            this.#cell(value | 0);
          } else {
            cell = Cell.Float;
            this.#cell(this.#float(value));
          }
          break;
        case 'string':
          cell = Cell.Text;
          this.#cell(this.#text(value));
          break;
        case 'boolean':
          cell = value ? Cell.True : Cell.False;
          break;
        case 'undefined':
          cell = Cell.Undefined;
          break;
        case 'object':
          if (value === null) cell = Cell.Null;
          else {
            cell = Cell.Value;
            this.#cell(this.#value(value));
          }
          break;
        default:
          throw new TypeError(`TraceStore: the ${kind} event's ${key} is a ${typeof value}, not data`);
      }
      shape = shape.with(key, cell);
    }
    const index = this.#length;
    if (index === this.#t.length) {
      this.#t = grown(this.#t, (n) => new Float64Array(n));
      this.#shape = grown(this.#shape, (n) => new Uint16Array(n));
      this.#start = grown(this.#start, (n) => new Uint32Array(n));
    }
    this.#t[index] = t;
    this.#shape[index] = shapeId(shape);
    this.#start[index] = start;
    this.#length = index + 1;
  }

  /**
   * truncate keeps only the first `length` events (a replay from a checkpoint goes on from there). Texts and
   * values only the dropped events used stay in the tables: the replay mostly says them again.
   */
  truncate(length: number): void {
    if (!(length >= 0 && length <= this.#length))
      throw new RangeError(`TraceStore.truncate: ${length} events of ${this.#length}`);
    if (length < this.#length) this.#cellCount = this.#start[length] as number;
    this.#length = length;
  }

  at(index: number): TraceEvent | undefined {
    const i = index < 0 ? this.#length + index : index;
    if (!(i >= 0 && i < this.#length)) return undefined;
    return this.#build(i);
  }

  /** kindAt is the kind of the event at `index` (0 ≤ index < length), read without building the event. */
  kindAt(index: number): TraceEvent['kind'] {
    return (shapes[this.#shape[index] as number] as Shape).kind as TraceEvent['kind'];
  }

  /** timeAt is the time of the event at `index` (0 ≤ index < length), read without building the event. */
  timeAt(index: number): number {
    return this.#t[index] as number;
  }

  slice(start = 0, end = this.#length): TraceEvent[] {
    const from = clampIndex(start, this.#length);
    const to = clampIndex(end, this.#length);
    const out: TraceEvent[] = [];
    for (let i = from; i < to; i++) out.push(this.#build(i));
    return out;
  }

  *[Symbol.iterator](): Iterator<TraceEvent> {
    for (let i = 0; i < this.#length; i++) yield this.#build(i);
  }

  /** octets is what the columns hold now and what they have room for, for benchmarks. */
  get octets(): { used: number; allocated: number } {
    const n = this.#length;
    return {
      used: n * (8 + 2 + 4) + this.#cellCount * 4 + this.#floatCount * 8,
      allocated:
        this.#t.byteLength +
        this.#shape.byteLength +
        this.#start.byteLength +
        this.#cells.byteLength +
        this.#floats.byteLength,
    };
  }

  #build(i: number): TraceEvent {
    const shape = shapes[this.#shape[i] as number] as Shape;
    const cells = this.#cells;
    let at = this.#start[i] as number;
    const event: Record<string, unknown> = {};
    const { keys, cells: kinds } = shape;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      switch (kinds[k]) {
        case Cell.Int:
          event[key] = cells[at++];
          break;
        case Cell.Uint:
          event[key] = (cells[at++] as number) >>> 0;
          break;
        case Cell.Float:
          event[key] = this.#floats[cells[at++] as number];
          break;
        case Cell.Text:
          event[key] = this.#texts[cells[at++] as number];
          break;
        case Cell.Value:
          event[key] = this.#values[cells[at++] as number];
          break;
        case Cell.True:
          event[key] = true;
          break;
        case Cell.False:
          event[key] = false;
          break;
        case Cell.Kind:
          event[key] = shape.kind;
          break;
        case Cell.Null:
          event[key] = null;
          break;
        case Cell.Undefined:
          event[key] = undefined;
          break;
      }
    }
    event.t = this.#t[i];
    event.seq = this.firstSeq + i;
    return event as unknown as TraceEvent;
  }

  #cell(value: number): void {
    if (this.#cellCount === this.#cells.length) this.#cells = grown(this.#cells, (n) => new Int32Array(n));
    this.#cells[this.#cellCount++] = value;
  }

  #float(value: number): number {
    if (this.#floatCount === this.#floats.length)
      this.#floats = grown(this.#floats, (n) => new Float64Array(n));
    this.#floats[this.#floatCount] = value;
    return this.#floatCount++;
  }

  #text(text: string): number {
    if (text.length > INTERNED_LENGTH) return this.#texts.push(text) - 1;
    let id = this.#textIds.get(text);
    if (id === undefined) {
      id = this.#texts.push(text) - 1;
      this.#textIds.set(text, id);
    }
    return id;
  }

  #value(value: object): number {
    const frozen = Object.isFrozen(value);
    if (frozen) {
      const known = this.#frozenIds.get(value);
      if (known !== undefined) return known;
    }
    const json = JSON.stringify(value);
    let id = this.#valueIds.get(json);
    if (id === undefined) {
      id = this.#values.push(deepFreeze(JSON.parse(json) as unknown)) - 1;
      this.#valueIds.set(json, id);
    }
    if (frozen) this.#frozenIds.set(value, id);
    return id;
  }
}

function clampIndex(index: number, length: number): number {
  if (index < 0) return Math.max(0, length + index);
  return Math.min(index, length);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
