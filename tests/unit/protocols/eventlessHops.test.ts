// Issue 12's rule for the session machines: a reply or a line leads straight to the next state by guards on its
// own transition, never through a state that is only passed on the way (an eventless `always` hop), which costs
// a microstep and draws a state in the chart that the lab can never light.
import { createMachine, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { httpClientMachine } from '../../../src/protocols/http/httpClientMachine.ts';
import { httpServerMachine } from '../../../src/protocols/http/httpServerMachine.ts';
import { imapClientMachine } from '../../../src/protocols/imap/imapClientMachine.ts';
import { imapServerMachine } from '../../../src/protocols/imap/imapServerMachine.ts';
import { pop3ClientMachine } from '../../../src/protocols/pop3/pop3ClientMachine.ts';
import { pop3ServerMachine } from '../../../src/protocols/pop3/pop3ServerMachine.ts';
import { smtpClientMachine } from '../../../src/protocols/smtp/smtpClientMachine.ts';
import { smtpServerMachine } from '../../../src/protocols/smtp/smtpServerMachine.ts';

interface Node {
  readonly id: string;
  readonly always?: readonly unknown[];
  readonly states: Readonly<Record<string, Node>>;
}

/** eventlessStates names every state of `machine` that has an `always` transition. */
function eventlessStates(machine: AnyStateMachine): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    if (node.always !== undefined && node.always.length > 0) found.push(node.id);
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(machine.root as unknown as Node);
  return found;
}

const MACHINES = {
  smtpClientMachine,
  smtpServerMachine,
  pop3ClientMachine,
  pop3ServerMachine,
  imapClientMachine,
  imapServerMachine,
  httpClientMachine,
  httpServerMachine,
};

describe('session machines', () => {
  for (const [name, machine] of Object.entries(MACHINES))
    it(`${name} takes no eventless hop`, () => {
      expect(eventlessStates(machine)).toEqual([]);
    });

  it('are checked by a walk that finds an eventless hop where there is one', () => {
    const hopping = createMachine({
      id: 'hopping',
      initial: 'a',
      states: { a: { on: { go: 'hub' } }, hub: { always: { target: 'b' } }, b: {} },
    });
    expect(eventlessStates(hopping)).toEqual(['hopping.hub']);
  });
});
