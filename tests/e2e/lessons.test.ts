import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

const PROGRESS_KEY = 'mail-lab.progress.v1';

function stepsDone(page: Page): Promise<number> {
  return page.locator('#panel-lesson .checklist li.met').count();
}

async function typeLine(page: Page, line: string, expectOnScreen: string): Promise<void> {
  const prompt = page.getByRole('textbox', { name: /Command for the terminal on|Line to send to/ });
  await prompt.fill(line);
  await prompt.press('Enter');
  await expect.poll(() => page.getByRole('log').innerText(), { timeout: 10_000 }).toContain(expectOnScreen);
}

describe('guided lessons in the lab', () => {
  const { browser, baseUrl } = useBrowser();

  it('completes lesson 3 by typing the SMTP dialogue in the console', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lesson=smtp-by-hand&lang=en`);
    await page.evaluate((key) => localStorage.removeItem(key), PROGRESS_KEY);
    await page.reload();
    expect(await stepsDone(page)).toBe(0);
    await page.getByRole('tab', { name: 'Console' }).click();
    await typeLine(page, 'telnet hamburger.edu 25', '220 hamburger.edu');
    await typeLine(page, 'HELO crepes.fr', '250 Hello crepes.fr, pleased to meet you');
    await typeLine(page, 'MAIL FROM: <alice@crepes.fr>', '250 alice@crepes.fr ... Sender ok');
    await typeLine(page, 'RCPT TO: <bob@hamburger.edu>', '250 bob@hamburger.edu ... Recipient ok');
    await typeLine(page, 'DATA', '354 Enter mail, end with "." on a line by itself');
    await typeLine(page, 'Do you like ketchup?', 'Do you like ketchup?');
    await typeLine(page, 'How about pickles?', 'How about pickles?');
    await typeLine(page, '.', '250 Message accepted for delivery');
    await typeLine(page, 'QUIT', '221 hamburger.edu closing connection');
    await page.getByRole('tab', { name: 'Lesson' }).click();
    await expect.poll(() => stepsDone(page), { timeout: 10_000 }).toBe(5);
    expect(await page.locator('#panel-lesson').innerText()).toContain('Every step is done');
    await page.screenshot({ path: `${SCREENSHOTS}lesson-3-done.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('completes lesson 6 with the fault panel, the compose form and the playback controls', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lesson=server-down&lang=en`);
    await page.evaluate((key) => localStorage.removeItem(key), PROGRESS_KEY);
    await page.reload();
    const send = async (subject: string) => {
      await page.getByRole('tab', { name: 'Compose' }).click();
      await page.getByLabel('To', { exact: true }).fill('bob@hamburger.edu');
      await page.getByLabel('Subject').fill(subject);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
    };
    await page.getByRole('tab', { name: 'Faults' }).click();
    await page
      .getByRole('button', { name: /^Crash .*hamburger\.edu/ })
      .first()
      .click();
    await send('Lunch');
    const next = page.getByRole('button', { name: 'Next notable event' });
    const playUntil = async (steps: number) => {
      for (let i = 0; i < 30 && (await stepsDone(page)) < steps; i++) await next.click();
      expect(await stepsDone(page)).toBe(steps);
    };
    await playUntil(1);
    await playUntil(2);
    await page.getByRole('tab', { name: 'Faults' }).click();
    await page
      .getByRole('button', { name: /^Bring up .*hamburger\.edu/ })
      .first()
      .click();
    await playUntil(3);
    await page.getByRole('tab', { name: 'Faults' }).click();
    await page
      .getByRole('button', { name: /^Crash .*hamburger\.edu/ })
      .first()
      .click();
    await send('Dinner?');
    await page.getByRole('button', { name: 'To the end' }).click();
    await expect.poll(() => stepsDone(page), { timeout: 10_000 }).toBe(5);
    await page.screenshot({ path: `${SCREENSHOTS}lesson-6-done.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('resumes a lesson after a reload, with the steps already done still done', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lesson=smtp-by-hand&lang=en`);
    await page.evaluate((key) => localStorage.removeItem(key), PROGRESS_KEY);
    await page.reload();
    await page.getByRole('tab', { name: 'Console' }).click();
    await typeLine(page, 'telnet hamburger.edu 25', '220 hamburger.edu');
    await typeLine(page, 'HELO crepes.fr', '250 Hello crepes.fr, pleased to meet you');
    await expect.poll(() => stepsDone(page)).toBe(2);
    // The address records the run once playback has come to rest: within the poll's second, as a typed line's
    // reply and its ACKs play at least as fast as by virtual time (playback.ts).
    await expect.poll(() => page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
    await expect.poll(() => page.url()).toContain('inputs=');
    await page.reload();
    await expect.poll(() => stepsDone(page)).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reports corrupt saved progress and starts afresh instead of breaking', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lesson=smtp-by-hand&lang=en`);
    // The lesson writes its progress once it has opened (after the course arrives); plant the damage after that.
    await page.locator('#panel-lesson h2').waitFor();
    await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"lessons":['), PROGRESS_KEY);
    // Opened afresh: a reload would keep the step the first visit wrote into the address from earlier progress.
    await page.goto(`${baseUrl}?lesson=smtp-by-hand&lang=en`);
    await expect
      .poll(() => page.getByRole('alert').first().innerText())
      .toContain('Your saved progress could not be read, so it was cleared');
    expect(await stepsDone(page)).toBe(0);
    expect(await page.locator('#panel-lesson h2').innerText()).toBe('The SMTP handshake by hand');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs and says progress cannot be saved when the browser blocks site data', async () => {
    const { page, errors } = await browser.open('about:blank');
    // Chromium set to block site data throws on the localStorage property itself.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.goto(`${baseUrl}?lesson=smtp-by-hand&lang=ko`);
    await expect
      .poll(() => page.getByRole('alert').first().innerText())
      .toContain('이 브라우저에서는 진도를 저장할 수 없습니다');
    expect(await page.locator('#panel-lesson h2').innerText()).not.toBe('');
    await page.screenshot({ path: `${SCREENSHOTS}storage-blocked-ko.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a Korean lesson on a classroom projector', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lesson=mime-and-base64&lang=ko`);
    await page.screenshot({ path: `${SCREENSHOTS}lesson-9-ko.png` });
    const overflow = await page.evaluate(() => {
      const panel = document.querySelector('#panel-lesson');
      return panel ? panel.scrollWidth - panel.clientWidth : -1;
    });
    expect(overflow).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
