// The page in Chromium: frame times while playing, and while zooming traces of about 10,000 and 100,000 events at
// 1920x1080, and the gzipped size of the JavaScript and CSS the page loads first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import { builtinScenario } from '../src/sim/builtinScenarios.ts';
import type { TimedInput } from '../src/sim/input.ts';
import { shareAddress } from '../src/ui/lab/share/shareLink.ts';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { round, type Metric } from './measure.ts';

const ROOT = join(import.meta.dirname, '..');
const MESSAGES = 30;
const FRAMES = 180;

// Frame-to-frame times of the page's own animation frames, while `during` keeps it busy.
async function frameTimes(page: Page, during: () => Promise<void>, frames = FRAMES): Promise<number[]> {
  // Passed as text: the bundler that runs this file would wrap a function in helpers the page does not have.
  const measuring = page.evaluate(`new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    const tick = (now) => {
      deltas.push(now - last);
      last = now;
      if (deltas.length < ${frames}) requestAnimationFrame(tick);
      else resolve(deltas);
    };
    requestAnimationFrame(tick);
  })`) as Promise<number[]>;
  await during();
  return measuring;
}

// Frame-to-frame times from the first wheel step until the frame after the last one's: the frames of zooming
// only. (Counting a fixed 180 frames instead let the idle frames after a quick zoom dilute its p95.)
async function zoomingFrameTimes(page: Page, zoom: () => Promise<void>): Promise<number[]> {
  // Passed as text, as in frameTimes.
  await page.evaluate(`new Promise((started) => {
    const frames = [];
    window.__zoomFrames = { frames, stopAfter: Infinity, resolve: null };
    const tick = (now) => {
      frames.push(now);
      const state = window.__zoomFrames;
      if (frames.length < state.stopAfter) requestAnimationFrame(tick);
      else state.resolve(frames.slice(1).map((t, i) => t - frames[i]));
    };
    requestAnimationFrame((now) => {
      tick(now);
      started();
    });
  })`);
  await zoom();
  // The last step is shown at the next frame (d3-zoom keeps a frame's latest transform) and drawn by the one after.
  return page.evaluate(`new Promise((resolve) => {
    const state = window.__zoomFrames;
    state.resolve = resolve;
    state.stopAfter = state.frames.length + 2;
  })`) as Promise<number[]>;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] as number;
}

// What index.html loads before anything else: its module scripts, preloads and stylesheets (lazy chunks excluded).
function firstLoad(): { files: number; bytes: number } {
  const html = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] as string,
  );
  const bytes = assets.reduce(
    (sum, asset) => sum + gzipSync(readFileSync(join(ROOT, 'dist', asset))).length,
    0,
  );
  return { files: assets.length, bytes };
}

// The timeline is zoomed at 1920x1080 over traces of about these many events (a textbook message is some 195).
const ZOOM_SIZES = [
  { label: '10k', messages: 52 },
  { label: '100k', messages: 515 },
] as const;

// Frame times while the wheel zooms the timeline in and out, beside the same page's frames while nothing moves
// (the floor: what the display's refresh alone gives).
async function zoomFrames(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  base: string,
  size: (typeof ZOOM_SIZES)[number],
): Promise<Metric[]> {
  const { page } = await browser.open(`${base}?story=Timeline&messages=${size.messages}`, {
    width: 1920,
    height: 1080,
  });
  const heading = await page.getByRole('heading', { level: 1 }).innerText({ timeout: 600_000 });
  const events = Number(/\(([\d,]+) events\)/.exec(heading)?.[1]?.replaceAll(',', '') ?? 0);
  // The wheel goes to the middle of the plot itself, not to the first svg on the page (a legend's icon).
  const box = await page.locator('svg.plot-svg').boundingBox();
  if (box === null) throw new Error('uiBench: the timeline story shows no plot');
  const idle = await frameTimes(page, async () => {});
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const zooming = await zoomingFrameTimes(page, async () => {
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, i < 20 ? -120 : 120);
  });
  // While the wheel turns in, marks only move (zooming out, a layout must add what it had left out, so each step
  // lays the plot out again); 150 ms after the last turn d3-zoom's gesture ends and crowds are regrouped in one
  // more layout. That frame is no frame of zooming, but it is measured beside: ten turns in, then 30 frames.
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -120);
  const resting = await frameTimes(page, async () => {}, 30);
  // The frames above count only if the wheel zoomed: one more step in must leave zoom 1.
  await page.mouse.wheel(0, -120);
  if ((await page.locator('body').innerText()).includes('Zoom ×1.0'))
    throw new Error('uiBench: the wheel over the plot did not zoom the timeline');
  await page.close();
  const name = `ui-zoom-${size.label}`;
  return [
    {
      name: `${name}-events`,
      value: events,
      unit: 'events',
      note: `textbook with ${size.messages} more messages`,
    },
    {
      name: `${name}-frame-p95-ms`,
      value: round(percentile(zooming, 0.95)),
      unit: 'ms',
      note: `1920x1080, median ${round(percentile(zooming, 0.5))} ms over the ${zooming.length} frames of 40 wheel steps`,
    },
    {
      name: `${name}-rest-frame-ms`,
      value: round(Math.max(...resting)),
      unit: 'ms',
      note: 'the longest of 30 frames after ten more turns in: the plot laid out again once the wheel rests',
    },
    {
      name: `${name}-idle-frame-p95-ms`,
      value: round(percentile(idle, 0.95)),
      unit: 'ms',
      note: 'floor: the same page with nothing moving',
    },
  ];
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
      `${base}${await shareAddress({ scenario: textbook, builtin: true, lesson: null, inputs, place: null }, 'en')}`,
    );
    const events = Number(/of (\d+)/.exec(await page.locator('.clock small').innerText())?.[1] ?? 0);
    await page.getByRole('button', { name: 'Faster' }).click();
    const playing = await frameTimes(page, () => page.getByRole('button', { name: 'Play' }).click());
    await page.close();

    const first = firstLoad();
    const zoom: Metric[] = [];
    for (const size of ZOOM_SIZES) zoom.push(...(await zoomFrames(browser, base, size)));
    return [
      {
        name: 'ui-trace-events',
        value: events,
        unit: 'events',
        note: `textbook with ${MESSAGES} more messages`,
      },
      { name: 'ui-play-frame-median-ms', value: round(percentile(playing, 0.5)), unit: 'ms' },
      { name: 'ui-play-frame-p95-ms', value: round(percentile(playing, 0.95)), unit: 'ms' },
      ...zoom,
      {
        name: 'ui-first-load-gzip-kb',
        value: round(first.bytes / 1024),
        unit: 'KB',
        note: 'JS and CSS index.html loads',
      },
      {
        name: 'ui-first-load-files',
        value: first.files,
        unit: 'files',
        note: 'each a request, a round trip on a phone',
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
