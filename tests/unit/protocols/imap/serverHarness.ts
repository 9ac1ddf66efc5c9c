// A transcript harness for imapServerMachine: feeds client lines and records every line in order, as "C: …" for
// what the client sent and "S: …" for what the server emitted, with "S: <close>" when it asks to close.
import { createActor } from 'xstate';
import type { Actor, SimulatedClock } from 'xstate';
import type { ServerLineFacts } from '../../../../src/protocols/shared/lineFacts.ts';
import { imapServerMachine } from '../../../../src/protocols/imap/imapServerMachine.ts';
import type { ImapServerInput } from '../../../../src/protocols/imap/imapServerMachine.ts';
import { type MemoryBackend, memoryBackend, type MemoryBackendOptions } from './memoryBackend.ts';

/** message writes a small RFC 5322 message with CRLF line ends. */
export function message(subject: string, body = 'Hello', from = 'Alice <alice@crepes.fr>'): string {
  return [
    `From: ${from}`,
    'To: Bob <bob@hamburger.edu>',
    `Subject: ${subject}`,
    'Date: Thu, 15 Jan 2026 12:00:00 +0000',
    'Message-ID: <' + subject.replace(/\W/g, '') + '@crepes.fr>',
    '',
    body,
    '',
  ].join('\r\n');
}

/** BOB has bob/hungry with three messages in INBOX and an empty Sent. */
export const BOB: MemoryBackendOptions = {
  users: {
    bob: {
      password: 'hungry',
      folders: { INBOX: [message('one'), message('two'), message('three')], Sent: [] },
    },
  },
};

/** ServerUnderTest is a started server session with its transcript. */
export interface ServerUnderTest {
  readonly actor: Actor<typeof imapServerMachine>;
  readonly log: string[];
  readonly facts: ServerLineFacts[];
  readonly backend: MemoryBackend;
  /** send feeds client lines one by one, logging each, and returns what the server sent in answer. */
  send(...lines: string[]): string[];
  state(): string;
}

/** startServer opens a session of the "hamburger.edu" server, on BOB's mail unless told otherwise. */
export function startServer(
  options: { backend?: MemoryBackend; clock?: SimulatedClock; input?: Partial<ImapServerInput> } = {},
): ServerUnderTest {
  const backend = options.backend ?? memoryBackend(BOB);
  const input: ImapServerInput = { hostname: 'hamburger.edu', backend, ...options.input };
  const actor = createActor(imapServerMachine, options.clock ? { input, clock: options.clock } : { input });
  const log: string[] = [];
  const facts: ServerLineFacts[] = [];
  actor.on('line.send', (event) => {
    log.push(`S: ${event.line}`);
    facts.push(event.facts);
  });
  actor.on('connection.close', () => log.push('S: <close>'));
  actor.start();
  actor.send({ type: 'connection.opened' });
  return {
    actor,
    log,
    facts,
    backend,
    send(...lines) {
      const start = log.length;
      for (const line of lines) {
        log.push(`C: ${line}`);
        actor.send({ type: 'line.received', line });
      }
      return log
        .slice(start)
        .filter((entry) => entry.startsWith('S: '))
        .map((entry) => entry.slice(3));
    },
    state: () => JSON.stringify(actor.getSnapshot().value),
  };
}

/** loggedIn is a server after a successful LOGIN as bob. */
export function loggedIn(options: Parameters<typeof startServer>[0] = {}): ServerUnderTest {
  const server = startServer(options);
  server.send('a0 LOGIN bob hungry');
  return server;
}

/** selected is a server with bob's INBOX selected. */
export function selected(options: Parameters<typeof startServer>[0] = {}): ServerUnderTest {
  const server = loggedIn(options);
  server.send('s0 SELECT INBOX');
  return server;
}
