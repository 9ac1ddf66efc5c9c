// The SMTP bench's harness: the two ways it drives the server do the same work, and one transaction asks XState for
// one event per command, run of message lines or reply, and hardly a step more.
import { describe, expect, it } from 'vitest';
import {
  hamburgerBackend,
  recordTranscript,
  scriptOf,
  serverSession,
  transactionCosts,
} from '../../../bench/smtpMachines.ts';

const CLIENT = {
  heloName: 'crepes.fr',
  envelope: { from: 'alice@crepes.fr', to: ['bob@hamburger.edu'] },
  data: `Subject: Lunch\r\n\r\n${'Do you like ketchup?\r\n'.repeat(30)}`,
};

describe('the SMTP machines bench', () => {
  it('runs the server through transition() to the same lines and stored message as through an actor', () => {
    const script = scriptOf(recordTranscript(CLIENT));
    const [actor, pure] = [hamburgerBackend(), hamburgerBackend()];
    const lines = serverSession(script, 'actor', actor);
    expect(serverSession(script, 'pure', pure)).toBe(lines);
    expect(lines).toBeGreaterThan(8);
    expect(pure.accepted.map((m) => m.data)).toEqual(actor.accepted.map((m) => m.data));
    expect(actor.accepted).toHaveLength(1);
  });

  it('asks XState for one event per command, message run or reply, and one raised step besides', () => {
    // Server: opened, EHLO, MAIL, RCPT, DATA, the message's lines, ".", QUIT. Client: opened and seven replies.
    // The one raise is the client's session.identified after EHLO.
    const costs = transactionCosts(CLIENT);
    expect(costs.sends).toBe(16);
    expect(costs.microsteps).toBe(17);
  });
});
