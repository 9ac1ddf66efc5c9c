// Lighthouse's four scores for the lab's first page, in Korean and in English, as a phone would load it (its default
// mobile settings), in Debian's Chromium started here with a debugging port; nothing downloads a browser. The audits
// that did not pass are printed, so a score below 100 says why. Beside each performance score stands the page's own
// main-thread CPU time from the run's trace (bench/firstPaintWork.ts), which the machine's load moves far less,
// and the score the run would have had with its blocking time counted from that CPU time.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { type RunnerResult } from 'lighthouse';
import TotalBlockingTime from 'lighthouse/core/audits/metrics/total-blocking-time.js';
import { build, preview } from 'vite';
import { firstPaintWork, type TraceEventLike } from './firstPaintWork.ts';
import { round, type Metric } from './measure.ts';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const CATEGORIES = ['accessibility', 'performance', 'best-practices', 'seo'] as const;
// The performance score's own metrics, so a low score says where the time went (Lighthouse's audit ids).
const TIMINGS = [
  { id: 'first-contentful-paint', name: 'fcp', unit: 'ms' },
  { id: 'largest-contentful-paint', name: 'lcp', unit: 'ms' },
  { id: 'total-blocking-time', name: 'tbt', unit: 'ms' },
  { id: 'speed-index', name: 'speed-index', unit: 'ms' },
  { id: 'cumulative-layout-shift', name: 'cls', unit: 'score' },
] as const;
const ROUNDS = 3;
const PAGES = [
  { name: 'lab-ko', query: '?lang=ko' },
  { name: 'lab-en', query: '?lang=en' },
] as const;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// Chromium headless with a fresh profile, resolved once it says its DevTools endpoint is listening.
/** stopChromium ends the browser and waits until it has exited, so its profile can be removed. */
function stopChromium(chromium: ChildProcess): Promise<void> {
  if (chromium.exitCode !== null || chromium.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => chromium.once('exit', () => resolve()));
  chromium.kill();
  return exited;
}

async function startChromium(port: number, profile: string): Promise<ChildProcess> {
  const child = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let said = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('DevTools listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`chromium exited (${code}) before listening:\n${said}`)));
  });
  return child;
}

/**
 * machineShare is the page's own work in a run, read from the run's trace: the main thread's CPU time before the
 * first contentful paint (its wall time, which the simulation multiplies, in the note: on a loaded machine the two
 * part), and the blocking time the simulation would have counted from CPU time alone. These stay put when the
 * machine's load moves the score, so they say whether a change to the page moved it.
 */
function machineShare(name: string, url: string, run: RunnerResult): Metric[] {
  const events: readonly TraceEventLike[] = run.artifacts.Trace.traceEvents;
  const slowdown = run.lhr.configSettings.throttling.cpuSlowdownMultiplier ?? 1;
  const work = firstPaintWork(events, url, slowdown);
  const tbtScoring = TotalBlockingTime.defaultOptions.mobile.scoring;
  const measured = run.lhr.audits['total-blocking-time']?.numericValue;
  const reported = run.lhr.categories.performance?.score;
  if (measured === undefined || reported === undefined || reported === null)
    throw new Error(`lighthouse gave no blocking time or performance score for ${url}`);
  // The recomputation must give back Lighthouse's own score from its own blocking time, or it says nothing.
  const again = performanceWith(run, TotalBlockingTime.computeLogNormalScore(tbtScoring, measured));
  if (Math.abs(again - reported) > 0.006)
    throw new Error(`recomputing ${url}'s performance score gave ${again}, Lighthouse said ${reported}`);
  const fromCpu = performanceWith(
    run,
    TotalBlockingTime.computeLogNormalScore(tbtScoring, work.blockingFromCpu),
  );
  return [
    {
      name: `lighthouse-${name}-first-paint-cpu-ms`,
      value: round(work.cpuBeforePaint),
      unit: 'ms',
      note: `main thread before the first paint, unthrottled; wall ${round(work.wallBeforePaint)} ms, which the simulation multiplies by ${slowdown}`,
    },
    {
      name: `lighthouse-${name}-tbt-from-cpu-ms`,
      value: Math.round(work.blockingFromCpu),
      unit: 'ms',
      note: "blocking time counted from the tasks' CPU time instead of their wall time",
    },
    {
      name: `lighthouse-${name}-performance-with-tbt-from-cpu`,
      value: Math.round(fromCpu * 100),
      unit: 'score',
      note: "the same run's score with that blocking time in place of Lighthouse's, by Lighthouse's own weights and curve",
    },
  ];
}

