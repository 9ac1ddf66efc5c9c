// Model-based test of smtpClientMachine: xstate/graph finds the shortest path to every state against a server that
// may say anything, and each path is replayed on a real actor (timeouts on a SimulatedClock).
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { smtpClientMachine } from '../../../../src/protocols/smtp/smtpClientMachine.ts';
import type { SmtpClientEvent, SmtpClientInput } from '../../../../src/protocols/smtp/smtpClientMachine.ts';
import { ALICE } from './clientHarness.ts';
import { allStateIds, delayedEvents, replay, stateIdsOf } from './modelHelpers.ts';

const REPLY_LINES = [
  '220 hamburger.edu',
  '250-hamburger.edu',
  '250 AUTH PLAIN LOGIN',
  '334 VXNlcm5hbWU6',
  '235 2.7.0 Authentication successful',
  '354 go ahead',
  '221 bye',
  '421 closing',
  '450 busy',
  '502 not implemented',
  'not a reply',
];

const IDLE_TIME = 2_000;
const delayed = delayedEvents(smtpClientMachine, { idle: IDLE_TIME });

const EVENTS: SmtpClientEvent[] = [
  { type: 'connection.opened' },
  { type: 'connection.closed' },
  { type: 'line.overlong' },
  ...REPLY_LINES.map((line) => ({ type: 'line.received' as const, line })),
  {
    type: 'transaction.start',
    envelope: { from: 'alice@crepes.fr', to: ['bob@hamburger.edu'] },
    data: 'Hi\r\n',
  },
  { type: 'session.end' },
  // The events of `after` transitions are not in the machine's event type; the traversal takes them as any other.
  ...delayed.map(({ type }) => ({ type }) as unknown as SmtpClientEvent),
];

const INPUT: SmtpClientInput = { ...ALICE, auth: { user: 'bob', password: 'ketchup', mechanism: 'LOGIN' } };
/** REUSING keeps its connection after each transaction, so the idle, RSET and probe states can be reached. */
const REUSING: SmtpClientInput = { ...INPUT, reuse: { idleTime: IDLE_TIME } };

function shortestPaths(input: SmtpClientInput) {
  return getShortestPaths(smtpClientMachine, {
    input,
    events: EVENTS,
    serializeState: (snapshot) =>
      JSON.stringify([
        snapshot.value,
        snapshot.context.partial?.code ?? null,
        snapshot.context.extensions.authMechanisms,
        snapshot.context.rcptReplied,
      ]),
  });
}

describe('smtpClientMachine as a model', () => {
  it('reaches every state it declares, with and without connection reuse', () => {
    const reached = new Set(
      [INPUT, REUSING].flatMap((input) =>
        shortestPaths(input).flatMap((path) => stateIdsOf(smtpClientMachine, path.state.value)),
      ),
    );
    expect([...reached].sort()).toEqual(allStateIds(smtpClientMachine));
  });

  it('follows every shortest path on a real actor', () => {
    for (const input of [INPUT, REUSING]) {
      for (const path of shortestPaths(input)) {
        const events = path.steps.slice(1).map((step) => step.event);
        const snapshot = replay(smtpClientMachine, input, events, delayed);
        expect(snapshot.value).toEqual(path.state.value);
        // A reusing client reports each transaction as it ends, so its session may end owing none.
        if (snapshot.status === 'done')
          expect(input.reuse ? [0, 1] : [1]).toContain(snapshot.output?.recipients.length);
      }
    }
  });

  it('reaches the states of reuse only when asked to reuse', () => {
    const reached = new Set(
      shortestPaths(INPUT).flatMap((path) => stateIdsOf(smtpClientMachine, path.state.value)),
    );
    for (const state of ['smtpClient.idle', 'smtpClient.resetting', 'smtpClient.probing'])
      expect(reached.has(state)).toBe(false);
  });
});
