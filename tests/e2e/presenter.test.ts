// Presenter mode on a 1280×720 projector: large type everywhere, the map, the timeline and one panel on screen,
// packets that say what they carry, the clicker's keys, and the compact fault palette worked from the keyboard.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type AxeCore from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { notesToBob } from '../support/notesToBob.ts';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** SmallText is the smallest text on screen: its size in CSS pixels as rendered, and the ones under 18 px. */
interface SmallText {
  readonly smallest: number;
  readonly under18: readonly string[];
}

/**
 * smallestText measures every visible text node as it is drawn: its computed size times the CSS zoom it is under,
 * or, in an SVG, times the scale of the drawing (its screen matrix). Text for screen readers only is skipped.
 */
function smallestText(page: Page): Promise<SmallText> {
  return page.evaluate(() => {
    let smallest = Infinity;
    const under18: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const element = node.parentElement;
      if (text === '' || element === null || element.closest('.sr-only') !== null) continue;
      if (!element.checkVisibility({ checkOpacity: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      const onScreen = box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
      if (box.width < 1 || box.height < 1 || !onScreen) continue;
      const computed = parseFloat(getComputedStyle(element).fontSize);
      const matrix = element instanceof SVGGraphicsElement ? element.getScreenCTM() : null;
      const scale = matrix !== null ? Math.hypot(matrix.a, matrix.b) : element.currentCSSZoom;
      const size = computed * scale;
      smallest = Math.min(smallest, size);
      // A hair under 18 is 15 units at a scale of 1.2 in floating point.
      if (size < 17.99) under18.push(`${size.toFixed(1)} px: ${element.tagName} "${text.slice(0, 30)}"`);
    }
    return { smallest, under18 };
  });
}

/** position is the cursor as presenter mode's bar prints it: "event N of M". */
async function position(page: Page): Promise<number> {
  const text = await page.locator('.presenter-bar .position').innerText();
  return Number(/\d+/.exec(text.replace(/,/g, ''))?.[0] ?? NaN);
}

const glyphs = (page: Page, kind: string) => page.locator(`.timeline [data-glyph="${kind}"]`).count();
const retries = (page: Page) =>
  page.locator('.timeline [data-glyph="deferred"], .timeline .fold[data-host="crepes.fr"]').count();

async function axeFindings(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: await AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof AxeCore }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('presenter mode at 1280×720', () => {
  const { browser, baseUrl } = useBrowser();

  for (const [lang, scenario] of [
    ['en', 'textbook'],
    ['ko', 'textbook'],
    ['ko', 'bounce'],
  ] as const) {
    it(`shows no text under 18 px, with the map, the timeline and one panel on screen (${scenario}, ${lang})`, async () => {
      const { page, errors } = await browser.open(`${baseUrl}?scenario=${scenario}&lang=${lang}`);
      // The lab itself has small print, so the measure can tell.
      expect((await smallestText(page)).smallest).toBeLessThan(14);
      await page.keyboard.press('p');
      await page.locator('.presenter-bar').waitFor();
      // Mid-story, with packets on their way and a line in the transcript.
      for (let i = 0; i < 12; i += 1) await page.keyboard.press('PageDown');
      const small = await smallestText(page);
      expect(small.under18).toEqual([]);
      expect(small.smallest).toBeGreaterThanOrEqual(17.99);
      const map = await page.locator('#network').boundingBox();
      const timeline = await page.locator('#timeline').boundingBox();
      const panel = await page.locator('#panels').boundingBox();
      for (const box of [map, timeline, panel]) {
        expect(box).not.toBeNull();
        expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(720);
      }
      // Together they fill the screen under the bar: the map and the timeline on the left, the panel beside them.
      expect((map?.width ?? 0) + (panel?.width ?? 0)).toBeGreaterThan(1200);
      expect((map?.height ?? 0) + (timeline?.height ?? 0)).toBeGreaterThan(560);
      expect(await page.getByRole('tab').count()).toBe(0);
      await page.screenshot({ path: `${SCREENSHOTS}presenter-${scenario}-${lang}.png` });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('labels each packet on its way with the line it carries, big enough for the back row', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=textbook&lang=en`);
    await page.keyboard.press('p');
    // The RCPT command's segment: step until it is on the wire.
    // Stepping by TCP segment (2): a line's segment is on the wire between two steps.
    await page.keyboard.press('2');
    const captions = page.locator('.topology [data-caption]');
    for (let i = 0; i < 80; i += 1) {
      if ((await captions.allTextContents()).includes('RCPT')) break;
      await page.keyboard.press('PageDown');
    }
    expect(await captions.allTextContents()).toContain('RCPT');
    const packet = await page.locator('.topology .packet').first().boundingBox();
    expect(packet?.width ?? 0).toBeGreaterThanOrEqual(14);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the cursor’s time and the quiet spells’ captions whole inside the plot on the six-day bounce, in Korean', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=bounce&lang=ko`);
    await page.keyboard.press('p');
    await page.locator('.presenter-bar').waitFor();
    const label = page.locator('#timeline .cursor-label');
    const plot = page.locator('#timeline .axis-line');
    const seen: string[] = [];
    for (const key of ['Home', 'PageDown', 'End']) {
      await page.keyboard.press(key);
      await label.waitFor();
      const [text, box, axis] = [
        (await label.textContent()) ?? '',
        await label.boundingBox(),
        await plot.boundingBox(),
      ];
      if (box === null || axis === null) throw new Error('no cursor label or axis');
      seen.push(text);
      expect(box.x, `${key}: ${text}`).toBeGreaterThanOrEqual(axis.x - 0.5);
      expect(box.x + box.width, `${key}: ${text}`).toBeLessThanOrEqual(axis.x + axis.width + 0.5);
      // At least 18 px on the screen, as all of a presenter's text.
      expect(box.height).toBeGreaterThanOrEqual(18);
    }
    // The end is six days in: the longest the label gets.
    expect(seen.at(-1)).toMatch(/^6d /);
    // The quiet spells' captions above the plot keep inside it too, the last one at its right end included.
    const axis = await plot.boundingBox();
    const captions = await page.locator('#timeline .break-caption').all();
    expect(captions.length).toBeGreaterThan(0);
    for (const caption of captions) {
      const box = await caption.boundingBox();
      const text = (await caption.textContent()) ?? '';
      expect(box?.x ?? -1, text).toBeGreaterThanOrEqual((axis?.x ?? 0) - 0.5);
      expect((box?.x ?? 0) + (box?.width ?? Infinity), text).toBeLessThanOrEqual(
        (axis?.x ?? 0) + (axis?.width ?? 0) + 0.5,
      );
    }
    await page.screenshot({ path: `${SCREENSHOTS}presenter-bounce-end-ko.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps each crowd’s count clear of the next crowd’s when a long world is crowded, in Korean', async () => {
    // Alice sends 120 notes, one every 30 s: each lane's glyphs crowd, and each crowd's count is drawn beside it.
    const payload = Buffer.from(JSON.stringify(notesToBob(120, 30_000))).toString('base64url');
    const { page, errors } = await browser.open(`${baseUrl}?scenario=textbook&lang=ko#inputs=${payload}`);
    await page.keyboard.press('p');
    await page.locator('.presenter-bar').waitFor();
    await page.keyboard.press('End');
    const counts = page.locator('#timeline .count');
    await expect.poll(() => counts.count(), { timeout: 10_000 }).toBeGreaterThan(10);
    const boxes = await counts.evaluateAll((texts) =>
      texts.map((t) => {
        const b = t.getBoundingClientRect();
        return { text: t.textContent ?? '', left: b.left, right: b.right, top: b.top, bottom: b.bottom };
      }),
    );
    const overlaps = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        .map((b) => `${a.text}@${Math.round(a.left)} ~ ${b.text}@${Math.round(b.left)}`),
    );
    expect(overlaps).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}presenter-crowds-ko.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('steps with the clicker’s keys and arrows, never scrolls the bar away, and leaves with P and Esc', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=textbook&lang=en`);
    await page.keyboard.press('P');
    const bar = page.locator('.presenter-bar');
    await bar.waitFor();
    const start = await position(page);
    for (let i = 0; i < 30; i += 1) await page.keyboard.press('PageDown');
    const on = await position(page);
    expect(on).toBeGreaterThan(start);
    await page.keyboard.press('PageUp');
    expect(await position(page)).toBeLessThan(on);
    await page.keyboard.press('ArrowRight');
    expect(await position(page)).toBe(on);
    await expect(bar.boundingBox()).resolves.toMatchObject({ x: 0, y: 0 });
    expect(await page.evaluate(() => [window.scrollY, document.querySelector('main')?.scrollTop])).toEqual([
      0, 0,
    ]);
    await page.keyboard.press('.');
    await expect(page.locator('.blank').count()).resolves.toBe(1);
    await page.keyboard.press('b');
    await page.keyboard.press('p');
    await expect(bar.count()).resolves.toBe(0);
    await page.keyboard.press('p');
    await page.keyboard.press('Escape');
    await expect.poll(() => bar.count()).toBe(0);
    await expect(page.locator('.controls .play').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('injects a fault from the palette by keyboard alone, and removing it recomputes the world', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=textbook&lang=en`);
    await page.keyboard.press('p');
    await page.keyboard.press('f');
    const palette = page.getByRole('dialog', { name: 'Fault palette' });
    await palette.waitFor();
    // Focus starts in the palette: How long, then the host (hamburger.edu, the receiving server), then Take down.
    await expect(page.evaluate(() => document.activeElement?.closest('dialog') !== null)).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Take down');
    await page.keyboard.press('Enter');
    const item = palette.locator('.fault-log li');
    await expect.poll(() => item.count()).toBe(1);
    // Deferred tries, one by one or folded into a band on the crepes.fr lane, and no delivery.
    await expect.poll(() => retries(page)).toBeGreaterThan(0);
    expect(await glyphs(page, 'delivered')).toBe(0);
    await expect(
      page.locator('.topology [data-host="hamburger.edu"]').getAttribute('data-down'),
    ).resolves.toBe('true');
    await page.screenshot({ path: `${SCREENSHOTS}presenter-palette.png` });

    // Tab on to the fault's Remove button, and press it.
    const remove = palette.getByRole('button', { name: /^Remove: hamburger\.edu/ });
    for (let i = 0; i < 20 && !(await remove.evaluate((el) => el === document.activeElement)); i += 1)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => item.count()).toBe(0);
    await expect.poll(() => glyphs(page, 'delivered')).toBeGreaterThan(0);
    expect(await retries(page)).toBe(0);
    await expect(palette.locator('.applied').innerText()).resolves.toContain('recomputed without it');

    // Esc closes the palette and gives focus back to its button; presenter mode stays.
    await page.keyboard.press('Escape');
    await expect.poll(() => palette.count()).toBe(0);
    await expect(page.evaluate(() => document.activeElement?.classList.contains('palette'))).resolves.toBe(
      true,
    );
    await expect(page.locator('.presenter-bar').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const lang of ['en', 'ko'] as const) {
    it(`has no serious or critical axe violation, palette open or shut (${lang})`, async () => {
      const { page, errors } = await browser.open(`${baseUrl}?scenario=bounce&lang=${lang}`);
      await page.keyboard.press('p');
      for (let i = 0; i < 5; i += 1) await page.keyboard.press('PageDown');
      const findings = await axeFindings(page);
      await page.keyboard.press('f');
      await page.getByRole('dialog').waitFor();
      findings.push(...(await axeFindings(page)));
      expect(findings).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
