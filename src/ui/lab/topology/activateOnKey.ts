// The keyboard half of the map's SVG buttons: an SVG <g role="button"> gets no key handling from the browser.

/** activateOnKey runs `action` for Enter or Space, as a real button would, and keeps Space from scrolling. */
export function activateOnKey(event: KeyboardEvent, action: () => void): void {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    action();
  }
}
