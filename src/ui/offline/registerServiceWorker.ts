// Puts the app in the browser's cache for offline use (the worker is written by viteOfflinePlugin.ts), in a
// production build only; on the dev server it removes any worker a preview build left on the same address.

// The worker's install fetches and stores every file of the app. Registered with the page, it ran beside the
// first world's drawing: in Lighthouse runs on two cores its thread took 300 ms of CPU while the page drew, and
// the page's tasks stretched to three times their CPU time. It is registered once the first world is on screen
// (or could not be drawn), or after WAIT_MS whatever happens, for a page that has no lab (a story).
const WAIT_MS = 15_000;

let markSettled: () => void = () => undefined;
const settled = new Promise<void>((resolve) => (markSettled = resolve));

/** firstWorldSettled says the lab's first world is drawn, or will not be: the offline cache may fill from now on. */
export function firstWorldSettled(): void {
  markSettled();
}

/** registerServiceWorker registers ./sw.js in a build, or unregisters stale workers in dev; it never throws. */
export function registerServiceWorker(production: boolean): void {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  // A page that cannot have a worker (a private window, a file: address) works as before, only not offline.
  const ignore = () => undefined;
  if (production) {
    const waited = new Promise<void>((resolve) => setTimeout(resolve, WAIT_MS));
    void Promise.race([settled, waited])
      .then(() => container.register('./sw.js'))
      .catch(ignore);
    return;
  }
  void container
    .getRegistrations()
    .then((registrations) => Promise.all(registrations.map((r) => r.unregister())))
    .catch(ignore);
}
