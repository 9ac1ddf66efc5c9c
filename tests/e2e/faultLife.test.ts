import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

const glyphs = (page: Page, kind: string) => page.locator(`.timeline [data-glyph="${kind}"]`).count();
// A long run of deferred tries is folded into one band on the sender's lane, so a band counts as deferred tries too.
const deferredTries = (page: Page) =>
  page.locator('.timeline [data-glyph="deferred"], .timeline .fold[data-host="crepes.fr"]').count();

describe('faults with a life, in the lab', () => {
  const { browser, baseUrl } = useBrowser();

  it('removes an injected crash from the list, and the world is recomputed without it', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=textbook&lang=en`);
    await page.getByRole('tab', { name: 'Faults' }).click();
    await expect(page.locator('.fault-log').innerText()).resolves.toContain('None yet');
    await page.getByRole('button', { name: 'Crash hamburger.edu' }).click();
    const item = page.locator('.fault-log li');
    await expect.poll(() => item.count()).toBe(1);
    await expect(item.getAttribute('data-phase')).resolves.toBe('on');
    // With Bob's server off, Alice's message waits in the queue and is never delivered.
    await expect.poll(() => deferredTries(page)).toBeGreaterThan(0);
    expect(await glyphs(page, 'delivered')).toBe(0);
    await page.locator('.faults').screenshot({ path: `${SCREENSHOTS}fault-log.png` });

    await page.getByRole('button', { name: /^Remove: hamburger\.edu is switched off/ }).click();
    await expect.poll(() => item.count()).toBe(0);
    await expect.poll(() => glyphs(page, 'delivered')).toBeGreaterThan(0);
    expect(await deferredTries(page)).toBe(0);
    await expect(page.locator('.faults li[data-host="hamburger.edu"]').getAttribute('data-up')).resolves.toBe(
      'true',
    );
    await expect(page.locator('.faults .applied').innerText()).resolves.toContain(
      'The world was recomputed without it',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps an injected crash and the cursor in the address, so a reload brings the same lab back', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=outage&lang=en`);
    await page.getByRole('tab', { name: 'Faults' }).click();
    await page.getByRole('button', { name: 'Crash hamburger.edu' }).click();
    await expect.poll(() => page.locator('.fault-log li').count()).toBe(1);
    await expect.poll(() => new URL(page.url()).hash).toContain('inputs=');
    const beforeStep = page.url();
    await page.getByRole('button', { name: 'Step forward one protocol line' }).click();
    const position = await page.locator('.clock small').innerText();
    // The address follows the cursor within a rewrite's gap (addressBar.ts), not necessarily at once.
    await expect.poll(() => page.url()).not.toBe(beforeStep);
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('outage');

    await page.reload();
    await page.getByRole('tab', { name: 'Faults' }).click();
    await expect.poll(() => page.locator('.fault-log li').count()).toBe(1);
    await expect(page.locator('.fault-log li .what').innerText()).resolves.toContain('hamburger.edu');
    await expect.poll(() => page.locator('.clock small').innerText()).toBe(position);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes a server down for 2 h: it comes back by itself and the next retry delivers', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=textbook&lang=en`);
    await page.getByRole('tab', { name: 'Faults' }).click();
    await page.getByLabel('How long').selectOption({ label: '2 h' });
    await page.getByRole('button', { name: 'Crash hamburger.edu' }).click();
    const item = page.locator('.fault-log li');
    await expect.poll(() => item.locator('.when').innerText()).toBe('00:00:00 → 02:00:00');
    await expect(item.locator('.what').innerText()).resolves.toContain('for 2 h');
    await expect.poll(() => glyphs(page, 'delivered')).toBeGreaterThan(0);
    expect(await glyphs(page, 'deferred')).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('replaces a link’s loss instead of stacking a second setting, in Korean', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=textbook&lang=ko`);
    await page.getByRole('tab', { name: '장애' }).click();
    await expect(page.locator('.faults').innerText()).resolves.toContain('앞으로 되돌아가도 취소되지 않고');
    const link = page.locator('.faults li[data-link]').first();
    await link.locator('input[type="range"]').nth(2).fill('30');
    await link.getByRole('button', { name: /^적용/ }).click();
    await expect.poll(() => page.locator('.fault-log li').count()).toBe(1);
    // A step on, the loss goes back to 0 %: the 30 % setting ends there and no second fault appears.
    await page.getByRole('button', { name: /하나 앞으로$/ }).click();
    await link.locator('input[type="range"]').nth(2).fill('0');
    await link.getByRole('button', { name: /^적용/ }).click();
    await expect.poll(() => page.locator('.fault-log li .when').innerText()).toContain('→');
    expect(await page.locator('.fault-log li').count()).toBe(1);
    await page.locator('.faults').screenshot({ path: `${SCREENSHOTS}fault-log-ko.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
