// Serves the already-built app (dist/, from `vite build`) with `vite preview` on a free loopback port for the
// e2e tests, which read its address with `inject('baseUrl')`; the server stops when the tests are done.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** baseUrl is where the built app is served, ending in a slash. */
    baseUrl: string;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOST = '127.0.0.1';

/** freePort asks the system for a port nobody is using, then gives it back for the server to take. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** setup starts `vite preview` on dist/ and provides its URL; the function it returns stops the server. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(`${ROOT}dist/index.html`))
    throw new Error(
      'dist/index.html is missing: run `npx vite build` (npm run test:e2e does) before the e2e tests',
    );
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    preview: { host: HOST, port: await freePort(), strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('vite preview started but reports no local URL');
  project.provide('baseUrl', url);
  return () => server.close();
}
