// The XSS corpus in Chromium: a few hundred payloads put into every place a scenario file, a share link, Compose
// and the console let text reach, then every panel, the sequence diagrams and the dialogs opened in turn. Nothing
// may run: the canary global stays unset in every frame, no dialog opens, and no handler, javascript: URL, script
// or style that carries a payload is left in any frame's DOM (handlers that wait for a hover count too).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openTab } from './panels.ts';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';
import { CANARY, batches, xssPayloads } from './xssCorpus.ts';
import { xssScenario } from './xssScenario.ts';

const PAYLOADS = xssPayloads();
const PANELS = [
  'Transcript',
  'State machines',
  'Inspector',
  'Queues',
  'Mailboxes',
  'Console',
  'Compose',
  'Read mail',
  'Faults',
  'Event list',
];

/** Watched is a page whose dialogs are recorded (and dismissed) from the moment it opened. */
interface Watched {
  readonly page: Page;
  readonly errors: string[];
  readonly dialogs: string[];
}

async function watch(opened: { page: Page; errors: string[] }): Promise<Watched> {
  const dialogs: string[] = [];
  opened.page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { ...opened, dialogs };
}

/**
 * ranOrArmed lists what a payload did or left behind, in every frame (the sandboxed HTML parts too): the canary's
 * value, each dialog, and each element whose handler, URL, script or style carries a payload.
 */
async function ranOrArmed(watched: Watched): Promise<string[]> {
  const found = watched.dialogs.map((d) => `dialog ${d}`);
  for (const frame of watched.page.frames()) {
    const inFrame = await frame.evaluate((canary) => {
      const out: string[] = [];
      const value = (globalThis as Record<string, unknown>)[canary];
      if (value !== undefined) out.push(`${canary} = ${String(value)}`);
      const urlOrCode = /^(href|xlink:href|src|action|formaction|data|style|background|poster|content)$/;
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes)
          if (a.value.includes(canary) && (a.name.startsWith('on') || urlOrCode.test(a.name)))
            out.push(`<${el.localName} ${a.name}="${a.value.slice(0, 80)}">`);
        if (['script', 'style'].includes(el.localName) && (el.textContent ?? '').includes(canary))
          out.push(`<${el.localName}>${(el.textContent ?? '').slice(0, 80)}`);
      }
      return out;
    }, CANARY);
    found.push(...inFrame.map((f) => `${frame === watched.page.mainFrame() ? 'page' : 'frame'}: ${f}`));
  }
  return found;
}

async function expectNothingRan(watched: Watched, where: string): Promise<void> {
  expect(await ranOrArmed(watched), where).toEqual([]);
}

async function toTheEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'To the end' }).click();
}

// Every panel in turn, each message in the inspector with its HTML parts, and a sequence diagram per connection.
async function visitEverything(watched: Watched): Promise<{ messages: number; htmlParts: number }> {
  const { page } = watched;
  for (const name of PANELS) {
    await openTab(page, name);
    await expectNothingRan(watched, name);
  }
  await openTab(page, 'Mailboxes');
  const messages = await page.locator('[role="tabpanel"] button.message').count();
  let htmlParts = 0;
  for (let i = 0; i < messages; i++) {
    await openTab(page, 'Mailboxes');
    await page.locator('[role="tabpanel"] button.message').nth(i).click();
    const html = page
      .locator('[role="tabpanel"] .tree button')
      .filter({ has: page.locator('.type', { hasText: /^text\/html/ }) });
    for (let j = 0; j < (await html.count()); j++) {
      await html.nth(j).click();
      await page.locator('iframe.html-part').waitFor();
      htmlParts++;
    }
    await expectNothingRan(watched, `message ${i + 1} in the inspector`);
  }
  // One connection of each kind (protocol, client and server), and the last, where the message was typed by hand.
  const conns = await page.locator('.plot-svg .conn[data-conn]').evaluateAll((marks) =>
    marks.map((m) => ({
      conn: m.getAttribute('data-conn') ?? '',
      kind:
        [...m.classList].filter((c) => c.startsWith('proto-')).join() +
        (m.getAttribute('aria-label') ?? '').split(',')[0]?.replace(/^Connection \S+/, ''),
    })),
  );
  const kinds = new Map(conns.map((c) => [c.kind, c.conn]));
  const chosen = new Set([...kinds.values(), conns.at(-1)?.conn ?? '']);
  for (const conn of chosen) {
    // Connections drawn on one row overlap, so the click goes to the mark itself rather than to a point.
    await page.locator(`.plot-svg .conn[data-conn="${conn}"]`).first().dispatchEvent('click');
    await page.locator('.sequence').waitFor();
    await expectNothingRan(watched, `the sequence diagram of ${conn}`);
    await page.getByRole('button', { name: 'Back to the timeline' }).click();
    await page.getByRole('button', { name: 'Show all', exact: true }).click();
  }
  return { messages, htmlParts };
}

