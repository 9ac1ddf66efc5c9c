// The timeline's zoom: the transform d3-zoom keeps (scale k, shift x), the one action through which d3 owns
// wheel, drag and pinch on the plot, and the steps that buttons and keys take.
import { select, zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import type { Action } from 'svelte/action';
import {
  zoomOfWindow,
  type ConnMark,
  type TimelineLayout,
  type ZoomTransform,
} from '../../../timeline/timelineLayout.ts';

/** Zooming stops where one millisecond spans about a hundred pixels; the sequence diagram takes over before. */
const MAX_ZOOM = 4000;
/** ZOOM_STEP is how much one press of + or − zooms. */
const ZOOM_STEP = 1.6;

/** ZoomExtent is the part of the SVG that zooms: the plot between `left` and `right`, `height` tall. */
export interface ZoomExtent {
  readonly left: number;
  readonly right: number;
  readonly height: number;
}

interface ZoomControl {
  scaleBy(factor: number): void;
  panBy(pixels: number): void;
  set(next: ZoomTransform): void;
}

/**
 * TimelineZoom holds where the plot is zoomed to. Attach `zoomable` to the SVG first; the steps do nothing
 * until it is attached, and nothing once it is gone.
 */
export class TimelineZoom {
  /** transform is the zoom d3 last reported: 1 and 0 show everything. */
  transform = $state.raw<ZoomTransform>({ k: 1, x: 0 });
  /** zoomingIn says whether the latest zoom came from a person zooming in, the only move that opens a sequence diagram. */
  zoomingIn = false;
  #control: ZoomControl | null = null;
  #reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

  /** zoomable is the one place d3-selection touches the DOM: d3-zoom owns wheel, drag and pinch on the SVG. */
  readonly zoomable: Action<SVGSVGElement, ZoomExtent> = (node, extent) => {
    const behavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      // Dragging the axis seeks instead of panning; otherwise d3's own rules (no right button, ctrl+wheel ok).
      .filter(
        (event: Event & { button?: number; ctrlKey?: boolean }) =>
          (!event.ctrlKey || event.type === 'wheel') &&
          !event.button &&
          !(event.target instanceof Element && event.target.closest('.axis-hit')),
      )
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        // A wheel can fire several times in one frame; each transform would lay the plot out again, so only the
        // latest of a frame is kept and shown when the frame is drawn.
        pending = { k: event.transform.k, x: event.transform.x };
        if (frame === 0) frame = requestAnimationFrame(show);
      });
    let pending: ZoomTransform | null = null;
    let frame = 0;
    const show = () => {
      frame = 0;
      if (pending === null) return;
      this.zoomingIn = pending.k > this.transform.k;
      this.transform = pending;
      pending = null;
    };
    const apply = (e: ZoomExtent) => {
      behavior.extent([
        [e.left, 0],
        [e.right, e.height],
      ]);
      behavior.translateExtent([
        [e.left, -Infinity],
        [e.right, Infinity],
      ]);
    };
    apply(extent);
    const selection = select<SVGSVGElement, unknown>(node);
    selection.call(behavior).on('dblclick.zoom', null);
    const animated = () => selection.transition().duration(this.#reducedMotion ? 0 : 220);
    // Steps multiply the scale being zoomed to, not the one a running animation has reached, so two quick
    // clicks zoom exactly twice.
    let target = 1;
    let latest = 0;
    let settled = true;
    this.#control = {
      scaleBy: (factor) => {
        const [min, max] = behavior.scaleExtent();
        target = Math.min(max, Math.max(min, (settled ? zoomTransform(node).k : target) * factor));
        const step = ++latest;
        settled = false;
        behavior.scaleTo(
          animated().on('end', () => {
            if (step === latest) settled = true;
          }),
          target,
        );
      },
      panBy: (pixels) => behavior.translateBy(selection, pixels / zoomTransform(node).k, 0),
      set: (next) => behavior.transform(selection, zoomIdentity.translate(next.x, 0).scale(next.k)),
    };
    return {
      update: apply,
      destroy: () => {
        cancelAnimationFrame(frame);
        selection.on('.zoom', null);
        this.#control = null;
      },
    };
  };

  /** zoomIn zooms one step in, around the middle, as a person zooming in (see `zoomingIn`). */
  zoomIn(): void {
    this.zoomingIn = true;
    this.#control?.scaleBy(ZOOM_STEP);
  }

  /** zoomOut zooms one step out, around the middle. */
  zoomOut(): void {
    this.#control?.scaleBy(1 / ZOOM_STEP);
  }

  /** reset shows the whole trace again. */
  reset(): void {
    this.set({ k: 1, x: 0 });
  }

  /** panBy moves the view by `pixels` on the page: positive shows earlier times. */
  panBy(pixels: number): void {
    this.#control?.panBy(pixels);
  }

  /** set jumps to a transform. */
  set(next: ZoomTransform): void {
    this.#control?.set(next);
  }
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
