// A lesson's starting world: a whole scenario, or `{ "extends": "textbook", … }` naming a built-in and giving
// only what differs (top-level fields replace the built-in's, so `"inputs": []` removes its scripted send).
import { builtinScenario, builtinScenarioNames } from '../sim/builtinScenarios.ts';
import { parseScenario, type ScenarioResult } from '../sim/scenario.ts';

/**
 * resolveLessonScenario validates a lesson's `scenario.json` value. With `extends`, the named built-in is
 * taken as already validated and the lesson's own fields replace its fields before the whole is checked
 * again, so a reference the override breaks is still reported.
 */
export function resolveLessonScenario(value: unknown): ScenarioResult {
  if (value === null || typeof value !== 'object' || !('extends' in value)) return parseScenario(value);
  const { extends: baseName, ...own } = value as Record<string, unknown>;
  const base = typeof baseName === 'string' ? builtinScenario(baseName) : undefined;
  if (base === undefined)
    return {
      ok: false,
      issues: [
        {
          path: 'extends',
          problem: { kind: 'choice', options: builtinScenarioNames },
          message: `must name a built-in scenario (${builtinScenarioNames.join(', ')})`,
        },
      ],
    };
  return parseScenario({ ...base, ...own });
}
