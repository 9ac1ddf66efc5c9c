// The one lesson driver in the browser, used as a student would: "show me" pressed twice in a row still finishes
// its step and leaves the next one working, Continue in the lesson index picks a lesson up at the step it left
// with its world restored, and lesson 9's attachment step is done by hand with a file whose name is Korean.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openTab } from './panels.ts';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

const PROGRESS_KEY = 'mail-lab.progress.v1';

// The first bytes of a PNG file, then one byte that is never UTF-8.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff]);

function stepsDone(page: Page): Promise<number> {
  return page.locator('#panel-lesson .checklist li.met').count();
}

async function openAfresh(page: Page, url: string): Promise<void> {
  await page.evaluate((key) => localStorage.removeItem(key), PROGRESS_KEY);
  await page.goto(url);
  await expect.poll(() => page.locator('#panel-lesson h2').count()).toBe(1);
}

async function typeLine(page: Page, line: string, expectOnScreen: string): Promise<void> {
  const prompt = page.getByRole('textbox', {
    name: /Command for the terminal on|Line to send to|터미널에 입력할 명령|에 보낼 줄/,
  });
  await prompt.fill(line);
  await prompt.press('Enter');
  await expect.poll(() => page.getByRole('log').innerText(), { timeout: 10_000 }).toContain(expectOnScreen);
}

// Playback has come to rest: the play button offers to play again.
async function atRest(page: Page, play = 'Play'): Promise<void> {
  await expect
    .poll(() => page.getByRole('button', { name: play, exact: true }).count(), { timeout: 20_000 })
    .toBe(1);
}

