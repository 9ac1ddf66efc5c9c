import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

// The cursor as the playback controls print it: "event N of M".
async function position(page: Page): Promise<number> {
  const text = await page.locator('.controls .clock small').innerText();
  return Number(/\d+/.exec(text.replace(/,/g, ''))?.[0] ?? NaN);
}

describe('a presenter’s clicker and keys', () => {
  const { browser, baseUrl } = useBrowser();

  it('steps with PageDown and PageUp wherever focus is, even in the tab list where arrows switch tabs', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=textbook&lang=en`);
    await page.getByRole('tab', { name: 'Queues' }).click();
    const start = await position(page);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    const twoOn = await position(page);
    expect(twoOn).toBeGreaterThan(start);
    // The same two steps as the step button takes.
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    expect(await position(page)).toBe(start);
    await page.getByRole('button', { name: 'Step forward one protocol line' }).click();
    await page.getByRole('button', { name: 'Step forward one protocol line' }).click();
    expect(await position(page)).toBe(twoOn);
    // The page itself did not scroll the controls away.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('blanks the screen with . and brings it back with B or a click, in Korean too', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=textbook&lang=ko`);
    const blank = page.locator('.blank');
    expect(await blank.count()).toBe(0);
    await page.keyboard.press('.');
    await expect(blank.boundingBox()).resolves.toMatchObject({ x: 0, y: 0, width: 1280, height: 720 });
    await expect(blank.innerText()).resolves.toContain('화면을 가렸습니다');
    await page.screenshot({ path: `${SCREENSHOTS}clicker-blank.png` });
    await page.keyboard.press('b');
    expect(await blank.count()).toBe(0);
    await page.keyboard.press('B');
    await blank.click();
    expect(await blank.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays with Space after a fault button was clicked, and injects nothing more', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=textbook&lang=en`);
    await page.getByRole('tab', { name: 'Faults' }).click();
    const crash = page.getByRole('button', { name: 'Crash hamburger.edu' });
    await crash.click();
    await expect.poll(() => page.locator('.fault-log li').count()).toBe(1);
    // The crash button is gone (the host is down); focus a fault button that stays, then press Space on it.
    const stop = page.getByRole('button', { name: 'Stop SMTP' }).first();
    await stop.click();
    await expect.poll(() => page.locator('.fault-log li').count()).toBe(2);
    await expect(stop.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const play = page.locator('.controls .play');
    await expect(play.getAttribute('aria-pressed')).resolves.toBe('false');
    await page.keyboard.press(' ');
    await expect(play.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.keyboard.press(' ');
    await expect(play.getAttribute('aria-pressed')).resolves.toBe('false');
    expect(await page.locator('.fault-log li').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});
