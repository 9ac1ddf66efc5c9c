// Opening a side panel the way a test needs it: the tab selected and the panel's code arrived, so what the test
// reads next is the panel and not its loading line (a panel is fetched on its first opening).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** openTab selects the panel tab named `name` and waits until the panel it controls has rendered. */
export async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
  const panel = page.locator(`#${await tab.getAttribute('aria-controls')}`);
  await expect.poll(() => panel.locator('[aria-busy="true"]').count(), { timeout: 10_000 }).toBe(0);
  await expect.poll(() => panel.locator(':scope > :not(.loading)').count()).toBeGreaterThan(0);
}
