// The timeline's zoom: the transform d3-zoom keeps (scale k, shift x), the one action through which d3 owns
// wheel, drag and pinch on the plot, and the steps that buttons and keys take.
import type { Action } from 'svelte/action';
import {
  coversView,
  zoomedOutAhead,
  zoomOfWindow,
  type ConnMark,
  type TimelineLayout,
  type ZoomTransform,
} from '../../../timeline/timelineLayout.ts';
import { afterFirstPaint } from '../../afterFirstPaint.ts';
import type { attachZoom, ZoomAttachment, ZoomControl, ZoomExtent } from './zoomBehavior.ts';

export type { ZoomExtent } from './zoomBehavior.ts';

// d3-zoom's code, fetched once (again after a failure), and not before the page's first paint: a request begun
// before it counts towards that paint in Lighthouse's simulation of a phone, though the paint does not need it.
type ZoomBehaviorModule = { readonly attachZoom: typeof attachZoom };
let behaviorModule: Promise<ZoomBehaviorModule> | null = null;
function loadBehavior(): Promise<ZoomBehaviorModule> {
  return (behaviorModule ??= afterFirstPaint()
    .then(() => import('./zoomBehavior.ts'))
    .catch((error: unknown) => {
      behaviorModule = null;
      throw error;
    }));
}

/**
 * AHEAD is how much further out than the view a zoom out is laid out while the gesture lasts: about four turns
 * of a mouse wheel (each ×1.18 to d3-zoom), grouped as coarsely as there, until the gesture rests and the view is
 * laid out as it is.
 */
const AHEAD = 2;

/** WHOLE shows the whole trace: one object, so that a plot not yet zoomed is laid out where it is shown. */
const WHOLE: ZoomTransform = { k: 1, x: 0 };

/** ZOOM_STEP is how much one press of + or − zooms. */
const ZOOM_STEP = 1.6;

/**
 * TimelineZoom holds where the plot is zoomed to. Attach `zoomable` to the SVG first; steps taken before d3-zoom
 * has arrived wait for it, and do nothing once the SVG is gone.
 */
export class TimelineZoom {
  /** transform is the zoom d3 last reported: 1 and 0 show everything. */
  transform = $state.raw<ZoomTransform>(WHOLE);
  /**
   * settled is the zoom the plot was last laid out at: d3's once a gesture comes to rest. Mid-gesture the marks
   * of that layout only move (movedLayout) while the view stays inside it, as zooming in does; a view that shows
   * time it left out is laid out again, a pan where it is, a zoom out a little further out than it is
   * (zoomedOutAhead), so the next few turns only move. Crowds regroup for the view itself once it rests.
   */
  settled = $state.raw<ZoomTransform>(WHOLE);
  /** zoomingIn says whether the latest zoom came from a person zooming in, the only move that opens a sequence diagram. */
  zoomingIn = false;
  #control: ZoomControl | null = null;
  #extent: ZoomExtent | null = null;
  #waiting: ((control: ZoomControl) => void)[] = [];
  #retry: (() => void) | null = null;
  #reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

