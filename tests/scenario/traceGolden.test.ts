// The trace of every built-in scenario, as JSON lines and as a capture file, pinned by hash. A change to how
// events are built or stored (issue 12's compact trace) must leave every byte as it was; a change that means to
// alter a trace updates the hash here in its own commit, saying why.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtinScenario, builtinScenarioNames } from '../../src/sim/builtinScenarios.ts';
import { Session } from '../../src/sim/session.ts';
import { traceToJsonLines } from '../../src/sim/trace.ts';
import { tracePcap } from '../../src/sim/tracePcap.ts';

const DAY = 86_400_000;

// Readers that keep an IMAP IDLE open never fall quiet, so those worlds stop ten minutes in.
const HORIZON: Readonly<Record<string, number>> = { 'imap-folders': 600_000, 'partial-fetch': 600_000 };

// sha256 (first 16 hex digits) of traceToJsonLines and of tracePcap(trace, 0), run until quiet (at most 6 days).
const GOLDEN: Readonly<Record<string, { events: number; json: string; pcap: string }>> = {
  textbook: { events: 208, json: 'a6638b453e2e472b', pcap: 'c9636aab32d09fe9' },
  modern: { events: 210, json: '94d34fd9cceae994', pcap: '6f2b0b970a6bc694' },
  outage: { events: 292, json: 'aa7ae65b2ebbfbc8', pcap: '008c3153db6841fb' },
  bounce: { events: 5254, json: 'ac1d778c471ff621', pcap: 'e97e8ba7229ac859' },
  'unknown-user': { events: 175, json: '5967d003f75a863e', pcap: 'e89a9bc173fc59b2' },
  mixed: { events: 365, json: '5da4d84a52ae23d9', pcap: 'a6a3b5c0af47177f' },
  direct: { events: 31, json: '9ddd135be3ec04ed', pcap: '388b33df33e4f12d' },
  duplicate: { events: 288, json: '72ac63875e78c1f0', pcap: 'ec75a2e2e3fdd756' },
  'tcp-demo': { events: 62, json: '9a0cca74713327d4', pcap: '97bf85639b250908' },
  'pop3-delete': { events: 402, json: 'a23f70456536635c', pcap: '1f5b20f58a037c2d' },
  'pop3-keep': { events: 525, json: 'e3ea69f024956882', pcap: '2aa930cf0c002715' },
  'imap-folders': { events: 710, json: 'cb493c9aa0faa3d8', pcap: 'ebbcb8f9b50f4f80' },
  'partial-fetch': { events: 265673, json: 'b8f1a37345df01c4', pcap: 'c82dbc4b21959669' },
  webmail: { events: 643, json: 'b03cd3acdd6115a0', pcap: 'f5dbe234032c1e61' },
  'webmail-send': { events: 1116, json: 'a653c8f3a63e2399', pcap: 'ce6d99fda94b6922' },
  'push-vs-pull': { events: 779, json: '17c3bddce394d9ec', pcap: '49e9f39ac261d7f3' },
};

function fingerprint(name: string): { events: number; json: string; pcap: string } {
  const scenario = builtinScenario(name);
  if (!scenario) throw new Error(`no built-in scenario ${name}`);
  const session = new Session(scenario);
  session.runUntilQuiet(HORIZON[name] ?? 6 * DAY);
  const hash = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 16);
  return {
    events: session.trace.length,
    json: hash(traceToJsonLines(session.trace)),
    pcap: hash(tracePcap(session.trace, 0)),
  };
}

describe('the traces of the built-in scenarios', { timeout: 120_000 }, () => {
  it('has a pinned fingerprint for every built-in scenario', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual([...builtinScenarioNames].sort());
  });

  for (const name of builtinScenarioNames) {
    it(`keeps ${name}'s trace byte for byte`, () => {
      expect(fingerprint(name)).toEqual(GOLDEN[name]);
    });
  }
});
