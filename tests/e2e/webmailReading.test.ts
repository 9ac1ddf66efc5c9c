import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

// Opens the webmail in the Read mail panel (already chosen) and logs in as Bob; returns the shown page.
async function logInAsBob(page: Page) {
  await page.getByTestId('web-open').click();
  const shown = page.getByTestId('web-page');
  await expect.poll(() => shown.innerText(), { timeout: 10_000 }).toContain('hamburger.edu');
  await page.getByTestId('web-user').fill('bob');
  await page.getByLabel('비밀번호').fill('hungry');
  await page.getByRole('button', { name: '로그인' }).click();
  return shown;
}

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

    const shown = await logInAsBob(page);
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

  it('sends a reply from the page’s Reply form with In-Reply-To naming Alice’s message, in Korean', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=webmail&lang=ko&at=15000`);
    await page.getByRole('tab', { name: '메일 읽기' }).click();
    const shown = await logInAsBob(page);
    const link = (text: string) => page.getByTestId('web-link').filter({ hasText: text });
    await expect.poll(() => link('Lunch').count(), { timeout: 10_000 }).toBe(1);
    await link('Lunch').click();
    await expect.poll(() => link('Reply').count(), { timeout: 10_000 }).toBe(1);
    // By keyboard: the page's Reply link, then the panel's form, as a person fills in the page's.
    await link('Reply').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => shown.innerText(), { timeout: 10_000 }).toContain('Compose');
    // The panel's fields show the page's reply form as the webmail filled it in: Alice, and "Re: " her subject.
    const form = page.getByRole('form', { name: '웹메일로 쓰기' });
    await expect
      .poll(() => form.getByLabel('받는 사람').inputValue(), { timeout: 10_000 })
      .toBe('Alice <alice@crepes.fr>');
    expect(await form.getByLabel('제목').inputValue()).toBe('Re: Lunch');
    expect(await form.getByLabel('본문').inputValue()).toContain('> Do you like ketchup?');
    await expect.poll(() => form.innerText()).toContain('페이지의 양식에서 채웠습니다');
    // Looked at in Korean at 1280x720 and as 200% zoom lays it out (640x360 CSS pixels): the fields fit the panel.
    for (const [width, height, name] of [
      [640, 360, 'zoom2'],
      [1280, 720, '1280'],
    ] as const) {
      await page.setViewportSize({ width, height });
      await form.scrollIntoViewIfNeeded();
      const overflow = await form.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SCREENSHOTS}webmail-reply-form-ko-${name}.png` });
    }
    // By keyboard, Bob writes his answer above the quote and sends what the form holds.
    await form.getByLabel('받는 사람').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('케첩은 좋아요.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => shown.innerText(), { timeout: 10_000 }).toContain('Your message was sent.');

    // Alice's copy, in her mailbox at crepes.fr, names the message it answers.
    await page.locator('body').press('End');
    await page.getByRole('tab', { name: '메일박스' }).click();
    const reply = page.getByRole('button', { name: /^메시지 1\(Re: Lunch\)/ });
    await expect.poll(() => reply.count(), { timeout: 10_000 }).toBe(1);
    await reply.click();
    const raw = page.getByRole('region', { name: '원본 소스' });
    await expect.poll(() => raw.innerText(), { timeout: 10_000 }).toMatch(/In-Reply-To: <[^>]+@crepes\.fr>/);
    expect(await raw.innerText()).toMatch(/References: <[^>]+@crepes\.fr>/);

    // A link to this moment carries what Bob did, and rebuilds the same world with his reply in it: the form's
    // `Alice <alice@crepes.fr>` went out as the bare address a link can carry.
    await page.getByRole('button', { name: '공유', exact: true }).click();
    const field = page.getByLabel('이 순간으로 가는 링크');
    await expect.poll(() => field.inputValue()).toMatch(/^http/);
    const shared = await browser.open(await field.inputValue());
    await shared.page.getByRole('tab', { name: '메일박스' }).click();
    await expect
      .poll(() => shared.page.getByRole('button', { name: /^메시지 1\(Re: Lunch\)/ }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    expect([...errors, ...shared.errors]).toEqual([]);
    await shared.page.close();
    await page.close();
  });

  it('says next to the field which recipients are not addresses and sends nothing until they are', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=webmail&lang=ko&at=15000`);
    await page.getByRole('tab', { name: '메일 읽기' }).click();
    const shown = await logInAsBob(page);
    await expect.poll(() => page.getByTestId('web-link').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const form = page.getByRole('form', { name: '웹메일로 쓰기' });
    const to = form.getByLabel('받는 사람');
    // A quoted name may hold a comma; "carol" has no domain.
    await to.fill('"Doe, John" <john@crepes.fr>, carol');
    await form.getByLabel('제목').fill('Hi');
    const before = await shown.innerText();
    await form.getByRole('button', { name: '보내기' }).click();
    await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
    const note = await form.innerText();
    expect(note).toContain('“carol”');
    expect(note).not.toContain('“"Doe');
    expect(await shown.innerText()).toBe(before);
    await page.setViewportSize({ width: 1280, height: 720 });
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}webmail-to-problem-ko.png` });

    await to.fill('"Doe, John" <john@crepes.fr>');
    await form.getByRole('button', { name: '보내기' }).click();
    await expect.poll(() => shown.innerText(), { timeout: 10_000 }).toContain('Your message was sent.');
    expect(await to.getAttribute('aria-invalid')).toBe('false');
    expect(errors).toEqual([]);
    await page.close();
  });
});
