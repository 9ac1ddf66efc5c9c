// A mail server's `connectionCache` setting: off unless asked for, `true` for Postfix's figures, an object for
// others; anything else is refused with the field named, in English and in Korean.
import { describe, expect, it } from 'vitest';
import { builtinScenario, builtinScenarioNames } from '../../../src/sim/builtinScenarios.ts';
import { formatIssues, parseScenario } from '../../../src/sim/scenario.ts';
import { issuesText } from '../../../src/ui/i18n/scenarioIssueText.ts';

function withCache(connectionCache: unknown): unknown {
  return {
    version: 1,
    name: 'reuse',
    hosts: [{ id: 'crepes.fr', kind: 'mail-server', mail: { connectionCache } }],
  };
}

function cacheOf(value: unknown): unknown {
  const result = parseScenario(value);
  if (!result.ok) throw new Error(formatIssues(result.issues));
  return result.scenario.hosts[0]?.mail?.connectionCache;
}

function issues(value: unknown): { en: string; ko: string } {
  const result = parseScenario(value);
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return { en: formatIssues(result.issues), ko: issuesText(result.issues, 'ko') };
}

describe('the connectionCache setting of a mail server', () => {
  it('is off when left out, and in every built-in scenario', () => {
    expect(cacheOf({ ...(withCache(false) as object), hosts: [{ id: 'crepes.fr', mail: {} }] })).toBeNull();
    for (const name of builtinScenarioNames)
      for (const host of builtinScenario(name)?.hosts ?? [])
        expect(host.mail?.connectionCache ?? null).toBeNull();
  });

  it('reads true as Postfix’s figures, false as off, and durations in an object', () => {
    expect(cacheOf(withCache(true))).toEqual({ idleTime: 2_000, reuseTimeLimit: 300_000 });
    expect(cacheOf(withCache(false))).toBeNull();
    expect(cacheOf(withCache({ idleTime: '5s', reuseTimeLimit: '10m' }))).toEqual({
      idleTime: 5_000,
      reuseTimeLimit: 600_000,
    });
  });

  it('refuses a value that is neither true, false nor an object, saying what it may be', () => {
    const { en, ko } = issues(withCache('yes'));
    expect(en).toBe(
      'hosts[0].mail.connectionCache: must be true, false or an object such as { "idleTime": "2s", "reuseTimeLimit": "300s" }',
    );
    expect(ko).toBe(
      'hosts[0].mail.connectionCache: true나 false, 또는 { "idleTime": "2s", "reuseTimeLimit": "300s" } 같은 객체여야 합니다.',
    );
  });

  it('names a bad duration, a zero idle time and a misspelt field where they are', () => {
    expect(issues(withCache({ idleTime: 'soon' })).ko).toBe(
      'hosts[0].mail.connectionCache.idleTime: 밀리초 수나 500ms, 30s, 30m, 2h, 5d 같은 시간 길이여야 합니다.',
    );
    expect(issues(withCache({ idleTime: 0 })).en).toBe(
      'hosts[0].mail.connectionCache.idleTime: must be more than nothing',
    );
    expect(issues(withCache({ idle: '2s' })).en).toBe(
      'hosts[0].mail.connectionCache.idle: is not a field here (check its spelling)',
    );
  });

  it('can be turned on and off by an input naming a host', () => {
    const result = parseScenario({
      ...(withCache(false) as object),
      inputs: [
        {
          at: 0,
          input: { type: 'fault', fault: { type: 'queue.connectionCache', host: 'nowhere', on: true } },
        },
      ],
    });
    expect(result.ok ? '' : formatIssues(result.issues)).toBe(
      'inputs[0].input.fault.host: names no host: "nowhere"',
    );
    const bad = parseScenario({
      ...(withCache(false) as object),
      inputs: [
        { at: 0, input: { type: 'fault', fault: { type: 'queue.connectionCache', host: 'crepes.fr' } } },
      ],
    });
    expect(bad.ok ? '' : formatIssues(bad.issues)).toContain('inputs[0].input.fault.on');
  });
});
