// An SMTP session bound with splitBareLf answers a netcat-style line (LF alone) at once, in the same write
// discipline as any other answer.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { Socket, SocketListener } from '../../../src/net/socket.ts';
import { memoryBackend } from '../../../src/protocols/smtp/memoryBackend.ts';
import { smtpServerMachine } from '../../../src/protocols/smtp/smtpServerMachine.ts';
import { bindLineSession } from '../../../src/sim/services/lineSession.ts';

function smtpSession(splitBareLf: boolean) {
  const listeners: SocketListener[] = [];
  const writes: string[] = [];
  const socket: Socket = {
    conn: 'c1',
    local: { host: 'server', addr: '192.0.2.2', port: 25 },
    remote: { host: 'client', addr: '192.0.2.1', port: 40000 },
    state: () => 'ESTABLISHED',
    write: (octets) => void writes.push(octets),
    close: () => undefined,
    abort: () => undefined,
    onEvent: (listener) => void listeners.push(listener),
  };
  const backend = memoryBackend({
    localDomains: ['hamburger.edu'],
    mailboxes: ['bob@hamburger.edu'],
    accounts: {},
  });
  const actor = createActor(smtpServerMachine, {
    input: {
      hostname: 'hamburger.edu',
      style: 'modern',
      submission: false,
      maxSize: 10_000,
      maxRecipients: 5,
      backend,
    },
  });
  bindLineSession(socket, actor, {
    host: 'server',
    protocol: 'smtp',
    machine: 'smtp-server',
    maxLine: 4000,
    splitBareLf,
    emit: () => undefined,
  });
  const peer = (data: string) => listeners.forEach((l) => l({ type: 'data', data }));
  return { writes, peer };
}

describe('an SMTP line session that splits bare LFs', () => {
  it('answers a command ended by LF alone at once, instead of waiting for a CRLF', () => {
    const { writes, peer } = smtpSession(true);
    writes.length = 0;
    peer('EHLO crepes.fr\n');
    expect(writes).toEqual(['500 5.5.2 Error: bare <LF> received; end each line with <CR><LF>\r\n']);
  });

  it('answers nothing to such a line without the option, waiting for its CRLF', () => {
    const { writes, peer } = smtpSession(false);
    writes.length = 0;
    peer('EHLO crepes.fr\n');
    expect(writes).toEqual([]);
  });
});
