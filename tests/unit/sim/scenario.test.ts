import { describe, expect, it } from 'vitest';
import { builtinScenario, builtinScenarioNames } from '../../../src/sim/builtinScenarios.ts';
import { formatIssues, parseScenario, parseScenarioText } from '../../../src/sim/scenario.ts';

const minimal = {
  version: 1,
  name: 'two-hosts',
  hosts: [{ id: 'a.example' }, { id: 'b.example', services: [{ type: 'echo' }] }],
  links: [{ between: ['a.example', 'b.example'], latency: '25ms' }],
};

function issuesOf(value: unknown): string {
  const result = parseScenario(value);
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return formatIssues(result.issues);
}

describe('scenario validation', () => {
  it('accepts a small scenario and fills in defaults', () => {
    const result = parseScenario(minimal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { scenario } = result;
    expect(scenario.seed).toBe(1);
    expect(scenario.hosts.map((h) => h.address)).toEqual(['192.0.2.10', '192.0.2.11']);
    expect(scenario.hosts[1]?.services).toEqual([{ type: 'echo', port: 7 }]);
    expect(scenario.links[0]).toMatchObject({ id: 'a.example--b.example', latency: 25, jitter: 0, loss: 0 });
  });

  it('reads durations written as 30m, 2h and 5d', () => {
    const result = parseScenario({
      ...minimal,
      faults: [
        { at: '30m', fault: { type: 'host.down', host: 'b.example' } },
        { at: '2h', fault: { type: 'host.up', host: 'b.example' } },
        { at: '5d', fault: { type: 'link.down', link: 'a.example--b.example' } },
      ],
    });
    expect(result.ok && result.scenario.faults.map((f) => f.at)).toEqual([1_800_000, 7_200_000, 432_000_000]);
  });

  it('names the field of a bad address and says what it should be', () => {
    const hosts = [{ id: 'a.example', address: '300.1.2.3' }, { id: 'b.example' }];
    expect(issuesOf({ ...minimal, hosts })).toBe(
      'hosts[0].address: must be an IPv4 address such as 192.0.2.10',
    );
  });

  it('names a misspelt field, so a typo is not silently ignored', () => {
    const links = [{ between: ['a.example', 'b.example'], latncy: 5 }];
    expect(issuesOf({ ...minimal, links })).toContain('links[0].latncy');
  });

  it('names a link that joins a host that does not exist', () => {
    const links = [{ between: ['a.example', 'c.example'] }];
    expect(issuesOf({ ...minimal, links })).toBe('links[0].between[1]: names no host: "c.example"');
  });

  it('refuses a chosen reply code whose second digit is past 5, which no SMTP reply has', () => {
    const fault = (code: number) => [
      { at: 0, fault: { type: 'smtp.reply', host: 'b.example', stage: 'rcpt', code } },
    ];
    expect(issuesOf({ ...minimal, faults: fault(260) })).toContain(
      'faults[0].fault.code: must be a reply code: its second digit is 0 to 5',
    );
    expect(parseScenario({ ...minimal, faults: fault(253) }).ok).toBe(true);
  });

  it('names a fault that refers to an unknown link', () => {
    const faults = [{ at: 0, fault: { type: 'link.down', link: 'nowhere' } }];
    expect(issuesOf({ ...minimal, faults })).toBe('faults[0].fault.link: names no link: "nowhere"');
  });

  it('rejects a duration it cannot read', () => {
    const links = [{ between: ['a.example', 'b.example'], latency: 'soon' }];
    expect(issuesOf({ ...minimal, links })).toContain('links[0].latency');
  });

  it('rejects two hosts with one name', () => {
    expect(issuesOf({ ...minimal, hosts: [{ id: 'a.example' }, { id: 'a.example' }], links: [] })).toBe(
      'hosts[1].id: repeats the host name "a.example"',
    );
  });

  it('rejects loss outside 0 to 1', () => {
    const links = [{ between: ['a.example', 'b.example'], loss: 1.5 }];
    expect(issuesOf({ ...minimal, links })).toBe('links[0].loss: must be at most 1');
  });

  it('reports a file that is not JSON instead of throwing', () => {
    const result = parseScenarioText('{ "version": 1, ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]?.path).toBe('(file)');
  });

  it('rejects an unknown format version', () => {
    expect(issuesOf({ ...minimal, version: 2 })).toBe('version: must be 1, the version of this format');
  });

  it.each(builtinScenarioNames)('accepts the built-in scenario %s', (name) => {
    expect(builtinScenario(name)?.name).toBe(name);
  });
});
