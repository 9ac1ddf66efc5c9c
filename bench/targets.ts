// Issue 12's targets beside this run's figures: each row names the metric measured, the floor measured in the
// same run (or none), the target and whether it was met, so `npm run bench` ends with the table the issue asks for.
import type { Metric } from './measure.ts';

/** Target is one row of the table: a metric, the bound it should meet, and the same-run floor shown beside it. */
export interface Target {
  readonly what: string;
  readonly metric: string;
  readonly at: 'most' | 'least';
  readonly bound: number;
  /** floor is the same run's best possible figure: a floor for a bound at most, a ceiling for one at least. */
  readonly floor?: string;
}

/** TARGETS are issue 12's benchmark rows, by the metric names the suites report. */
export const TARGETS: readonly Target[] = [
  {
    what: 'SMTP over virtual TCP vs the same machines in memory',
    metric: 'smtp-virtual-to-in-memory-ratio',
    at: 'least',
    bound: 0.5,
    floor: 'smtp-in-memory-over-bare-loop',
  },
  {
    what: 'SMTP over virtual TCP vs nodemailer → smtp-server on loopback',
    metric: 'smtp-virtual-to-loopback-ratio',
    at: 'least',
    bound: 2,
    floor: 'smtp-in-memory-to-loopback-ratio',
  },
  {
    what: 'the same two machines in memory vs the code when the issue was filed',
    metric: 'smtp-in-memory-speedup-since-filed',
    at: 'least',
    bound: 3,
    floor: 'smtp-filed-over-bare-loop',
  },
  {
    what: 'classroom world to quiescence',
    metric: 'classroom-simulate-ms',
    at: 'most',
    bound: 1500,
    floor: 'classroom-machines-alone-ms',
  },
  {
    what: 'classroom peak heap',
    metric: 'classroom-peak-heap-mb',
    at: 'most',
    bound: 150,
    floor: 'classroom-retained-heap-mb',
  },
  {
    what: 'classroom trace, retained bytes per event',
    metric: 'classroom-trace-bytes-per-event',
    at: 'most',
    bound: 80,
    floor: 'classroom-trace-floor-bytes-per-event',
  },
  {
    what: 'replay after an input at the middle of the classroom world',
    metric: 'classroom-replay-to-middle-ms',
    at: 'most',
    bound: 150,
    floor: 'classroom-replay-restore-ms',
  },
  {
    what: 'worldAt at a random cursor in the classroom world (median)',
    metric: 'classroom-worldat-random-ms',
    at: 'most',
    bound: 4,
    floor: 'classroom-worldat-floor-ms',
  },
  {
    what: 'worldAt at a random cursor in the classroom world (p95)',
    metric: 'classroom-worldat-random-p95-ms',
    at: 'most',
    bound: 4,
    floor: 'classroom-worldat-floor-ms',
  },
  {
    what: 'timeline zoom frame p95, 1920x1080, 10k events',
    metric: 'ui-zoom-10k-frame-p95-ms',
    at: 'most',
    bound: 16.7,
    floor: 'ui-zoom-10k-idle-frame-p95-ms',
  },
  {
    what: 'timeline zoom frame p95, 1920x1080, 100k events',
    metric: 'ui-zoom-100k-frame-p95-ms',
    at: 'most',
    bound: 16.7,
    floor: 'ui-zoom-100k-idle-frame-p95-ms',
  },
  { what: 'first load, JS + CSS gzip', metric: 'ui-first-load-gzip-kb', at: 'most', bound: 150 },
  {
    what: 'Lighthouse mobile performance (lab, English)',
    metric: 'lighthouse-lab-en-performance',
    at: 'least',
    bound: 95,
  },
  {
    what: 'Lighthouse mobile performance (lab, Korean)',
    metric: 'lighthouse-lab-ko-performance',
    at: 'least',
    bound: 95,
  },
];

/** targetTable lays out the targets against `metrics` as Markdown, one row each; a suite not run says so. */
export function targetTable(metrics: readonly Metric[], targets: readonly Target[] = TARGETS): string {
  const byName = new Map(metrics.map((m) => [m.name, m]));
  const shown = (name: string | undefined): string => {
    if (name === undefined) return '—';
    const m = byName.get(name);
    return m === undefined ? 'not run' : `${m.value} ${m.unit}`;
  };
  const rows = targets.map((t) => {
    const m = byName.get(t.metric);
    const met =
      m === undefined
        ? 'not run'
        : (t.at === 'most' ? m.value <= t.bound : m.value >= t.bound)
          ? 'yes'
          : 'no';
    const unit = m?.unit ?? '';
    const bound = `${t.at === 'most' ? '≤' : '≥'} ${t.bound}${unit ? ` ${unit}` : ''}`;
    return [t.what, shown(t.metric), shown(t.floor), bound, met];
  });
  const header = ['target', 'this run', 'floor or ceiling, same run', 'bound', 'met'];
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