describe('the lesson driver in the browser', () => {
  const { browser, baseUrl } = useBrowser();

  it.each([
    ['smtp-by-hand', 3, 'HELO crepes.fr'],
    ['server-keeps-order', 4, 'RCPT TO'],
    ['persistent-connection', 5, 'MAIL FROM'],
    ['header-and-body', 8, null],
    ['pop3-by-hand', 11, 'USER bob'],
  ] as const)(
    'finishes a step of %s (lesson %i) when "show me" is pressed twice in a row, and the next press still works',
    async (slug, _n, typed) => {
      const { page, errors } = await browser.open(`${baseUrl}?lesson=${slug}&lang=en`);
      await openAfresh(page, `${baseUrl}?lesson=${slug}&lang=en`);
      const showMe = page.locator('#panel-lesson').getByRole('button', { name: 'Show me' });
      for (const expected of [1, 2]) {
        await showMe.click();
        await showMe.click();
        await expect.poll(() => stepsDone(page), { timeout: 30_000 }).toBe(expected);
        await atRest(page);
      }
      expect(await showMe.isEnabled()).toBe(true);
      // What "show me" typed is on the console's screen, as if the student had typed it.
      if (typed !== null) {
        await page.getByRole('tab', { name: 'Console' }).click();
        expect(await page.getByRole('log').innerText()).toContain(typed);
      }
      // The transcript's lines are fetched when it first shows a connection: read them once they have arrived.
      await openTab(page, 'Transcript');
      // Lines still to come are drawn dimmed; none of those already shown may be a 421 idle timeout.
      const shownLines = await page.locator('#panel-tools li:not(.future)').allInnerTexts();
      expect(shownLines.length).toBeGreaterThan(0);
      expect(shownLines.filter((l) => /\b421\b/.test(l))).toEqual([]);
      await page.getByRole('tab', { name: 'Console' }).click();
      expect(await page.getByRole('log').innerText()).not.toContain('?Not connected');
      expect(errors).toEqual([]);
      await page.close();
    },
    120_000,
  );

  it('continues a lesson from the lesson index, after a reload, at the step it left with its world restored', async () => {
    const url = `${baseUrl}?lesson=smtp-by-hand&lang=ko`;
    const { page, errors } = await browser.open(url);
    await openAfresh(page, url);
    await page.getByRole('tab', { name: '콘솔' }).click();
    await typeLine(page, 'telnet hamburger.edu 25', '220 hamburger.edu');
    await typeLine(page, 'HELO crepes.fr', '250 Hello crepes.fr, pleased to meet you');
    await expect.poll(() => stepsDone(page)).toBe(2);
    await atRest(page, '재생');
    // Somewhere else entirely, then back through the index after a reload.
    await page.goto(`${baseUrl}?lesson=three-parts&lang=ko`);
    await page.reload();
    await page.getByRole('button', { name: '레슨 목록', exact: true }).click();
    const entry = page.locator('button').filter({ hasText: '이어 하기' });
    expect(await entry.count()).toBe(1);
    expect(await entry.innerText()).toContain('5단계 중 2단계');
    await entry.click();
    await expect.poll(() => stepsDone(page)).toBe(2);
    expect(await page.locator('#panel-lesson .checklist li[aria-current="step"]').count()).toBe(1);
    expect(await page.locator('#panel-lesson .step h3').innerText()).toBe('5단계 중 3단계');
    // The telnet session is the one from before the reload: MAIL goes through on it.
    await page.getByRole('tab', { name: '콘솔' }).click();
    await typeLine(page, 'MAIL FROM: <alice@crepes.fr>', '250 alice@crepes.fr ... Sender ok');
    await typeLine(page, 'RCPT TO: <bob@hamburger.edu>', '250 bob@hamburger.edu ... Recipient ok');
    await expect.poll(() => stepsDone(page), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('step=message');
    expect(await page.locator('#panel-lesson h2').innerText()).toBe('SMTP 대화를 직접 입력하기');
    // A link shared from here names the lesson and its step, and opens there, in Korean, with three steps done.
    await page.getByRole('button', { name: '공유', exact: true }).click();
    const field = page.getByLabel('이 순간으로 가는 링크');
    await expect.poll(() => field.inputValue()).toMatch(/^http/);
    const link = new URL(await field.inputValue());
    expect([link.searchParams.get('lesson'), link.searchParams.get('step')]).toEqual([
      'smtp-by-hand',
      'message',
    ]);
    const shared = await browser.open(link.href);
    await expect.poll(() => stepsDone(shared.page), { timeout: 10_000 }).toBe(3);
    expect(await shared.page.locator('#panel-lesson h2').innerText()).toBe('SMTP 대화를 직접 입력하기');
    expect([...errors, ...shared.errors]).toEqual([]);
    await shared.page.close();
    await page.close();
  }, 120_000);

  it('finishes lesson 9’s attachment step by hand with chosen files named in Korean, text and a photo, which arrive intact', async () => {
    const url = `${baseUrl}?lesson=mime-and-base64&lang=ko`;
    const { page, errors } = await browser.open(url);
    await openAfresh(page, url);
    await page.locator('#panel-lesson').getByRole('button', { name: '보여 주세요' }).click();
    await expect.poll(() => stepsDone(page), { timeout: 30_000 }).toBe(1);
    await atRest(page, '재생');
    await page.getByRole('tab', { name: '편지 쓰기' }).click();
    await page.getByLabel('받는 사람', { exact: true }).fill('bob@hamburger.edu');
    await page.getByLabel('제목').fill('메뉴');
    await page.locator('.compose input[type=file]').setInputFiles([
      { name: '점심 메뉴.txt', mimeType: 'text/plain', buffer: Buffer.from('크레이프\nketchup\n', 'utf8') },
      { name: '사진.png', mimeType: 'image/png', buffer: Buffer.from(PNG) },
    ]);
    await expect
      .poll(() => page.locator('.compose .attachments li').allInnerTexts())
      .toEqual([expect.stringContaining('점심 메뉴.txt'), expect.stringContaining('사진.png')]);
    await page.getByRole('button', { name: '보내기', exact: true }).click();
    await expect.poll(() => stepsDone(page), { timeout: 30_000 }).toBe(2);
    await atRest(page, '재생');
    await page.getByRole('button', { name: '끝으로' }).click();
    await openTab(page, '메일박스');
    // Bob's second message is the one with the file; the inspector shows its parts, decoded.
    await page.locator('#panel-tools button.message[data-uid="2"]').filter({ hasText: '메뉴' }).click();
    const part = page.locator('#panel-tools button[data-part="1.2"]');
    await expect.poll(() => part.innerText(), { timeout: 10_000 }).toContain('점심 메뉴.txt');
    await part.click();
    expect(await page.locator('#panel-tools .decoded pre.text').innerText()).toContain('크레이프\nketchup');
    // The photo's bytes, first the PNG signature, come out as they went in.
    const photo = page.locator('#panel-tools button[data-part="1.3"]');
    expect(await photo.innerText()).toContain('사진.png');
    await photo.click();
    expect(await page.locator('#panel-tools .decoded .dump').innerText()).toMatch(
      /^0+\s*89 50 4e 47 0d 0a 1a 0a ff/i,
    );
    await page.screenshot({ path: `${SCREENSHOTS}lesson-9-attachment-ko.png` });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
