// The textbook world with a webmail host, webmail.hamburger.edu, between hamburger.edu and Bob's PC: Alice sends
// "Lunch" at 1 s, and each test says what Bob does.
import { parseScenario, type Scenario } from '../../../src/sim/scenario.ts';
import { scenario } from '../mail/mailWorld.ts';

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
