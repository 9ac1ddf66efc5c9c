import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sim(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function simBinary(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
    timeout: 60_000,
  });
  return { code: result.status, out: new Uint8Array(result.stdout), err: result.stderr.toString('utf8') };
}

// Every test starts a process that compiles the simulator with tsx: seconds apiece, many more on a loaded machine,
// where the default 5 s ran out before the process did. The processes' own 60 s limit still catches a hang.
describe('npm run sim', { timeout: 120_000 }, () => {
  it('runs the built-in TCP demonstration when no scenario is named', () => {
    const { code, out } = sim();
    expect(code).toBe(0);
    expect(out).toContain('start tcp-demo (seed 1)');
    expect(out).toMatch(/alice-pc:49152 > hamburger\.edu:7 \[SYN\]/);
  });

  it('prints JSON lines that parse, one event a line', () => {
    const { code, out } = sim('--scenario', 'textbook', '--format', 'jsonl', '--until', '5s');
    expect(code).toBe(0);
    const events = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; seq: number });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    expect(events.some((e) => e.kind === 'mailbox.stored')).toBe(true);
  });

  it('changes the run with --seed', () => {
    const a = sim('--format', 'jsonl', '--until', '1s');
    const b = sim('--format', 'jsonl', '--until', '1s', '--seed', '42');
    expect(a.out).not.toBe(b.out);
  });

  it('names the field that is wrong in a broken scenario file, and exits with 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mail-lab-cli-'));
    const file = join(dir, 'broken.json');
    writeFileSync(
      file,
      JSON.stringify({ version: 1, name: 'broken', hosts: [{ id: 'a', kind: 'toaster' }] }),
    );
    const { code, err } = sim(file);
    expect(code).toBe(2);
    expect(err).toContain('hosts[0].kind: must be one of host, router, user-agent, mail-server, dns-server');
  });

  it('refuses an unknown scenario name with the list of built-in ones', () => {
    const { code, err } = sim('--scenario', 'nope');
    expect(code).toBe(2);
    expect(err).toContain(
      'built-in scenarios: textbook, modern, outage, bounce, unknown-user, mixed, direct, duplicate, tcp-demo',
    );
  });

  it('writes a libpcap file with --format pcap, and one connection’s packets with --conn', () => {
    const all = simBinary('--scenario', 'textbook', '--format', 'pcap');
    expect(all.code).toBe(0);
    expect(new DataView(all.out.buffer).getUint32(0, true)).toBe(0xa1b2c3d4);
    const one = simBinary('--scenario', 'textbook', '--format', 'pcap', '--conn', 'c1');
    expect(one.code).toBe(0);
    expect(one.out.length).toBeGreaterThan(24);
    expect(one.out.length).toBeLessThan(all.out.length);
  });

  it('refuses --conn for a connection the run does not have, or without --format pcap', () => {
    const missing = sim('--scenario', 'textbook', '--format', 'pcap', '--conn', 'c99');
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('--conn: this run has no connection c99');
    const text = sim('--scenario', 'textbook', '--conn', 'c1');
    expect(text.err).toContain('--conn: only with --format pcap');
  });
});
