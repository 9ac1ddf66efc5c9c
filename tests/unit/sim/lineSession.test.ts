// How a line machine's output reaches its socket: lines sent in answer to one event leave in one write, in order,
// before a close; lines sent on their own leave at once.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { Socket, SocketListener } from '../../../src/net/socket.ts';
import { memoryMaildrop } from '../../../src/protocols/pop3/memoryMaildrop.ts';
import { pop3ServerMachine } from '../../../src/protocols/pop3/pop3ServerMachine.ts';
import { memoryBackend } from '../../../src/protocols/smtp/memoryBackend.ts';
import { smtpServerMachine, smtpServerReader } from '../../../src/protocols/smtp/smtpServerMachine.ts';
import { bindLineSession } from '../../../src/sim/services/lineSession.ts';
import type { UnstampedEvent } from '../../../src/sim/trace.ts';

// A socket that records what is written and closed, and lets the test play the peer.
function fakeSocket() {
  const listeners: SocketListener[] = [];
  const log: string[] = [];
  const socket: Socket = {
    conn: 'c1',
    local: { host: 'server', addr: '192.0.2.2', port: 110 },
    remote: { host: 'client', addr: '192.0.2.1', port: 40000 },
    state: () => 'ESTABLISHED',
    write: (octets) => void log.push(`write ${JSON.stringify(octets)}`),
    close: () => void log.push('close'),
    abort: () => void log.push('abort'),
    onEvent: (listener) => void listeners.push(listener),
  };
  const peer = (data: string) => listeners.forEach((l) => l({ type: 'data', data }));
  return { socket, log, peer };
}

function pop3Session() {
  const maildrop = memoryMaildrop({ accounts: { bob: { password: 'hungry', messages: ['one', 'two'] } } });
  const { socket, log, peer } = fakeSocket();
  const events: UnstampedEvent[] = [];
  const actor = createActor(pop3ServerMachine, {
    input: { hostname: 'hamburger.edu', timestamp: null, maildrop },
  });
  bindLineSession(socket, actor, {
    host: 'server',
    protocol: 'pop3',
    machine: 'pop3-server',
    maxLine: 512,
    emit: (e) => events.push(e),
  });
  return { log, peer, events };
}

describe('a line session writing to its socket', () => {
  it('sends a multi-line answer to one command in one write, and traces each line on its own', () => {
    const { log, peer, events } = pop3Session();
    peer('USER bob\r\nPASS hungry\r\n');
    log.length = 0;
    const traced = events.length;
    peer('LIST\r\n');
    expect(log).toEqual([`write ${JSON.stringify('+OK 2 messages (10 octets)\r\n1 5\r\n2 5\r\n.\r\n')}`]);
    expect(events.slice(traced).filter((e) => e.kind === 'app.line')).toHaveLength(4);
  });

  it('answers pipelined commands that arrived together in one write', () => {
    const { log, peer } = pop3Session();
    log.length = 0;
    peer('USER bob\r\nPASS hungry\r\nSTAT\r\n');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^write ".*\+OK 2 10\\r\\n"$/);
  });

  it('writes the last answer before it closes', () => {
    const { log, peer } = pop3Session();
    log.length = 0;
    peer('QUIT\r\n');
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(/^write "\+OK/);
    expect(log[1]).toBe('close');
  });

  it('greets as soon as the session is bound', () => {
    const { log } = pop3Session();
    expect(log).toEqual([`write ${JSON.stringify('+OK POP3 server ready\r\n')}`]);
  });
});

describe('a line session with a run rule', () => {
  // An SMTP server session bound as the world binds it, counting the events the machine is sent from outside.
  function smtpSession() {
    const backend = memoryBackend({ localDomains: ['hamburger.edu'], mailboxes: ['bob@hamburger.edu'] });
    const { socket, log, peer } = fakeSocket();
    const sent: string[] = [];
    const actor = createActor(smtpServerMachine, {
      input: {
        hostname: 'hamburger.edu',
        style: 'modern',
        submission: false,
        maxSize: 1000,
        maxRecipients: 5,
        backend,
      },
      inspect: (event) => {
        if (event.type === '@xstate.event' && event.sourceRef === undefined) sent.push(event.event.type);
      },
    });
    bindLineSession(socket, actor, {
      host: 'server',
      protocol: 'smtp',
      machine: 'smtp-server',
      maxLine: 4000,
      reader: smtpServerReader,
      emit: () => {},
    });
    return { log, peer, sent, backend };
  }

  it('hands the message lines of one segment to the machine as one event, the final dot alone and QUIT as a command', () => {
    const { peer, sent, backend } = smtpSession();
    peer('EHLO crepes.fr\r\nMAIL FROM:<a@crepes.fr>\r\nRCPT TO:<bob@hamburger.edu>\r\nDATA\r\n');
    sent.length = 0;
    peer('Subject: hi\r\n\r\nHello\r\n.\r\nQUIT\r\n');
    expect(sent).toEqual(['lines.received', 'line.received', 'command.quit']);
    expect(backend.accepted[0]?.data).toBe('Subject: hi\r\n\r\nHello\r\n');
  });
});
