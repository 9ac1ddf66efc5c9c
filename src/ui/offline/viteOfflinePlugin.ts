// Vite plugin: after a build, writes the service worker (sw.js) that keeps the app, with every lesson and scenario
// bundled in it, in the browser's cache, so a classroom with bad Wi-Fi still opens it after one visit.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

/** SERVICE_WORKER is the worker's file name in dist/, beside index.html, so its scope is the whole app. */
export const SERVICE_WORKER = 'sw.js';

/**
 * serviceWorkerSource is the worker for one build: `files` (relative to the worker) are fetched into a cache named
 * after `version` when it installs, and older caches are deleted when it takes over. Pages are asked of the network
 * first, so an online visit always gets the newest build (its assets have new names); offline, or when the server
 * is gone, they come from the cache, and so when the server refuses an address as too long. Any page of the app
 * is index.html with other parameters.
 */
export function serviceWorkerSource(version: string, files: readonly string[]): string {
  return `// Mail Lab's service worker, written by the build (src/ui/offline/viteOfflinePlugin.ts). Do not edit.
const CACHE = ${JSON.stringify(`mail-lab-${version}`)};
const FILES = ${JSON.stringify(['./', ...files])};

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('mail-lab-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    const cached = () =>
      caches.open(CACHE).then((cache) => cache.match('./index.html')).then((page) => page ?? Response.error());
    // A link of the older form carries its world in the query, which a server may refuse as too long (414, 431);
    // the page reads the link itself, so the cached one opens it.
    event.respondWith(
      fetch(request).then((response) => (response.status === 414 || response.status === 431 ? cached() : response), cached),
    );
    return;
  }
  // ignoreVary: the server may say "Vary: Origin", and a module script asks with an Origin the install did not send.
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreVary: true })).then((hit) => hit ?? fetch(request)),
  );
});
`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * offlinePlugin adds sw.js to a production build, listing every file the build wrote (and public/'s), its cache
 * named by a hash of them all, so a new build is a new worker. The dev server gets no worker: index.html is rebuilt on every
 * edit there, and registerServiceWorker removes a worker a preview left behind on the same address.
 */
export function offlinePlugin(): Plugin {
  let outDir = '';
  return {
    name: 'mail-lab-offline',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    // After every file is on disk, public/ included, so the list is what the server will serve.
    closeBundle() {
      const files = filesUnder(outDir)
        .map((file) => relative(outDir, file).split('\\').join('/'))
        .filter((file) => file !== SERVICE_WORKER && file !== 'robots.txt')
        .sort()
        .map((file) => `./${file}`);
      // By content: index.html and public/'s files keep their names from one build to the next.
      const hash = createHash('sha256');
      for (const file of files) hash.update(file).update(readFileSync(join(outDir, file)));
      writeFileSync(
        join(outDir, SERVICE_WORKER),
        serviceWorkerSource(hash.digest('hex').slice(0, 16), files),
      );
    },
  };
}
