// The lab's own client and server machines wired back to back, line for line, as the simulation wires them.
import { createActor } from 'xstate';
import { onSentLine } from '../../../../src/protocols/sentLines.ts';
import { describe, expect, it } from 'vitest';
import { memoryBackend } from '../../../../src/protocols/smtp/memoryBackend.ts';
import { smtpClientMachine } from '../../../../src/protocols/smtp/smtpClientMachine.ts';
import type { SmtpClientInput } from '../../../../src/protocols/smtp/smtpClientMachine.ts';
import { smtpServerMachine } from '../../../../src/protocols/smtp/smtpServerMachine.ts';
import type { SmtpServerInput } from '../../../../src/protocols/smtp/smtpServerMachine.ts';
import { ALICE } from './clientHarness.ts';
import { HAMBURGER } from './serverHarness.ts';

function connect(clientInput: Partial<SmtpClientInput>, serverInput: Partial<SmtpServerInput> = {}) {
  const backend = memoryBackend(HAMBURGER);
  const server = createActor(smtpServerMachine, {
    input: {
      hostname: 'hamburger.edu',
      style: 'modern',
      submission: false,
      maxSize: 10_000,
      maxRecipients: 10,
      backend,
      ...serverInput,
    },
  });
  const client = createActor(smtpClientMachine, { input: { ...ALICE, ...clientInput } });
  onSentLine(server, ({ line }) => client.send({ type: 'line.received', line }));
  onSentLine(client, ({ line }) => server.send({ type: 'line.received', line }));
  server.on('connection.close', () => client.send({ type: 'connection.closed' }));
  client.on('connection.close', () => server.send({ type: 'connection.closed' }));
  server.start();
  client.start();
  client.send({ type: 'connection.opened' });
  server.send({ type: 'connection.opened' });
  return { backend, server, client };
}

describe('client and server machines back to back', () => {
  it('deliver a dot-stuffed message with PIPELINING and report each recipient', () => {
    const { backend, client, server } = connect({
      envelope: { from: 'alice@crepes.fr', to: ['bob@hamburger.edu', 'nobody@hamburger.edu'] },
      data: 'Subject: dots\n\n.a line starting with a dot\n.\n',
    });
    expect(backend.accepted[0]?.data).toBe('Subject: dots\r\n\r\n.a line starting with a dot\r\n.\r\n');
    expect(client.getSnapshot().output?.recipients.map((r) => r.outcome)).toEqual(['delivered', 'permanent']);
    expect(client.getSnapshot().output?.session).toMatchObject({ ended: 'quit', pipelining: true });
    expect(server.getSnapshot().status).toBe('done');
  });

  it('authenticate on the submission port with either mechanism and relay to another domain', () => {
    for (const mechanism of ['PLAIN', 'LOGIN'] as const) {
      const { backend, client } = connect(
        {
          envelope: { from: 'bob@hamburger.edu', to: ['alice@crepes.fr'] },
          auth: { user: 'bob', password: 'ketchup', mechanism },
        },
        { submission: true },
      );
      expect(client.getSnapshot().output?.recipients[0]?.outcome).toBe('delivered');
      expect(backend.accepted[0]?.authenticatedAs).toBe('bob');
    }
  });

  it('fall back to no DATA when the only recipient is refused for relaying', () => {
    const { backend, client } = connect({ envelope: { from: 'alice@crepes.fr', to: ['eve@elsewhere.org'] } });
    expect(client.getSnapshot().output?.recipients[0]).toMatchObject({
      outcome: 'permanent',
      reason: 'rcpt',
    });
    expect(backend.accepted).toEqual([]);
  });
});
