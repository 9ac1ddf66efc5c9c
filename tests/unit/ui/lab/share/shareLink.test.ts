import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../../../src/sim/builtinScenarios.ts';
import type { TimedInput } from '../../../../../src/sim/input.ts';
import { SCENARIO_LIMITS } from '../../../../../src/sim/scenario.ts';
import { linkProblemText } from '../../../../../src/ui/i18n/scenarioIssueText.ts';
import { COMPRESSED } from '../../../../../src/ui/lab/share/linkPayload.ts';
import {
  carriesPayload,
  forgetLab,
  joinAddress,
  readShareAddress,
  recordBuiltin,
  recordInputs,
  recordStep,
  shareAddress,
  splitAddress,
  type SharedLab,
} from '../../../../../src/ui/lab/share/shareLink.ts';

const outage = builtinScenario('outage');
const textbook = builtinScenario('textbook');
if (!outage || !textbook) throw new Error('a built-in scenario is missing');

const worlds = {
  builtin: builtinScenario,
  lesson: (slug: string) =>
    slug === 'smtp-by-hand' ? { scenario: textbook, steps: ['connect', 'helo', 'envelope'] } : undefined,
};

const inputs: TimedInput[] = [
  { at: 5000, input: { type: 'fault', fault: { type: 'host.down', host: 'crepes.fr' } } },
  {
    at: 6000,
    input: { type: 'mail.send', host: 'alice-pc', to: ['bob@hamburger.edu'], subject: '케첩 좋아해요?' },
  },
];

const shared = (lab: Partial<SharedLab>): SharedLab => ({
  scenario: outage,
  builtin: true,
  lesson: null,
  inputs: [],
  place: null,
  ...lab,
});

