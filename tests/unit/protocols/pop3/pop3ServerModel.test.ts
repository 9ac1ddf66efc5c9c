// Model-based test of pop3ServerMachine: xstate/graph finds the shortest path to every state, and each path is
// replayed on a real actor (the autologout timer on a SimulatedClock) that must end where the model says.
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { memoryMaildrop } from '../../../../src/protocols/pop3/memoryMaildrop.ts';
import { pop3ServerMachine } from '../../../../src/protocols/pop3/pop3ServerMachine.ts';
import type { Pop3ServerEvent, Pop3ServerInput } from '../../../../src/protocols/pop3/pop3ServerMachine.ts';
import { allStateIds, delayedEvents, replay, stateIdsOf } from '../smtp/modelHelpers.ts';
import { RFC_DIGEST, RFC_TIMESTAMP, mrose } from './serverHarness.ts';

const LINES = [
  'USER mrose',
  'USER frated',
  'PASS secret',
  'PASS wrong',
  `APOP mrose ${RFC_DIGEST}`,
  'STAT',
  'LIST',
  'RETR 1',
  'DELE 1',
  'RSET',
  'CAPA',
  'QUIT',
  'RETR x',
  'XYZZY',
];

const delayed = delayedEvents(pop3ServerMachine);

const EVENTS: Pop3ServerEvent[] = [
  { type: 'connection.opened' },
  { type: 'connection.closed' },
  { type: 'line.overlong' },
  ...LINES.map((line) => ({ type: 'line.received' as const, line })),
  // The events of `after` transitions are not in the machine's event type; the traversal takes them as any other.
  ...delayed.map(({ type }) => ({ type }) as unknown as Pop3ServerEvent),
];

// A fresh maildrop for every path: the lock and the removals are the maildrop's, so paths must not share one.
function input(): Pop3ServerInput {
  return { hostname: 'dewey', timestamp: RFC_TIMESTAMP, maildrop: memoryMaildrop(mrose()) };
}

function shortestPaths() {
  return getShortestPaths(pop3ServerMachine, {
    input: input(),
    events: EVENTS,
    // The state value and the few context facts that decide what succeeds keep the graph finite.
    serializeState: (snapshot) =>
      JSON.stringify([
        snapshot.value,
        snapshot.context.user,
        snapshot.context.locked,
        snapshot.context.deleted,
      ]),
  });
}

describe('pop3ServerMachine as a model', () => {
  it('reaches every state it declares, AUTHORIZATION, TRANSACTION and UPDATE among them', () => {
    const reached = new Set<string>();
    for (const path of shortestPaths()) {
      for (const id of stateIdsOf(pop3ServerMachine, path.state.value)) reached.add(id);
    }
    expect([...reached].sort()).toEqual(allStateIds(pop3ServerMachine));
    expect([...reached]).toEqual(
      expect.arrayContaining([
        'pop3Server.session.protocol.AUTHORIZATION',
        'pop3Server.session.protocol.TRANSACTION',
        'pop3Server.UPDATE',
      ]),
    );
  });

  it('follows every shortest path on a real actor', () => {
    const paths = shortestPaths();
    expect(paths.length).toBeGreaterThan(5);
    for (const path of paths) {
      const events = path.steps.slice(1).map((step) => step.event);
      expect(replay(pop3ServerMachine, input(), events, delayed).value).toEqual(path.state.value);
    }
  });

  it('never removes a message on a path that did not pass through UPDATE', () => {
    for (const path of shortestPaths()) {
      const maildrop = memoryMaildrop(mrose());
      const events = path.steps.slice(1).map((step) => step.event);
      const snapshot = replay(pop3ServerMachine, { ...input(), maildrop }, events, delayed);
      const updated = snapshot.value === 'UPDATE' || snapshot.output?.ended === 'quit';
      if (!updated) expect(maildrop.messages('mrose'), JSON.stringify(path.state.value)).toHaveLength(2);
      if (snapshot.status === 'done') expect(maildrop.isLocked('mrose')).toBe(false);
    }
  });
});
