import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/sim/kernel.ts';
import { parseScenario, type Scenario } from '../../src/sim/scenario.ts';
import { Session } from '../../src/sim/session.ts';
import { isKind } from '../../src/sim/trace.ts';
import { World } from '../../src/sim/world.ts';
import type { DnsResult } from '../../src/sim/dns/dnsResolver.ts';

function scenario(): Scenario {
  const result = parseScenario({
    version: 1,
    name: 'dns-world',
    hosts: [
      { id: 'alice-pc' },
      { id: 'crepes.fr' },
      { id: 'hamburger.edu', services: [{ type: 'echo' }] },
      { id: 'dns.example', kind: 'dns-server', services: [{ type: 'dns' }] },
      { id: 'internet', kind: 'router' },
    ],
    links: [
      { between: ['alice-pc', 'internet'], latency: '10ms' },
      { between: ['crepes.fr', 'internet'], latency: '10ms' },
      { between: ['hamburger.edu', 'internet'], latency: '10ms' },
      { between: ['dns.example', 'internet'], latency: '5ms' },
    ],
    dns: { records: [{ name: 'hamburger.edu', type: 'MX', preference: 10, exchange: 'hamburger.edu' }] },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

function lookup(world: World, kernel: Kernel, name: string, type: 'MX' | 'A'): DnsResult | undefined {
  let result: DnsResult | undefined;
  world.resolver('crepes.fr').lookup(name, type, (r) => (result = r));
  kernel.runUntil(kernel.now() + 60_000);
  return result;
}

describe('DNS in the simulated world', () => {
  it('answers an MX question over UDP from the DNS server host', () => {
    const kernel = new Kernel(1);
    const world = new World(scenario(), kernel);
    const result = lookup(world, kernel, 'hamburger.edu', 'MX');
    expect(result).toEqual({
      ok: true,
      records: [{ name: 'hamburger.edu', type: 'MX', ttl: 3600, preference: 10, exchange: 'hamburger.edu' }],
    });
    const datagrams = kernel.trace.slice().filter(isKind('udp.datagram'));
    expect(datagrams.map((d) => [d.from.host, d.to.host, d.to.port === 53 || d.from.port === 53])).toEqual([
      ['crepes.fr', 'dns.example', true],
      ['dns.example', 'crepes.fr', true],
    ]);
    expect(kernel.trace.slice().find(isKind('dns.answer'))?.t).toBe(30);
  });

  it('gives an A record for every host, since hosts are named by their domain', () => {
    const kernel = new Kernel(1);
    const world = new World(scenario(), kernel);
    const result = lookup(world, kernel, 'alice-pc', 'A');
    expect(result?.ok && result.records[0]).toMatchObject({ type: 'A', address: '192.0.2.10' });
  });

  it('says NXDOMAIN for a name that does not exist, a permanent answer', () => {
    const kernel = new Kernel(1);
    const world = new World(scenario(), kernel);
    expect(lookup(world, kernel, 'nowhere.example', 'MX')).toEqual({ ok: false, error: 'nxdomain' });
  });

  it('answers NOERROR with no records for a name that exists without MX, so mail falls back to its A record', () => {
    const kernel = new Kernel(1);
    const world = new World(scenario(), kernel);
    expect(lookup(world, kernel, 'crepes.fr', 'MX')).toEqual({ ok: true, records: [] });
  });

  it('asks twice, five seconds apart, and reports a timeout when the DNS server is down', () => {
    const kernel = new Kernel(1);
    const world = new World(scenario(), kernel);
    world.inject({ type: 'host.down', host: 'dns.example' });
    expect(lookup(world, kernel, 'hamburger.edu', 'MX')).toEqual({ ok: false, error: 'timeout' });
    expect(
      kernel.trace
        .slice()
        .filter(isKind('udp.datagram'))
        .map((d) => d.t),
    ).toEqual([0, 5000]);
    expect(kernel.trace.slice().find(isKind('dns.failed'))?.t).toBe(10_000);
  });

  it('lets the terminal look a name up before it connects', () => {
    const session = new Session(scenario(), [
      { at: 0, input: { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 7 } },
      { at: 0, input: { type: 'terminal.open', host: 'crepes.fr', target: 'nowhere.example', port: 7 } },
    ]);
    session.runUntil(5000);
    const lines = session.events.filter(isKind('terminal.line')).map((l) => `${l.host}: ${l.text}`);
    expect(lines).toContain('alice-pc: Trying 192.0.2.12...');
    expect(lines).toContain('alice-pc: Connected to hamburger.edu.');
    expect(lines).toContain(
      'crepes.fr: telnet: could not resolve nowhere.example/7: Name or service not known',
    );
  });

  it('lets the terminal connect to an address as typed, asking the DNS nothing', () => {
    const session = new Session(scenario(), [
      { at: 0, input: { type: 'terminal.open', host: 'alice-pc', target: '192.0.2.12', port: 7 } },
    ]);
    session.runUntil(5000);
    const lines = session.events.filter(isKind('terminal.line')).map((l) => l.text);
    expect(lines).toContain('Trying 192.0.2.12...');
    expect(lines).toContain('Connected to 192.0.2.12.');
    expect(session.events.filter(isKind('udp.datagram'))).toEqual([]);
  });

  it('tells the terminal’s user that name resolution failed for now when the DNS server is down', () => {
    const session = new Session(scenario(), [
      { at: 0, input: { type: 'fault', fault: { type: 'host.down', host: 'dns.example' } } },
      { at: 0, input: { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 7 } },
    ]);
    session.runUntil(20_000);
    const lines = session.events.filter(isKind('terminal.line')).map((l) => l.text);
    expect(lines).toContain(
      'telnet: could not resolve hamburger.edu/7: Temporary failure in name resolution',
    );
    expect(session.events.find(isKind('terminal.disconnected'))?.how).toBe('failed');
  });
});

describe('the resolver’s cache', () => {
  it('answers a question it has asked within the TTL from its cache, with what is left of the TTL', () => {
    const kernel = new Kernel(1);
    const world = new World(scenario(), kernel);
    lookup(world, kernel, 'hamburger.edu', 'MX');
    kernel.runUntil(600_000);
    const second = lookup(world, kernel, 'hamburger.edu', 'MX');
    expect(second).toEqual({
      ok: true,
      records: [
        { name: 'hamburger.edu', type: 'MX', ttl: 3600 - 600, preference: 10, exchange: 'hamburger.edu' },
      ],
    });
    // One question on the wire: the second came from the cache, and the trace says so.
    expect(kernel.trace.slice().filter(isKind('udp.datagram'))).toHaveLength(2);
    expect(
      kernel.trace
        .slice()
        .filter(isKind('dns.answer'))
        .map((a) => a.cached ?? false),
    ).toEqual([false, true]);
  });

  it('asks the server again once the TTL has run out', () => {
    const kernel = new Kernel(1);
    const world = new World(scenario(), kernel);
    lookup(world, kernel, 'hamburger.edu', 'MX');
    kernel.runUntil(3_600_030);
    lookup(world, kernel, 'hamburger.edu', 'MX');
    expect(kernel.trace.slice().filter(isKind('udp.datagram'))).toHaveLength(4);
    expect(
      kernel.trace
        .slice()
        .filter(isKind('dns.answer'))
        .every((a) => a.cached === undefined),
    ).toBe(true);
  });

  it('remembers a name that does not exist for five minutes, and no longer', () => {
    const kernel = new Kernel(1);
    const world = new World(scenario(), kernel);
    lookup(world, kernel, 'nowhere.example', 'MX');
    const remembered = lookup(world, kernel, 'nowhere.example', 'MX');
    expect(remembered).toEqual({ ok: false, error: 'nxdomain' });
    kernel.runUntil(kernel.now() + 300_000);
    lookup(world, kernel, 'nowhere.example', 'MX');
    expect(
      kernel.trace
        .slice()
        .filter(isKind('dns.failed'))
        .map((f) => f.cached ?? false),
    ).toEqual([false, true, false]);
  });

  it('keeps no answer from a server that did not reply, so the next lookup asks again', () => {
    const kernel = new Kernel(1);
    const world = new World(scenario(), kernel);
    world.inject({ type: 'host.down', host: 'dns.example' });
    expect(lookup(world, kernel, 'hamburger.edu', 'MX')).toEqual({ ok: false, error: 'timeout' });
    world.inject({ type: 'host.up', host: 'dns.example' });
    expect(lookup(world, kernel, 'hamburger.edu', 'MX')?.ok).toBe(true);
    expect(
      kernel.trace
        .slice()
        .filter(isKind('dns.answer'))
        .map((a) => a.cached ?? false),
    ).toEqual([false]);
  });
});
