// Model-based test of imapServerMachine: xstate/graph finds the shortest path to every state, and each path is
// replayed on a real actor (the autologout timer on a SimulatedClock) that must end where the model says.
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { imapServerMachine } from '../../../../src/protocols/imap/imapServerMachine.ts';
import type { ImapServerEvent, ImapServerInput } from '../../../../src/protocols/imap/imapServerMachine.ts';
import { allStateIds, delayedEvents, replay, stateIdsOf } from '../smtp/modelHelpers.ts';
import { memoryBackend } from './memoryBackend.ts';
import { BOB } from './serverHarness.ts';

const PLAIN_BOB = Buffer.from('\0bob\0hungry', 'latin1').toString('base64');

const LINES = [
  'a LOGIN bob hungry',
  'a LOGIN bob wrong',
  'a AUTHENTICATE PLAIN',
  PLAIN_BOB,
  '*',
  'a SELECT INBOX',
  'a EXAMINE Nowhere',
  'a FETCH 1 (FLAGS)',
  'a IDLE',
  'DONE',
  'a CLOSE',
  'a NOOP',
  'a LOGOUT',
  'a FROB',
];

const delayed = delayedEvents(imapServerMachine);

const EVENTS: ImapServerEvent[] = [
  { type: 'connection.opened' },
  { type: 'connection.closed' },
  { type: 'line.overlong' },
  { type: 'mailbox.changed' },
  ...LINES.map((line) => ({ type: 'line.received' as const, line })),
  // The events of `after` transitions are not in the machine's event type; the traversal takes them as any other.
  ...delayed.map(({ type }) => ({ type }) as unknown as ImapServerEvent),
];

// A fresh backend for every path, so that paths share no selected mailbox or \Recent.
function input(): ImapServerInput {
  return { hostname: 'hamburger.edu', backend: memoryBackend(BOB) };
}

function shortestPaths() {
  return getShortestPaths(imapServerMachine, {
    input: input(),
    events: EVENTS,
    // The state value and whether a mailbox is read-only keep the graph finite.
    serializeState: (snapshot) =>
      JSON.stringify([snapshot.value, snapshot.context.selected?.readOnly ?? null]),
  });
}

describe('imapServerMachine as a model', () => {
  it('reaches every state it declares, the four of RFC 3501 §3 and IDLE among them', () => {
    const reached = new Set<string>();
    for (const path of shortestPaths()) {
      for (const id of stateIdsOf(imapServerMachine, path.state.value)) reached.add(id);
    }
    expect([...reached].sort()).toEqual(allStateIds(imapServerMachine));
    expect([...reached]).toEqual(
      expect.arrayContaining([
        'imapServer.session.protocol.notAuthenticated',
        'imapServer.session.protocol.authenticated',
        'imapServer.session.protocol.selected',
        'imapServer.session.protocol.selected.idle',
        'imapServer.logout',
      ]),
    );
  });

  it('follows every shortest path on a real actor', () => {
    const paths = shortestPaths();
    expect(paths.length).toBeGreaterThan(8);
    for (const path of paths) {
      const events = path.steps.slice(1).map((step) => step.event);
      expect(replay(imapServerMachine, input(), events, delayed).value, JSON.stringify(events)).toEqual(
        path.state.value,
      );
    }
  });

  it('loses no message on any path, however the session ends', () => {
    for (const path of shortestPaths()) {
      const backend = memoryBackend(BOB);
      const events = path.steps.slice(1).map((step) => step.event);
      replay(imapServerMachine, { ...input(), backend }, events, delayed);
      expect(backend.uidsOf('bob', 'INBOX')).toEqual([1, 2, 3]);
    }
  });
});
