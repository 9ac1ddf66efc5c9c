// `npm run bench`: runs every benchmark, prints a table, and writes bench/results.json
// ({ "metric-name": { "value": n, "unit": "..." } }) so figures can be compared across commits.
import { writeFileSync } from 'node:fs';
import { classroomBench } from './classroomBench.ts';
import { kernelBench } from './kernelBench.ts';
import { lighthouseBench } from './lighthouseBench.ts';
import type { Metric } from './measure.ts';
import { readingBench } from './readingBench.ts';
import { smtpBench } from './smtpBench.ts';
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

const metrics: Metric[] = [];
for (const suite of suites) {
  process.stderr.write(`running ${suite.name}…\n`);
  metrics.push(...(await suite.run()));
}

const width = Math.max(...metrics.map((m) => m.name.length));
for (const m of metrics) {
  const note = m.note ? `  (${m.note})` : '';
  process.stdout.write(`${m.name.padEnd(width)}  ${String(m.value).padStart(12)} ${m.unit}${note}\n`);
}
const results = Object.fromEntries(metrics.map((m) => [m.name, { value: m.value, unit: m.unit }]));
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
