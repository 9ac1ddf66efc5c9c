// `npx tsx scripts/screenshot.ts "?story=Timeline&lang=ko" out.png [width] [height] [--full] [--zoom 2] [--tab events]`:
// serves the built app (run `npx vite build` first), opens the query in Debian's Chromium and saves a PNG to look
// at. `--zoom 2` lays the page out as a browser zoomed to 200% would (a window of width/2 × height/2 CSS
// pixels); `--tab NAME` opens that panel tab first (`#tab-NAME`: compose, faults, events, …);
// `--scroll SELECTOR` scrolls that element to the top of the window.
import { preview } from 'vite';
import { launchBrowser } from '../tests/e2e/browser.ts';

const args = process.argv.slice(2);
const OPTIONS = ['--zoom', '--tab', '--scroll'];
const full = args.includes('--full');
function option(name: string): string | undefined {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
}
const zoom = Number(option('--zoom') ?? 1);
const tab = option('--tab');
const scroll = option('--scroll');
const positional = args.filter(
  (a, i) => a !== '--full' && !OPTIONS.includes(a) && !OPTIONS.includes(args[i - 1] ?? ''),
);
const [query = '', out = 'screenshot.png', width = '1280', height = '720'] = positional;
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const address = server.resolvedUrls?.local[0] ?? '';
const browser = await launchBrowser();
try {
  const viewport = { width: Math.round(Number(width) / zoom), height: Math.round(Number(height) / zoom) };
  const { page, errors } = await browser.open(`${address}${query}`, viewport);
  if (tab !== undefined) await page.locator(`#tab-${tab}`).click();
  if (scroll !== undefined)
    await page
      .locator(scroll)
      .first()
      .evaluate((el) => el.scrollIntoView());
  await page.waitForTimeout(600);
  await page.screenshot({ path: out, fullPage: full });
  process.stdout.write(`${out}${errors.length ? `\nerrors:\n${errors.join('\n')}` : ''}\n`);
} finally {
  await browser.close();
  await server.close();
}
