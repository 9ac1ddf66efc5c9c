// The scenarios that ship with Mail Lab. They are data files validated like any other scenario, so a broken
// one fails loudly (and its test says which field).
import tcpDemo from './scenarios/tcp-demo.json';
import textbook from './scenarios/textbook.json';
import { formatIssues, parseScenario, type Scenario } from './scenario.ts';

const SOURCES: Readonly<Record<string, unknown>> = { textbook, 'tcp-demo': tcpDemo };

/** builtinScenarioNames lists the built-in scenarios, the demonstration first. */
export const builtinScenarioNames: readonly string[] = Object.keys(SOURCES);

/** DEFAULT_SCENARIO is what runs when nobody names a scenario. */
export const DEFAULT_SCENARIO = 'textbook';

/** builtinScenario validates and returns a built-in scenario, or undefined for an unknown name. */
export function builtinScenario(name: string): Scenario | undefined {
  const source = SOURCES[name];
  if (source === undefined) return undefined;
  const result = parseScenario(source);
  if (!result.ok) throw new Error(`built-in scenario ${name} is invalid:\n${formatIssues(result.issues)}`);
  return result.scenario;
}
