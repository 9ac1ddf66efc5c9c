// The textbook world with a webmail host, webmail.hamburger.edu, between hamburger.edu and Bob's PC: Alice sends
// "Lunch" at 1 s, and each test says what Bob does.
import type { Input } from '../../../src/sim/input.ts';
import { parseScenario, type Scenario } from '../../../src/sim/scenario.ts';
import type { TraceEvent } from '../../../src/sim/trace.ts';
import { at, run, scenario, typedOn } from '../mail/mailWorld.ts';

/** WEBMAIL is the webmail host's name. */
export const WEBMAIL = 'webmail.hamburger.edu';

/** withWebmail is the textbook world with the webmail host beside hamburger.edu and Bob's PC behind it. */
export function withWebmail(): Scenario {
  const textbook = scenario('textbook');
  const parsed = parseScenario({
    ...textbook,
    hosts: [
      ...textbook.hosts.filter((h) => h.id !== 'bob-pc'),
      { id: WEBMAIL, services: [{ type: 'webmail', server: 'hamburger.edu' }] },
      { id: 'bob-pc' },
    ],
    links: [
      ...textbook.links.filter((l) => !l.between.includes('bob-pc')),
      { between: ['hamburger.edu', WEBMAIL], latency: 1 },
      { between: [WEBMAIL, 'bob-pc'], latency: 5 },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

type TimedInput = Scenario['inputs'][number];

/** typedToBob is Alice typing a message to Bob by hand on hamburger.edu's port 25: her header fields, then text. */
export function typedToBob(headers: readonly string[], text: readonly string[]): TimedInput[] {
  const type = typedOn('alice-pc');
  const lines = [
    'HELO crepes.fr',
    'MAIL FROM:<alice@crepes.fr>',
    'RCPT TO:<bob@hamburger.edu>',
    'DATA',
    'From: Alice <alice@crepes.fr>',
    'To: bob@hamburger.edu',
    ...headers,
    '',
    ...text,
    '.',
    'QUIT',
  ];
  return [
    at(1_000, { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 }),
    ...lines.map((line, i) => type(3_000 + i * 500, line)),
  ];
}

/**
 * bobOpens runs the webmail-send world with `first` as Bob's only mail: its story logs Bob in, and he opens `url`
 * at 35 s; then `then`, if given, at 37 s.
 */
export function bobOpens(
  first: readonly TimedInput[],
  url: string,
  then?: Extract<Input, { type: 'web.send' }>,
): readonly TraceEvent[] {
  const world = scenario('webmail-send');
  const story = world.inputs.filter(
    (i) => i.input.type !== 'web.send' && i.input.type !== 'mail.send' && i.input.type !== 'web.read',
  );
  return run(
    {
      ...world,
      inputs: [
        ...first,
        ...story,
        at(35_000, { type: 'web.open', host: 'bob-pc', url }),
        ...(then === undefined ? [] : [at(37_000, then)]),
      ],
    },
    120_000,
  );
}
