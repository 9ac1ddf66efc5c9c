// An element's client size for the views that lay themselves out by it, told by a ResizeObserver alone.
// Svelte's bind:clientWidth also reads the size as the element mounts, which forces a layout of the half-built page
// in the middle of the first task (35 ms of a 155 ms task, measured in a Lighthouse trace); the observer hears the
// size after the browser's own layout, before the paint, so the first frame is still drawn at the right size.
import type { Attachment } from 'svelte/attachments';

/** Size is an element's clientWidth and clientHeight, in CSS pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

// One observer for every element, on the border box as Svelte's own: a callback each, by element.
const listeners = new WeakMap<Element, (size: Size) => void>();
let observer: ResizeObserver | undefined;

function sharedObserver(): ResizeObserver {
  observer ??= new ResizeObserver((entries) => {
    // The layout is clean while the observer runs, so reading the client size here costs no layout.
    for (const { target } of entries)
      listeners.get(target)?.({ width: target.clientWidth, height: target.clientHeight });
  });
  return observer;
}

/**
 * elementSize tells `onSize` the element's client size once the browser has laid it out, and again whenever it
 * changes; never during the task that mounts it.
 */
export function elementSize(onSize: (size: Size) => void): Attachment<HTMLElement> {
  return (element) => {
    const observing = sharedObserver();
    listeners.set(element, onSize);
    observing.observe(element, { box: 'border-box' });
    return () => {
      observing.unobserve(element);
      listeners.delete(element);
    };
  };
}
