import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

async function panel(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

async function latestTranscriptLine(page: Page): Promise<string> {
  return (await page.locator('[role="tabpanel"] [aria-current="step"]').last().innerText()).trim();
}

describe('the lab', () => {
  const { browser, baseUrl } = useBrowser();

  it('opens on the textbook scenario without a single console or page error', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=en`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Alice writes to Bob');
    await page.screenshot({ path: `${SCREENSHOTS}lab-start.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('steps through the handshake line by line, with the transcript and the lit state in step', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=en`);
    const forward = page.getByRole('button', { name: 'Step forward one protocol line' });
    await forward.click(); // Alice clicks Send
    await forward.click();
    await panel(page, 'Transcript');
    expect(await latestTranscriptLine(page)).toContain('220 crepes.fr');
    await forward.click();
    expect(await latestTranscriptLine(page)).toContain('HELO alice-pc');
    await forward.click();
    expect(await latestTranscriptLine(page)).toContain('250 Hello alice-pc, pleased to meet you');
    await forward.click();
    expect(await latestTranscriptLine(page)).toContain('MAIL FROM: <alice@crepes.fr>');
    await panel(page, 'State machines');
    // The charts name hosts as the map does, not by their ids (alice-pc).
    const charts = page.locator('#panel-tools');
    await expect.poll(() => charts.innerText()).toContain('SMTP client · Alice’s PC');
    expect(await charts.innerText()).not.toContain('alice-pc');
    const server = page.locator('[data-current]').first();
    const before = await server.getAttribute('data-current');
    for (let i = 0; i < 6; i++) await forward.click();
    await expect.poll(() => server.getAttribute('data-current')).not.toBe(before);
    await page.screenshot({ path: `${SCREENSHOTS}lab-machines.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets a student type the SMTP handshake in the console, as with telnet', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=en`);
    await panel(page, 'Console');
    const prompt = page.getByRole('textbox', { name: /Command for the terminal on/ });
    await prompt.fill('telnet hamburger.edu 25');
    await prompt.press('Enter');
    const screen = page.getByRole('log');
    await expect.poll(() => screen.innerText(), { timeout: 10_000 }).toContain('220 hamburger.edu');
    const line = page.getByRole('textbox', { name: /Line to send to/ });
    await line.fill('HELO crepes.fr');
    await line.press('Enter');
    await expect
      .poll(() => screen.innerText(), { timeout: 10_000 })
      .toContain('250 Hello crepes.fr, pleased to meet you');
    await page.screenshot({ path: `${SCREENSHOTS}lab-console.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows deferrals and retries when a teacher takes Bob's server down", async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=en`);
    await panel(page, 'Faults');
    await page
      .getByRole('button', { name: /^Crash .*hamburger\.edu/ })
      .first()
      .click();
    await panel(page, 'Queues');
    const next = page.getByRole('button', { name: 'Next notable event' });
    for (
      let i = 0;
      i < 12 && !(await page.locator('[role="tabpanel"]').innerText()).includes('Deferred');
      i++
    )
      await next.click();
    const queue = await page.locator('[role="tabpanel"]').innerText();
    expect(queue).toContain('bob@hamburger.edu');
    expect(queue).toContain('Deferred');
    expect(queue).toContain('Connection timed out');
    await page.screenshot({ path: `${SCREENSHOTS}lab-outage.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a delivered message's envelope beside its headers", async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=en`);
    await page.getByRole('button', { name: 'To the end' }).click();
    await panel(page, 'Mailboxes');
    await page.locator('[role="tabpanel"]').getByText('Lunch').first().click();
    await expect
      .poll(() => page.getByRole('tab', { name: 'Inspector' }).getAttribute('aria-selected'))
      .toBe('true');
    // The inspector's code is fetched when it first opens: read it once it has arrived, not its loading line.
    const panelText = () => page.locator('[role="tabpanel"]').innerText();
    await expect.poll(panelText).toContain('MAIL FROM');
    const inspector = await panelText();
    expect(inspector).toContain('alice@crepes.fr');
    expect(inspector).toContain('Received');
    await page.screenshot({ path: `${SCREENSHOTS}lab-inspector.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to Korean without a reload', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=en`);
    await page.getByRole('button', { name: '한국어' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('앨리스가 밥에게 메일을 보냅니다');
    expect(await page.getByRole('tab', { name: '메시지 큐' }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}lab-ko.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('walks the textbook scenario by keyboard alone', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=en`);
    const clock = page.locator('time').first();
    await page.locator('body').press('ArrowRight');
    await page.locator('body').press('ArrowRight');
    const early = await clock.innerText();
    await page.locator('body').press('Shift+ArrowRight');
    await page.locator('body').press('Shift+ArrowRight');
    await expect.poll(() => clock.innerText()).not.toBe(early);
    await page.locator('body').press('End');
    const end = await clock.innerText();
    await page.locator('body').press('Home');
    expect(await clock.innerText()).toBe('00:00:00.000');
    expect(end).not.toBe('00:00:00.000');
    await page.locator('body').press('?');
    await expect.poll(() => page.getByText('Keyboard shortcuts').count()).toBeGreaterThan(1);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent,
    );
    expect(focused).toBeTruthy();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a shared link where the teacher left it, and explains a broken one', async () => {
    // The teacher left it at crepes.fr's second try, 30 minutes after the first began at 00:00:01.135.
    const { page, errors } = await browser.open(`${baseUrl}?scenario=outage&at=1801135&lang=en`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('two hours');
    expect(await page.locator('time').first().innerText()).toBe('00:30:01.135');
    await page.close();
    const broken = await browser.open(`${baseUrl}?scenario=nope&lang=en`);
    await expect.poll(() => broken.page.getByRole('alert').innerText()).toContain('"nope"');
    expect([...errors, ...broken.errors]).toEqual([]);
    await broken.page.close();
  });
});
