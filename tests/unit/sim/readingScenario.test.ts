import { describe, expect, it } from 'vitest';
import { formatIssues, parseScenario } from '../../../src/sim/scenario.ts';

const world = {
  version: 1,
  name: 'reading',
  hosts: [
    { id: 'hamburger.edu', mail: { users: [{ name: 'bob', password: 'hungry' }] } },
    {
      id: 'bob-pc',
      userAgent: { address: 'bob@hamburger.edu', server: 'hamburger.edu', reading: { user: 'bob' } },
    },
    { id: 'router' },
  ],
};

function issuesOf(value: object): string {
  const result = parseScenario(value);
  return result.ok ? '' : formatIssues(result.issues);
}

describe('scenarios that read mail', () => {
  it('accept a POP3 fetch, keeping the mode as written, and a forced -ERR', () => {
    const result = parseScenario({
      ...world,
      inputs: [{ at: '1s', input: { type: 'mail.fetch', host: 'bob-pc', protocol: 'pop3', mode: 'keep' } }],
      faults: [{ at: 0, fault: { type: 'pop3.reply', host: 'hamburger.edu', command: 'RETR' } }],
    });
    expect(result.ok && result.scenario.inputs[0]?.input).toEqual({
      type: 'mail.fetch',
      host: 'bob-pc',
      protocol: 'pop3',
      mode: 'keep',
    });
    expect(result.ok && result.scenario.faults[0]?.fault).toEqual({
      type: 'pop3.reply',
      host: 'hamburger.edu',
      command: 'RETR',
      every: 1,
    });
  });

  it('name the host that has no user agent to fetch with', () => {
    const inputs = [{ at: 0, input: { type: 'mail.fetch', host: 'router', protocol: 'pop3' } }];
    expect(issuesOf({ ...world, inputs })).toBe('inputs[0].input.host: has no user agent: "router"');
  });

  it('say which protocols and modes a fetch may use', () => {
    const inputs = [{ at: 0, input: { type: 'mail.fetch', host: 'bob-pc', protocol: 'smtp', mode: 'move' } }];
    expect(issuesOf({ ...world, inputs })).toBe(
      'inputs[0].input.protocol: must be pop3 or imap\ninputs[0].input.mode: must be delete or keep',
    );
  });

  it('list the POP3 commands a fault can refuse when given another', () => {
    const faults = [{ at: 0, fault: { type: 'pop3.reply', host: 'hamburger.edu', command: 'QUIT' } }];
    expect(issuesOf({ ...world, faults })).toMatch(
      /^faults\[0\]\.fault\.command: must be a POP3 command .*RETR/,
    );
  });

  it('refuse reading from a host that runs no mail server', () => {
    const hosts = world.hosts.map((h) =>
      h.id === 'bob-pc' ? { ...h, userAgent: { ...h.userAgent, reading: { server: 'router' } } } : h,
    );
    expect(issuesOf({ ...world, hosts })).toBe(
      'hosts[1].userAgent.reading.server: names no mail server: "router"',
    );
  });
});
