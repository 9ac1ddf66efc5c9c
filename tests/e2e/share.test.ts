import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/sim/builtinScenarios.ts';
import { byteLength, SCENARIO_LIMITS } from '../../src/sim/scenario.ts';
import { shareAddress } from '../../src/ui/lab/share/shareLink.ts';
import { worldNearTheLimit } from './largeWorld.ts';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

async function position(page: Page): Promise<string> {
  return page.locator('.clock small').innerText();
}

async function latestTranscriptLine(page: Page): Promise<string> {
  return (await page.locator('[role="tabpanel"] [aria-current="step"]').last().innerText()).trim();
}

// Steps forward one protocol line at a time until the transcript's latest line holds `text`.
async function stepTo(page: Page, text: string): Promise<void> {
  const forward = page.getByRole('button', { name: 'Step forward one protocol line' });
  const current = page.locator('[role="tabpanel"] [aria-current="step"]');
  for (let i = 0; i < 40; i++) {
    if ((await current.count()) > 0 && (await latestTranscriptLine(page)).includes(text)) return;
    await forward.click();
  }
  throw new Error(`never reached a line with ${text}`);
}

// Opens the share dialog and waits for the link it writes.
async function shareLink(page: Page, button = 'Share', label = 'Link to this moment'): Promise<string> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const field = page.getByLabel(label);
  await expect.poll(() => field.inputValue()).toMatch(/^http/);
  return field.inputValue();
}

// The pixels of a PNG screenshot, decoded by the browser's own image decoder, for jsQR.
async function pixels(
  page: Page,
  png: Buffer,
): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const decoded = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(image, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    // As base64 text: an array of a million numbers takes half a minute to cross to Node.
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000)
      binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { rgba: btoa(binary), width, height };
  }, png.toString('base64'));
  const data = new Uint8ClampedArray(Buffer.from(decoded.rgba, 'base64'));
  return { data, width: decoded.width, height: decoded.height };
}

