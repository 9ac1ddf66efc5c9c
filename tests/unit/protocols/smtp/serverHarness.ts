// A transcript harness for smtpServerMachine: feeds client lines and records every line in order, as "C: …" for
// what the client sent and "S: …" for what the server emitted, with "S: <close>" when it asks to close.
import { createActor } from 'xstate';
import type { Actor, SimulatedClock } from 'xstate';
import { LineFramer, type FramedLine } from '../../../../src/protocols/shared/lineFramer.ts';
import { memoryBackend } from '../../../../src/protocols/smtp/memoryBackend.ts';
import type { MemoryBackendOptions } from '../../../../src/protocols/smtp/memoryBackend.ts';
import { smtpServerMachine, smtpServerReader } from '../../../../src/protocols/smtp/smtpServerMachine.ts';
import type { SmtpServerInput } from '../../../../src/protocols/smtp/smtpServerMachine.ts';

/** HAMBURGER is the receiving host of Kurose & Ross's example session. */
export const HAMBURGER: MemoryBackendOptions = {
  localDomains: ['hamburger.edu'],
  mailboxes: ['bob@hamburger.edu', 'carol@hamburger.edu'],
  accounts: { bob: 'ketchup' },
};

/** ServerUnderTest is a started server session with its transcript. */
export interface ServerUnderTest {
  readonly actor: Actor<typeof smtpServerMachine>;
  readonly log: string[];
  readonly backend: ReturnType<typeof memoryBackend>;
  /** send feeds client lines one by one, logging each, as the world hands them over (smtpServerReader). */
  send(...lines: string[]): void;
  /**
   * sendChunk feeds raw octets through a LineFramer, as a TCP segment holding several lines would arrive, and hands
   * them over by smtpServerReader, as bindLineSession does.
   */
  sendChunk(octets: string): void;
  /** serverLines is what the server emitted, without the client's lines. */
  serverLines(): string[];
  state(): string;
}

/** startServer opens a session with the textbook hamburger.edu unless overridden, and logs the greeting. */
export function startServer(
  overrides: Partial<SmtpServerInput> = {},
  options: { clock?: SimulatedClock; backend?: MemoryBackendOptions; open?: boolean } = {},
): ServerUnderTest {
  const backend = memoryBackend(options.backend ?? HAMBURGER);
  const input: SmtpServerInput = {
    hostname: 'hamburger.edu',
    style: 'textbook',
    submission: false,
    maxSize: 10_000,
    maxRecipients: 5,
    backend,
    ...overrides,
  };
  const actor = createActor(smtpServerMachine, options.clock ? { input, clock: options.clock } : { input });
  const log: string[] = [];
  actor.on('line.send', (event) => log.push(`S: ${event.line}`));
  actor.on('connection.close', () => log.push('S: <close>'));
  actor.start();
  if (options.open !== false) actor.send({ type: 'connection.opened' });
  const framer = new LineFramer(1000);
  // Lines go in as the world hands them over (smtpServerReader), and a session that has ended hears nothing more.
  const read = (items: readonly FramedLine[]) => {
    for (let i = 0; i < items.length && actor.getSnapshot().status === 'active';) {
      const { event, count } = smtpServerReader(actor.getSnapshot(), items, i);
      actor.send(event);
      i += count;
    }
  };
  return {
    actor,
    log,
    backend,
    send(...lines) {
      for (const line of lines) {
        log.push(`C: ${line}`);
        read([{ kind: 'line', line }]);
      }
    },
    sendChunk(octets) {
      read(framer.push(octets));
    },
    serverLines: () => log.filter((entry) => entry.startsWith('S: ')).map((entry) => entry.slice(3)),
    state: () => JSON.stringify(actor.getSnapshot().value),
  };
}

/** transcript splits a script of "C: " and "S: " lines, ignoring indentation and blank lines (a trailing space, as in "334 ", is kept). */
export function transcript(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.trimStart())
    .filter((line) => line !== '');
}

/** converse plays the script's client lines into a new server and returns the log, to compare with the script. */
export function converse(script: string, overrides: Partial<SmtpServerInput> = {}): string[] {
  const server = startServer(overrides);
  for (const entry of transcript(script)) if (entry.startsWith('C: ')) server.send(entry.slice(3));
  return server.log;
}
