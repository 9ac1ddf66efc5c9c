import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/sim/builtinScenarios.ts';
import { Session } from '../../src/sim/session.ts';
import { isKind } from '../../src/sim/trace.ts';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

function demoSegmentCount(): number {
  const scenario = builtinScenario('tcp-demo');
  if (scenario === undefined) throw new Error('tcp-demo is missing');
  const session = new Session(scenario);
  session.runUntil(scenario.until ?? 3_600_000);
  return session.events.filter(isKind('tcp.segment')).length;
}

// Vite names a chunk after the module it starts from: lessons-….js, FaultPanel-….js, engine-….js.
function chunkNames(page: Page): string[] {
  const chunks: string[] = [];
  page.on('response', (response) => {
    const name = /\/assets\/([A-Za-z]+)-[\w-]+\.js$/.exec(response.url())?.[1];
    if (name) chunks.push(name);
  });
  return chunks;
}

// Holds back the worker that runs the first world until the returned function is called.
async function holdEngineWorker(page: Page): Promise<() => void> {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/engineWorker-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

describe('the first page', () => {
  const { browser, baseUrl } = useBrowser();

  // Opens `query` with the worker that runs the first world held back, noting every script chunk it fetches.
  async function openHeld(query: string) {
    const { page, errors } = await browser.open('about:blank');
    const chunks = chunkNames(page);
    const release = await holdEngineWorker(page);
    await page.goto(`${baseUrl}${query}`);
    return { page, errors, chunks, release };
  }

  it('loads without a single console or page error', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?story=Sequence&lang=en`);
    await page.locator('svg .segment').first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a lane for each host, the SYN first, and an arrow for every segment of the trace', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?story=Sequence&lang=en`);
    await page.locator('svg .segment').first().waitFor();
    await expect(page.locator('.lane-head[data-host="alice-pc"]').count()).resolves.toBe(1);
    await expect(page.locator('.lane-head[data-host="hamburger.edu"]').count()).resolves.toBe(1);
    const segments = page.locator('svg .segment');
    await expect(segments.count()).resolves.toBe(demoSegmentCount());
    await expect(segments.first().getAttribute('data-flags')).resolves.toBe('SYN');
    await expect(segments.first().locator('.label').textContent()).resolves.toBe('SYN seq=0');
    await expect(page.locator('h1').textContent()).resolves.toBe('A TCP connection, start to finish');
    await page.screenshot({ path: `${SCREENSHOTS}first-page.png`, fullPage: true });
    await page.screenshot({ path: `${SCREENSHOTS}first-page-projector.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks Korean with ?lang=ko', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?story=Sequence&lang=ko`);
    await page.locator('svg .segment').first().waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ko');
    await expect(page.locator('.eyebrow').textContent()).resolves.toBe('시퀀스 다이어그램');
    await expect(page.locator('h1').textContent()).resolves.toBe('TCP 연결의 처음부터 끝까지');
    await expect(page.locator('.phase[data-phase="handshake"]').textContent()).resolves.toContain(
      '핸드셰이크',
    );
    await page.screenshot({ path: `${SCREENSHOTS}first-page-ko.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('paints the lab before the engine runs the world, says it is simulating, and draws the world once it has', async () => {
    // The worker that runs the first world is held back until the painted page has been looked at.
    const { page, errors, chunks, release } = await openHeld('?scenario=textbook&lang=en');
    const status = page.getByRole('status').filter({ hasText: 'Simulating…' });
    await status.waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('Alice writes to Bob');
    await expect(page.locator('#timeline').getAttribute('aria-busy')).resolves.toBe('true');
    await expect(page.locator('#panels').getAttribute('aria-busy')).resolves.toBe('true');
    await expect(page.locator('#network .host[data-host="hamburger.edu"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('#timeline').innerText()).resolves.toContain('hamburger.edu');
    const before = await page.locator('#timeline').boundingBox();
    await page.screenshot({ path: `${SCREENSHOTS}first-page-simulating.png` });
    // Two steps asked for before the world is there are taken once it is.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    release();
    await status.waitFor({ state: 'detached' });
    await expect(page.locator('#timeline').getAttribute('aria-busy')).resolves.toBe('false');
    await expect(page.locator('#panels').getAttribute('aria-busy')).resolves.toBe('false');
    await expect(page.locator('#timeline').boundingBox()).resolves.toEqual(before);
    const position = await page.getByText(/^event \d+ of \d+$/).textContent();
    // The worker and d3-zoom's code were asked for only after the first paint (a request begun before it counts
    // towards it in Lighthouse's simulated phone).
    const [painted, workerAsked, zoomAsked] = (await page.evaluate(`[
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      performance.getEntriesByType('resource').find((e) => /\\/engineWorker-/.test(e.name))?.startTime,
      performance.getEntriesByType('resource').find((e) => /\\/zoomBehavior-/.test(e.name))?.startTime,
    ]`)) as [number | undefined, number | undefined, number | undefined];
    expect(painted).toBeGreaterThan(0);
    expect(workerAsked).toBeGreaterThan(painted ?? Infinity);
    expect(zoomAsked).toBeGreaterThan(painted ?? Infinity);
    expect(chunks).toContain('engineWorker');
    expect(errors).toEqual([]);
    await page.close();

    // The same two steps on a page whose world was already there land on the same event. That page drew the
    // world without the engine on its own thread (the transcript's lines bring some of it, once there are some).
    const { page: ready } = await browser.open('about:blank');
    const drawn = chunkNames(ready);
    await ready.goto(`${baseUrl}?scenario=textbook&lang=en`);
    await ready.locator('#timeline[aria-busy="false"]').waitFor();
    expect(drawn).toContain('engineWorker');
    expect(drawn).not.toContain('engine');
    await ready.keyboard.press('ArrowRight');
    await ready.keyboard.press('ArrowRight');
    await expect(ready.getByText(/^event \d+ of \d+$/).textContent()).resolves.toBe(position);
    expect(position).not.toMatch(/^event 0 /);
    await ready.close();
  });

  it('says the world is being simulated where the position will be, and moves no lane when the world arrives', async () => {
    for (const [lang, simulating, position] of [
      ['ko', '시뮬레이션 중…', /^사건 \d+개 중 \d+번째$/],
      ['en', 'Simulating…', /^event \d+ of \d+$/],
    ] as const) {
      const { page, errors, release } = await openHeld(`?scenario=textbook&lang=${lang}`);
      await page.getByRole('status').filter({ hasText: simulating }).waitFor();
      const clock = page
        .getByRole('toolbar', { name: lang === 'ko' ? '재생' : 'Playback' })
        .locator('.clock');
      // No "event 0 of 0" while there are no events yet: the position says what is happening instead.
      await expect(clock.locator('small').textContent()).resolves.toBe(simulating);
      const lanes = page.locator('#timeline .lane-name');
      await expect(lanes.count()).resolves.toBeGreaterThan(1);
      const before = await lanes.evaluateAll((names) => names.map((n) => n.getBoundingClientRect().y));
      const legendRows = () =>
        page.locator('#timeline .legend').evaluate((l) => [l.getBoundingClientRect().y, l.clientHeight]);
      const legend = await legendRows();
      release();
      await page.locator('#timeline[aria-busy="false"]').waitFor();
      await expect(clock.locator('small').textContent()).resolves.toMatch(position);
      // The legend gains the glyphs the world shows without growing, so the lanes under it stay where they were.
      await expect(page.locator('#timeline .legend li').count()).resolves.toBeGreaterThan(3);
      await expect(legendRows()).resolves.toEqual(legend);
      await expect(
        lanes.evaluateAll((names) => names.map((n) => n.getBoundingClientRect().y)),
      ).resolves.toEqual(before);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('keeps a fault injected before the world is there, and the engine joins the page to apply it', async () => {
    const { page, errors, chunks, release } = await openHeld('?scenario=textbook&lang=en');
    await page.getByRole('tab', { name: 'Faults' }).click();
    await page.getByRole('button', { name: 'Crash hamburger.edu' }).click();
    await expect(page.locator('#timeline').getAttribute('aria-busy')).resolves.toBe('true');
    release();
    await expect.poll(() => page.locator('.fault-log li').count()).toBe(1);
    // With Bob's server off, Alice's message is never delivered.
    await expect
      .poll(() => page.locator('.timeline [data-glyph="deferred"], .timeline .fold').count())
      .toBeGreaterThan(0);
    await expect(page.locator('.timeline [data-glyph="delivered"]').count()).resolves.toBe(0);
    expect(chunks).toContain('engine');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so, in Korean too, when the engine cannot be fetched', async () => {
    const { page } = await browser.open('about:blank');
    await page.route(/\/assets\/engineWorker-[\w-]+\.js$/, (route) => route.abort());
    await page.goto(`${baseUrl}?scenario=textbook&lang=ko`);
    await page.getByRole('status').filter({ hasText: '시뮬레이션을 불러오지 못했습니다' }).waitFor();
    await expect(page.locator('#timeline').getAttribute('aria-busy')).resolves.toBe('true');
    await page.close();
  });

  it('fetches the lessons and the tools behind closed tabs only when they are first wanted', async () => {
    const { page, errors } = await browser.open('about:blank');
    const chunks = chunkNames(page);
    await page.goto(`${baseUrl}?scenario=textbook&lang=en`);
    await page.getByRole('tab', { name: 'Transcript' }).waitFor();
    for (const lazy of [
      'lessons',
      'lessonRuntime',
      'inspectorText',
      'FaultPanel',
      'TranscriptLines',
      'SequenceDiagram',
      'ShareDialog',
      'FaultPalette',
    ])
      expect(chunks).not.toContain(lazy);
    // The transcript's lines (every protocol's explanations) arrive once there is a connection to show.
    const forward = page.getByRole('button', { name: 'Step forward one protocol line' });
    await forward.click();
    await forward.click();
    await page.locator('#panel-tools li[data-seq]').first().waitFor();
    expect(chunks).toContain('TranscriptLines');
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('button', { name: /The SMTP handshake by hand/ }).waitFor();
    expect(chunks).toContain('lessons');
    expect(chunks).toContain('lessonRuntime');
    await page.getByRole('tab', { name: 'Faults' }).click();
    await page.getByRole('tabpanel').getByRole('heading', { name: 'Faults' }).first().waitFor();
    expect(chunks).toContain('FaultPanel');
    // The inspector's words come with its panel (the transcript's frame has its own few).
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.getByRole('tabpanel').getByRole('heading', { name: 'Inspector' }).first().waitFor();
    expect(chunks).toContain('inspectorText');
    expect(errors).toEqual([]);
    await page.close();
  });
});
