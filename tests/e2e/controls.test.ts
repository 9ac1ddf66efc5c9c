import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

describe('the lab controls story', () => {
  const { browser, baseUrl } = useBrowser();

  it('talks SMTP by hand in the console: telnet hamburger.edu 25, then HELO crepes.fr', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?story=Controls&lang=en`);
    const prompt = page.getByRole('textbox', { name: 'Command for the terminal on Alice’s PC' });
    await prompt.fill('telnet hamburger.edu 25');
    await prompt.press('Enter');
    const log = page.getByRole('log');
    await log.getByText('220 hamburger.edu', { exact: true }).waitFor();
    await expect(page.locator('.console .status').textContent()).resolves.toContain(
      'Connected to hamburger.edu port 25',
    );
    const line = page.getByRole('textbox', { name: 'Line to send to hamburger.edu' });
    await expect(line.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await line.fill('HELO crepes.fr');
    await line.press('Enter');
    await log.getByText('250 Hello crepes.fr, pleased to meet you', { exact: true }).waitFor();
    await expect(log.locator('[data-stream="out"]').last().textContent()).resolves.toBe('HELO crepes.fr');
    await line.press('ArrowUp');
    await expect(line.inputValue()).resolves.toBe('HELO crepes.fr');
    await page.locator('.console').screenshot({ path: `${SCREENSHOTS}controls-console.png` });
    await line.press('Control+BracketRight');
    await log.getByText('Connection closed.', { exact: true }).waitFor();
    await expect(page.locator('.console .status').textContent()).resolves.toContain('Not connected');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers a malformed telnet command or an SMTP line with no connection locally', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?story=Controls&lang=en`);
    const prompt = page.getByRole('textbox', { name: 'Command for the terminal on Alice’s PC' });
    await prompt.fill('telnet hamburger.edu');
    await prompt.press('Enter');
    await page.getByText('usage: telnet host port', { exact: false }).waitFor();
    await prompt.fill('HELO crepes.fr');
    await prompt.press('Enter');
    await page.getByText('Connect to a server first: telnet hamburger.edu 25', { exact: false }).waitFor();
    // Neither line became an input, so the world did not move.
    await expect(page.locator('.console .status').textContent()).resolves.toContain('Not connected');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sends a message to Bob from the compose form and shows it accepted', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?story=Controls&lang=en`);
    const form = page.locator('form.compose');
    // The same mistake twice is listed twice (two problems with one text once broke the form).
    await form.getByLabel('Cc', { exact: true }).fill('bob, bob');
    await form.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => form.getByText('“bob” has no @', { exact: false }).count()).toBe(2);
    await form.getByLabel('Cc', { exact: true }).fill('');
    await form.getByLabel('To', { exact: true }).fill('Bob <bob@hamburger.edu>');
    await form.getByLabel('Subject').fill('점심');
    await form.getByLabel('Message').fill('케첩 좋아해요?');
    await form.getByRole('button', { name: 'Send' }).click();
    // The textbook client waits for each reply (no pipelining), so the submission ends a few round trips later.
    await form.getByText('Sent at 00:00:01.975 — watch it travel', { exact: false }).waitFor();
    await expect(form.getByLabel('To', { exact: true }).inputValue()).resolves.toBe('');
    await expect(page.locator('.ua-result').getAttribute('data-outcome')).resolves.toBe('accepted');
    await expect(page.locator('.ua-result').textContent()).resolves.toContain(
      '<bob@hamburger.edu>: accepted',
    );
    await form.screenshot({ path: `${SCREENSHOTS}controls-compose.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets a scenario with several user agents choose which one Compose writes on', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=imap-folders&lang=en`);
    await page.getByRole('tab', { name: 'Compose' }).click();
    const device = page.locator('#panel-tools').getByLabel('Write on');
    await device.waitFor();
    const options = await device.locator('option').allInnerTexts();
    expect(options.length).toBeGreaterThan(1);
    await device.selectOption({ index: 1 });
    await expect.poll(() => device.inputValue()).not.toBe('');
    await expect.poll(() => page.locator('form.compose').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes hamburger.edu down from the fault panel and shows it down, then brings it up', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?story=Controls&lang=en`);
    const row = page.locator('.faults li[data-host="hamburger.edu"]');
    await expect(row.getAttribute('data-up')).resolves.toBe('true');
    await page.getByRole('button', { name: 'Crash hamburger.edu' }).click();
    await page.locator('.faults li[data-host="hamburger.edu"][data-up="false"]').waitFor();
    await expect(row.locator('.state').textContent()).resolves.toContain('Down');
    await expect(page.locator('.recent').textContent()).resolves.toContain('fault   hamburger.edu is down');
    await page.locator('.faults').screenshot({ path: `${SCREENSHOTS}controls-faults.png` });
    await page.getByRole('button', { name: 'Crash Alice’s PC' }).click();
    const prompt = page.getByRole('textbox', { name: 'Command for the terminal on Alice’s PC' });
    await prompt.fill('telnet hamburger.edu 25');
    await prompt.press('Enter');
    await page.getByText('Alice’s PC is down, so nothing runs on it.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Bring up Alice’s PC' }).click();
    await page.getByRole('button', { name: 'Bring up hamburger.edu' }).click();
    await page.locator('.faults li[data-host="hamburger.edu"][data-up="true"]').waitFor();
    await page.getByRole('button', { name: 'Cut Alice’s PC ↔ crepes.fr' }).click();
    await page.locator('.faults li[data-link="alice-pc--crepes.fr"][data-up="false"]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads an invalid scenario file and names the field that is wrong', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?story=Controls&lang=en`);
    await page.getByRole('tab', { name: 'Load a file' }).click();
    const bad = {
      version: 1,
      name: 'broken',
      hosts: [{ id: 'alice-pc', address: '999.1.2.3' }],
    };
    await page.getByTestId('scenario-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const alert = page.getByRole('alert');
    await alert.getByText('broken.json: This scenario has 1 problem:').waitFor();
    await expect(alert.locator('.problems').textContent()).resolves.toContain('hosts[0].address');
    await expect(alert.locator('.problems').textContent()).resolves.toContain('must be an IPv4 address');
    await page.locator('.picker').screenshot({ path: `${SCREENSHOTS}controls-picker-invalid.png` });
    await page.getByLabel('Scenario text (JSON)').fill('{ "version": 1, ');
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await alert.getByText('is not valid JSON', { exact: false }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('builds a world in the empty sandbox and starts it', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?story=Controls&lang=en`);
    await page.getByRole('tab', { name: 'Empty sandbox' }).click();
    const addHost = async (id: string, kind: string) => {
      await page.getByLabel('Host name').fill(id);
      await page.getByLabel('Kind').selectOption({ label: kind });
      await page.getByRole('button', { name: 'Add host' }).click();
    };
    await addHost('mail.lab', 'mail server');
    await addHost('pc', 'user agent');
    await page.getByPlaceholder('alice@crepes.fr').fill('ann@mail.lab');
    await page.getByPlaceholder('comma-separated, e.g. bob, carol').fill('ann');
    const ends = page.locator('.sandbox form.add select');
    await ends.nth(1).selectOption('pc');
    await ends.nth(2).selectOption('mail.lab');
    await page.getByRole('button', { name: 'Add link' }).click();
    await page.screenshot({ path: `${SCREENSHOTS}controls-sandbox.png`, fullPage: true });
    await page.getByRole('button', { name: 'Start this world' }).click();
    await page.locator('h1', { hasText: 'Controls · Sandbox' }).waitFor();
    await page.locator('.faults li[data-host="mail.lab"]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks Korean with ?lang=ko', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?story=Controls&lang=ko`);
    await expect(page.locator('.console h2').textContent()).resolves.toBe('터미널');
    await expect(page.locator('form.compose h2').textContent()).resolves.toBe('새 메시지');
    await expect(page.locator('.faults h2').textContent()).resolves.toBe('장애');
    await expect(page.locator('.picker h2').textContent()).resolves.toBe('시나리오');
    await page.getByRole('textbox', { name: '받는 사람', exact: true }).waitFor();
    await page.getByRole('textbox', { name: '숨은 참조', exact: true }).waitFor();
    await page.getByRole('button', { name: '서버 중단 hamburger.edu' }).waitFor();
    await page
      .locator('[data-scenario="textbook"]', { hasText: '앨리스가 밥에게 메일을 보냅니다' })
      .waitFor();
    await page
      .getByRole('textbox', { name: '앨리스의 PC 터미널에 입력할 명령' })
      .fill('telnet hamburger.edu 25');
    await page.keyboard.press('Enter');
    await page.getByRole('log').getByText('220 hamburger.edu', { exact: true }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}controls-ko.png`, fullPage: true });
    await page.screenshot({ path: `${SCREENSHOTS}controls-ko-projector.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
