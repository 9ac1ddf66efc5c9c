// `npm run bench`: runs every benchmark, prints a table and the targets met, and writes bench/results.json
// ({ "metric-name": { "value": n, "unit": "..." } }) so figures can be compared across commits.
// `npm run bench -- classroom ui` runs only the suites named and updates only their figures: the others' stay as
// they were, and the figures a suite that was run has retired (no longer reports) are dropped.
import { readFileSync, writeFileSync } from 'node:fs';
import { classroomBench } from './classroomBench.ts';
import { kernelBench } from './kernelBench.ts';
import { lighthouseBench } from './lighthouseBench.ts';
import type { Metric } from './measure.ts';
import { readingBench } from './readingBench.ts';
import { smtpBench } from './smtpBench.ts';
import { targetTable } from './targets.ts';
import { traceBench } from './traceBench.ts';
import { uiBench } from './uiBench.ts';

interface Suite {
  readonly name: string;
  readonly run: () => Metric[] | Promise<Metric[]>;
  /** retired names figures the suite used to report, which a partial run drops from results.json. */
  readonly retired?: readonly string[];
}

const suites: readonly Suite[] = [
  { name: 'kernel', run: kernelBench },
  { name: 'smtp', run: smtpBench },
  { name: 'reading', run: readingBench },
  // classroom-seek-middle-ms timed an array slice; classroom-worldat-random-ms times the fold views do.
  { name: 'classroom', run: classroomBench, retired: ['classroom-seek-middle-ms'] },
  { name: 'trace', run: traceBench },
  { name: 'ui', run: uiBench },
  { name: 'lighthouse', run: lighthouseBench },
];

const named = process.argv.slice(2);
const unknown = named.filter((name) => !suites.some((s) => s.name === name));
if (unknown.length > 0)
  throw new Error(
    `no benchmark suite ${unknown.join(', ')}; the suites: ${suites.map((s) => s.name).join(', ')}`,
  );
const chosen = named.length === 0 ? suites : suites.filter((s) => named.includes(s.name));

const metrics: Metric[] = [];
for (const suite of chosen) {
  process.stderr.write(`running ${suite.name}…\n`);
  metrics.push(...(await suite.run()));
}

const width = Math.max(...metrics.map((m) => m.name.length));
for (const m of metrics) {
  const note = m.note ? `  (${m.note})` : '';
  process.stdout.write(`${m.name.padEnd(width)}  ${String(m.value).padStart(12)} ${m.unit}${note}\n`);
}
process.stdout.write(`\nIssue 12's targets\n${targetTable(metrics)}\n`);
const file = new URL('./results.json', import.meta.url);
const fresh = Object.fromEntries(metrics.map((m) => [m.name, { value: m.value, unit: m.unit }]));
// A partial run keeps the other suites' figures where they were in the file, its own replaced in place.
const earlier: Record<string, unknown> =
  named.length === 0 ? {} : (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
const retired = new Set(chosen.flatMap((suite) => suite.retired ?? []));
const kept = Object.entries(earlier).filter(([name]) => !retired.has(name));
const results = { ...Object.fromEntries(kept), ...fresh };
writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
