// Model-based test of smtpServerMachine: xstate/graph finds the shortest path to every state, and each path is
// replayed on a real actor (timeouts on a SimulatedClock) that must end where the model says.
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { memoryBackend } from '../../../../src/protocols/smtp/memoryBackend.ts';
import { faultReply } from '../../../../src/protocols/smtp/replies.ts';
import { smtpServerMachine } from '../../../../src/protocols/smtp/smtpServerMachine.ts';
import type { SmtpServerEvent, SmtpServerInput } from '../../../../src/protocols/smtp/smtpServerMachine.ts';
import { allStateIds, delayedEvents, replay, stateIdsOf } from './modelHelpers.ts';
import { HAMBURGER } from './serverHarness.ts';

const LINES = [
  'EHLO crepes.fr',
  'HELO crepes.fr',
  'AUTH PLAIN',
  'AUTH LOGIN',
  'Ym9i',
  'AGJvYgBrZXRjaHVw',
  'MAIL FROM:<alice@crepes.fr>',
  'RCPT TO:<bob@hamburger.edu>',
  'DATA',
  'Do you like ketchup?',
  '.',
  'RSET',
  'QUIT',
];

const delayed = delayedEvents(smtpServerMachine);

const EVENTS: SmtpServerEvent[] = [
  { type: 'connection.opened' },
  { type: 'connection.closed' },
  { type: 'server.shutdown' },
  { type: 'line.overlong' },
  ...LINES.map((line) => ({ type: 'line.received' as const, line })),
  // The events of `after` transitions are not in the machine's event type; the traversal takes them as any other.
  ...delayed.map(({ type }) => ({ type }) as unknown as SmtpServerEvent),
];

function input(overrides: Partial<SmtpServerInput>): () => SmtpServerInput {
  return () => ({
    hostname: 'hamburger.edu',
    style: 'textbook',
    submission: true,
    maxSize: 10_000,
    maxRecipients: 5,
    backend: memoryBackend(HAMBURGER),
    ...overrides,
  });
}

// A relay port reaches the transaction states; a submission port the AUTH states; a 554 greeting noService.
const CONFIGURATIONS = {
  submission: input({}),
  'no service': input({
    backend: memoryBackend({
      ...HAMBURGER,
      interpose: (stage) => (stage === 'greeting' ? faultReply(554, 'modern', 'No') : undefined),
    }),
  }),
};

function shortestPaths(makeInput: () => SmtpServerInput) {
  return getShortestPaths(smtpServerMachine, {
    input: makeInput(),
    events: EVENTS,
    // The state value and the few context facts that decide which commands succeed keep the graph finite.
    serializeState: (snapshot) =>
      JSON.stringify([
        snapshot.value,
        snapshot.context.extended,
        snapshot.context.authenticatedAs !== null,
        snapshot.context.to.length > 0,
      ]),
  });
}

describe('smtpServerMachine as a model', () => {
  it('reaches every state it declares', () => {
    const reached = new Set<string>();
    for (const makeInput of Object.values(CONFIGURATIONS)) {
      for (const path of shortestPaths(makeInput)) {
        for (const id of stateIdsOf(smtpServerMachine, path.state.value)) reached.add(id);
      }
    }
    expect([...reached].sort()).toEqual(allStateIds(smtpServerMachine));
  });

  for (const [name, makeInput] of Object.entries(CONFIGURATIONS)) {
    it(`follows every shortest path on a real actor (${name})`, () => {
      for (const path of shortestPaths(makeInput)) {
        const events = path.steps.slice(1).map((step) => step.event);
        expect(replay(smtpServerMachine, makeInput(), events, delayed).value).toEqual(path.state.value);
      }
    });
  }
});
