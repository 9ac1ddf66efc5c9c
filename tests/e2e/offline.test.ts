// After one visit the app works with the network cut: the service worker serves the app, its lessons and its
// scenarios from the cache, and any address of the app (other parameters) opens offline too.
import { describe, expect, it } from 'vitest';
import { encodePayload } from '../../src/ui/lab/share/linkPayload.ts';
import { worldNearTheLimit } from './largeWorld.ts';
import { useBrowser } from './useBrowser.ts';

describe('the app offline', () => {
  const { browser, baseUrl } = useBrowser({ serviceWorkers: 'allow' });

  it('fills the offline cache only once the first world is drawn, so the two never share the cores', async () => {
    const { page, errors } = await browser.open('about:blank');
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/engineWorker-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${baseUrl}?lang=en`);
    await page.locator('#timeline[aria-busy="true"]').waitFor();
    const registered = () =>
      page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined);
    await page.waitForTimeout(1500);
    expect(await registered()).toBe(false);
    release();
    await page.locator('#timeline[aria-busy="false"]').waitFor();
    await expect.poll(registered, { timeout: 10_000 }).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reloads with the network cut, and opens a lesson and a scenario', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=en`);
    const context = page.context();
    // The worker has cached everything once it controls the page (it installs first, then claims its clients).
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), {
        timeout: 30_000,
      })
      .toBe('activated');
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      return link ? ((await (await fetch(link.href)).json()) as { name: string; icons: unknown[] }) : null;
    });
    expect(manifest?.name).toBe('Mail Lab');
    expect(manifest?.icons.length).toBeGreaterThan(1);

    const title = await page.getByRole('heading', { level: 1 }).innerText();
    await context.setOffline(true);
    try {
      await page.reload({ waitUntil: 'load' });
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(title);

      await page.getByRole('button', { name: 'Scenarios' }).click();
      await page.locator('button[data-scenario="bounce"]').click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('six days');
      await page.getByRole('button', { name: 'Lessons' }).click();
      await page.locator('section.drawer li button').first().click();
      await expect
        .poll(() => page.getByRole('tab', { name: 'Lesson' }).getAttribute('aria-selected'))
        .toBe('true');

      expect(errors).toEqual([]);

      // Another address of the app, never visited, opens from the cache too.
      await page.goto(`${baseUrl}?scenario=outage&lang=ko`, { waitUntil: 'load' });
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ko');
      await expect(page.locator('.plot-svg').count()).resolves.toBeGreaterThan(0);
      expect(errors).toEqual([]);

      // And the network really is cut for the worker too: a file it never cached cannot be fetched.
      const uncached = await page.evaluate(() =>
        fetch('./robots.txt').then(
          () => 'fetched',
          () => 'failed',
        ),
      );
      expect(uncached).toBe('failed');
    } finally {
      await context.setOffline(false);
      await page.close();
    }
  });

  it('opens a link of the older form, too long for the server, from the cache once the app is installed', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=en`);
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), {
        timeout: 30_000,
      })
      .toBe('activated');
    // Older links carried the world in the query, which the server refuses as too long (431).
    const old = `${baseUrl}?world=${await encodePayload(worldNearTheLimit())}&lang=en`;
    const response = await page.goto(old, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('A world from a file');
    expect(errors).toEqual([]);
    await page.close();
  });
});
