import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/sim/builtinScenarios.ts';
import { Session } from '../../src/sim/session.ts';
import type { EventOf } from '../../src/sim/trace.ts';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

/** The textbook's server-side steps on the first connection; the story's extra messages come a minute later. */
function serverSteps(): EventOf<'session.state'>[] {
  const scenario = builtinScenario('textbook');
  if (scenario === undefined) throw new Error('textbook is missing');
  const session = new Session(scenario);
  session.runUntilQuiet(600_000);
  return session.events.filter(
    (e): e is EventOf<'session.state'> =>
      e.kind === 'session.state' && e.conn === 'c1' && e.machine === 'smtp-server',
  );
}

describe('the transcript, state charts and inspector', () => {
  const { browser, baseUrl } = useBrowser();

  it('shows the textbook handshake in order and what a reply means on focus', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?story=Inspector&lang=en&conn=c1&cursor=40`);
    const lines = page.locator('.transcript li button');
    await lines.first().waitFor();
    const text = (await lines.allTextContents()).slice(0, 4).map((t) => t.replace(/\s+/g, ' ').trim());
    // Kurose & Ross's dialogue, line for line: HELO, a one-line 250, then MAIL FROM with the book's space.
    expect(text).toEqual([
      'S: 220 crepes.fr',
      'C: HELO alice-pc',
      'S: 250 Hello alice-pc, pleased to meet you',
      'C: MAIL FROM: <alice@crepes.fr>',
    ]);
    await lines.first().focus();
    const tip = page.getByRole('tooltip');
    await expect(tip.textContent()).resolves.toContain('The server is ready');
    await expect(lines.first().getAttribute('aria-describedby')).resolves.toBe(await tip.getAttribute('id'));
    await lines.nth(1).focus();
    await expect(tip.textContent()).resolves.toContain('introduces itself');
    await expect(page.locator('.transcript li.latest').count()).resolves.toBe(1);
    await expect(page.locator('.transcript li.future').count()).resolves.toBeGreaterThan(10);
    await page.screenshot({ path: `${SCREENSHOTS}inspector-transcript.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lights the server’s current state and moves it with the cursor', async () => {
    const [greeted, helloed] = serverSteps();
    if (greeted === undefined || helloed === undefined) throw new Error('the server took no steps');
    const { page, errors } = await browser.open(
      `${baseUrl}?story=Inspector&lang=en&conn=c1&cursor=${greeted.seq}`,
    );
    const server = page.locator('figure[data-machine^="smtp-server"]');
    await server.waitFor();
    const lit = server.locator('g.box.current');
    await expect(lit.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-state')))).resolves.toEqual([
      'session.protocol.awaitingHelo',
      'session.idleTimer.running',
    ]);
    await expect(server.locator('g.edge.on').getAttribute('data-edge')).resolves.toBe(
      'awaitingConnection>session',
    );
    await expect(server.locator('.current-state').textContent()).resolves.toContain('awaitingHelo');
    await page.locator('input[type=range]').fill(String(helloed.seq));
    await expect.poll(() => lit.first().getAttribute('data-state')).toBe('session.protocol.ready');
    await expect(server.locator('[aria-current="step"] .marker').count()).resolves.toBeGreaterThan(0);
    await expect(server.locator('path.step').count()).resolves.toBe(1);
    await page.locator('input[type=checkbox]').check();
    await page.locator('figure[data-machine="tcp"]').waitFor();
    await page.locator('.charts').screenshot({ path: `${SCREENSHOTS}inspector-charts.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('puts the envelope of Bob’s message beside its headers, with its Received lines', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?story=Inspector&lang=en&conn=c2`);
    const option = page.locator('select option', { hasText: 'bob@hamburger.edu UID 1' });
    await page
      .locator('select')
      .nth(1)
      .selectOption({ value: (await option.getAttribute('value')) ?? '' });
    const inspector = page.locator('.inspector');
    await inspector.locator('.compare').waitFor();
    const envelope = (await inspector.locator('.envelope').textContent()) ?? '';
    expect(envelope).toContain('MAIL FROM');
    expect(envelope).toContain('<alice@crepes.fr>');
    expect(envelope).toContain('<bob@hamburger.edu>');
    const headers = (await inspector.locator('.headers').textContent()) ?? '';
    expect(headers).toContain('Alice <alice@crepes.fr>');
    await expect(inspector.getByText('read bottom-up', { exact: false }).count()).resolves.toBe(1);
    const hops = await inspector.locator('ol.hops > li').allTextContents();
    expect(hops).toHaveLength(2);
    expect(hops[0]).toContain('by hamburger.edu');
    expect(hops[1]).toContain('by crepes.fr');
    await page.screenshot({ path: `${SCREENSHOTS}inspector-message.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a hostile message without running any of it', async () => {
    const dialogs: string[] = [];
    for (const pick of ['hostile', 'rich']) {
      const { page, errors } = await browser.open(`${baseUrl}?story=Inspector&lang=en&conn=c3&pick=${pick}`);
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const inspector = page.locator('.inspector');
      await inspector.locator('.subject').waitFor();
      if (pick === 'hostile') {
        await expect(inspector.locator('.subject').textContent()).resolves.toContain('<script>');
        await inspector.locator('.raw').waitFor();
      } else {
        await inspector.locator('button[data-part="1.1.2"]').click();
        const frame = page.frameLocator('iframe.html-part');
        await frame.locator('h2').waitFor();
        await expect(
          frame
            .locator('body')
            .locator('script, iframe, svg, style, [onerror], [onload], [onmouseover], [src]')
            .count(),
        ).resolves.toBe(0);
        await expect(frame.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
        await expect(page.locator('iframe.html-part').getAttribute('sandbox')).resolves.toBe('');
        await frame.locator('h2').hover();
        await page.locator('.inspector').screenshot({ path: `${SCREENSHOTS}inspector-hostile-html.png` });
      }
      // Hovering and focusing every line of the typed session, hostile HTML included, runs nothing either.
      for (const line of await page.locator('.transcript li[data-role="data"] button').all())
        await line.hover();
      await page.waitForTimeout(300);
      await expect(page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined();
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(dialogs).toEqual([]);
  });

  it('speaks Korean with ?lang=ko', async () => {
    // The modern scenario, whose server answers EHLO with extensions to explain; the textbook's says HELO.
    const { page, errors } = await browser.open(
      `${baseUrl}?story=Inspector&scenario=modern&lang=ko&conn=c1&cursor=60&pick=rich&tcp=1`,
    );
    await page.locator('.transcript li button').first().waitFor();
    await expect(page.locator('.transcript h2').textContent()).resolves.toBe('대화 기록');
    await expect(page.locator('.inspector h2').textContent()).resolves.toBe('검사기');
    await expect(page.locator('.charts h2').textContent()).resolves.toBe('상태 기계');
    await expect(page.locator('.inspector .subject').textContent()).resolves.toBe('점심 메뉴 — 김치찌개?');
    await expect(page.locator('.inspector').textContent()).resolves.toContain('엔벨로프');
    await page.locator('.transcript li button', { hasText: '250-SIZE' }).focus();
    await expect(page.getByRole('tooltip').textContent()).resolves.toMatch(/확장 기능/);
    await page.screenshot({ path: `${SCREENSHOTS}inspector-ko.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains a selected reply by the catalogue id its server wrote and the command it answers, in Korean', async () => {
    // The modern client pipelines MAIL and RCPT; the reply after both still answers MAIL. (The textbook's
    // client waits for each reply, so there it could not be mistaken for RCPT's.)
    const { page, errors } = await browser.open(`${baseUrl}?story=Inspector&scenario=modern&lang=ko&conn=c1`);
    const lines = page.locator('.transcript li button');
    await lines.first().waitFor();
    await page.locator('.transcript li[data-role="reply"] button', { hasText: '250 2.1.0' }).click();
    const inspector = page.locator('.inspector');
    await expect(inspector.locator('[data-field="reply"]').textContent()).resolves.toBe('smtp.mail.ok');
    await expect(inspector.locator('[data-field="answers"]').textContent()).resolves.toBe('MAIL');
    await expect(inspector.textContent()).resolves.toContain('메일 트랜잭션이 시작되었습니다');
    await page.locator('.inspector').screenshot({ path: `${SCREENSHOTS}inspector-reply-ko.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