/** performanceWith is the run's performance score with total blocking time scored `tbtScore`, its other metrics as they were. */
function performanceWith(run: RunnerResult, tbtScore: number): number {
  let weighted = 0;
  let weights = 0;
  for (const ref of run.lhr.categories.performance?.auditRefs ?? []) {
    if (ref.weight === 0) continue;
    const score = ref.id === 'total-blocking-time' ? tbtScore : run.lhr.audits[ref.id]?.score;
    if (typeof score !== 'number') throw new Error(`lighthouse gave no score for ${ref.id}`);
    weighted += score * ref.weight;
    weights += ref.weight;
  }
  return weighted / weights;
}

/** lighthouseBench builds and serves the app, and scores its first page in both languages, each the median of ROUNDS runs. */
export async function lighthouseBench(): Promise<Metric[]> {
  await build({ root: ROOT, logLevel: 'silent' });
  const server = await preview({ root: ROOT, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  const base = server.resolvedUrls?.local[0] ?? '';
  const port = await freePort();
  const profile = await mkdtemp(join(tmpdir(), 'mail-lab-lighthouse-'));
  const chromium = await startChromium(port, profile);
  const metrics: Metric[] = [];
  try {
    // Each page is scored ROUNDS times, the languages taking turns, and the run with the median performance score
    // is reported (Lighthouse's own advice on variability). The first run of a fresh Chromium pays for the
    // browser's own start (fonts, caches): one run per page gave that cost to whichever language came first,
    // 11-16 points of it in this bench.
    const runs = new Map<string, RunnerResult[]>(PAGES.map((page) => [page.name, []]));
    for (let round = 0; round < ROUNDS; round++)
      for (const page of PAGES) {
        const result = await lighthouse(`${base}${page.query}`, {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
        });
        if (result === undefined) throw new Error(`lighthouse returned nothing for ${page.query}`);
        runs.get(page.name)?.push(result);
      }
    for (const page of PAGES) {
      const scored = (runs.get(page.name) ?? []).map((run) => ({
        run,
        performance: run.lhr.categories.performance?.score ?? null,
      }));
      if (scored.some((s) => s.performance === null))
        throw new Error(`lighthouse gave no performance score for ${page.query}`);
      scored.sort((a, b) => (a.performance as number) - (b.performance as number));
      const median = scored[Math.floor(scored.length / 2)]?.run;
      if (median === undefined) throw new Error(`no lighthouse run for ${page.query}`);
      const note = `the median of ${ROUNDS} runs by performance (${scored.map((s) => Math.round((s.performance as number) * 100)).join(', ')})`;
      const { categories, audits } = median.lhr;
      for (const id of CATEGORIES) {
        const category = categories[id];
        const score = category?.score ?? null;
        if (score === null) throw new Error(`lighthouse gave no ${id} score for ${page.query}`);
        metrics.push({
          name: `lighthouse-${page.name}-${id}`,
          value: Math.round(score * 100),
          unit: 'score',
          ...(id === 'performance' ? { note } : {}),
        });
        if (id === 'performance') {
          metrics.push(...machineShare(page.name, `${base}${page.query}`, median));
          for (const timing of TIMINGS) {
            const value = audits[timing.id]?.numericValue;
            if (value === undefined) throw new Error(`lighthouse gave no ${timing.id} for ${page.query}`);
            metrics.push({
              name: `lighthouse-${page.name}-${timing.name}`,
              value: timing.unit === 'ms' ? Math.round(value) : Number(value.toPrecision(3)),
              unit: timing.unit,
            });
          }
          continue;
        }
        for (const ref of category?.auditRefs ?? []) {
          const audit = audits[ref.id];
          // Unweighted audits too (such as label-content-name-mismatch): they count for nothing but say something.
          if (audit !== undefined && audit.score !== null && audit.score < 1)
            process.stderr.write(`  ${page.name} ${id}: ${audit.id} — ${audit.title}\n`);
        }
      }
    }
  } finally {
    await stopChromium(chromium);
    await server.close();
    // Chromium's helper processes may still be writing the profile as the browser exits: removing it can then
    // meet a directory that is not yet empty, which used to end the whole bench before results.json was written.
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
  return metrics;
}
