// The part of the timeline's zoom that d3 owns: d3-zoom on the plot's SVG (wheel, drag, pinch, animated steps).
// It is fetched when the plot first mounts (timelineZoom.svelte.ts), so d3-zoom and d3-transition are not on the
// first page's critical path.
import { select, zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import type { ZoomTransform } from '../../../timeline/timelineLayout.ts';

/** Zooming stops where one millisecond spans about a hundred pixels; the sequence diagram takes over before. */
const MAX_ZOOM = 4000;

/** ZoomExtent is the part of the SVG that zooms: the plot between `left` and `right`, `height` tall. */
export interface ZoomExtent {
  readonly left: number;
  readonly right: number;
  readonly height: number;
}

/** ZoomControl is what the zoom's steps ask of d3-zoom once it is attached. */
export interface ZoomControl {
  scaleBy(factor: number): void;
  panBy(pixels: number): void;
  set(next: ZoomTransform): void;
}

/** ZoomAttachment is d3-zoom on one SVG: its steps, a new extent, and detaching it. */
export interface ZoomAttachment {
  readonly control: ZoomControl;
  update(extent: ZoomExtent): void;
  destroy(): void;
}

/**
 * attachZoom puts d3-zoom on `node` over `extent`; `onZoom` hears each transform it reports (at most one a frame,
 * the latest), and `onRest` the transform a gesture ended at: d3-zoom's `end`, once a wheel has been still for
 * 150 ms, a drag or pinch lets go, an animated step arrives, or a jump is made. `reducedMotion` makes the steps
 * jump instead of animating.
 */
export function attachZoom(
  node: SVGSVGElement,
  extent: ZoomExtent,
  onZoom: (transform: ZoomTransform) => void,
  onRest: (transform: ZoomTransform) => void,
  reducedMotion: boolean,
): ZoomAttachment {
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
    })
    .on('end', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      // The frame's transform, if still waiting, is the one the gesture rests at: shown once, at rest.
      cancelAnimationFrame(frame);
      frame = 0;
      pending = null;
      onRest({ k: event.transform.k, x: event.transform.x });
    });
  let pending: ZoomTransform | null = null;
  let frame = 0;
  const show = () => {
    frame = 0;
    if (pending === null) return;
    onZoom(pending);
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
  const animated = () => selection.transition().duration(reducedMotion ? 0 : 220);
  // Steps multiply the scale being zoomed to, not the one a running animation has reached, so two quick
  // clicks zoom exactly twice.
  let target = 1;
  let latest = 0;
  let settled = true;
  return {
    control: {
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
    },
    update: apply,
    destroy: () => {
      cancelAnimationFrame(frame);
      selection.on('.zoom', null);
    },
  };
}