describe('sharing a moment', () => {
  const { browser, baseUrl } = useBrowser();

  it('reopens a link at the very line it was made at, not at the last event of its millisecond', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lang=en`);
    await page.getByRole('tab', { name: 'Transcript' }).click();
    await stepTo(page, 'To: bob@hamburger.edu');
    const here = await position(page);
    const url = await shareLink(page);
    expect(new URL(url).searchParams.get('nth')).toMatch(/^\d+$/);
    await page.close();

    const opened = await browser.open(url);
    await opened.page.getByRole('tab', { name: 'Transcript' }).click();
    expect(await position(opened.page)).toBe(here);
    expect(await latestTranscriptLine(opened.page)).toContain('To: bob@hamburger.edu');
    await opened.page.close();

    // A link from before `nth` existed still opens, where it always did: the last event of that time.
    const old = new URL(url);
    old.searchParams.delete('nth');
    const older = await browser.open(old.href);
    await older.page.getByRole('tab', { name: 'Transcript' }).click();
    expect(await position(older.page)).not.toBe(here);
    expect(await latestTranscriptLine(older.page)).not.toContain('To: bob@hamburger.edu');
    expect([...errors, ...opened.errors, ...older.errors]).toEqual([]);
    await older.page.close();
  });

  it('keeps the cursor in the address after 300 quick steps, which browsers would refuse as so many rewrites', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=textbook&lang=en`);
    await expect.poll(() => page.locator('.clock small').innerText()).toMatch(/\d/);
    // Safari's rule, which Chromium does not have: a page that rewrites its address more than 100 times in 30 s
    // gets a SecurityError instead.
    await page.evaluate(() => {
      const calls: number[] = [];
      const replace = history.replaceState.bind(history);
      history.replaceState = (...args: Parameters<History['replaceState']>) => {
        const now = performance.now();
        while (calls.length > 0 && (calls[0] as number) < now - 30_000) calls.shift();
        if (calls.length >= 100)
          throw new DOMException('replaceState more than 100 times per 30 s', 'SecurityError');
        calls.push(now);
        replace(...args);
      };
    });
    // Back and forth 300 times, ending one line on.
    await page.evaluate(async () => {
      const button = (name: string) =>
        document.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`);
      const forward = button('Step forward one protocol line');
      const back = button('Step back one protocol line');
      if (!forward || !back) throw new Error('no step buttons');
      for (let i = 0; i < 300; i++) {
        (i % 2 === 0 ? forward : back).click();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      forward.click();
    });
    const position = await page.locator('.clock small').innerText();
    await page.waitForTimeout(1000);
    const address = page.url();
    expect(errors).toEqual([]);
    await page.close();
    const reopened = await browser.open(address);
    await expect.poll(() => reopened.page.locator('.clock small').innerText()).toBe(position);
    expect(reopened.errors).toEqual([]);
    await reopened.page.close();
  });

  it('keeps the lesson in a link made inside one, and the line it was made at', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?lesson=three-parts&lang=en`);
    await page.getByRole('button', { name: 'Show me' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Back to the start' }).click();
    await page.getByRole('tab', { name: 'Transcript' }).click();
    await stepTo(page, 'MAIL FROM:');
    const here = await position(page);
    const url = await shareLink(page);
    expect(new URL(url).searchParams.get('lesson')).toBe('three-parts');
    await page.close();

    const opened = await browser.open(url);
    expect(await position(opened.page)).toBe(here);
    expect(await opened.page.getByRole('tab', { name: 'Lesson' }).getAttribute('aria-selected')).toBe('true');
    expect([...errors, ...opened.errors]).toEqual([]);
    await opened.page.close();
  });

  it('shows the link as a QR code that decodes back to the same link, all by keyboard, in Korean', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=outage&lang=ko`);
    await page.getByRole('button', { name: '다음 주요 사건' }).click();
    const share = page.getByRole('button', { name: '공유', exact: true });
    await share.focus();
    await page.keyboard.press('Enter');
    const field = page.getByLabel('이 순간으로 가는 링크');
    await expect.poll(() => field.inputValue()).toMatch(/^http/);
    const url = await field.inputValue();
    // Space presses the dialog's button, as it should in a dialog, instead of playing the lab behind it.
    await page.getByRole('button', { name: 'QR 코드 보기' }).focus();
    await page.keyboard.press(' ');
    const symbol = page.getByRole('img', { name: url });
    await symbol.waitFor();
    const box = await symbol.boundingBox();
    // Large enough for a projector: most of a 720-pixel-high screen.
    expect(box?.height).toBeGreaterThan(400);
    await page.screenshot({ path: `${SCREENSHOTS}share-qr-ko.png` });
    const { data, width, height } = await pixels(page, await symbol.screenshot());
    expect(jsQR(data, width, height)?.data).toBe(url);

    // Escape goes back from the QR code to the link, and again closes the dialog.
    await page.keyboard.press('Escape');
    await field.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    expect(await page.getByRole('button', { name: '재생', exact: true }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a link carrying a world near the size limit from the same server, which never receives the world', async () => {
    const world = worldNearTheLimit();
    expect(byteLength(JSON.stringify(world))).toBeGreaterThan(SCENARIO_LIMITS.bytes - 4096);
    const inputs = [
      { at: 2000, input: { type: 'fault', fault: { type: 'host.down', host: 'crepes.fr' } } },
    ] as const;
    const address = await shareAddress(
      { scenario: world, builtin: false, lesson: null, inputs, place: { at: 2000, nth: null } },
      'en',
    );
    expect(address.length).toBeGreaterThan(600_000);
    const { page, errors } = await browser.open(`${baseUrl}${address}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('A world from a file');
    expect(await page.getByRole('alert').count()).toBe(0);
    await expect.poll(() => page.locator('.clock time').innerText()).toContain('00:00:02');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens another link pasted over one that differs only in what the fragment carries', async () => {
    const outage = builtinScenario('outage');
    if (!outage) throw new Error('the outage scenario is missing');
    const lab = (title: string) => ({
      scenario: { ...outage, name: 'pasted', title },
      builtin: false,
      lesson: null,
      inputs: [],
      place: null,
    });
    const { page, errors } = await browser.open(`${baseUrl}${await shareAddress(lab('The first'), 'en')}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('The first');
    // The skip links move the focus without putting an element's id where the world is kept.
    const before = page.url();
    await page.getByRole('link', { name: 'Skip to the timeline' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('timeline');
    expect(page.url()).toBe(before);

    await page.goto(`${baseUrl}${await shareAddress(lab('The second'), 'en')}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('The second');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains a damaged compressed link in the reader’s language instead of a white page', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?world=z1.AAAA&lang=ko`);
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('시나리오가 손상되었습니다');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).not.toBe('');
    // The lab behind the message is the textbook's, but the address keeps the damaged link for its reader to see.
    await expect.poll(() => page.locator('.clock small').innerText()).toMatch(/\d/);
    expect(new URL(page.url()).searchParams.get('world')).toBe('z1.AAAA');
    expect(errors).toEqual([]);
    await page.close();
  });
});
