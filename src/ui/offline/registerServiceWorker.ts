// Puts the app in the browser's cache for offline use (the worker is written by viteOfflinePlugin.ts), in a
// production build only; on the dev server it removes any worker a preview build left on the same address.

/** registerServiceWorker registers ./sw.js in a build, or unregisters stale workers in dev; it never throws. */
export function registerServiceWorker(production: boolean): void {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  // A page that cannot have a worker (a private window, a file: address) works as before, only not offline.
  const ignore = () => undefined;
  if (production) {
    void container.register('./sw.js').catch(ignore);
    return;
  }
  void container
    .getRegistrations()
    .then((registrations) => Promise.all(registrations.map((r) => r.unregister())))
    .catch(ignore);
}
