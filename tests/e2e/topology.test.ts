import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/sim/builtinScenarios.ts';
import { Session } from '../../src/sim/session.ts';
import { isKind, type TraceEvent } from '../../src/sim/trace.ts';
import { queueText } from '../../src/ui/i18n/queueText.ts';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

/** The trace the story runs, replayed here so the tests can name cursors by what happens at them. */
function traceOf(name: string): readonly TraceEvent[] {
  const scenario = builtinScenario(name);
  if (scenario === undefined) throw new Error(`${name} is missing`);
  const session = new Session(scenario);
  session.runUntilQuiet(scenario.until ?? 7 * 86_400_000);
  return session.events;
}

const outage = traceOf('outage');
/** The outage after the second failed attempt: hamburger.edu is still down and the next retry is set. */
const secondDeferral = outage.filter(isKind('queue.deferred'))[1];
if (secondDeferral === undefined) throw new Error('the outage has fewer than two deferrals');

describe('the topology story', () => {
  const { browser, baseUrl } = useBrowser();
  const story = (query: string) => `${baseUrl}?story=Topology&${query}`;

  it('loads without a single console or page error', async () => {
    const { page, errors } = await browser.open(story('lang=en'));
    await page.locator('svg .host').first().waitFor();
    await expect(page.locator('svg .host').count()).resolves.toBe(6);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names every host of a built-in world in Korean, the phone the reading scenarios add included', async () => {
    const { page, errors } = await browser.open(story('scenario=imap-folders&lang=ko'));
    // The story is mounted once its chunk has come, which may be after the page's load event.
    await page.locator('svg text.name').first().waitFor();
    const names = await page.locator('svg text.name').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['앨리스의 PC', '밥의 PC', '밥의 휴대폰', 'DNS 서버']));
    expect(names.join(' ')).not.toMatch(/Bob|Alice|Internet/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows hamburger.edu down and the message waiting in crepes.fr’s queue during the outage', async () => {
    const { page, errors } = await browser.open(
      story(`scenario=outage&cursor=${secondDeferral.seq}&lang=en`),
    );
    const hamburger = page.locator('.host[data-host="hamburger.edu"]');
    await hamburger.waitFor();
    await expect(hamburger.getAttribute('data-down')).resolves.toBe('true');
    await expect(hamburger.locator('.down-badge').textContent()).resolves.toBe('down');
    await expect(hamburger.getAttribute('aria-label')).resolves.toContain('down');
    await expect(page.locator('.host[data-host="crepes.fr"]').getAttribute('data-down')).resolves.toBe(
      'false',
    );

    const next = queueText.en.clock(secondDeferral.nextAttemptAt);
    const chip = page.locator('.tray[data-queue="crepes.fr"] .chip');
    await expect(chip.count()).resolves.toBe(1);
    await expect(chip.textContent()).resolves.toContain(`2 attempts · next ${next}`);

    const recipient = page.locator('.list-panel [data-recipient="bob@hamburger.edu"]');
    await expect(recipient.getAttribute('data-status')).resolves.toBe('deferred');
    const text = await recipient.textContent();
    expect(text).toContain('Deferred');
    expect(text).toContain('2 attempts');
    expect(text).toContain(`in 30 min (at ${next})`);
    expect(text).toContain('Connection timed out');
    await expect(
      page.locator('[data-mailbox="bob@hamburger.edu"]').first().getAttribute('data-count'),
    ).resolves.toBe('0');
    await page.screenshot({ path: `${SCREENSHOTS}topology-outage.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ends the outage with one message, “Lunch”, in Bob’s mailbox', async () => {
    const { page, errors } = await browser.open(story('scenario=outage&lang=en'));
    const mailbox = page.locator('svg .mailbox[data-mailbox="bob@hamburger.edu"]');
    await mailbox.waitFor();
    await expect(mailbox.getAttribute('data-count')).resolves.toBe('1');
    await expect(page.locator('.host[data-host="hamburger.edu"]').getAttribute('data-down')).resolves.toBe(
      'false',
    );
    const inbox = page.locator('.list-panel [data-mailbox="bob@hamburger.edu"]');
    await expect(inbox.locator('.message').count()).resolves.toBe(1);
    await expect(inbox.locator('.subject').textContent()).resolves.toBe('Lunch');
    await expect(page.locator('.list-panel[data-total]').first().textContent()).resolves.toContain(
      'The queue is empty: nothing is waiting.',
    );

    await mailbox.click();
    const stored = outage.filter(isKind('mailbox.stored')).find((e) => e.user === 'bob');
    await expect(page.locator('.picked').getAttribute('data-selected-event')).resolves.toBe(
      String(stored?.seq),
    );
    await page.screenshot({ path: `${SCREENSHOTS}topology-outage-end.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the message travelling as an envelope on a link in the middle of the textbook transfer', async () => {
    const textbook = traceOf('textbook');
    const relayed = textbook
      .filter(isKind('tcp.segment'))
      .find((e) => e.from.host === 'crepes.fr' && e.payload.includes('Subject: Lunch'));
    if (relayed === undefined) throw new Error('crepes.fr never relayed the message');
    const { page, errors } = await browser.open(story(`scenario=textbook&t=${relayed.t + 10}&lang=en`));
    const envelope = page.locator('svg .packet[data-shape="envelope"]');
    await envelope.first().waitFor();
    await expect(envelope.first().getAttribute('data-link')).resolves.toBe('crepes.fr--internet');
    const box = await envelope.first().boundingBox();
    const crepes = await page.locator('.host[data-host="crepes.fr"] .icon').boundingBox();
    const internet = await page.locator('.host[data-host="internet"] .icon').boundingBox();
    if (box === null || crepes === null || internet === null) throw new Error('nothing to measure');
    // Between the two icons, not sitting on either.
    expect(box.x).toBeGreaterThan(crepes.x + crepes.width);
    expect(box.x + box.width).toBeLessThan(internet.x);
    await page.screenshot({ path: `${SCREENSHOTS}topology-textbook.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets the keyboard select a host and a queued message', async () => {
    const { page, errors } = await browser.open(
      story(`scenario=outage&cursor=${secondDeferral.seq}&lang=en`),
    );
    const crepes = page.locator('.host[data-host="crepes.fr"]');
    await crepes.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.picked').getAttribute('data-selected-host')).resolves.toBe('crepes.fr');
    await expect(crepes.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.locator('.tray[data-queue="crepes.fr"] .chip').focus();
    await page.keyboard.press(' ');
    const enqueued = outage.find(isKind('queue.enqueued'));
    await expect(page.locator('.picked').getAttribute('data-selected-event')).resolves.toBe(
      String(enqueued?.seq),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves packets instantly when the reader prefers reduced motion', async () => {
    const { page, errors } = await browser.open(story('scenario=textbook&t=1655&lang=en'));
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const packet = page.locator('svg .packet').first();
    await packet.waitFor();
    await expect(packet.evaluate((el) => getComputedStyle(el).transitionDuration)).resolves.toBe('0s');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks Korean with ?lang=ko', async () => {
    const { page, errors } = await browser.open(
      story(`scenario=outage&cursor=${secondDeferral.seq}&lang=ko`),
    );
    const hamburger = page.locator('.host[data-host="hamburger.edu"]');
    await hamburger.waitFor();
    await expect(hamburger.locator('.down-badge').textContent()).resolves.toBe('다운');
    const next = queueText.ko.clock(secondDeferral.nextAttemptAt);
    await expect(page.locator('.tray[data-queue="crepes.fr"] .chip').textContent()).resolves.toContain(
      `시도 2회 · 다음 ${next}`,
    );
    await expect(page.locator('#queue-panel-title').textContent()).resolves.toBe('메시지 큐');
    const recipient = await page.locator('.list-panel [data-recipient="bob@hamburger.edu"]').textContent();
    expect(recipient).toContain('재시도 대기');
    expect(recipient).toContain('30분 후');
    await expect(page.locator('.host[data-host="alice-pc"] .name').textContent()).resolves.toBe(
      '앨리스의 PC',
    );
    await page.screenshot({ path: `${SCREENSHOTS}topology-outage-ko.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the mixed world’s three recipient servers and marks the bounce Alice gets', async () => {
    const { page, errors } = await browser.open(story('scenario=mixed&lang=ko'));
    await page.locator('.host[data-host="bratwurst.de"]').waitFor();
    await expect(page.locator('svg .host').count()).resolves.toBe(7);
    const alice = page.locator('.list-panel [data-mailbox="alice@crepes.fr"] .message');
    await expect(alice.first().getAttribute('data-notice')).resolves.toBe('bounce');
    await page.screenshot({ path: `${SCREENSHOTS}topology-mixed-ko.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
