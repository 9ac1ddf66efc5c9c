import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

describe('reading webmail in the Read mail panel', () => {
  const { browser, baseUrl } = useBrowser();

  it('opens the webmail, logs in as Bob and reads Alice’s message through the panel, in Korean', async () => {
    // At 15 s Alice's message waits in Bob's mailbox, before the story's own browser opens at 20 s.
    const { page, errors } = await browser.open(`${baseUrl}?scenario=webmail&lang=ko&at=15000`);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('tab', { name: '메일 읽기' }).click();
    expect(await page.getByRole('radio', { name: '웹메일(HTTP)' }).isChecked()).toBe(true);
    expect(await page.getByLabel('기기').inputValue()).toBe('bob-pc');
    await expect
      .poll(() => page.locator('#panel-tools').innerText())
      .toContain('HTTP 요청으로 웹메일에서 풀하고');

    await page.getByTestId('web-open').click();
    const shown = page.getByTestId('web-page');
    await expect.poll(() => shown.innerText(), { timeout: 10_000 }).toContain('hamburger.edu');
    await page.getByTestId('web-user').fill('bob');
    await page.getByLabel('비밀번호').fill('hungry');
    await page.getByRole('button', { name: '로그인' }).click();
    await expect
      .poll(() => page.getByTestId('web-link').allInnerTexts(), { timeout: 10_000 })
      .toContain('Lunch');

    await page.getByTestId('web-link').filter({ hasText: 'Lunch' }).click();
    await expect.poll(() => shown.innerText(), { timeout: 10_000 }).toContain('Do you like ketchup?');
    expect(await shown.innerText()).toContain('Alice <alice@crepes.fr>');
    await page.screenshot({ path: `${SCREENSHOTS}webmail-read-ko.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
