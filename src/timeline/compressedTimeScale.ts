// Virtual time → vertical position for diagrams that read top to bottom. Moments that matter get at least a
// row of room each, and long quiet spells shrink to a fixed-height break, so a 60 s TIME-WAIT fits on a page.
import { scaleLinear } from 'd3';

/** TimeBreak is a quiet spell drawn shorter than its length: from `y0` to `y1`, standing for `from` → `to`. */
export interface TimeBreak {
  readonly from: number;
  readonly to: number;
  readonly y0: number;
  readonly y1: number;
}

/** TimeScaleOptions sets how much room moments and gaps get, in pixels. */
export interface TimeScaleOptions {
  /** top is where the earliest moment sits. */
  readonly top: number;
  /** rowGap is the least room between two different moments, enough for one arrow's labels. */
  readonly rowGap: number;
  /** pxPerMs stretches a short gap in proportion to its length, beyond `rowGap`. */
  readonly pxPerMs: number;
  /** maxGap caps a short gap's room, so a pause reads as a pause without emptying the screen. */
  readonly maxGap: number;
  /** breakAfterMs is the gap beyond which time is elided and drawn as a break of `breakHeight`. */
  readonly breakAfterMs: number;
  readonly breakHeight: number;
  /**
   * gapSize, when given, decides the room of every gap (short ones and breaks) instead of `rowGap`, `pxPerMs`,
   * `maxGap` and `breakHeight`; a timeline uses it to let a 30-minute break read longer than an 8-second one.
   */
  readonly gapSize?: (gapMs: number, isBreak: boolean) => number;
}

/** CompressedTimeScale places moments (keys) on the page and lists the breaks between them. */
export interface CompressedTimeScale {
  /** y is the position of a key; keys not given to the scale are interpolated. */
  readonly y: (key: number) => number;
  /** time is the inverse of `y`: the time (ms) at a position, interpolated between keys. */
  readonly time: (y: number) => number;
  readonly breaks: readonly TimeBreak[];
  /** bottom is the position of the latest key. */
  readonly bottom: number;
}

/**
 * compressedTimeScale builds a piecewise-linear d3 scale through the sorted distinct `keys`. A key is a time in
 * ms, possibly nudged by a tiny fraction so that two things at the same instant get rows of their own.
 */
export function compressedTimeScale(keys: readonly number[], options: TimeScaleOptions): CompressedTimeScale {
  const domain = [...new Set(keys)].sort((a, b) => a - b);
  if (domain.length === 0) domain.push(0);
  const range: number[] = [options.top];
  const breaks: TimeBreak[] = [];
  for (let i = 1; i < domain.length; i++) {
    const from = domain[i - 1] as number;
    const to = domain[i] as number;
    const y0 = range[i - 1] as number;
    const gap = to - from;
    const isBreak = gap > options.breakAfterMs;
    const room =
      options.gapSize?.(gap, isBreak) ??
      (isBreak
        ? options.breakHeight
        : Math.max(options.rowGap, Math.min(gap * options.pxPerMs, options.maxGap)));
    range.push(y0 + room);
    if (isBreak) breaks.push({ from, to, y0, y1: y0 + room });
  }
  // A single moment still needs a scale that maps it (d3 needs two domain points to interpolate).
  if (domain.length === 1) {
    const scale = scaleLinear(
      [domain[0] as number, (domain[0] as number) + 1],
      [options.top, options.top + options.pxPerMs],
    );
    return { y: (key) => scale(key), time: (y) => scale.invert(y), breaks, bottom: range[0] as number };
  }
  const keysAt = Float64Array.from(domain);
  const rowsAt = Float64Array.from(range);
  return {
    y: piecewise(keysAt, rowsAt),
    time: piecewise(rowsAt, keysAt),
    breaks,
    bottom: range[range.length - 1] as number,
  };
}

/**
 * piecewise is d3's piecewise-linear scale from sorted `xs` to `ys` (d3-scale 4 `polymap`, unclamped), computed
 * the same way to the last bit but over typed arrays with the search inlined: the timeline calls it for every
 * mark of every zoom step, and d3's closures per segment made each call about a microsecond on 100,000 keys.
 */
function piecewise(xs: Float64Array, ys: Float64Array): (x: number) => number {
  const j = xs.length - 1;
  return (x) => {
    // d3's bisectRight over [1, j): the segment whose start is the last key at or before x (the first or last
    // segment extended beyond the ends).
    let lo = 1;
    let hi = j;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((xs[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    const a = xs[lo - 1] as number;
    const b = (xs[lo] as number) - a;
    // d3's normalize: a segment of no length maps everything to its middle.
    const t = b ? (x - a) / b : 0.5;
    return (ys[lo - 1] as number) * (1 - t) + (ys[lo] as number) * t;
  };
}
