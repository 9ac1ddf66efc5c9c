import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './useBrowser.ts';

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
  });
}

const clockOf = (page: Page) => page.locator('#playback time').innerText();

describe('the lab by keyboard', () => {
  const { browser, baseUrl } = useBrowser();

  it('moves between panel tabs with the arrow keys, Home and End, without stepping the simulation', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=en`);
    const transcript = page.getByRole('tab', { name: 'Transcript' });
    await transcript.focus();
    expect(await transcript.getAttribute('tabindex')).toBe('0');
    await page.keyboard.press('ArrowRight');
    expect(await focusedText(page)).toBe('State machines');
    expect(await page.getByRole('tab', { name: 'State machines' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(await transcript.getAttribute('tabindex')).toBe('-1');
    await page.keyboard.press('End');
    expect(await focusedText(page)).toBe('Event list');
    await page.keyboard.press('ArrowRight');
    expect(await focusedText(page)).toBe('Transcript');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedText(page)).toBe('Event list');
    await page.keyboard.press('Home');
    expect(await focusedText(page)).toBe('Transcript');
    // None of those keys moved the cursor: inside the tab list they are the tabs'.
    expect(await clockOf(page)).toBe('00:00:00.000');
    // The open panel is the next stop after the tab list, and is named by its tab.
    await page.keyboard.press('Tab');
    const panel = await page.evaluate(() => ({
      role: document.activeElement?.getAttribute('role'),
      label: document.getElementById(document.activeElement?.getAttribute('aria-labelledby') ?? '')
        ?.textContent,
    }));
    expect(panel).toEqual({ role: 'tabpanel', label: 'Transcript' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays with Space on a focused button without pressing it, and leaves text fields alone', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=en`);
    await page.getByRole('button', { name: 'Share', exact: true }).focus();
    await page.keyboard.press(' ');
    await expect.poll(() => page.locator('.play').getAttribute('aria-pressed')).toBe('true');
    // The share button was not pressed: it would have opened its dialog.
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.keyboard.press(' ');
    await expect.poll(() => page.locator('.play').getAttribute('aria-pressed')).toBe('false');
    const paused = await clockOf(page);
    // In the event list's search field, Space and the arrows are text and caret moves.
    await page.getByRole('tab', { name: 'Event list' }).click();
    const search = page.getByRole('searchbox');
    await search.focus();
    await page.keyboard.type('RCPT TO');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    expect(await search.inputValue()).toBe('RCPT TO');
    expect(await page.locator('.play').getAttribute('aria-pressed')).toBe('false');
    expect(await clockOf(page)).toBe(paused);
    // Outside it, the arrows step again.
    await page.getByRole('button', { name: 'Share', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => clockOf(page)).not.toBe(paused);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers skip links to the playback controls and each part of the lab', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=ko`);
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('재생 도구로 바로 가기');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('playback');
    const targets: string[] = [];
    for (const name of ['네트워크로 바로 가기', '타임라인으로 바로 가기', '패널로 바로 가기']) {
      await page.getByRole('link', { name }).focus();
      await page.keyboard.press('Enter');
      targets.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    expect(targets).toEqual(['network', 'timeline', 'panels']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('announces the event a step lands on in the live region, and a summary only once playing pauses', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=ko`);
    const live = page.getByTestId('announcer');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await page.locator('body').press('3');
    await page.locator('body').press('ArrowRight');
    await expect.poll(() => live.innerText()).toMatch(/^\d\d:\d\d:\d\d\.\d{3}, .+: /);
    const step = await live.innerText();
    expect(step).toContain(await page.locator('#playback time').innerText());
    await page.locator('body').press(' ');
    await expect.poll(() => page.locator('.play').getAttribute('aria-pressed')).toBe('true');
    const before = await page.locator('#playback small').innerText();
    await expect.poll(() => page.locator('#playback small').innerText()).not.toBe(before);
    // While playing, the region keeps what it last said.
    expect(await live.innerText()).toBe(step);
    await page.locator('body').press(' ');
    await expect.poll(() => live.innerText()).toMatch(/^사건 \d+개를 재생하고 .+에서 멈췄습니다\./);
    expect(errors).toEqual([]);
    await page.close();
  });
});