describe('the XSS corpus', () => {
  const { browser, baseUrl } = useBrowser();

  it(`holds ${PAYLOADS.length} payloads, each with its own number`, () => {
    expect(PAYLOADS.length).toBeGreaterThan(300);
    expect(new Set(PAYLOADS.map((p) => p.text)).size).toBe(PAYLOADS.length);
  });

  it('is caught when a payload runs, arms a handler or opens a dialog, in the page or in a frame', async () => {
    const watched = await watch(await browser.open(`${baseUrl}?lang=en`));
    const { page } = watched;
    expect(await ranOrArmed(watched)).toEqual([]);
    const [running, hovering] = [PAYLOADS[8], PAYLOADS[24]];
    if (!running || !hovering) throw new Error('the corpus is too short');
    await page.evaluate(
      ({ a, b }) => {
        document.body.insertAdjacentHTML('beforeend', a);
        const frame = document.createElement('iframe');
        frame.srcdoc = b;
        document.body.append(frame);
      },
      { a: running.text, b: hovering.text },
    );
    await expect
      .poll(() => ranOrArmed(watched))
      .toEqual(
        expect.arrayContaining([
          `dialog alert: ${running.id}`,
          `page: ${CANARY} = ${running.id}`,
          expect.stringMatching(/^page: <img onerror=/),
          expect.stringMatching(/^frame: <div onmouseover=/),
        ]),
      );
    await page.close();
  });

  // The longest e2e: over 20 messages opened one by one, sequence diagrams and a link of the whole world, on a
  // machine shared with other tests (about two minutes with seven jobs on two cores).
  it(
    'runs nothing from a scenario file and its share link, in any panel, diagram or dialog',
    { timeout: 300_000 },
    async () => {
      const world = xssScenario(PAYLOADS);
      const watched = await watch(await browser.open(`${baseUrl}?lang=en`));
      const { page, errors } = watched;
      await page.getByRole('button', { name: 'Scenarios' }).click();
      await page.getByRole('tab', { name: 'Load a file' }).click();
      const fileName = `${PAYLOADS[8]?.text}.json`;
      await page.getByTestId('scenario-file').setInputFiles({
        name: fileName,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(world.scenario)),
      });
      await expectNothingRan(watched, 'the scenario dialog');
      await page.keyboard.press('Escape');
      // Shown as text, character for character.
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).innerText())
        .toBe(String(world.scenario.title));
      await toTheEnd(page);
      const seen = await visitEverything(watched);
      // Alice's messages, the bounce and its notice, and the one typed by hand.
      expect(seen.messages).toBeGreaterThanOrEqual(world.messages + 2);
      expect(seen.htmlParts).toBeGreaterThanOrEqual(batches(PAYLOADS, 60).length + 1);
      await page.screenshot({ path: `${SCREENSHOTS}xss-scenario.png` });

      await page.getByRole('button', { name: 'Share', exact: true }).click();
      const field = page.getByLabel('Link to this moment');
      await expect.poll(() => field.inputValue()).toMatch(/^http/);
      await expectNothingRan(watched, 'the share dialog');
      const link = await field.inputValue();
      expect(errors).toEqual([]);
      await page.close();

      // The link carries the whole world, longer than the preview server takes in a request line (431), so the page
      // it names is served from the app's own index here; the app reads the query all the same.
      const shared = await watch(await browser.open('about:blank'));
      const index = await (await fetch(baseUrl)).text();
      await shared.page.route(
        (url) => url.href === link,
        (route) => route.fulfill({ contentType: 'text/html', body: index }),
      );
      // The app builds the whole world before the page's load event, which takes a while on a loaded machine.
      await shared.page.goto(link, { waitUntil: 'commit' });
      await expect
        .poll(() => shared.page.getByRole('heading', { level: 1 }).innerText(), { timeout: 60_000 })
        .toBe(String(world.scenario.title));
      for (const name of ['Mailboxes', 'Console', 'Read mail', 'Event list']) {
        await shared.page.getByRole('tab', { name, exact: true }).click();
        await expectNothingRan(shared, `${name}, opened from the share link`);
      }
      expect(shared.errors).toEqual([]);
      await shared.page.close();
    },
  );

  // Hundreds of payloads typed into form fields and the console take most of a minute on a loaded machine.
  it(
    'runs nothing typed into Compose and the console, before sending, after, or in the inspector',
    { timeout: 120_000 },
    async () => {
      const watched = await watch(await browser.open(`${baseUrl}?lang=en`));
      const { page, errors } = watched;
      const text = PAYLOADS.map((p) => p.text);
      // Payloads as telnet targets, then as lines to an SMTP server.
      await page.getByRole('tab', { name: 'Console', exact: true }).click();
      const prompt = page.getByRole('textbox', { name: /Command for the terminal on/ });
      for (const target of text.slice(0, 3)) {
        await prompt.fill(`telnet ${target} 25`);
        await prompt.press('Enter');
      }
      await prompt.fill('telnet hamburger.edu 25');
      await prompt.press('Enter');
      const screen = page.getByRole('log');
      await expect.poll(() => screen.innerText(), { timeout: 10_000 }).toContain('220 hamburger.edu');
      const line = page.getByRole('textbox', { name: /Line to send to/ });
      for (const typed of linesOf(text, 60)) {
        await line.fill(typed);
        await line.press('Enter');
      }
      await expect.poll(() => screen.innerText()).toContain(text.at(-1)?.slice(0, 20) ?? '');
      await expectNothingRan(watched, 'the console');

      await page.getByRole('tab', { name: 'Compose', exact: true }).click();
      const form = page.locator('form.compose');
      // Addresses that are payloads are refused, and the refusal quotes them.
      await form.getByLabel('Cc', { exact: true }).fill(text.slice(0, 40).join(', '));
      await form.getByLabel('To', { exact: true }).fill('bob@hamburger.edu');
      await form.getByLabel('Subject', { exact: true }).fill(text.slice(0, 80).join(' '));
      await form.getByLabel('Message', { exact: true }).fill(text.join('\n'));
      for (const name of text.slice(80, 86)) {
        await form.getByRole('button', { name: 'Write a text attachment' }).click();
        await form.getByLabel('File name').fill(name);
        await form.getByLabel('Contents').fill(name);
        await form.getByRole('button', { name: 'Attach', exact: true }).click();
      }
      await form.locator('input[type=file]').setInputFiles([
        { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(text.join('<br>\n')) },
        { name: `${text[8]}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text[9] ?? '') },
      ]);
      await form.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => form.locator('.error').count()).toBeGreaterThan(0);
      await expectNothingRan(watched, 'Compose, refusing payloads as addresses');
      await form.getByLabel('Cc', { exact: true }).fill('');
      await form.getByRole('button', { name: 'Send', exact: true }).click();
      await expectNothingRan(watched, 'Compose, sent');

      await toTheEnd(page);
      await openTab(page, 'Mailboxes');
      await page.locator('[role="tabpanel"] button.message').last().click();
      await page
        .locator('[role="tabpanel"] .tree button')
        .filter({ has: page.locator('.type', { hasText: /^text\/html/ }) })
        .click();
      await page.locator('iframe.html-part').waitFor();
      await expectNothingRan(watched, 'the message sent from Compose, in the inspector');
      for (const name of ['Transcript', 'Event list']) {
        await page.getByRole('tab', { name, exact: true }).click();
        await expectNothingRan(watched, name);
      }
      await page.screenshot({ path: `${SCREENSHOTS}xss-compose.png` });
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('explains links and scenario files whose names are payloads without running them', async () => {
    const [first, second, third] = PAYLOADS.filter((p) => p.text.startsWith('<'));
    if (!first || !second || !third) throw new Error('the corpus is too short');
    const queries = [
      `scenario=${encodeURIComponent(first.text)}`,
      `lesson=${encodeURIComponent(second.text)}`,
      `scenario=textbook&at=${encodeURIComponent(third.text)}`,
      `lang=${encodeURIComponent(first.text)}&story=${encodeURIComponent(second.text)}`,
      `world=${Buffer.from(JSON.stringify({ version: 1, name: third.text, hosts: [] })).toString('base64url')}`,
      `scenario=textbook&inputs=${Buffer.from(JSON.stringify([{ at: first.text, input: { type: second.text } }])).toString('base64url')}`,
    ];
    for (const query of queries) {
      const watched = await watch(await browser.open(`${baseUrl}?${query}`));
      await watched.page.locator('h1').first().waitFor();
      await expectNothingRan(watched, query.slice(0, 40));
      expect(watched.errors).toEqual([]);
      await watched.page.close();
    }

    // Host names, users and addresses that are payloads: every problem is listed, quoting them as text.
    const watched = await watch(await browser.open(`${baseUrl}?lang=en`));
    const { page, errors } = watched;
    const hosts = PAYLOADS.slice(0, 45).map((p) => ({ id: p.text, label: p.text }));
    const broken = {
      version: 1,
      name: 'xss-names',
      title: first.text,
      hosts: [
        ...hosts,
        { id: 'a.example', mail: { users: [{ name: second.text, password: 'x' }] } },
        { id: 'b.example', userAgent: { address: third.text, server: first.text } },
      ],
      links: [{ between: [first.text, second.text] }],
    };
    await page.getByRole('button', { name: 'Scenarios' }).click();
    await page.getByRole('tab', { name: 'Load a file' }).click();
    await page.getByLabel('Scenario text (JSON)').fill(JSON.stringify(broken));
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await expect.poll(() => page.locator('.problems li').count()).toBeGreaterThan(40);
    await expectNothingRan(watched, 'the problems of a scenario file');
    await page.screenshot({ path: `${SCREENSHOTS}xss-names.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});

// Joins texts into lines of about `count` each, short enough for a console line.
function linesOf(texts: readonly string[], count: number): string[] {
  return batches(texts, count).map((group) => group.join(' '));
}