  /**
   * zoomable is the one place d3 touches the DOM: d3-zoom owns wheel, drag and pinch on the SVG. Its code is
   * fetched once the plot has mounted and the page has painted; steps asked for before it arrives are taken once
   * it has, and a fetch that failed is in `failure` until `retry` fetches it again.
   */
  readonly zoomable: Action<SVGSVGElement, ZoomExtent> = (node, extent) => {
    this.#extent = extent;
    let attached: ZoomAttachment | null = null;
    let gone = false;
    const attach = () => {
      this.failure = null;
      loadBehavior().then(
        ({ attachZoom }) => {
          if (gone) return;
          attached = attachZoom(
            node,
            this.#extent ?? extent,
            (next) => this.#show(next),
            (rest) => this.#rest(rest),
            this.#reducedMotion,
          );
          this.#control = attached.control;
          for (const step of this.#waiting.splice(0)) step(attached.control);
        },
        (error: unknown) => {
          if (!gone) this.failure = error;
        },
      );
    };
    this.#retry = attach;
    attach();
    return {
      update: (next) => {
        this.#extent = next;
        attached?.update(next);
      },
      destroy: () => {
        gone = true;
        attached?.destroy();
        this.#control = null;
        this.#waiting.length = 0;
      },
    };
  };

  /** failure is why d3-zoom's code could not be fetched, or null; the plot still shows, without zooming. */
  failure = $state<unknown>(null);

  /** retry fetches d3-zoom's code again after a failure. */
  retry(): void {
    this.#retry?.();
  }

  #show(next: ZoomTransform): void {
    const previous = this.transform;
    this.zoomingIn = next.k > previous.k;
    this.transform = next;
    const extent = this.#extent;
    if (extent === null) this.settled = next;
    else if (!coversView(extent.left, extent.right, this.settled, next))
      // Zooming out, the plot is laid out where the zoom is heading, so the next few steps only move its marks.
      this.settled =
        next.k < previous.k ? zoomedOutAhead(extent.left, extent.right, previous, next, AHEAD) : next;
  }

  #rest(rest: ZoomTransform): void {
    if (rest.k !== this.transform.k) this.zoomingIn = rest.k > this.transform.k;
    this.transform = rest;
    this.settled = rest;
  }

  // A step waits for d3-zoom when its code is still on its way (the plot has just mounted).
  #step(step: (control: ZoomControl) => void): void {
    if (this.#control !== null) step(this.#control);
    else this.#waiting.push(step);
  }

  /** zoomIn zooms one step in, around the middle, as a person zooming in (see `zoomingIn`). */
  zoomIn(): void {
    this.zoomingIn = true;
    this.#step((control) => control.scaleBy(ZOOM_STEP));
  }

  /** zoomOut zooms one step out, around the middle. */
  zoomOut(): void {
    this.#step((control) => control.scaleBy(1 / ZOOM_STEP));
  }

  /** reset shows the whole trace again. */
  reset(): void {
    this.set({ k: 1, x: 0 });
  }

  /** panBy moves the view by `pixels` on the page: positive shows earlier times. */
  panBy(pixels: number): void {
    this.#step((control) => control.panBy(pixels));
  }

  /** set jumps to a transform. */
  set(next: ZoomTransform): void {
    this.#step((control) => control.set(next));
  }
}

/**
 * crowdZoom is the transform that opens a crowd of connections drawn in `layout`: zoomed in until its
 * connections stand, on average, a little more than a crowd's pitch apart (at least one zoom step), with its
 * first connection just inside the plot's left end. `full` is the unzoomed layout, in which transforms are
 * measured.
 */
export function crowdZoom(full: TimelineLayout, layout: TimelineLayout, crowd: ConnMark): ZoomTransform {
  const plotWidth = layout.plot.right - layout.plot.left;
  // From its times, not its x: a crowd may begin or end beyond the window, where its x stops at the edge.
  const x0 = layout.cursorX(crowd.t0);
  const pitch = Math.max(layout.cursorX(crowd.t1) - x0, 1) / crowd.count;
  const gain = Math.max(ZOOM_STEP, (1.25 * layout.crowdPitch) / pitch);
  const start = x0 - layout.crowdPitch;
  return zoomOfWindow(full, { from: layout.timeAt(start), to: layout.timeAt(start + plotWidth / gain) });
}

/**
 * zoomAround is the transform that shows a connection in the middle third of the plot (or everything, when
 * that would mean zooming out), as `full`, the unzoomed layout, measures it.
 */
export function zoomAround(full: TimelineLayout, c: ConnMark): ZoomTransform {
  const x0 = full.fullX(c.t0);
  const x1 = full.fullX(c.tData);
  const span = Math.max(x1 - x0, 1) * 3;
  const middle = (x0 + x1) / 2;
  const window = { from: full.fullTime(middle - span / 2), to: full.fullTime(middle + span / 2) };
  const next = zoomOfWindow(full, window);
  return next.k < 1 ? { k: 1, x: 0 } : next;
}
