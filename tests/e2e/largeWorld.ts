// A world for the tests of long links: a scenario as if loaded from a file, as large as the lab takes.
import { builtinScenario } from '../../src/sim/builtinScenarios.ts';
import { byteLength, SCENARIO_LIMITS, type Scenario } from '../../src/sim/scenario.ts';

/**
 * worldNearTheLimit is the outage scenario titled "A world from a file", within 2 KiB of SCENARIO_LIMITS.bytes:
 * its description is letters that barely compress (xorshift32), so its link is as long as such a world makes it.
 */
export function worldNearTheLimit(): Scenario {
  const outage = builtinScenario('outage');
  if (!outage) throw new Error('the outage scenario is missing');
  const base = { ...outage, name: 'from-a-file', title: 'A world from a file', description: '' };
  let state = 7;
  const letters = Array.from(
    { length: SCENARIO_LIMITS.bytes - byteLength(JSON.stringify(base)) - 2048 },
    () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return String.fromCharCode(97 + ((state >>> 0) % 26));
    },
  );
  return { ...base, description: letters.join('') };
}
