// The page in Chromium: frame times while playing and while zooming a trace of about 10,000 events, and the
// gzipped size of the JavaScript and CSS the page loads first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import { builtinScenario } from '../src/sim/builtinScenarios.ts';
import type { TimedInput } from '../src/sim/input.ts';
import { shareQuery } from '../src/ui/lab/share/shareLink.ts';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { round, type Metric } from './measure.ts';

const ROOT = join(import.meta.dirname, '..');
const MESSAGES = 30;
const FRAMES = 180;

// Frame-to-frame times of the page's own animation frames, while `during` keeps it busy.
async function frameTimes(page: Page, during: () => Promise<void>): Promise<number[]> {
  // Passed as text: the bundler that runs this file would wrap a function in helpers the page does not have.
  const measuring = page.evaluate(`new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    const tick = (now) => {
      deltas.push(now - last);
      last = now;
      if (deltas.length < ${FRAMES}) requestAnimationFrame(tick);
      else resolve(deltas);
    };
    requestAnimationFrame(tick);
  })`) as Promise<number[]>;
  await during();
  return measuring;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] as number;
}

// What index.html loads before anything else: its module script and stylesheets (lazy chunks excluded).
function firstLoadBytes(): number {
  const html = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] as string,
  );
  return assets.reduce((sum, asset) => sum + gzipSync(readFileSync(join(ROOT, 'dist', asset))).length, 0);
}

/** uiBench builds the app, serves it, and measures it in Debian's Chromium. */
export async function uiBench(): Promise<Metric[]> {
  await build({ root: ROOT, logLevel: 'silent' });
  const server = await preview({ root: ROOT, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  const base = server.resolvedUrls?.local[0] ?? '';
  const browser = await launchBrowser();
  try {
    const textbook = builtinScenario('textbook');
    if (!textbook) throw new Error('textbook is missing');
    const inputs: TimedInput[] = Array.from({ length: MESSAGES }, (_, i) => ({
      at: 1000 + i * 1500,
      input: {
        type: 'mail.send',
        host: 'alice-pc',
        to: ['bob@hamburger.edu'],
        subject: `Homework ${i}`,
        body: 'x',
      },
    }));
    const { page } = await browser.open(
      `${base}${await shareQuery({ scenario: textbook, builtin: true, lesson: null, inputs, place: null }, 'en')}`,
    );
    const events = Number(/of (\d+)/.exec(await page.locator('.clock small').innerText())?.[1] ?? 0);
    await page.getByRole('button', { name: 'Faster' }).click();
    const playing = await frameTimes(page, () => page.getByRole('button', { name: 'Play' }).click());
    await page.close();

    const timeline = await browser.open(`${base}?story=Timeline&messages=${MESSAGES}`);
    const svg = timeline.page.locator('svg').first();
    const box = await svg.boundingBox();
    const zooming = await frameTimes(timeline.page, async () => {
      await timeline.page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + 40);
      for (let i = 0; i < 40; i++) await timeline.page.mouse.wheel(0, i < 20 ? -120 : 120);
    });
    return [
      {
        name: 'ui-trace-events',
        value: events,
        unit: 'events',
        note: `textbook with ${MESSAGES} more messages`,
      },
      { name: 'ui-play-frame-median-ms', value: round(percentile(playing, 0.5)), unit: 'ms' },
      { name: 'ui-play-frame-p95-ms', value: round(percentile(playing, 0.95)), unit: 'ms' },
      { name: 'ui-zoom-frame-median-ms', value: round(percentile(zooming, 0.5)), unit: 'ms' },
      { name: 'ui-zoom-frame-p95-ms', value: round(percentile(zooming, 0.95)), unit: 'ms' },
      {
        name: 'ui-first-load-gzip-kb',
        value: round(firstLoadBytes() / 1024),
        unit: 'KB',
        note: 'JS and CSS index.html loads',
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