describe('a shared link', () => {
  it('carries a built-in by name, with the inputs and the exact event, and reads back the same', async () => {
    const query = await shareAddress(shared({ inputs, place: { at: 1832.245, nth: 3 } }), 'ko');
    expect(query).toMatch(/^\?scenario=outage&at=1832\.245&nth=3&lang=ko#inputs=[\w.-]+$/);
    const read = await readShareAddress(query, worlds);
    // Reading fills in the defaults the schema gives (cc, bcc, mode …), so compare what was said.
    expect(read.ok && read.lab.inputs).toMatchObject(inputs);
    expect(read.ok && read.lab.place).toEqual({ at: 1832.245, nth: 3 });
    expect(read.ok && read.lab.scenario.name).toBe('outage');
    expect(read.ok && read.lab.builtin).toBe(true);
  });

  it('carries a scenario loaded from a file whole, and it survives the trip', async () => {
    const custom = { ...outage, name: 'my-world', title: '나의 세계' };
    const read = await readShareAddress(
      await shareAddress(shared({ scenario: custom, builtin: false }), 'en'),
      worlds,
    );
    expect(read.ok && read.lab.scenario).toEqual(custom);
    expect(read.ok && read.lab.builtin).toBe(false);
  });

  it('names the lesson and its step rather than the lesson’s scenario', async () => {
    const query = await shareAddress(
      shared({
        scenario: textbook,
        builtin: false,
        lesson: { slug: 'smtp-by-hand', step: 'helo' },
        place: { at: 1140, nth: 1 },
      }),
      'en',
    );
    expect(query).toBe('?lesson=smtp-by-hand&step=helo&at=1140&nth=1&lang=en');
    const read = await readShareAddress(query, worlds);
    expect(read.ok && read.lab.lesson).toEqual({ slug: 'smtp-by-hand', step: 'helo' });
    expect(read.ok && read.lab.scenario).toBe(textbook);
    expect(read.ok && read.lab.builtin).toBe(false);
  });

  it('compresses a long scenario with the version marker, to well under half its plain length', async () => {
    const custom = { ...outage, name: 'my-world', description: 'A world with a long story. '.repeat(40) };
    const plain = `?world=${btoa(JSON.stringify(custom))}`;
    const query = await shareAddress(shared({ scenario: custom, builtin: false }), 'en');
    const world = splitAddress(query).fragment.get('world') ?? '';
    expect(world.startsWith(COMPRESSED)).toBe(true);
    expect(query.length).toBeLessThan(plain.length / 2);
    const read = await readShareAddress(query, worlds);
    expect(read.ok && read.lab.scenario).toEqual(custom);
  });

  it('still opens an older link, which kept only the time and uncompressed inputs in the query', async () => {
    const old = `?scenario=outage&inputs=${Buffer.from(JSON.stringify(inputs)).toString('base64url')}&at=1801135&lang=en`;
    const read = await readShareAddress(old, worlds);
    expect(read.ok && read.lab.place).toEqual({ at: 1801135, nth: null });
    expect(read.ok && read.lab.inputs).toMatchObject(inputs);
  });

  it('keeps a lesson’s address up to date without compressing, and reads it back like a link', async () => {
    const address = splitAddress('?lesson=smtp-by-hand&lang=ko');
    recordInputs(address, inputs, { at: 6000.001, nth: 0 });
    recordStep(address, 'helo');
    expect(address.fragment.get('inputs')?.startsWith(COMPRESSED)).toBe(false);
    expect(address.query.has('inputs')).toBe(false);
    const read = await readShareAddress(joinAddress(address), worlds);
    expect(read.ok && read.lab.place).toEqual({ at: 6000.001, nth: 0 });
    expect(read.ok && read.lab.lesson).toEqual({ slug: 'smtp-by-hand', step: 'helo' });
    expect(read.ok && read.lab.inputs).toMatchObject(inputs);
    recordInputs(address, [], null);
    recordStep(address, null);
    expect(joinAddress(address)).toBe('?lesson=smtp-by-hand&lang=ko');
  });

  it('keeps a built-in world’s address up to date in place of the lab it named before, keeping the language', async () => {
    const address = splitAddress('?lesson=smtp-by-hand&step=helo&lang=ko&at=5#world=abc');
    recordBuiltin(address, 'outage', inputs, { at: 6000.001, nth: 0 });
    const read = await readShareAddress(joinAddress(address), worlds);
    expect(read.ok && read.lab.lesson).toBeNull();
    expect(read.ok && read.lab.builtin).toBe(true);
    expect(read.ok && read.lab.scenario.name).toBe('outage');
    expect(read.ok && read.lab.inputs).toMatchObject(inputs);
    expect(read.ok && read.lab.place).toEqual({ at: 6000.001, nth: 0 });
    expect(address.query.get('lang')).toBe('ko');
    recordBuiltin(address, 'textbook', [], null);
    expect(joinAddress(address)).toBe('?lang=ko&scenario=textbook');
  });

  it('sends the server only a short query, even for a world near the size limit: the payloads ride in the fragment', async () => {
    // Text that barely compresses, so the link is as long as a world of this size can make it.
    let state = 1;
    const noise = Array.from({ length: 600_000 }, () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return String.fromCharCode(97 + ((state >>> 0) % 26));
    }).join('');
    const custom = { ...outage, name: 'my-world', description: noise };
    const address = await shareAddress(shared({ scenario: custom, builtin: false, inputs }), 'en');
    expect(address.length).toBeGreaterThan(400_000);
    const query = address.slice(0, address.indexOf('#'));
    expect(query).toBe('?lang=en');
    const read = await readShareAddress(address, worlds);
    expect(read.ok && read.lab.scenario).toEqual(custom);
    expect(read.ok && read.lab.inputs).toMatchObject(inputs);
  });

  it('moves the inputs of an address of the older form into the fragment when it next records them', () => {
    const old = `?lesson=smtp-by-hand&inputs=${Buffer.from(JSON.stringify(inputs)).toString('base64url')}&lang=en`;
    const address = splitAddress(old);
    recordInputs(address, inputs, null);
    expect([...address.query.keys()]).toEqual(['lesson', 'lang']);
    expect([...address.fragment.keys()]).toEqual(['inputs']);
  });

  it('prefers the fragment’s part to the query’s when an address has both', async () => {
    const fresh = await shareAddress(shared({ inputs: inputs.slice(0, 1) }), 'en');
    const stale = Buffer.from(JSON.stringify(inputs)).toString('base64url');
    const both = fresh.replace('?', `?inputs=${stale}&`);
    const read = await readShareAddress(both, worlds);
    expect(read.ok && read.lab.inputs).toHaveLength(1);
  });

  it('forgets a lab’s world, run and place from both halves of an address, and keeps the language', async () => {
    const address = splitAddress(
      await shareAddress(
        shared({ scenario: outage, builtin: false, inputs, place: { at: 5, nth: 0 } }),
        'ko',
      ),
    );
    address.query.set('world', 'old');
    forgetLab(address);
    expect(joinAddress(address)).toBe('?lang=ko');
  });

  it('tells a fragment that carries a link’s part from one that names an element', () => {
    expect(carriesPayload('#inputs=abc')).toBe(true);
    expect(carriesPayload('#world=z1.abc&inputs=abc')).toBe(true);
    expect(carriesPayload('#panels')).toBe(false);
    expect(carriesPayload('')).toBe(false);
  });

  it('shares nothing on a plain visit', async () => {
    expect(await readShareAddress('?lang=ko', worlds)).toEqual({ ok: null });
  });

  it('says what is wrong with a damaged link instead of failing, in either language', async () => {
    expect(await readShareAddress('?scenario=nope', worlds)).toEqual({
      ok: false,
      problem: { kind: 'no-scenario', name: 'nope' },
    });
    expect(await readShareAddress('?lesson=nope', worlds)).toEqual({
      ok: false,
      problem: { kind: 'no-lesson', name: 'nope' },
    });
    expect(await readShareAddress('?lesson=smtp-by-hand&step=nope', worlds)).toEqual({
      ok: false,
      problem: { kind: 'no-step', lesson: 'smtp-by-hand', name: 'nope' },
    });
    const noStep = { kind: 'no-step', lesson: 'smtp-by-hand', name: 'nope' } as const;
    expect(linkProblemText(noStep, 'en')).toBe('The lesson "smtp-by-hand" has no step "nope".');
    expect(linkProblemText(noStep, 'ko')).toBe('"smtp-by-hand" 레슨에는 "nope"라는 단계가 없습니다.');
    expect(await readShareAddress('?scenario=outage&inputs=%%%', worlds)).toEqual({
      ok: false,
      problem: { kind: 'inputs-damaged' },
    });
    const wrongHost = await shareAddress(
      shared({ inputs: [{ at: 1, input: { type: 'terminal.close', host: 'mars' } }] }),
      'en',
    );
    const read = await readShareAddress(wrongHost, worlds);
    if (read.ok !== false) throw new Error('a link naming no host was read');
    expect(linkProblemText(read.problem, 'en')).toContain(
      'inputs[0]: names no host of this scenario: "mars"',
    );
    expect(linkProblemText(read.problem, 'ko')).toBe(
      '링크에 기록된 동작이 올바르지 않습니다:\ninputs[0]: 없는 호스트 이름입니다: "mars"',
    );
  });

  it('refuses a shared world larger than the size limit before decoding it, plain or compressed', async () => {
    const huge = `world=${'A'.repeat(Math.ceil((SCENARIO_LIMITS.bytes * 4) / 3) + 4)}`;
    expect(await readShareAddress(`?${huge}`, worlds)).toMatchObject({ problem: { kind: 'world-invalid' } });
    const read = await readShareAddress(`?lang=en#${huge}`, worlds);
    if (read.ok !== false) throw new Error('an oversized world was read');
    expect(read.problem.kind).toBe('world-invalid');
    expect(linkProblemText(read.problem, 'en')).toContain('is too large');
    expect(linkProblemText(read.problem, 'ko')).toContain('너무 큽니다');
    // Two megabytes of spaces deflate to a few kilobytes: the link is small, what it inflates to is not.
    const bomb = splitAddress(
      await shareAddress(
        shared({ scenario: { ...outage, title: ' '.repeat(2 * SCENARIO_LIMITS.bytes) }, builtin: false }),
        'en',
      ),
    ).fragment.get('world') as string;
    expect(bomb.startsWith(COMPRESSED)).toBe(true);
    expect(bomb.length).toBeLessThan(10_000);
    const inflated = await readShareAddress(`?world=${bomb}`, worlds);
    expect(inflated.ok === false && inflated.problem.kind).toBe('world-invalid');
  });

  it('refuses a compressed part that does not inflate, or a format it does not know, by name', async () => {
    const good = splitAddress(
      await shareAddress(shared({ scenario: { ...outage, title: 'x'.repeat(400) }, builtin: false }), 'en'),
    ).fragment.get('world') as string;
    const truncated = good.slice(0, good.length - 8);
    expect(await readShareAddress(`?world=${truncated}`, worlds)).toEqual({
      ok: false,
      problem: { kind: 'world-damaged' },
    });
    expect(await readShareAddress(`?world=${COMPRESSED}AAAA`, worlds)).toEqual({
      ok: false,
      problem: { kind: 'world-damaged' },
    });
    const newer = await readShareAddress(`?world=z2.${good.slice(3)}`, worlds);
    expect(newer).toEqual({ ok: false, problem: { kind: 'world-format', marker: 'z2' } });
    if (newer.ok !== false) throw new Error('a newer format was read');
    expect(linkProblemText(newer.problem, 'ko')).toContain('z2');
  });

  it('refuses a time or event number that is not one', async () => {
    for (const bad of ['at=soon', 'at=-5', 'at='])
      expect(await readShareAddress(`?scenario=outage&${bad}`, worlds)).toMatchObject({
        ok: false,
        problem: { kind: 'bad-time' },
      });
    for (const bad of ['at=10&nth=1.5', 'at=10&nth=-1', 'nth=2'])
      expect(await readShareAddress(`?scenario=outage&${bad}`, worlds)).toMatchObject({
        ok: false,
        problem: { kind: 'bad-event' },
      });
  });
});
