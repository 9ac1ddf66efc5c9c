// Brings a line into view by scrolling only the box it scrolls in, never the page or the boxes around it, so
// stepping in a panel does not move the map or the controls off the screen (scrollIntoView scrolls them all).

/** scroller is the nearest ancestor of `element` whose content scrolls vertically, or null. */
function scroller(element: HTMLElement): HTMLElement | null {
  for (let box = element.parentElement; box !== null; box = box.parentElement) {
    const overflow = getComputedStyle(box).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && box.scrollHeight > box.clientHeight) return box;
  }
  return null;
}

/** revealInScroller scrolls the nearest scrolling box just enough that `element` is inside it, as block 'nearest'. */
export function revealInScroller(element: HTMLElement): void {
  const box = scroller(element);
  if (box === null) return;
  const item = element.getBoundingClientRect();
  const frame = box.getBoundingClientRect();
  // Rectangles are on the page's scale; a zoomed box (presenter mode) scrolls in its own, smaller pixels.
  const zoom = 'currentCSSZoom' in box ? Number(box.currentCSSZoom) || 1 : 1;
  if (item.top < frame.top) box.scrollTop += (item.top - frame.top) / zoom;
  else if (item.bottom > frame.bottom) box.scrollTop += (item.bottom - frame.bottom) / zoom;
}
