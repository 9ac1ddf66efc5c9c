// `npm run sim -- [scenario.json] [--scenario NAME] [--until 10m] [--seed 42] [--format jsonl|transcript|pcap]
// [--conn c1]`: runs a scenario headlessly and prints its trace (pcap: the packets as a capture file, binary).
import { readFileSync } from 'node:fs';
import { builtinScenario, builtinScenarioNames, DEFAULT_SCENARIO } from '../sim/builtinScenarios.ts';
import { parseDuration } from '../sim/duration.ts';
import { formatTranscript } from '../sim/formatTrace.ts';
import { formatIssues, parseScenarioText, type Scenario } from '../sim/scenario.ts';
import { Session } from '../sim/session.ts';
import { traceToJsonLines } from '../sim/trace.ts';
import { tracePcap, type CaptureScope } from '../sim/tracePcap.ts';

const USAGE = `usage: npm run sim -- [scenario.json | --scenario NAME] [--until DURATION] [--seed N] [--format jsonl|transcript|pcap] [--conn ID]
--format pcap writes the packets as a libpcap file (redirect it: > capture.pcap); --conn keeps one connection's.
built-in scenarios: ${builtinScenarioNames.join(', ')}`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function main(argv: readonly string[]): void {
  let file: string | undefined;
  let name: string | undefined;
  let until: number | undefined;
  let seed: number | undefined;
  let format: 'jsonl' | 'transcript' | 'pcap' = 'transcript';
  let scope: CaptureScope = 'all';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => argv[++i] ?? fail(`${arg} needs a value\n${USAGE}`);
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return;
    } else if (arg === '--scenario') name = value();
    else if (arg === '--until')
      until = parseDuration(value()) ?? fail(`--until: not a duration (try 30s, 10m, 2h)`);
    else if (arg === '--seed') {
      seed = Number(value());
      if (!Number.isInteger(seed)) fail('--seed: must be a whole number');
    } else if (arg === '--format') {
      const f = value();
      if (f !== 'jsonl' && f !== 'transcript' && f !== 'pcap')
        fail(`--format: must be jsonl, transcript or pcap, not ${f}`);
      format = f;
    } else if (arg === '--conn') scope = { conn: value() };
    else if (arg.startsWith('-')) fail(`unknown option ${arg}\n${USAGE}`);
    else file = arg;
  }
  let scenario: Scenario;
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      fail(`cannot read ${file}: ${(error as Error).message}`);
    }
    const result = parseScenarioText(text);
    if (!result.ok) fail(`${file} is not a valid scenario:\n${formatIssues(result.issues)}`);
    scenario = result.scenario;
  } else {
    const chosen = name ?? DEFAULT_SCENARIO;
    scenario = builtinScenario(chosen) ?? fail(`no built-in scenario named ${chosen}\n${USAGE}`);
  }
  if (seed !== undefined) scenario = { ...scenario, seed };
  const session = new Session(scenario);
  session.runUntil(until ?? scenario.until ?? 3_600_000);
  if (scope !== 'all' && format !== 'pcap') fail('--conn: only with --format pcap');
  if (scope !== 'all' && !session.events.some((e) => e.kind === 'conn.opened' && e.conn === scope.conn))
    fail(`--conn: this run has no connection ${scope.conn}`);
  if (format === 'pcap') {
    if (process.stdout.isTTY) fail('--format pcap writes binary: redirect it to a file (> capture.pcap)');
    process.stdout.write(tracePcap(session.trace, scenario.startsAt, scope));
  } else
    process.stdout.write(
      format === 'jsonl' ? traceToJsonLines(session.trace) : formatTranscript(session.trace),
    );
}

main(process.argv.slice(2));
