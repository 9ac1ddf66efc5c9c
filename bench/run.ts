// `npm run bench`: runs every benchmark, prints a table and the targets met, and writes bench/results.json
// ({ "metric-name": { "value": n, "unit": "..." } }) so figures can be compared across commits.
// `npm run bench -- classroom ui` runs only the suites named and updates only their figures: the others' stay as
// they were, and a figure named after a suite that was run (`classroom-…`) and no longer reported is dropped.
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

const suites: readonly { name: string; run: () => Metric[] | Promise<Metric[]> }[] = [
  { name: 'kernel', run: kernelBench },
  { name: 'smtp', run: smtpBench },
  { name: 'reading', run: readingBench },
  { name: 'classroom', run: classroomBench },
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
const kept = Object.entries(earlier).filter(
  ([name]) => name in fresh || !named.some((suite) => name.startsWith(`${suite}-`)),
);
const results = { ...Object.fromEntries(kept), ...fresh };
writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
