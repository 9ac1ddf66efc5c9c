import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCENARIO_LIMITS } from '../../src/sim/scenario.ts';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

/** Cut is a page opened with one lazily fetched chunk's fetch failing, as when the network drops mid-lesson. */
interface Cut {
  readonly page: Page;
  /** restore lets the chunk be fetched again. */
  restore(): Promise<void>;
  /** unexpected is every page or console error other than the cut fetch's own. */
  unexpected(): string[];
}

describe('no blank page', () => {
  const { browser, baseUrl } = useBrowser();

  async function openWithChunkCut(chunkName: string, query: string): Promise<Cut> {
    const { page, errors } = await browser.open('about:blank');
    const chunk = new RegExp(`/assets/${chunkName}-[^/]*\\.js$`);
    await page.route(chunk, (route) => route.abort('internetdisconnected'));
    await page.goto(`${baseUrl}${query}`);
    return {
      page,
      restore: () => page.unroute(chunk),
      unexpected: () => errors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED')),
    };
  }

  it('refuses a scenario with ten thousand hosts, in Korean, and keeps the lab running', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=ko`);
    await page.getByRole('button', { name: '시나리오' }).click();
    await page.getByRole('tab', { name: '파일 불러오기' }).click();
    const hosts = Array.from({ length: 10_000 }, (_, i) => ({ id: `h${i}` }));
    await page.getByTestId('scenario-file').setInputFiles({
      name: 'huge.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ version: 1, name: 'huge', hosts, links: [] })),
    });
    const problems = page.locator('.problems');
    await expect
      .poll(() => problems.innerText())
      .toBe(`hosts 너무 큽니다: 호스트 10,000개. 실습실은 최대 ${SCENARIO_LIMITS.hosts}개까지 받습니다.`);
    await page.screenshot({ path: `${SCREENSHOTS}oversize-scenario-ko.png` });
    // The lab still has its own world and still steps.
    expect(await page.getByRole('heading', { level: 1 }).innerText()).not.toBe('huge');
    await page.keyboard.press('Escape');
    await page.locator('body').press('ArrowRight');
    await expect.poll(() => page.locator('#playback time').innerText()).not.toBe('00:00:00.000');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a file over the byte limit without reading it', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=en`);
    await page.getByRole('button', { name: 'Scenarios' }).click();
    await page.getByRole('tab', { name: 'Load a file' }).click();
    await page.getByTestId('scenario-file').setInputFiles({
      name: 'big.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(SCENARIO_LIMITS.bytes + 1, 0x20),
    });
    await expect
      .poll(() => page.locator('.problems').innerText())
      .toBe('(file) is too large: 1,048,577 bytes, where the lab takes at most 1,048,576');
    expect(await page.getByLabel('Scenario text (JSON)').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an error inside the panel that failed while the rest of the lab goes on', async () => {
    const { page, errors } = await browser.open('about:blank');
    // Break the one thing only the inspector's message view uses: its calendar date.
    await page.addInitScript(() => {
      Intl.DateTimeFormat = function broken(): never {
        throw new Error('calendar unavailable');
      } as unknown as typeof Intl.DateTimeFormat;
    });
    await page.goto(`${baseUrl}?lang=ko`);
    await page.getByRole('button', { name: '끝으로' }).click();
    await page.getByRole('tab', { name: '메일박스' }).click();
    await page.locator('[role="tabpanel"]').getByText('Lunch').first().click();
    const alert = page.locator('#panel-tools [role="alert"]');
    await expect
      .poll(() => alert.innerText())
      .toContain('검사기에서 문제가 생겼습니다. 실습실의 나머지 부분은 그대로 쓸 수 있습니다.');
    await page.screenshot({ path: `${SCREENSHOTS}panel-failed-ko.png` });
    // The map, the timeline, the controls and the other tabs still work.
    await page.getByRole('tab', { name: '메시지 큐' }).click();
    await expect.poll(() => page.locator('#panel-tools').innerText()).not.toContain('문제가 생겼습니다');
    await page.getByRole('button', { name: '처음으로' }).click();
    expect(await page.locator('#playback time').innerText()).toBe('00:00:00.000');
    expect(await page.locator('#network svg').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
  it('keeps a failure of a panel loaded on first opening inside that panel', async () => {
    const { page, errors } = await browser.open('about:blank');
    // The event list's code arrives when its tab first opens; serve one that throws as it renders.
    // The build splits it in two: the module the tab imports, which re-exports the component as its default, and
    // the component's code. Only the first is replaced, so the page's other imports of the second still work.
    await page.route(/\/assets\/EventList-[^/]*\.js$/, async (route) => {
      const response = await route.fetch();
      const code = await response.text();
      if (!code.includes(' as default}')) return route.fulfill({ response });
      return route.fulfill({
        contentType: 'text/javascript',
        body: "export default function EventList() { throw new Error('event list broke'); }",
      });
    });
    await page.goto(`${baseUrl}?lang=ko`);
    await page.getByRole('tab', { name: '사건 목록' }).click();
    const alert = page.locator('#panel-tools [role="alert"]');
    await expect.poll(() => alert.innerText()).toContain('사건 목록에서 문제가 생겼습니다.');
    expect(await alert.textContent()).toContain('event list broke');
    // The rest of the lab goes on.
    await page.getByRole('tab', { name: '메시지 큐' }).click();
    await expect.poll(() => page.locator('#panel-tools').innerText()).not.toContain('문제가 생겼습니다');
    await page.getByRole('button', { name: '다음 주요 사건' }).click();
    await expect.poll(() => page.locator('#playback time').innerText()).not.toBe('00:00:00.000');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when a panel cannot be fetched, and fetches it again on retry', async () => {
    const { page, restore, unexpected } = await openWithChunkCut('FaultPanel', '?lang=en');
    await page.getByRole('tab', { name: 'Faults' }).click();
    const alert = page.locator('#panel-tools [role="alert"]');
    await expect.poll(() => alert.innerText()).toContain('Something went wrong in Faults.');
    await page.screenshot({ path: `${SCREENSHOTS}panel-fetch-failed-en.png` });
    await restore();
    await alert.getByRole('button').click();
    await expect.poll(() => page.locator('#panel-tools [role="alert"]').count()).toBe(0);
    await expect.poll(() => page.locator('#panel-tools').getByRole('heading').count()).toBeGreaterThan(0);
    // Only the fetches the test cut may be reported.
    expect(unexpected()).toEqual([]);
    await page.close();
  });

  it("says so in the transcript when its lines' code cannot be fetched, and the map and timeline go on", async () => {
    const { page, restore, unexpected } = await openWithChunkCut('TranscriptLines', '?lang=ko');
    const forward = page.getByRole('button', { name: '프로토콜 줄 하나 앞으로' });
    await forward.click();
    await forward.click();
    const alert = page.locator('#panel-tools [role="alert"]');
    await expect.poll(() => alert.innerText()).toContain('대화 기록에서 문제가 생겼습니다.');
    expect(await page.locator('#network svg').count()).toBeGreaterThan(0);
    expect(await page.locator('#timeline svg').count()).toBeGreaterThan(0);
    await restore();
    await alert.getByRole('button').click();
    await page.locator('#panel-tools li[data-seq]').first().waitFor();
    expect(await page.locator('#panel-tools [role="alert"]').count()).toBe(0);
    expect(unexpected()).toEqual([]);
    await page.close();
  });

  it('says so above the timeline when its zoom cannot be fetched, keeps the plot, and zooms after Try again', async () => {
    const { page, restore, unexpected } = await openWithChunkCut('zoomBehavior', '?lang=en');
    const alert = page.locator('#timeline [role="alert"]');
    await expect.poll(() => alert.innerText()).toContain('Something went wrong in');
    expect(await page.locator('#timeline svg.plot-svg').count()).toBe(1);
    await restore();
    await alert.getByRole('button').click();
    await expect.poll(() => page.locator('#timeline [role="alert"]').count()).toBe(0);
    const zoomIn = page.locator('#timeline').getByRole('button', { name: 'Zoom in' });
    await zoomIn.click();
    await expect.poll(() => page.locator('#timeline').innerText()).not.toContain('×1.0');
    expect(unexpected()).toEqual([]);
    await page.close();
  });
});
