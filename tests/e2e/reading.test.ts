import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

async function panel(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

async function transcript(page: Page): Promise<string> {
  await panel(page, 'Transcript');
  return page.locator('#panel-tools').innerText();
}

describe('reading mail in the lab', () => {
  const { browser, baseUrl } = useBrowser();

  it('gets mail with POP3 on Bob’s PC and shows the message downloaded, and the POP3 session', async () => {
    // At 25 s Alice's message waits in Bob's mailbox, before the story's own fetch at 30 s.
    const { page, errors } = await browser.open(`${baseUrl}?scenario=pop3-delete&lang=en&at=25000`);
    await panel(page, 'Read mail');
    expect(await page.getByLabel('Device').inputValue()).toBe('bob-pc');
    await page.getByRole('radio', { name: 'POP3' }).check();
    await page.getByRole('radio', { name: 'Download and delete' }).check();
    await expect.poll(() => page.locator('#panel-tools').innerText()).toContain('removes it from the server');
    await expect.poll(() => page.getByTestId('downloaded').count()).toBe(0);

    await page.getByRole('button', { name: 'Get mail' }).click();
    const downloaded = page.getByTestId('downloaded');
    await expect.poll(() => downloaded.count(), { timeout: 10_000 }).toBe(1);
    expect(await downloaded.innerText()).toContain('Lunch');
    await downloaded.getByRole('button', { name: 'Show' }).click();
    expect(await downloaded.innerText()).toContain('Do you like ketchup?');
    await page.screenshot({ path: `${SCREENSHOTS}reading-pop3.png` });

    const lines = await transcript(page);
    expect(lines).toContain('RETR 1');
    expect(lines).toContain('DELE 1');
    expect(lines).toContain('+OK');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says in Korean why Get mail failed while the mail server is stopped, with no English in the sentence', async () => {
    // The teacher stopped hamburger.edu's mail service at 20 s; at 25 s Bob asks for his mail.
    const inputs = [
      {
        at: 20_000,
        input: { type: 'fault', fault: { type: 'service.down', host: 'hamburger.edu', service: 'smtp' } },
      },
    ];
    const payload = Buffer.from(JSON.stringify(inputs)).toString('base64url');
    const { page, errors } = await browser.open(
      `${baseUrl}?scenario=pop3-delete&lang=ko&at=25000#inputs=${payload}`,
    );
    await page.setViewportSize({ width: 1280, height: 720 });
    await panel(page, '메일 읽기');
    await page.getByRole('radio', { name: 'POP3' }).check();
    await page.getByRole('button', { name: '메일 가져오기' }).click();
    const status = page.locator('#panel-tools [role="status"]').first();
    await expect
      .poll(() => status.innerText(), { timeout: 10_000 })
      .toMatch(/^POP3 실패: hamburger\.edu\(192\.0\.2\.\d+\)의 110번 포트에 연결하지 못했습니다: 연결 거부$/);
    await page.screenshot({ path: `${SCREENSHOTS}reading-pop3-failed-ko.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gets mail with IMAP, opens a message and moves it to another folder, and shows the IMAP session', async () => {
    // At 45 s both devices have listed INBOX's headers; Bob's PC has opened nothing yet.
    const { page, errors } = await browser.open(`${baseUrl}?scenario=imap-folders&lang=en&at=45000`);
    await panel(page, 'Read mail');
    await page.getByRole('radio', { name: 'IMAP' }).check();
    await page.getByRole('button', { name: 'Get mail' }).click();
    const rows = page.getByTestId('imap-message');
    await expect
      .poll(() => rows.allInnerTexts(), { timeout: 10_000 })
      .toEqual([expect.stringContaining('Lunch'), expect.stringContaining('Dinner')]);

    const lunch = rows.filter({ hasText: 'Lunch' });
    // Unread until opened: its subject is bold, then not, once the text came and \Seen was stored.
    const weight = () => lunch.locator('.subject').evaluate((e) => getComputedStyle(e).fontWeight);
    expect(Number(await weight())).toBeGreaterThanOrEqual(700);
    await lunch.getByRole('button', { name: 'Open' }).click();
    const opened = page.getByTestId('imap-open');
    await expect.poll(() => opened.innerText(), { timeout: 10_000 }).toContain('Do you like ketchup?');
    await expect.poll(weight).not.toBe('700');

    await page.getByTestId('move-to').selectOption('Sent');
    await opened.getByRole('button', { name: 'Move', exact: true }).click();
    await expect
      .poll(() => rows.allInnerTexts(), { timeout: 10_000 })
      .toEqual([expect.stringContaining('Dinner')]);
    await page.getByRole('button', { name: /^Sent/ }).click();
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining('Lunch')]);
    await page.screenshot({ path: `${SCREENSHOTS}reading-imap.png` });

    const lines = await transcript(page);
    expect(lines).toContain('UID FETCH 1 (UID BODY.PEEK[1])');
    expect(lines).toMatch(/UID MOVE 1 Sent/);
    expect(lines).toContain('OK');
    expect(errors).toEqual([]);
    await page.close();
  });
});
