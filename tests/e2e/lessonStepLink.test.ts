// A lesson link that names a step but carries no recorded run, opened in Korean: the earlier steps are done by
// their "show me", so the student arrives at the step with their connections in the event list, and a step
// the lesson lacks is said to be missing in Korean rather than silently ignored.
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

describe('a lesson link to a step without a recorded run', () => {
  const { browser, baseUrl } = useBrowser();

  it('opens lesson 5 at "reuse" in Korean with the earlier steps done and their connections in the event list', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lesson=persistent-connection&step=reuse&lang=ko`);
    await expect.poll(() => page.locator('#panel-lesson h2').count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => page.locator('#panel-lesson .checklist li.met').count(), { timeout: 30_000 })
      .toBe(4);
    await expect(page.locator('#panel-lesson .checklist li:not(.met)').count()).resolves.toBe(1);
    // The telnet session of steps 1–3 and crepes.fr's two connections of step 4, all before the cursor.
    await page.getByRole('tab', { name: '사건 목록' }).click();
    await page.getByRole('searchbox', { name: '사건 검색' }).fill('hamburger.edu 25번 포트로 연결');
    const rows = page.locator('.events .rows [role=row]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    await expect(page.locator('.events .rows [role=row].future').count()).resolves.toBe(0);
    // The address now records the run, so a reload restores the same world.
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('inputs=');
    expect(page.url()).toContain('step=reuse');
    await page.screenshot({ path: `${SCREENSHOTS}lesson-5-step-link-ko.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says in Korean that a step the lesson lacks does not exist', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lesson=persistent-connection&step=nope&lang=ko`);
    await expect
      .poll(() => page.getByText('"persistent-connection" 레슨에는 "nope"라는 단계가 없습니다.').count(), {
        timeout: 30_000,
      })
      .toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
