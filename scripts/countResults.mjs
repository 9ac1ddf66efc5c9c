#!/usr/bin/env node
// Prints the closing line CI reads, `N passed, N failed`, from Vitest's JSON report. A stage that failed
// before any test ran (type check, lint, build) counts as one failure, so a red run never reads as green.
import { existsSync, readFileSync } from 'node:fs';

const [report, exitCode] = process.argv.slice(2);
let passed = 0;
let failed = 0;
if (report && existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0);
}
if (Number(exitCode) !== 0 && failed === 0) failed = 1;
process.stdout.write(`${passed} passed, ${failed} failed\n`);
