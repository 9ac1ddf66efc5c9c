// Model-based test of httpServerMachine: xstate/graph finds the shortest path to every state through good and bad
// request lines, field lines, bodies, the application's answer and the timers, and each path is replayed on a real
// actor (timers on a SimulatedClock) that must end where the model says.
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { httpServerMachine, type HttpServerEvent } from '../../../../src/protocols/http/httpServerMachine.ts';
import type { HttpServerInput } from '../../../../src/protocols/http/serverDecisions.ts';
import { allStateIds, delayedEvents, replay, stateIdsOf } from '../smtp/modelHelpers.ts';

const LINES = [
  'GET / HTTP/1.1',
  'POST /form HTTP/1.1',
  'GET /',
  'GET / HTTP/2.0',
  'Host: a',
  'Content-Length: 3',
  'Host a',
  '',
];

const delayed = delayedEvents(httpServerMachine);

const EVENTS: HttpServerEvent[] = [
  { type: 'connection.opened' },
  { type: 'connection.closed' },
  { type: 'line.overlong' },
  ...LINES.map((line) => ({ type: 'line.received' as const, line })),
  { type: 'body.received', octets: 'abc' },
  { type: 'body.complete', wire: 3, chunks: null },
  { type: 'body.invalid', detail: 'bad chunk size' },
  { type: 'response.ready', response: { status: 200, reason: 'OK', headers: [], body: 'hi' } },
  {
    type: 'response.ready',
    response: { status: 200, reason: 'OK', headers: [['Connection', 'close']], body: '' },
  },
  ...delayed.map(({ type }) => ({ type }) as unknown as HttpServerEvent),
];

const INPUT: HttpServerInput = { hostname: 'webmail.hamburger.edu' };

function shortestPaths() {
  return getShortestPaths(httpServerMachine, {
    input: INPUT,
    events: EVENTS,
    // The state, and what of the request decides what comes next, keep the graph finite.
    serializeState: (snapshot) =>
      JSON.stringify([
        snapshot.value,
        snapshot.context.requests > 0,
        snapshot.context.current?.method ?? null,
        [...new Set(snapshot.context.current?.headers.map(([name]) => name))].sort(),
      ]),
  });
}

describe('httpServerMachine as a model', () => {
  it('reaches every state it declares: waiting, reading headers and body, handling, closed', () => {
    const reached = new Set<string>();
    for (const path of shortestPaths())
      for (const id of stateIdsOf(httpServerMachine, path.state.value)) reached.add(id);
    expect([...reached].sort()).toEqual(allStateIds(httpServerMachine));
  });

  it('follows every shortest path on a real actor', () => {
    const paths = shortestPaths();
    expect(paths.length).toBeGreaterThan(5);
    for (const path of paths) {
      const events = path.steps.slice(1).map((step) => step.event);
      expect(replay(httpServerMachine, INPUT, events, delayed).value).toEqual(path.state.value);
    }
  });
});
