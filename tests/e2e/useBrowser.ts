// What every e2e test file sets up the same way: one Chromium for its tests, the built app's address, and the
// folder its screenshots go to.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser, type Browser, type BrowserOptions } from './browser.ts';

/** SCREENSHOTS is the folder e2e tests write their screenshots to, ending in a slash; `useBrowser` makes it. */
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** BrowserUnderTest is the browser a describe's tests open pages in, and where the built app is served. */
export interface BrowserUnderTest {
  readonly browser: Pick<Browser, 'open'>;
  readonly baseUrl: string;
}

/**
 * useBrowser launches Chromium and makes the screenshots folder before the enclosing describe's tests, and closes
 * the browser after them. Call it at the top of a describe; `browser.open` works inside its tests. Service workers
 * are blocked unless `options` allow them (launchBrowser).
 */
export function useBrowser(options: BrowserOptions = {}): BrowserUnderTest {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launchBrowser(options);
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await launched?.close();
  });
  return {
    baseUrl: inject('baseUrl'),
    browser: {
      open(url, viewport) {
        if (launched === undefined) throw new Error('the browser is not running: open pages inside a test');
        return launched.open(url, viewport);
      },
    },
  };
}
