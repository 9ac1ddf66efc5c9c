import { linkProblemText } from '../../../src/ui/i18n/scenarioIssueText.ts';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import type { TimedInput } from '../../../src/sim/input.ts';
import { SCENARIO_LIMITS } from '../../../src/sim/scenario.ts';
import { readShareQuery, shareQuery } from '../../../src/ui/lab/shareLink.ts';

const outage = builtinScenario('outage');
if (!outage) throw new Error('outage is missing');

const inputs: TimedInput[] = [
  { at: 5000, input: { type: 'fault', fault: { type: 'host.down', host: 'crepes.fr' } } },
  {
    at: 6000,
    input: { type: 'mail.send', host: 'alice-pc', to: ['bob@hamburger.edu'], subject: '케첩 좋아해요?' },
  },
];

describe('a shared link', () => {
  it('carries a built-in by name, with the inputs and the cursor time, and reads back the same', () => {
    const query = shareQuery({ scenario: outage, inputs, at: 1832.245 }, true, 'ko');
    expect(query).toMatch(/^\?scenario=outage&inputs=[\w-]+&at=1832\.245&lang=ko$/);
    const read = readShareQuery(query, builtinScenario);
    // Reading fills in the defaults the schema gives (cc, bcc, mode …), so compare what was said.
    expect(read.ok && read.lab.inputs).toMatchObject(inputs);
    expect(read.ok && read.lab.at).toBe(1832.245);
    expect(read.ok && read.lab.scenario.name).toBe('outage');
  });

  it('carries a scenario loaded from a file whole, and it survives the trip', () => {
    const custom = { ...outage, name: 'my-world', title: '나의 세계' };
    const read = readShareQuery(
      shareQuery({ scenario: custom, inputs: [], at: null }, false, 'en'),
      builtinScenario,
    );
    expect(read.ok && read.lab.scenario).toEqual(custom);
  });

  it('shares nothing on a plain visit', () => {
    expect(readShareQuery('?lang=ko', builtinScenario)).toEqual({ ok: null });
  });

  it('says what is wrong with a damaged link instead of failing, in either language', () => {
    expect(readShareQuery('?scenario=nope', builtinScenario)).toEqual({
      ok: false,
      error: { kind: 'no-scenario', name: 'nope' },
    });
    const damaged = readShareQuery('?scenario=outage&inputs=%%%', builtinScenario);
    expect(damaged.ok === false && damaged.error).toEqual({ kind: 'inputs-damaged' });
    const wrongHost = shareQuery(
      { scenario: outage, inputs: [{ at: 1, input: { type: 'terminal.close', host: 'mars' } }], at: null },
      true,
      'en',
    );
    const read = readShareQuery(wrongHost, builtinScenario);
    if (read.ok !== false) throw new Error('a link naming no host was read');
    expect(linkProblemText(read.error, 'en')).toContain('inputs[0]: names no host of this scenario: "mars"');
    expect(linkProblemText(read.error, 'ko')).toBe(
      '링크에 기록된 동작이 올바르지 않습니다:\ninputs[0]: 없는 호스트 이름입니다: "mars"',
    );
  });

  it('refuses a shared world larger than the size limit before decoding it', () => {
    const huge = `?world=${'A'.repeat(Math.ceil((SCENARIO_LIMITS.bytes * 4) / 3) + 4)}`;
    const read = readShareQuery(huge, builtinScenario);
    if (read.ok !== false) throw new Error('an oversized world was read');
    expect(read.error.kind).toBe('world-invalid');
    expect(linkProblemText(read.error, 'en')).toContain('is too large');
    expect(linkProblemText(read.error, 'ko')).toContain('너무 큽니다');
  });
});
