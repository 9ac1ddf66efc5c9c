// A transcript harness for pop3ServerMachine: feeds client lines and records every line in order, as "C: …" for
// what the client sent and "S: …" for what the server emitted, with "S: <close>" when it asks to close.
import { createActor } from 'xstate';
import { onSentLine } from '../../../../src/protocols/sentLines.ts';
import type { Actor, SimulatedClock } from 'xstate';
import type { ServerLineFacts } from '../../../../src/protocols/shared/lineFacts.ts';
import { memoryMaildrop } from '../../../../src/protocols/pop3/memoryMaildrop.ts';
import type { MemoryMaildrop, MemoryMaildropOptions } from '../../../../src/protocols/pop3/memoryMaildrop.ts';
import { COMMAND_LINE_MAX } from '../../../../src/protocols/pop3/limits.ts';
import { pop3ServerMachine, pop3ServerReader } from '../../../../src/protocols/pop3/pop3ServerMachine.ts';
import { LineFramer, type FramedLine } from '../../../../src/protocols/shared/lineFramer.ts';
import type { Pop3ServerInput } from '../../../../src/protocols/pop3/pop3ServerMachine.ts';
import type { Pop3ClientInput } from '../../../../src/protocols/pop3/pop3ClientMachine.ts';

/** RFC_TIMESTAMP is the greeting timestamp of RFC 1939 §7 and §10. */
export const RFC_TIMESTAMP = '<1896.697170952@dbc.mtview.ca.us>';

/** RFC_DIGEST is MD5 of RFC_TIMESTAMP followed by mrose's secret "tanstaaf" (RFC 1939 §7). */
export const RFC_DIGEST = 'c4c9334bac560ecc979e58001b3e22fb';

/**
 * messageOfSize writes a message of exactly `size` octets (CRLF counted), so that transcripts can show the sizes
 * of RFC 1939's examples; its subject tells it apart.
 */
export function messageOfSize(size: number, subject: string): string {
  const head = `Subject: ${subject}\r\n\r\n`;
  const room = size - head.length - 2;
  if (room < 0) throw new RangeError(`messageOfSize: ${size} octets is too few`);
  return `${head}${'x'.repeat(room)}\r\n`;
}

/** MROSE_CLIENT is mrose's mail reader as RFC 1939's examples log in: USER and PASS, deleting what it retrieves. */
export const MROSE_CLIENT: Pop3ClientInput = {
  user: 'mrose',
  password: 'secret',
  apop: false,
  seen: [],
  deleteRetrieved: true,
};

/** MROSE is the maildrop of RFC 1939's examples: mrose, password "secret", APOP secret "tanstaaf", 120 + 200 octets. */
export function mrose(messages: MemoryMaildropOptions['accounts'][string]['messages'] = undefined) {
  return {
    accounts: {
      mrose: {
        password: 'secret',
        apopSecret: 'tanstaaf',
        messages: messages ?? [messageOfSize(120, 'first'), messageOfSize(200, 'second')],
      },
    },
  } satisfies MemoryMaildropOptions;
}

/** ServerUnderTest is a started server session with its transcript. */
export interface ServerUnderTest {
  readonly actor: Actor<typeof pop3ServerMachine>;
  readonly log: string[];
  readonly facts: ServerLineFacts[];
  readonly maildrop: MemoryMaildrop;
  /** send feeds client lines one by one, logging each, as the world hands them over (pop3ServerReader). */
  send(...lines: string[]): void;
  /**
   * sendChunk feeds raw octets through a LineFramer, as a TCP segment holding several lines would arrive, and hands
   * them over by pop3ServerReader, as bindLineSession does. It does not log them.
   */
  sendChunk(octets: string): void;
  /** serverLines is what the server emitted, without the client's lines. */
  serverLines(): string[];
  state(): string;
}

/** startServer opens a session of the RFC's "dewey" server on the mrose maildrop unless told otherwise. */
export function startServer(
  overrides: Partial<Pop3ServerInput> = {},
  options: { clock?: SimulatedClock; maildrop?: MemoryMaildrop; open?: boolean } = {},
): ServerUnderTest {
  const maildrop = options.maildrop ?? memoryMaildrop(mrose());
  const input: Pop3ServerInput = { hostname: 'dewey', timestamp: RFC_TIMESTAMP, maildrop, ...overrides };
  const actor = createActor(pop3ServerMachine, options.clock ? { input, clock: options.clock } : { input });
  const log: string[] = [];
  const facts: ServerLineFacts[] = [];
  onSentLine<ServerLineFacts>(actor, (event) => {
    log.push(`S: ${event.line}`);
    facts.push(event.facts);
  });
  actor.on('connection.close', () => log.push('S: <close>'));
  actor.start();
  if (options.open !== false) actor.send({ type: 'connection.opened' });
  const framer = new LineFramer(COMMAND_LINE_MAX);
  // Lines go in as the world hands them over (pop3ServerReader), and a session that has ended hears nothing more.
  const read = (items: readonly FramedLine[]) => {
    for (let i = 0; i < items.length && actor.getSnapshot().status === 'active';) {
      const { event, count } = pop3ServerReader(actor.getSnapshot(), items, i);
      actor.send(event);
      i += count;
    }
  };
  return {
    actor,
    log,
    facts,
    maildrop,
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

/** transcript splits a script of "C: " and "S: " lines, ignoring indentation and blank lines. */
export function transcript(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.trimStart())
    .filter((line) => line !== '');
}

/** converse plays the script's client lines into a server and returns the log, to compare with the script. */
export function converse(script: string, server: ServerUnderTest = startServer()): string[] {
  for (const entry of transcript(script)) if (entry.startsWith('C: ')) server.send(entry.slice(3));
  return server.log;
}
