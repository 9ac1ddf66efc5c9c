// The soak test at CI size: four messages of 1 MB through a bridge with a 512 KiB trace window and a 3 MiB store
// keep the trace, the mailboxes and the log within their bounds. `npm run soak` runs the 1,000 messages in
// a process of their own and bounds its resident memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../src/bridge/bridge.ts';
import { eventOctets } from '../../src/sim/kernel.ts';
import { drainBob, messageOf, sendBatch } from '../../scripts/soak.ts';

const MIB = 1024 * 1024;
const TRACE_WINDOW = MIB / 2;
const STORAGE_LIMIT = 3 * MIB;
let bridge: Bridge;
let logOctets = 0;

beforeAll(async () => {
  bridge = await startBridge({
    smtp: 0,
    pop3: 0,
    traceWindow: TRACE_WINDOW,
    storageLimit: STORAGE_LIMIT,
    log: (line) => (logOctets += line.length + 1),
  });
});

afterAll(() => bridge?.stop());

describe('four messages of 1 MB through the bridge', () => {
  it('keep the trace within twice its window, the store within its limit and the log to a few lines each', async () => {
    const body = messageOf(MIB);
    const traceOctets: number[] = [];
    for (let sent = 0; sent < 4; sent += 2) {
      await sendBatch(bridge.ports.smtp as number, body, 2, sent);
      traceOctets.push(bridge.kernel.trace.slice().reduce((sum, e) => sum + eventOctets(e), 0));
      expect(bridge.mailServer.store.octets).toBeLessThanOrEqual(STORAGE_LIMIT);
      await drainBob(bridge.ports.pop3 as number);
    }
    // Every message went through: each is some 13,800 lines, all in the trace once.
    expect(bridge.kernel.emitted).toBeGreaterThan(4 * 13_000);
    for (const octets of traceOctets) expect(octets).toBeLessThan(2 * TRACE_WINDOW);
    expect(logOctets).toBeLessThan(4 * 2_000);
  }, 120_000);
});
