// `npm run fuzz -- [--lines N] [--seed S] [--protocol smtp|pop3|imap|http]` (or `--schedules N`): feeds N random and grammar-based lines to
// every server machine (or one) and stops at the first exception, ungrammatical reply or session that no longer
// answers NOOP, printing the seed and the session that reproduce it.
import { fileURLToPath } from 'node:url';
import { checkFaultSchedules } from '../tests/support/fuzz/faultSchedules.ts';
import { FUZZ_TARGETS, fuzzTarget } from '../tests/support/fuzz/fuzzTargets.ts';
import { Fuzzer, type FuzzResult } from '../tests/support/fuzz/fuzzServers.ts';

const USAGE =
  'usage: npm run fuzz -- [--lines N] [--seed S] [--protocol smtp|pop3|imap|http] [--schedules N (random fault schedules instead)]';

/** fuzzAll runs `lines` lines against each target from the same seed, in turn, and returns every result. */
export function fuzzAll(
  lines: number,
  seed: number,
  protocols = FUZZ_TARGETS,
  progress?: (protocol: string, sent: number) => void,
): FuzzResult[] {
  return protocols.map((target) =>
    new Fuzzer(target, seed).run(lines, (sent) => progress?.(target.protocol, sent)),
  );
}

function main(argv: readonly string[]): number {
  let lines = 10_000;
  let seed = 1;
  let targets = FUZZ_TARGETS;
  let schedules = 0;
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--lines' && /^\d+$/.test(value)) lines = Number(value);
    else if (flag === '--seed' && /^\d+$/.test(value)) seed = Number(value);
    else if (flag === '--schedules' && /^\d+$/.test(value)) schedules = Number(value);
    else if (flag === '--protocol' && fuzzTarget(value)) targets = [fuzzTarget(value)!];
    else {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
  }
  if (schedules > 0) {
    const started = performance.now();
    try {
      checkFaultSchedules(schedules, seed);
    } catch (error) {
      process.stdout.write(`FAILED fault schedules (seed ${seed}): ${(error as Error).message}\n`);
      return 1;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`fault schedules: ${schedules} held (seed ${seed}), ${seconds} s\n`);
    return 0;
  }
  let failed = false;
  for (const target of targets) {
    const started = performance.now();
    const [result] = fuzzAll(lines, seed, [target], (protocol, sent) =>
      process.stderr.write(
        `${protocol}: ${sent} lines, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
      ),
    );
    if (!result) continue;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `${result.protocol}: ${result.lines} lines in ${result.sessions} sessions, ${result.replies} replies checked, ${seconds} s\n`,
    );
    if (result.failure) {
      failed = true;
      const f = result.failure;
      process.stdout.write(
        `FAILED ${f.protocol} seed ${f.seed} session ${f.session}: ${f.problem}\nsent:\n${f.sent.map((s) => `  ${s}`).join('\n')}\n`,
      );
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
