import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, SCENARIO_LIMITS } from '../../../../src/sim/scenario.ts';
import { builtinScenario } from '../../../../src/sim/builtinScenarios.ts';
import { issuesText } from '../../../../src/ui/i18n/scenarioIssueText.ts';

const textbook = builtinScenario('textbook');
if (!textbook) throw new Error('textbook is missing');

function problems(value: unknown, language: 'en' | 'ko'): string {
  const result = parseScenario(value);
  if (result.ok) throw new Error('the scenario was valid');
  return issuesText(result.issues, language);
}

// The validator's own sentences begin "Invalid type:", "Invalid key:", "Invalid length:" and the like.
const LIBRARY_TEXT = /Invalid \w+:|Expected|Received|received/;

describe('scenario problems in the page language', () => {
  it('says an unknown field is not a field here, in our words, never the validator’s', () => {
    const value = { version: 1, name: 'x', hosts: [{ id: 'a', colour: 'red' }], links: [] };
    expect(problems(value, 'en')).toBe('hosts[0].colour: is not a field here (check its spelling)');
    expect(problems(value, 'ko')).toBe(
      'hosts[0].colour: 이 자리에 올 수 없는 항목입니다. 철자를 확인하세요.',
    );
  });

  it('names the kind of value a field wanted, a missing field, a choice and a range', () => {
    const value = {
      version: 2,
      name: 'x',
      hosts: [{ kind: 'satellite' }, { id: 'b', tcp: { mss: 0 } }],
      links: [{ between: ['b', 'b'], loss: 'lots' }],
    };
    const en = problems(value, 'en');
    const ko = problems(value, 'ko');
    expect(en).not.toMatch(LIBRARY_TEXT);
    expect(ko).not.toMatch(LIBRARY_TEXT);
    expect(ko).toContain('version: 1 중 하나여야 합니다.');
    expect(ko).toContain('hosts[0].id: 꼭 있어야 하는 항목이 빠졌습니다.');
    expect(ko).toContain(
      'hosts[0].kind: host, router, user-agent, mail-server, dns-server 중 하나여야 합니다.',
    );
    expect(ko).toContain('hosts[1].tcp.mss: 1 이상이어야 합니다.');
    expect(ko).toContain('links[0].loss: 숫자로 써야 합니다.');
  });

  it('explains a bad duration and a reference to no host in Korean', () => {
    const value = { ...textbook, links: [{ between: ['alice-pc', 'mars'], latency: 'soon' }] };
    const ko = problems(value, 'ko');
    expect(ko).toContain('links[0].latency: 밀리초 수나 500ms, 30s, 30m, 2h, 5d 같은 시간 길이여야 합니다.');
  });

  it('refuses a file over the byte limit before reading it as JSON', () => {
    const result = parseScenarioText(`{"name": "${'x'.repeat(SCENARIO_LIMITS.bytes)}"`);
    if (result.ok) throw new Error('an oversized file was read');
    expect(result.issues).toHaveLength(1);
    expect(issuesText(result.issues, 'en')).toMatch(
      /^\(file\): is too large: 1,048,5\d\d bytes, where the lab takes at most 1,048,576$/,
    );
    expect(issuesText(result.issues, 'ko')).toMatch(
      /^\(file\): 너무 큽니다: 1,048,5\d\d바이트\. 실습실은 최대 1,048,576바이트까지 받습니다\.$/,
    );
  });

  it('refuses too many hosts, links, faults or inputs before checking any of them', () => {
    const hosts = Array.from({ length: SCENARIO_LIMITS.hosts + 1 }, () => ({ nonsense: true }));
    const links = Array.from({ length: SCENARIO_LIMITS.links + 1 }, () => 0);
    const result = parseScenario({ version: 1, name: 'big', hosts, links });
    if (result.ok) throw new Error('an oversized scenario was read');
    expect(result.issues.map((i) => i.path)).toEqual(['hosts', 'links']);
    expect(issuesText(result.issues, 'ko')).toContain(
      `hosts: 너무 큽니다: 호스트 ${SCENARIO_LIMITS.hosts + 1}개.`,
    );
  });

  it('takes a scenario exactly at the limits', () => {
    const hosts = Array.from({ length: SCENARIO_LIMITS.hosts }, (_, i) => ({ id: `h${i}` }));
    expect(parseScenario({ version: 1, name: 'full', hosts, links: [] }).ok).toBe(true);
  });
});
