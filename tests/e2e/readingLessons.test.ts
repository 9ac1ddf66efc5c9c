// The reading lessons (10 to 15) in Chromium: lessons 11 and 13 done by hand as a student does them, typing POP3
// and IMAP in the console and clicking through the Read mail panel; the others by "show me", step after step.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openTab } from './panels.ts';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

const PROGRESS_KEY = 'mail-lab.progress.v1';

function stepsDone(page: Page): Promise<number> {
  return page.locator('#panel-lesson .checklist li.met').count();
}

/** freshLesson opens a lesson with no saved progress, as a student opening it for the first time. */
async function freshLesson(
  browser: { open: (url: string) => Promise<{ page: Page; errors: string[] }> },
  url: string,
): Promise<{ page: Page; errors: string[] }> {
  const opened = await browser.open(url);
  await opened.page.evaluate((key) => localStorage.removeItem(key), PROGRESS_KEY);
  await opened.page.goto(url);
  expect(await stepsDone(opened.page)).toBe(0);
  return opened;
}

/** typeLine types one line in the console and waits for what it should bring on screen. */
async function typeLine(page: Page, line: string, expectOnScreen: string | RegExp): Promise<void> {
  const prompt = page.getByRole('textbox', {
    name: /Command for the terminal on|Line to send to|터미널에 입력할 명령|에 보낼 줄/,
  });
  await prompt.fill(line);
  await prompt.press('Enter');
  const log = () => page.getByRole('log').innerText();
  if (typeof expectOnScreen === 'string')
    await expect.poll(log, { timeout: 15_000 }).toContain(expectOnScreen);
  else await expect.poll(log, { timeout: 15_000 }).toMatch(expectOnScreen);
}

/** untilStep waits for the checklist to show `n` steps done. */
async function untilStep(page: Page, n: number, timeout = 30_000): Promise<void> {
  await expect.poll(() => stepsDone(page), { timeout }).toBe(n);
}

/** showMeThrough presses "show me" at every step and waits for each to be ticked off before the next. */
async function showMeThrough(page: Page, steps: number, showMe: string, toEnd: string): Promise<void> {
  for (let i = 0; i < steps; i++) {
    await page.locator('#panel-lesson').getByRole('button', { name: showMe }).click();
    // Playback shows the world at a pace a person can follow; a day of retries is skipped to the end.
    const done = await expect
      .poll(() => stepsDone(page), { timeout: 20_000 })
      .toBe(i + 1)
      .then(() => true)
      .catch(() => false);
    if (!done) {
      await page.getByRole('button', { name: toEnd }).click();
      await untilStep(page, i + 1, 60_000);
    }
  }
}

