// Opens pages in Debian's Chromium through playwright-core, with a throwaway profile, and keeps every console
// error and uncaught page error so a test can insist there were none. Nothing here downloads a browser.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** OpenedPage is a loaded page and the errors it has reported so far (console errors, then page errors). */
export interface OpenedPage {
  readonly page: Page;
  readonly errors: string[];
}

/** Browser is one running Chromium; `close` must follow, and removes its profile. */
export interface Browser {
  open(url: string, viewport?: { width: number; height: number }): Promise<OpenedPage>;
  close(): Promise<void>;
}

/**
 * BrowserOptions: `serviceWorkers` is 'block' unless a test is about the app's service worker. A worker that
 * controls the page answers its requests itself, so `page.route` would no longer see them, and a test would run
 * against the cache instead of the build it served.
 */
export interface BrowserOptions {
  readonly serviceWorkers?: 'allow' | 'block';
}

function isLabPage(url: string): boolean {
  return url.startsWith('http') && !new URL(url).searchParams.has('story');
}

/**
 * launchBrowser starts Chromium headless with a fresh `--user-data-dir` (playwright passes the directory to
 * Chromium itself, which is why it goes to launchPersistentContext rather than into the arguments).
 */
export async function launchBrowser(options: BrowserOptions = {}): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'mail-lab-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 720 },
      serviceWorkers: options.serviceWorkers ?? 'block',
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    async open(url, viewport = { width: 1280, height: 720 }) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
      await page.goto(url, { waitUntil: 'load' });
      // The lab's world arrives after the page (its engine is fetched once the page is painted): a lab page is
      // loaded once its timeline is no longer busy. Story pages and blank ones have no lab to wait for.
      if (isLabPage(url)) await page.locator('#timeline[aria-busy="false"]').waitFor();
      return { page, errors };
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
