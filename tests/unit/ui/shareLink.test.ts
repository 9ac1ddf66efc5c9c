import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import type { TimedInput } from '../../../src/sim/input.ts';
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

  it('says what is wrong with a damaged link instead of failing', () => {
    expect(readShareQuery('?scenario=nope', builtinScenario)).toEqual({
      ok: false,
      error: 'This link names a scenario that does not exist: "nope".',
    });
    const damaged = readShareQuery('?scenario=outage&inputs=%%%', builtinScenario);
    expect(damaged.ok === false && damaged.error).toContain('damaged');
    const wrongHost = shareQuery(
      { scenario: outage, inputs: [{ at: 1, input: { type: 'terminal.close', host: 'mars' } }], at: null },
      true,
      'en',
    );
    const read = readShareQuery(wrongHost, builtinScenario);
    expect(read.ok === false && read.error).toContain('inputs[0]: names no host of this scenario: "mars"');
  });
});
