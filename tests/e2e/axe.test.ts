// Scans the lab and a lesson with axe-core in Chromium, in English and Korean, with every panel tab opened in
// turn, and insists on no serious or critical violation: the automated half of issue 16's accessibility checks.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type AxeCore from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './useBrowser.ts';

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Finding is one serious or critical violation, where it was seen and on which nodes. */
interface Finding {
  readonly where: string;
  readonly rule: string;
  readonly impact: string;
  readonly nodes: readonly string[];
}

/**
 * scan runs axe on the page as it is now (or only inside the element `within` selects) and keeps the serious and
 * critical violations.
 */
async function scan(page: Page, where: string, within?: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: await AXE_SOURCE });
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: typeof AxeCore }).axe;
    const result = await axe.run(selector ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'none',
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
  }, within);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ where, ...v }));
}

/** scanEveryPanel scans the page, then again with each panel tab selected, since axe sees only what is shown. */
async function scanEveryPanel(page: Page, where: string): Promise<Finding[]> {
  const findings = await scan(page, where);
  const tabs = page.getByRole('tab');
  const count = await tabs.count();
  for (let i = 0; i < count; i += 1) {
    const tab = tabs.nth(i);
    await tab.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    // A panel's code arrives on its first opening: scan the panel, not its loading line.
    await expect.poll(() => page.locator('#panel-tools [aria-busy="true"]').count()).toBe(0);
    if ((await tab.getAttribute('aria-controls')) === 'panel-tools')
      await expect.poll(() => page.locator('#panel-tools > :not(.loading)').count()).toBeGreaterThan(0);
    findings.push(...(await scan(page, `${where}, tab ${(await tab.innerText()).trim()}`)));
  }
  return findings;
}

describe('axe-core finds no serious or critical violation', () => {
  const { browser, baseUrl } = useBrowser();

  for (const lang of ['en', 'ko']) {
    for (const [name, query] of [
      ['the lab', '?scenario=textbook'],
      ['a lesson', '?lesson=smtp-by-hand'],
    ] as const) {
      it(`in ${name} in ${lang === 'en' ? 'English' : 'Korean'}, with every panel open in turn`, async () => {
        const { page, errors } = await browser.open(`${baseUrl}${query}&lang=${lang}`);
        const findings = await scanEveryPanel(page, `${name} (${lang})`);
        expect(findings).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      }, 60_000);
    }
  }

  // Only those two parts: the timeline beside them is scanned above, in the textbook world.
  it('in the map shown as text and the table of machines, in Korean, with messages placed', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=mixed&lang=ko`);
    await page.locator('body').press('End');
    await page.getByRole('button', { name: '글로 보기' }).press('Enter');
    await page.getByRole('table', { name: '메시지가 지금 있는 곳' }).waitFor();
    const findings = await scan(page, 'map as text (ko)', '#network');
    await page.locator('#tab-machines').press('Enter');
    await page.getByRole('table', { name: '모든 세션의 상태 기계 현재 상태' }).waitFor();
    findings.push(...(await scan(page, 'machines table (ko)', '#panel-tools')));
    expect(findings).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reports a violation when the page has one, so the scan can fail', async () => {
    const { page } = await browser.open(`${baseUrl}?scenario=textbook&lang=en`);
    await page.evaluate(() => {
      const unnamed = document.createElement('button');
      unnamed.className = 'axe-probe';
      document.body.append(unnamed);
    });
    const findings = await scan(page, 'probe');
    expect(findings.map((f) => f.rule)).toContain('button-name');
    await page.close();
  });
});
