import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';
import { brokenKorean } from './wrapping.ts';

// A browser zoomed to 200% on a 1280×720 screen lays the page out in 640×360 CSS pixels.
const ZOOMED = { width: 640, height: 360 };

describe('Korean at 200% zoom', () => {
  const { browser, baseUrl } = useBrowser();

  it('breaks no word and stands no button on end in the header, Compose, the faults and the event list', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=textbook&lang=ko`, ZOOMED);
    const found: string[] = [];
    found.push(...(await brokenKorean(page)).map((p) => `header and map: ${p}`));
    await page.screenshot({ path: `${SCREENSHOTS}zoom-200-header-ko.png` });
    // Each panel loads when first opened: wait for something it shows before reading it.
    const shows = {
      compose: page.getByRole('button', { name: '보내기', exact: true }),
      faults: page.getByRole('button', { name: /^강제 종료/ }).first(),
      events: page.getByRole('grid', { name: '사건 목록' }),
    };
    for (const tab of ['compose', 'faults', 'events'] as const) {
      await page.locator(`#tab-${tab}`).click();
      await shows[tab].waitFor();
      await page.locator('#panels').evaluate((el) => el.scrollIntoView());
      found.push(...(await brokenKorean(page)).map((p) => `${tab}: ${p}`));
      await page.screenshot({ path: `${SCREENSHOTS}zoom-200-${tab}-ko.png` });
    }
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('would see a squeezed button and a word broken in two, so the check can fail', async () => {
    const { page } = await browser.open(`${baseUrl}?lang=ko`, ZOOMED);
    await page.evaluate(() => {
      const squeezed = document.createElement('button');
      squeezed.textContent = '보내기';
      squeezed.style.cssText = 'width: 1.4em; padding: 0; white-space: normal; word-break: break-all';
      const broken = document.createElement('p');
      broken.textContent = '메일박스에 저장했습니다';
      broken.style.cssText = 'width: 3em; word-break: break-all';
      document.body.prepend(squeezed, broken);
    });
    const found = await brokenKorean(page);
    expect(found).toContain('letter on a line of its own: "보내기" in button');
    expect(found.filter((p) => p.startsWith('word broken: "메일박스에"'))).toHaveLength(1);
    await page.close();
  });
});
