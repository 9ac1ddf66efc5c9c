// The lesson index in Korean, used with the keyboard alone: the four parts with their Korean titles, how far the
// student is through each part and each lesson, and a lesson opened from it; at 1280x720 and at 200% zoom.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

const PROGRESS_KEY = 'mail-lab.progress.v1';

// Lesson 1 finished, one step of lesson 2, two of lesson 11: progress in two of the four parts.
const PROGRESS = {
  version: 1,
  lessons: {
    'three-parts': { steps: ['compose', 'relay', 'mailbox'], answers: {}, completed: true },
    'smtp-over-tcp': { steps: ['handshake'], answers: {}, completed: false },
    'pop3-by-hand': { steps: ['connect', 'wrong-password'], answers: {}, completed: false },
  },
};

/** tabTo presses Tab until the focused element's text is `name`, as a keyboard user would. */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

async function openIndex(page: Page): Promise<void> {
  await tabTo(page, '레슨 목록');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('navigation', { name: '레슨 목록' }).count()).toBe(1);
}

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const drawer = document.querySelector('section.drawer');
    return drawer ? drawer.scrollWidth - drawer.clientWidth : -1;
  });
}

describe('the lesson index', () => {
  const { browser, baseUrl } = useBrowser();

  it('shows the four parts in Korean with progress per part and per lesson, and opens a lesson from the keyboard', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=ko`);
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [PROGRESS_KEY, JSON.stringify(PROGRESS)],
    );
    await page.reload();
    await openIndex(page);
    const index = page.getByRole('navigation', { name: '레슨 목록' });

    const parts = index.getByRole('heading', { level: 3 });
    expect(await parts.allInnerTexts()).toEqual([
      '1부 SMTP로 메일 보내기',
      '2부 전달이 실패할 때',
      '3부 메일 메시지 포맷',
      '4부 메일 읽기',
    ]);
    // Other parts may gain lessons; what is done in them is what the saved progress says.
    const done = await index.locator('.part-done').allInnerTexts();
    expect(done[0]).toMatch(/^레슨 \d+개 중 1개 완료 · \d+단계 중 4단계$/);
    expect(done[1]).toMatch(/^레슨 \d+개 중 0개 완료 · \d+단계 중 0단계$/);
    expect(done[3]).toMatch(/^레슨 \d+개 중 0개 완료 · \d+단계 중 2단계$/);
    // Each part's section is described by its progress, so a screen reader says it on entering.
    expect(
      await index.getByRole('region', { name: '4부 메일 읽기' }).getAttribute('aria-describedby'),
    ).toBeTruthy();

    const lesson = (title: string) => index.getByRole('button').filter({ hasText: title });
    expect(await lesson('전자메일의 세 가지 구성 요소').innerText()).toContain('✓ 완료');
    expect(await lesson('SMTP 아래에는 TCP가 있다').innerText()).toContain('2단계 중 1단계');
    expect(await lesson('POP3 대화를 직접 입력하기').innerText()).toContain('7단계 중 2단계');
    expect(await lesson('메일의 전체 경로').innerText()).toContain('6단계 중 0단계');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}lesson-index-ko.png` });

    // On to the last part's last lesson with Tab alone, and open it with Enter.
    await tabTo(page, /^\d+\s*메일의 전체 경로/);
    await page.screenshot({ path: `${SCREENSHOTS}lesson-index-ko-focus.png` });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#panel-lesson h2').innerText()).toBe('메일의 전체 경로');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits at 200% zoom, where 1280x720 is 640 by 360 CSS pixels', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=ko`, { width: 640, height: 360 });
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [PROGRESS_KEY, JSON.stringify(PROGRESS)],
    );
    await page.reload();
    await openIndex(page);
    const index = page.getByRole('navigation', { name: '레슨 목록' });
    await index.getByRole('heading', { name: '4부 메일 읽기' }).scrollIntoViewIfNeeded();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}lesson-index-ko-200.png` });
    await tabTo(page, /^\d+\s*POP3/);
    await page.screenshot({ path: `${SCREENSHOTS}lesson-index-ko-200-focus.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
