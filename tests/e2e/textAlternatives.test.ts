import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

// The map and the state charts in words, reached and read with the keyboard only, in Korean.
describe('the text alternatives of the map and the state charts', () => {
  const { browser, baseUrl } = useBrowser();

  it('tells where each message is now, and follows the cursor', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=mixed&lang=ko`);
    const toggle = page.getByRole('button', { name: '글로 보기' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // Before anything is sent there is nothing to place.
    await expect(page.getByText('아직 보낸 메시지가 없습니다.').count()).resolves.toBe(1);
    await page.locator('body').press('End');
    const table = page.getByRole('table', { name: '메시지가 지금 있는 곳' });
    await table.waitFor();
    await expect(table.getByRole('columnheader').allTextContents()).resolves.toEqual([
      '메시지',
      '받는 사람',
      '있는 곳',
      '언제부터',
    ]);
    const rows = table.locator('tbody tr');
    await expect(rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-place')))).resolves.toEqual([
      'mailbox',
      'mailbox',
      'bounced',
      'mailbox',
    ]);
    await expect(rows.nth(0).innerText()).resolves.toContain('hamburger.edu의 bob 메일박스 (INBOX, UID 1)');
    await expect(rows.nth(2).innerText()).resolves.toContain('crepes.fr이(가) 반송함');
    await page.screenshot({ path: `${SCREENSHOTS}map-text-ko.png` });
    // A row's time opens the event that put the message there.
    await rows.nth(0).getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: '검사기' }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    // Back to the map.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: /^네트워크 지도/ }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists every session’s machines with their states, and shows a session’s charts when it is pressed', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=textbook&lang=ko`);
    await page.locator('body').press('End');
    const tab = page.getByRole('tab', { name: '상태 기계' });
    await tab.focus();
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: '모든 세션의 상태 기계 현재 상태' });
    const rows = table.locator('tbody tr');
    // The panel loads when first opened.
    await expect
      .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-conn'))))
      .toEqual(['c1', 'c2']);
    await expect(rows.nth(0).locator('td').allTextContents()).resolves.toEqual(['done', 'closed', '닫힘']);
    // The last connection's charts show; pressing the first shows its own.
    const first = rows.nth(0).getByRole('button');
    await expect(rows.nth(1).getByRole('button').getAttribute('aria-pressed')).resolves.toBe('true');
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(first.getAttribute('aria-pressed')).resolves.toBe('true');
    // Its chart names the host as the map does.
    await expect(page.locator('.chart figcaption strong').first().innerText()).resolves.toBe(
      'SMTP 클라이언트 · 앨리스의 PC',
    );
    // At the start no connection is open, and the table says so.
    await page.locator('body').press('Home');
    await expect(page.getByText('아직 열린 연결이 없습니다.').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
