import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

describe('the timeline story', () => {
  const { browser, baseUrl } = useBrowser();
  const story = (query: string) => `${baseUrl}?story=Timeline&${query}`;

  it('draws a lane per host and the outage’s deferrals as marks, without a console error', async () => {
    const { page, errors } = await browser.open(story('lang=en'));
    await page.locator('.plot-svg .mark').first().waitFor();
    await expect(page.locator('.plot-svg .lane-name').allTextContents()).resolves.toEqual([
      'Alice’s PC',
      'crepes.fr',
      'hamburger.edu',
      'Bob’s PC',
      'DNS server',
      'The Internet',
    ]);
    await expect(page.locator('.plot-svg [data-glyph="deferred"]').count()).resolves.toBe(4);
    await expect(page.locator('.plot-svg .conn').count()).resolves.toBe(6);
    await expect(page.locator('.plot-svg .band-host').count()).resolves.toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}timeline.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws its first marks at the width of its stage, never at a guessed one', async () => {
    const { page, errors } = await browser.open('about:blank');
    // Before the page's own scripts: the first moment any mark is in the plot, how wide the plot and its stage are.
    await page.addInitScript(() => {
      const seen = new MutationObserver(() => {
        const svg = document.querySelector('.plot-svg');
        if (svg === null || svg.querySelector('.mark') === null) return;
        seen.disconnect();
        const stage = svg.closest('.stage');
        Object.assign(window, {
          firstMarks: { svgWidth: Number(svg.getAttribute('width')), stageWidth: stage?.clientWidth },
        });
      });
      seen.observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.goto(story('lang=en'));
    await page.locator('.plot-svg .mark').first().waitFor();
    const first = (await page.evaluate('window.firstMarks')) as { svgWidth: number; stageWidth: number };
    expect(first.stageWidth).toBeGreaterThan(480);
    expect(first.svgWidth).toBe(first.stageWidth);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('selects a mark when it is clicked, and seeks when the axis is clicked', async () => {
    const { page, errors } = await browser.open(story('lang=en'));
    const deferral = page.locator('.plot-svg [data-glyph="deferred"]').first();
    await deferral.click();
    const seq = await deferral.getAttribute('data-seq');
    await expect(page.getByTestId('select').textContent()).resolves.toMatch(
      new RegExp(`^${seq} · Delivery to`),
    );

    const axis = page.locator('.plot-svg .axis-hit');
    const said = await axis.getAttribute('aria-valuetext');
    const box = await axis.boundingBox();
    if (box === null) throw new Error('the axis is not drawn');
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height / 2);
    const seek = Number(await page.getByTestId('seek').textContent());
    expect(seek).toBeGreaterThan(0);
    // The axis, a slider, says in words when the cursor now stands and what happened there.
    await expect
      .poll(() => axis.getAttribute('aria-valuetext'))
      .toMatch(/^(\d+d )?\d\d:\d\d:\d\d\.\d{3} · \S/);
    expect(await axis.getAttribute('aria-valuetext')).not.toBe(said);
    await expect(
      page.locator('.events [role=row][aria-current="step"]').getAttribute('data-seq'),
    ).resolves.toBe(String(seek));
    await expect(page.locator('.plot-svg .future').count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('zooms in and out with its buttons and keys, and shows all again', async () => {
    const { page, errors } = await browser.open(story('lang=en'));
    const level = page.locator('.zoom-level');
    await expect(level.textContent()).resolves.toBe('Zoom ×1.0');
    const before = await page.locator('.plot-svg .mark').count();
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await expect.poll(() => level.textContent()).toBe('Zoom ×2.6');
    await page.locator('.plot-svg').focus();
    await page.keyboard.press('+');
    await expect.poll(() => level.textContent()).toBe('Zoom ×4.1');
    await expect(page.locator('.plot-svg .mark').count()).resolves.toBeLessThan(before);
    await page.screenshot({ path: `${SCREENSHOTS}timeline-zoomed.png` });
    await page.getByRole('button', { name: 'Zoom out', exact: true }).click();
    await expect.poll(() => level.textContent()).toBe('Zoom ×2.6');
    await page.getByRole('button', { name: 'Show all', exact: true }).click();
    await expect.poll(() => level.textContent()).toBe('Zoom ×1.0');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('becomes the sequence diagram of a connection that is selected, and comes back', async () => {
    const { page, errors } = await browser.open(story('lang=en'));
    await page.locator('.plot-svg .conn[data-conn="c1"]').click();
    await expect(page.getByTestId('conn').textContent()).resolves.toBe('c1');
    const segments = page.locator('.sequence .segment');
    await segments.first().waitFor();
    await expect(segments.first().getAttribute('data-flags')).resolves.toBe('SYN');
    await expect(page.locator('.sequence .chip-text').first().textContent()).resolves.toBe('220 crepes.fr');
    await page.screenshot({ path: `${SCREENSHOTS}timeline-sequence.png` });
    await page.getByRole('button', { name: 'Back to the timeline' }).click();
    await expect(page.getByTestId('conn').textContent()).resolves.toBe('—');
    await expect(page.locator('.sequence').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('zoomed far into one connection, shows its sequence diagram', async () => {
    const { page, errors } = await browser.open(story('lang=en'));
    const bar = await page.locator('.plot-svg .conn[data-conn="c1"] .bar').first().boundingBox();
    if (bar === null) throw new Error('c1 is not drawn');
    await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
    // The view becomes the diagram once the wheel rests (d3-zoom's end, 150 ms after the last turn).
    for (let i = 0; i < 20 && (await page.locator('.sequence').count()) === 0; i++) {
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(250);
    }
    await expect(page.getByTestId('conn').textContent()).resolves.toBe('c1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists events in words that can be filtered by text and by kind', async () => {
    const { page, errors } = await browser.open(story('lang=en'));
    const rows = page.locator('.events .rows [role=row]');
    await rows.first().waitFor();
    await page.getByRole('searchbox').fill('deferred');
    await expect.poll(() => rows.count()).toBe(4);
    for (const text of await rows.locator('.what').allTextContents()) expect(text).toMatch(/deferred/);
    await page.getByRole('searchbox').fill('');
    await page.getByRole('button', { name: /^TCP\/UDP/ }).click();
    await expect(page.locator('.events .rows .tag', { hasText: /^TCP$/ }).count()).resolves.toBe(0);
    const first = await rows.first().getAttribute('data-seq');
    await rows.first().click();
    await expect(page.getByTestId('seek').textContent()).resolves.toBe(first);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is a table the keyboard moves through by row and column, and Enter moves the cursor to its row', async () => {
    const { page, errors } = await browser.open(story('lang=en&cursor=-1'));
    const grid = page.getByRole('grid', { name: 'Events' });
    // The story is mounted once its chunk has come, which may be after the page's load event.
    await expect
      .poll(() => grid.getByRole('columnheader').allTextContents())
      .toEqual(['Time', 'Hosts', 'What happened']);
    const rowIndex = () =>
      page.evaluate(() => document.activeElement?.closest('[role=row]')?.getAttribute('aria-rowindex'));
    const colIndex = () => page.evaluate(() => document.activeElement?.getAttribute('aria-colindex'));
    // The grid is one tab stop, reached from the search field past the filters.
    await page.getByRole('searchbox').focus();
    for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.role)) !== 'gridcell'; i++)
      await page.keyboard.press('Tab');
    expect(await rowIndex()).toBe('2');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await rowIndex()).toBe('4');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await colIndex()).toBe('3');
    await page.keyboard.press('PageDown');
    const paged = Number(await rowIndex());
    expect(paged).toBeGreaterThan(5);
    await page.keyboard.press('PageUp');
    expect(await rowIndex()).toBe('4');
    await page.keyboard.press('End');
    expect(await rowIndex()).toBe(await grid.getAttribute('aria-rowcount'));
    await page.keyboard.press('Home');
    expect(await rowIndex()).toBe('2');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const seq = await page.evaluate(() =>
      document.activeElement?.closest('[role=row]')?.getAttribute('data-seq'),
    );
    await expect(page.getByTestId('seek').textContent()).resolves.toBe(seq);
    // The row at the cursor says so, and the grid still has focus.
    await expect(
      page.locator('.events [role=row][aria-current="step"]').getAttribute('data-seq'),
    ).resolves.toBe(seq);
    expect(await colIndex()).toBe('3');
    // Without a match there is no row, and the table says there is nothing to show.
    await page.getByRole('searchbox').fill('no such event anywhere');
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks Korean with ?lang=ko', async () => {
    const { page, errors } = await browser.open(story('lang=ko'));
    await page.locator('.plot-svg .mark').first().waitFor();
    await expect(page.locator('.plot-svg .lane-kind').first().textContent()).resolves.toBe('사용자 에이전트');
    await expect(page.locator('.plot-svg .lane-name').first().textContent()).resolves.toBe('앨리스의 PC');
    await expect(page.getByRole('button', { name: '전체 보기' }).count()).resolves.toBe(1);
    await expect(page.locator('.legend').textContent()).resolves.toContain('전달 연기');
    await expect(page.locator('.events .category').allTextContents()).resolves.toContainEqual(
      expect.stringContaining('명령·응답'),
    );
    await page.screenshot({ path: `${SCREENSHOTS}timeline-ko.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('walks its marks in time order with the arrow keys from one tab stop, and Enter selects one', async () => {
    const { page, errors } = await browser.open(story('lang=en'));
    await page.locator('.plot-svg .mark').first().waitFor();
    await expect(page.locator('.plot-svg .mark[tabindex="0"]').count()).resolves.toBe(1);
    const focused = () =>
      page.evaluate(() => {
        const at = document.activeElement;
        return {
          mark: `${at?.getAttribute('class')} ${at?.getAttribute('data-conn') ?? at?.getAttribute('data-seq')}`,
          seq: Number(at?.getAttribute('data-seq')),
          tabindex: at?.getAttribute('tabindex'),
        };
      });
    // The tab stop starts at the earliest mark; each arrow moves it, and focus, to the next or previous one.
    const seqs = await page
      .locator('.plot-svg .mark')
      .evaluateAll((ms) => ms.map((m) => Number(m.dataset.seq)));
    await page.locator('.plot-svg .mark[tabindex="0"]').focus();
    const first = await focused();
    expect(first.seq).toBe(Math.min(...seqs));
    await page.keyboard.press('ArrowRight');
    const second = await focused();
    await page.keyboard.press('ArrowRight');
    const { seq, ...third } = await focused();
    expect(new Set([first.mark, second.mark, third.mark]).size).toBe(3);
    expect([first.seq, second.seq, seq]).toEqual([...[first.seq, second.seq, seq]].sort((a, b) => a - b));
    expect(third.tabindex).toBe('0');
    await expect(page.locator('.plot-svg .mark[tabindex="0"]').count()).resolves.toBe(1);
    await page.keyboard.press('ArrowLeft');
    await expect(focused()).resolves.toEqual(second);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('select').textContent()).resolves.toMatch(new RegExp(`^${seq} · `));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('puts every mark back where it was first drawn after zooming in, panning and showing all again', async () => {
    const { page, errors } = await browser.open(story('lang=en&cursor=60'));
    await page.locator('.plot-svg .mark').first().waitFor();
    // The marks' elements with their attributes in a fixed order: zoom steps write coordinates straight onto them.
    const marks = () =>
      page.evaluate(() => {
        const walk = (n: Element): string =>
          `<${n.tagName} ${[...n.attributes]
            .map((a) => `${a.name}=${a.value}`)
            .sort()
            .join(' ')}>${n.children.length ? [...n.children].map(walk).join('') : (n.textContent ?? '')}`;
        const plot = document.querySelector('.plot-svg g[clip-path]');
        return plot === null ? '' : walk(plot);
      });
    const first = await marks();
    for (const part of ['bar-label', 'fail-end', 'class=count', 'class=break', 'bar faded'])
      expect(first).toContain(part);
    const level = page.locator('.zoom-level');
    await page.locator('.plot-svg').focus();
    for (const [key, zoom] of [
      ['+', 'Zoom ×1.6'],
      ['+', 'Zoom ×2.6'],
    ] as const) {
      await page.keyboard.press(key);
      await expect.poll(() => level.textContent()).toBe(zoom);
    }
    await page.keyboard.press('ArrowRight');
    await expect.poll(marks).not.toBe(first);
    await page.keyboard.press('0');
    await expect.poll(() => level.textContent()).toBe('Zoom ×1.0');
    await expect.poll(marks).toBe(first);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('counts connections too close to tell apart into one stop that says what it holds, and Enter opens it', async () => {
    // The 10,000-event trace's connections stand some 20 px apart at 1280 px, and crowd together at 800.
    const { page, errors } = await browser.open(story('lang=en&messages=54'), { width: 800, height: 720 });
    await page.locator('.plot-svg .mark').first().waitFor();
    const crowd = page.locator('.plot-svg .conn.crowd').first();
    await expect(crowd.getAttribute('aria-label')).resolves.toMatch(
      /^\d+ SMTP connections · Alice’s PC, .*\(press Enter or zoom in to see each\)$/,
    );
    const focused = () =>
      page.evaluate(() => {
        const at = document.activeElement;
        return {
          conn: at?.getAttribute('data-conn'),
          crowd: at?.classList.contains('crowd'),
          name: at?.getAttribute('aria-label'),
          tabindex: at?.getAttribute('tabindex'),
        };
      });
    // By keyboard alone: from the one tab stop, the arrows walk past the first crowd to the next (one whose
    // place in keyboard order changes as it opens, so the tab stop has to follow it).
    await page.locator('.plot-svg .mark[tabindex="0"]').focus();
    const firstCrowd = await crowd.getAttribute('data-conn');
    for (let i = 0; i < 40; i++) {
      const at = await focused();
      if (at.crowd && at.conn !== firstCrowd) break;
      await page.keyboard.press('ArrowRight');
    }
    const before = await focused();
    expect(before.crowd).toBe(true);
    const held = Number(/^(\d+)/.exec(before.name ?? '')?.[1]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.zoom-level').textContent()).not.toBe('Zoom ×1.0');
    // Still focused, and the tab stop: its first connection alone now, or a smaller crowd.
    const after = await focused();
    expect(after).toMatchObject({ conn: before.conn, tabindex: '0' });
    if (after.crowd) expect(Number(/^(\d+)/.exec(after.name ?? '')?.[1])).toBeLessThan(held);
    else expect(after.name).toMatch(new RegExp(`^Connection ${before.conn} SMTP: `));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves the marks it has while the wheel turns, and regroups them once the wheel rests', async () => {
    const { page, errors } = await browser.open(story('lang=en&messages=54'));
    await page.locator('.plot-svg .mark').first().waitFor();
    // Stacks of glyphs with a count, which a doubling of the zoom splits.
    await expect(page.locator('.plot-svg .glyphs .count').count()).resolves.toBeGreaterThan(10);
    const glyphs = () =>
      page
        .locator('.plot-svg .glyphs .glyph')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-seq')));
    const before = new Set(await glyphs());
    // Not zoomed yet, the plot is laid out where it is shown.
    await expect(page.locator('svg.plot-svg').getAttribute('data-moving')).resolves.toBeNull();
    // Eight turns of the wheel 40 ms apart, from ×1 to ×4 through two doublings of the zoom, where a layout splits
    // stacks. Each frame is looked at in the page: while the plot is mid-gesture (data-moving, until d3-zoom's
    // gesture rests 150 ms after a turn) and only zooming in, every glyph must be one drawn when it last was at rest.
    const during = await page.evaluate(
      async (initial) => {
        const svg = document.querySelector('svg.plot-svg') as SVGSVGElement;
        const box = svg.getBoundingClientRect();
        const drawn = () =>
          [...document.querySelectorAll('.plot-svg .glyphs .glyph')].map((e) => e.getAttribute('data-seq'));
        const bar = () => document.querySelector('.plot-svg .conn .bar')?.getBoundingClientRect().width ?? 0;
        const width = bar();
        let known = new Set(initial);
        let movingFrames = 0;
        let drawnAnew = 0;
        let watching = true;
        const watch = () => {
          if (svg.hasAttribute('data-moving')) {
            movingFrames += 1;
            drawnAnew += drawn().filter((seq) => !known.has(seq)).length;
          } else known = new Set(drawn());
          if (watching) requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
        let stretched = false;
        for (let turn = 0; turn < 8; turn++) {
          svg.dispatchEvent(
            new WheelEvent('wheel', {
              deltaY: -125,
              clientX: box.left + box.width / 2,
              clientY: box.top + box.height / 2,
              bubbles: true,
              cancelable: true,
            }),
          );
          await new Promise((resolve) => setTimeout(resolve, 40));
          if (svg.hasAttribute('data-moving') && bar() > width) stretched = true;
        }
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        watching = false;
        return {
          movingFrames,
          drawnAnew,
          stretched,
          zoom: document.querySelector('.zoom-level')?.textContent,
        };
      },
      [...before],
    );
    expect(during.zoom).toBe('Zoom ×4.0');
    expect(during.movingFrames).toBeGreaterThan(0);
    // Mid-gesture nothing is drawn anew: the stacks that were there only move, and the bars stretch.
    expect(during.drawnAnew).toBe(0);
    expect(during.stretched).toBe(true);
    // At rest the plot is laid out at the new zoom: events that now stand apart are drawn on their own.
    await expect.poll(async () => (await glyphs()).some((g) => !before.has(g))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a 10,000-event trace without errors, and zooms it', async () => {
    const { page, errors } = await browser.open(story('lang=en&messages=54'));
    await page.locator('.plot-svg .mark').first().waitFor();
    await expect(page.locator('h1').textContent()).resolves.toMatch(/\((10|11),\d{3} events\)/);
    await expect(page.locator('.plot-svg .mark').count()).resolves.toBeLessThan(1000);
    await expect(page.locator('.events .rows [role=row]').count()).resolves.toBeLessThan(60);
    // Still a whole table to a screen reader: it counts every row, and End reaches the last event by keyboard.
    const grid = page.getByRole('grid', { name: 'Events' });
    const total = Number(await grid.getAttribute('aria-rowcount'));
    expect(total).toBeGreaterThan(10_000);
    await grid.locator('[role=gridcell][tabindex="0"]').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('End');
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest('[role=row]')?.getAttribute('aria-rowindex')),
      )
      .toBe(String(total));
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await expect.poll(() => page.locator('.zoom-level').textContent()).toBe('Zoom ×1.6');
    await page.screenshot({ path: `${SCREENSHOTS}timeline-10k.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