describe('the reading lessons in the lab', () => {
  const { browser, baseUrl } = useBrowser();

  it('completes lesson 11 in Korean by typing POP3 in the console, the dropped session included', async () => {
    const { page, errors } = await freshLesson(browser, `${baseUrl}?lesson=pop3-by-hand&lang=ko`);
    await page.getByRole('tab', { name: '콘솔' }).click();
    // Alice's two messages are in Bob's mailbox a couple of seconds in.
    await page.getByRole('button', { name: '끝으로' }).click();
    await typeLine(page, 'telnet hamburger.edu 110', '+OK POP3 server ready');
    await untilStep(page, 1);
    await typeLine(page, 'USER bob', '+OK bob');
    await typeLine(page, 'PASS ketchup', '-ERR');
    await untilStep(page, 2);
    await typeLine(page, 'USER bob', /\+OK bob[^]*\+OK bob/);
    await typeLine(page, 'PASS hungry', "bob's maildrop has 2 messages");
    await untilStep(page, 3);
    await typeLine(page, 'STAT', '+OK 2 ');
    await typeLine(page, 'LIST', '+OK 2 messages');
    await untilStep(page, 4);
    await typeLine(page, 'RETR 1', 'How about pickles?');
    await untilStep(page, 5);
    await typeLine(page, 'DELE 1', '+OK message 1 deleted');
    await page.getByRole('button', { name: '연결 끊기' }).click();
    await untilStep(page, 6);
    await openTab(page, '메일박스');
    expect(await page.locator('#panel-tools').innerText()).toContain('Lunch');
    await page.getByRole('tab', { name: '콘솔' }).click();
    await typeLine(page, 'telnet hamburger.edu 110', /\+OK POP3 server ready[^]*\+OK POP3 server ready/);
    await typeLine(page, 'USER bob', /(\+OK bob[^]*){3}/);
    await typeLine(page, 'PASS hungry', /(maildrop has 2 messages[^]*){2}/);
    await typeLine(page, 'DELE 1', /(\+OK message 1 deleted[^]*){2}/);
    await typeLine(page, 'QUIT', 'signing off');
    await untilStep(page, 7);
    await page.getByRole('tab', { name: '레슨' }).click();
    expect(await page.locator('#panel-lesson').innerText()).toContain('모든 단계를 마쳤습니다');

    // A question answered from this run: one message was removed, and Korean may say so in a sentence.
    const removed = page.locator('#panel-lesson form').nth(1);
    await removed.getByRole('textbox').fill('1개입니다');
    await removed.getByRole('button', { name: '확인' }).click();
    await expect.poll(() => page.locator('#panel-lesson .verdict.correct').count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}lesson-11-ko-done.png` });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('completes lesson 13 with the Read mail panel on two devices and IMAP typed in the console', async () => {
    const { page, errors } = await freshLesson(browser, `${baseUrl}?lesson=imap-keeps-state&lang=en`);
    await page.getByRole('button', { name: 'To the end' }).click();
    await page.getByRole('tab', { name: 'Read mail' }).click();
    const getMail = async (device: string) => {
      await page.getByLabel('Device').selectOption(device);
      await page.getByRole('radio', { name: 'IMAP' }).check();
      await page.getByRole('button', { name: 'Get mail' }).click();
    };
    const rows = page.getByTestId('imap-message');
    await getMail('bob-phone');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    await getMail('bob-pc');
    await untilStep(page, 1);

    await page.getByRole('tab', { name: 'Read mail' }).click();
    const opened = page.getByTestId('imap-open');
    await rows.filter({ hasText: 'Lunch' }).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => opened.innerText(), { timeout: 15_000 }).toContain('Do you like ketchup?');
    await untilStep(page, 2);

    await page.getByRole('tab', { name: 'Read mail' }).click();
    await rows.filter({ hasText: 'Dinner' }).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => opened.innerText(), { timeout: 15_000 }).toContain('Crepes at eight?');
    await opened.getByRole('button', { name: 'Flag', exact: true }).click();
    await untilStep(page, 3);

    await page.getByRole('tab', { name: 'Console' }).click();
    await typeLine(page, 'telnet hamburger.edu 143', '* OK');
    await typeLine(page, 'a1 LOGIN bob hungry', 'a1 OK');
    await typeLine(page, 'a2 SELECT INBOX', 'a2 OK');
    await typeLine(page, 'a3 FETCH 1 (BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)])', 'a3 OK');
    await typeLine(page, 'a4 SEARCH UNSEEN', 'a4 OK');
    await typeLine(page, 'a5 SEARCH FROM alice SUBJECT dinner', 'a5 OK');
    await typeLine(page, 'a6 CREATE Recipes', 'a6 OK');
    await untilStep(page, 4);
    await typeLine(page, 'a7 LOGOUT', 'a7 OK');

    await page.getByRole('tab', { name: 'Read mail' }).click();
    // Getting mail again lists the folder made by hand, so the open message can move there.
    await getMail('bob-pc');
    await rows.filter({ hasText: 'Lunch' }).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => opened.innerText(), { timeout: 15_000 }).toContain('Do you like ketchup?');
    await expect
      .poll(() => page.getByTestId('move-to').innerText(), { timeout: 15_000 })
      .toContain('Recipes');
    await page.getByTestId('move-to').selectOption('Recipes');
    await opened.getByRole('button', { name: 'Move', exact: true }).click();
    await untilStep(page, 5);
    await page.getByRole('tab', { name: 'Lesson' }).click();
    expect(await page.locator('#panel-lesson').innerText()).toContain('Every step is done');
    await page.screenshot({ path: `${SCREENSHOTS}lesson-13-done.png` });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it.each([
    ['push-and-pull', 4, 'en'],
    ['delete-or-keep', 5, 'ko'],
    ['partial-fetch', 4, 'en'],
  ] as const)(
    'completes the %s lesson by "show me" at each of its %i steps',
    async (slug, steps, lang) => {
      const { page, errors } = await freshLesson(browser, `${baseUrl}?lesson=${slug}&lang=${lang}`);
      const [showMe, toEnd] = lang === 'ko' ? ['보여 주세요', '끝으로'] : ['Show me', 'To the end'];
      await showMeThrough(page, steps, showMe, toEnd);
      expect(await page.locator('#panel-lesson').innerText()).toContain(
        lang === 'ko' ? '모든 단계를 마쳤습니다' : 'Every step is done',
      );
      await page.screenshot({ path: `${SCREENSHOTS}lesson-${slug}-${lang}-done.png` });
      expect(errors).toEqual([]);
      await page.close();
    },
    240_000,
  );

  it('completes the whole path in Korean by "show me", and checks Korean answers against the run', async () => {
    const { page, errors } = await freshLesson(browser, `${baseUrl}?lesson=whole-path&lang=ko`);
    await showMeThrough(page, 6, '보여 주세요', '끝으로');
    const lesson = page.locator('#panel-lesson');
    expect(await lesson.innerText()).toContain('모든 단계를 마쳤습니다');

    const question = (n: number) => lesson.locator('form').nth(n);
    // A wrong code gets a hint toward where to look, not the answer.
    await question(2).getByRole('textbox').fill('450');
    await question(2).getByRole('button', { name: '확인' }).click();
    await expect.poll(() => lesson.innerText()).toContain('RCPT TO');
    expect(await lesson.innerText()).not.toContain('정답: 550');
    await question(2).getByRole('textbox').fill('550이요');
    await question(2).getByRole('button', { name: '확인' }).click();
    await expect.poll(() => lesson.locator('.verdict.correct').count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}lesson-15-ko-done.png` });
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
