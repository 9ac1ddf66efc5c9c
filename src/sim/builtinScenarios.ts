// The scenarios that ship with Mail Lab. They are data files validated like any other scenario, so a broken
// one fails loudly (and its test says which field).
import bounce from './scenarios/bounce.json' with { type: 'json' };
import direct from './scenarios/direct.json' with { type: 'json' };
import duplicate from './scenarios/duplicate.json' with { type: 'json' };
import imapFolders from './scenarios/imap-folders.json' with { type: 'json' };
import mixed from './scenarios/mixed.json' with { type: 'json' };
import modern from './scenarios/modern.json' with { type: 'json' };
import outage from './scenarios/outage.json' with { type: 'json' };
import partialFetch from './scenarios/partial-fetch.json' with { type: 'json' };
import pop3Delete from './scenarios/pop3-delete.json' with { type: 'json' };
import pop3Keep from './scenarios/pop3-keep.json' with { type: 'json' };
import tcpDemo from './scenarios/tcp-demo.json' with { type: 'json' };
import textbook from './scenarios/textbook.json' with { type: 'json' };
import unknownUser from './scenarios/unknown-user.json' with { type: 'json' };
import webmail from './scenarios/webmail.json' with { type: 'json' };
import webmailSend from './scenarios/webmail-send.json' with { type: 'json' };
import pushVsPull from './scenarios/push-vs-pull.json' with { type: 'json' };
import { formatIssues, parseScenario, type Scenario } from './scenario.ts';

// A built-in may say `"extends": "textbook"` and give only what differs (name, texts, faults, inputs):
// the worlds of the classic scenarios are one world, so they are written once.
const SOURCES: Readonly<Record<string, object>> = {
  textbook,
  modern,
  outage,
  bounce,
  'unknown-user': unknownUser,
  mixed,
  direct,
  duplicate,
  'tcp-demo': tcpDemo,
  'pop3-delete': pop3Delete,
  'pop3-keep': pop3Keep,
  'imap-folders': imapFolders,
  'partial-fetch': partialFetch,
  webmail,
  'webmail-send': webmailSend,
  'push-vs-pull': pushVsPull,
};

function resolveExtends(source: object): object {
  if (!('extends' in source) || typeof source.extends !== 'string') return source;
  const { extends: baseName, ...own } = source;
  const base = SOURCES[baseName];
  if (base === undefined) throw new Error(`built-in scenario extends an unknown scenario: ${baseName}`);
  return { ...resolveExtends(base), ...own };
}

/** builtinScenarioNames lists the built-in scenarios, the demonstration first. */
export const builtinScenarioNames: readonly string[] = Object.keys(SOURCES);

/** DEFAULT_SCENARIO is what runs when nobody names a scenario. */
export const DEFAULT_SCENARIO = 'tcp-demo';

/** builtinScenario validates and returns a built-in scenario, or undefined for an unknown name. */
export function builtinScenario(name: string): Scenario | undefined {
  const source = SOURCES[name];
  if (source === undefined) return undefined;
  const result = parseScenario(resolveExtends(source));
  if (!result.ok) throw new Error(`built-in scenario ${name} is invalid:\n${formatIssues(result.issues)}`);
  return result.scenario;
}
