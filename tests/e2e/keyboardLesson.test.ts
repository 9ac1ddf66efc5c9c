import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

// What the keyboard is on: its role, and its name as a screen reader would read it (label, or text).
function focused(page: Page): Promise<{ role: string; name: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement)) return { role: '', name: '' };
    const role =
      el.getAttribute('role') ??
      (el instanceof HTMLInputElement
        ? el.type
        : el instanceof HTMLTextAreaElement
          ? 'textarea'
          : el.localName);
    const labelled = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
        ? (el.labels?.[0]?.textContent ?? '')
        : (el.textContent ?? ''));
    return { role, name: name.replace(/\s+/g, ' ').trim() };
  });
}

/**
 * tabTo presses Tab (or Shift+Tab) until the keyboard is on an element of `role` whose name matches, and fails
 * naming where it went when it does not get there within `most` presses: a place Tab cannot reach is a bug.
 */
async function tabTo(
  page: Page,
  role: string,
  name: RegExp,
  { back = false, most = 60 } = {},
): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < most; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const at = await focused(page);
    if (at.role === role && name.test(at.name)) return;
    seen.push(`${at.role} “${at.name.slice(0, 40)}”`);
  }
  throw new Error(`Tab never reached ${role} ${name}; it went through:\n${seen.join('\n')}`);
}

const stepsDone = (page: Page) => page.locator('#panel-lesson .checklist li.met').count();

describe('a lesson with the keyboard only', () => {
  const { browser, baseUrl } = useBrowser();

  it('opens every panel, ticks a checkbox with Space and crashes a server, in Korean, without a mouse', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=ko`);
    await tabTo(page, 'tab', /^대화 기록$/);
    const opened: string[] = [];
    for (let i = 0; i < 10; i++) {
      const tab = await focused(page);
      const panel = await page.evaluate(() => {
        const shown = [...document.querySelectorAll('[role=tabpanel]')].find(
          (p) => !p.hasAttribute('hidden'),
        );
        return (
          document.getElementById(shown?.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? ''
        );
      });
      if (panel === tab.name) opened.push(panel);
      await page.keyboard.press('ArrowRight');
    }
    expect(opened).toEqual([
      '대화 기록',
      '상태 기계',
      '검사기',
      '메시지 큐',
      '메일박스',
      '콘솔',
      '편지 쓰기',
      '메일 읽기',
      '장애 주입',
      '사건 목록',
    ]);
    // Space ticks the state machines' TCP checkbox, and does not play.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await tabTo(page, 'checkbox', /TCP/);
    await page.keyboard.press(' ');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    expect(await page.locator('.play').getAttribute('aria-pressed')).toBe('false');
    // The faults: crash hamburger.edu, and the map says it is down.
    await tabTo(page, 'tab', /^상태 기계$/, { back: true });
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await tabTo(page, 'button', /^강제 종료 hamburger\.edu/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#network').innerText()).toContain('다운');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finishes lesson 1 in Korean from the lesson index without a mouse', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=ko`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();

    // The lesson index, from the header.
    await tabTo(page, 'button', /^레슨 목록$/);
    await page.keyboard.press('Enter');
    await tabTo(page, 'button', /^1 전자메일의 세 가지 구성 요소/);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#panel-lesson h2').innerText())
      .toBe('전자메일의 세 가지 구성 요소');
    expect(await stepsDone(page)).toBe(0);

    // Step 1: from the lesson's tab to Compose with the arrow keys, then the form.
    await tabTo(page, 'tab', /^레슨$/);
    for (let i = 0; i < 12 && (await focused(page)).name !== '편지 쓰기'; i++)
      await page.keyboard.press('ArrowRight');
    expect(await page.locator('#tab-compose').getAttribute('aria-selected')).toBe('true');
    await tabTo(page, 'text', /^받는 사람/);
    await page.keyboard.type('bob@hamburger.edu');
    await tabTo(page, 'text', /^제목/);
    await page.keyboard.type('점심');
    await tabTo(page, 'textarea', /^본문/);
    await page.keyboard.type('케첩 좋아해요?');
    await tabTo(page, 'button', /^보내기$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => stepsDone(page), { timeout: 10_000 }).toBe(1);

    // Steps 2 and 3: End takes the cursor to the end of what happened (focus is on a button, not in a field).
    await expect
      .poll(() => page.locator('.play').getAttribute('aria-pressed'), { timeout: 10_000 })
      .toBe('false');
    await page.keyboard.press('End');
    await expect.poll(() => stepsDone(page), { timeout: 10_000 }).toBe(3);

    // Back to the lesson by the skip link to the panels, then Home in the tab list.
    await tabTo(page, 'a', /^패널로 바로 가기$/, { back: true, most: 120 });
    await page.keyboard.press('Enter');
    await tabTo(page, 'tab', /^편지 쓰기$/);
    await page.keyboard.press('Home');
    expect(await page.locator('#tab-lesson').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.locator('#panel-lesson').innerText()).toContain('모든 단계를 마쳤습니다');

    // The three questions: arrows choose among the radio buttons, typing answers the short one, Enter checks.
    await tabTo(page, 'radio', /앨리스의 사용자 에이전트/);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'button', /^확인$/);
    await page.keyboard.press('Enter');
    await tabTo(page, 'text', /답/);
    await page.keyboard.type('클라이언트');
    await page.keyboard.press('Enter');
    await tabTo(page, 'radio', /SMTP로 밥의 PC에 밀어 보낸다/);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'button', /^확인$/);
    await page.keyboard.press('Enter');
    const verdicts = page.locator('#panel-lesson .verdict');
    await expect
      .poll(() => verdicts.evaluateAll((vs) => vs.map((v) => v.classList.contains('correct'))))
      .toEqual([true, true, true]);
    await page.screenshot({ path: `${SCREENSHOTS}lesson-1-keyboard-ko.png` });

    // The lesson is saved as completed, so the index will say so.
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('mail-lab.progress.v1') ?? '{}'));
    expect(saved.lessons?.['three-parts']?.completed).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
    // One journey of some 150 key presses, each followed by a look at where focus went: half a minute on a quiet
    // machine, so it gets the time of two ordinary tests.
  }, 120_000);
});
