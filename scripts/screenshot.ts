// `npx tsx scripts/screenshot.ts "?story=Timeline&lang=ko" out.png [width] [height] [--full]`: serves the built
// app (run `npx vite build` first), opens the query in Debian's Chromium and saves a PNG to look at.
import { preview } from 'vite';
import { launchBrowser } from '../tests/e2e/browser.ts';

const args = process.argv.slice(2);
const full = args.includes('--full');
const [query = '', out = 'screenshot.png', width = '1280', height = '720'] = args.filter(
  (a) => a !== '--full',
);
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const address = server.resolvedUrls?.local[0] ?? '';
const browser = await launchBrowser();
try {
  const { page, errors } = await browser.open(`${address}${query}`, {
    width: Number(width),
    height: Number(height),
  });
  await page.waitForTimeout(600);
  await page.screenshot({ path: out, fullPage: full });
  process.stdout.write(`${out}${errors.length ? `\nerrors:\n${errors.join('\n')}` : ''}\n`);
} finally {
  await browser.close();
  await server.close();
}
