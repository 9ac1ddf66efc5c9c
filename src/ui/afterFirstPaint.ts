// The moment after the page's first contentful paint: what the first screen does not need (the engine's worker,
// d3-zoom's code) is fetched from then on, so that no request of its own comes before that paint.

/**
 * afterFirstPaint resolves once the browser reports the first contentful paint, which it does once that frame is
 * on the screen. A hidden page paints nothing until it is shown, so it goes on at once; so does a browser that
 * does not report paints, a frame later.
 */
export function afterFirstPaint(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  if (!PerformanceObserver.supportedEntryTypes.includes('paint'))
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'paint', buffered: true });
  });
}
