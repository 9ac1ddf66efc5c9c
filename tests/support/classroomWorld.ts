// A classroom world for benchmarks and tests that need a big, busy trace: students at their PCs mailing
// professors at a few domains through the school's server, one domain down for a while and one answering 450
// to every n-th recipient. The benchmark's is large; tests use a small one of the same shape.
import type { TimedInput } from '../../src/sim/input.ts';
import { parseScenario, type Scenario } from '../../src/sim/scenario.ts';

/** ClassroomShape sizes a classroom world. */
export interface ClassroomShape {
  readonly name: string;
  readonly seed: number;
  readonly students: number;
  readonly domains: number;
  readonly messages: number;
  /** sendEvery is the gap between one student's message and the next one's, in ms. */
  readonly sendEvery: number;
  /** down is how long the second domain is down from the start ('2d', '2h'). */
  readonly down: string;
  /** refuseEvery makes the third domain answer 450 to every n-th RCPT. */
  readonly refuseEvery: number;
  /** bodyLines is how many lines of text each message carries. */
  readonly bodyLines: number;
}

/** classroomWorld builds the scenario and the sends, round-robin over students and domains. */
export function classroomWorld(shape: ClassroomShape): { scenario: Scenario; inputs: TimedInput[] } {
  const pcs = Array.from({ length: shape.students }, (_, i) => `pc${i + 1}`);
  const domains = Array.from({ length: shape.domains }, (_, i) => `d${i + 1}.example`);
  const result = parseScenario({
    version: 1,
    name: shape.name,
    seed: shape.seed,
    hosts: [
      { id: 'internet', kind: 'router' },
      { id: 'ns.example', kind: 'dns-server', services: [{ type: 'dns' }] },
      {
        id: 'school.edu',
        kind: 'mail-server',
        mail: { users: pcs.map((pc) => ({ name: `s${pc}`, password: 'pw' })) },
      },
      ...domains.map((d) => ({
        id: d,
        kind: 'mail-server',
        mail: { users: [{ name: 'prof', password: 'pw' }] },
      })),
      ...pcs.map((pc) => ({
        id: pc,
        kind: 'user-agent',
        userAgent: { address: `s${pc}@school.edu`, server: 'school.edu', password: 'pw' },
      })),
    ],
    links: [
      { between: ['school.edu', 'internet'], latency: '20ms' },
      { between: ['ns.example', 'internet'], latency: '10ms' },
      ...domains.map((d) => ({ between: ['internet', d], latency: '30ms' })),
      ...pcs.map((pc) => ({ between: [pc, 'school.edu'], latency: '2ms' })),
    ],
    dns: { records: domains.map((d) => ({ name: d, type: 'MX', exchange: d })) },
    faults: [
      { at: 0, fault: { type: 'host.down', host: 'd2.example' } },
      { at: shape.down, fault: { type: 'host.up', host: 'd2.example' } },
      {
        at: 0,
        fault: { type: 'smtp.reply', host: 'd3.example', stage: 'rcpt', code: 450, every: shape.refuseEvery },
      },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const inputs: TimedInput[] = Array.from({ length: shape.messages }, (_, i) => ({
    at: Math.floor(i * shape.sendEvery),
    input: {
      type: 'mail.send',
      host: pcs[i % pcs.length] as string,
      to: [`prof@${domains[i % domains.length]}`],
      subject: `Homework ${i}`,
      body: 'Please find my answers below.\n'.repeat(shape.bodyLines),
    },
  }));
  return { scenario: result.scenario, inputs };
}
