// The capture download in the share dialog: the file the browser saves is a pcap that tshark reads as the lab's
// SMTP conversation, for every connection or the one selected on the timeline.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

const dir = mkdtempSync(join(tmpdir(), 'mail-lab-capture-'));

// tshark's view of a file: each packet's addresses, ports and decoded SMTP command, a line a packet.
function tsharkRows(file: string): string[][] {
  const result = spawnSync(
    'tshark',
    [
      '-r',
      file,
      '-n',
      '-T',
      'fields',
      '-e',
      'ip.src',
      '-e',
      'ip.dst',
      '-e',
      'tcp.port',
      '-e',
      'smtp.req.command',
    ],
    { encoding: 'utf8' },
  );
  if (result.error) throw new Error(`tshark did not run (npm test installs it): ${result.error.message}`);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.split('\t'));
}

async function save(page: Page, button: RegExp, name: string): Promise<{ file: string; suggested: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const file = join(dir, name);
  await download.saveAs(file);
  return { file, suggested: download.suggestedFilename() };
}

describe('downloading a capture', () => {
  const { browser, baseUrl } = useBrowser();

  it('saves every connection’s packets as a pcap that tshark decodes as SMTP', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=textbook&lang=en`);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('heading', { name: 'Download capture' }).waitFor();
    await expect(page.getByText('Select a connection on the timeline').count()).resolves.toBe(1);
    const { file, suggested } = await save(page, /^All connections \(\d+ packets\)$/, 'all.pcap');
    expect(suggested).toBe('textbook.pcap');
    const rows = tsharkRows(file);
    const commands = rows.map((r) => r[3]).filter((c) => c);
    expect(commands.slice(0, 5)).toEqual(['HELO', 'MAIL', 'RCPT', 'DATA', 'QUIT']);
    expect(new Set(rows.map((r) => r[0]))).toContain('192.0.2.10');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves only the selected connection, named in Korean by its protocol and hosts', async () => {
    const { page, errors } = await browser.open(`${baseUrl}?scenario=textbook&lang=ko`);
    await page.locator('.plot-svg .conn[data-conn="c2"]').click();
    await page.getByRole('button', { name: '공유', exact: true }).click();
    const only = page.getByRole('button', { name: /^연결 c2만: SMTP, .+ → .+ \(패킷 \d+개\)$/ });
    await only.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}capture-dialog-ko.png` });
    const { file, suggested } = await save(page, /^연결 c2만/, 'c2.pcap');
    expect(suggested).toBe('textbook-c2.pcap');
    const rows = tsharkRows(file);
    expect(rows.length).toBeGreaterThan(10);
    // Only crepes.fr (192.0.2.11) and hamburger.edu (192.0.2.14) on port 25: no DNS, no submission from Alice.
    expect(new Set(rows.flatMap((r) => [r[0], r[1]]))).toEqual(new Set(['192.0.2.11', '192.0.2.14']));
    expect(rows.every((r) => r[2]!.split(',').includes('25'))).toBe(true);
    expect(rows.map((r) => r[3]).filter((c) => c)).toEqual(['HELO', 'MAIL', 'RCPT', 'DATA', 'QUIT']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
