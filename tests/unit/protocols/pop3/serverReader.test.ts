// The POP3 server's reader: a command line goes in as the command it is, one event, and the server answers exactly
// as it does plain lines one at a time, however the octets were cut.
import fc from 'fast-check';
import type { InspectionEvent } from 'xstate';
import { describe, expect, it } from 'vitest';
import { COMMAND_LINE_MAX } from '../../../../src/protocols/pop3/limits.ts';
import { pop3ServerReader } from '../../../../src/protocols/pop3/pop3ServerMachine.ts';
import { LineFramer } from '../../../../src/protocols/shared/lineFramer.ts';
import { RFC_DIGEST, startServer } from './serverHarness.ts';
import { cutAt } from '../../../support/segments.ts';

// The events a server session is sent from outside when `octets` arrive in one segment.
function eventsFor(octets: string): string[] {
  const types: string[] = [];
  const server = startServer();
  server.actor.system.inspect({
    next: (event: InspectionEvent) => {
      if (event.type === '@xstate.event' && event.sourceRef === undefined) types.push(event.event.type);
    },
  });
  server.sendChunk(octets);
  return types;
}

// Microsteps the session takes for `octets` arriving in one segment.
function microstepsFor(octets: string): number {
  let microsteps = 0;
  const server = startServer();
  server.actor.system.inspect({
    next: (event: InspectionEvent) => {
      if (event.type === '@xstate.microstep') microsteps += 1;
    },
  });
  server.sendChunk(octets);
  return microsteps;
}

describe('the server reading one segment', () => {
  it('takes every command line alone, as the command it is, each answered before the next is read', () => {
    expect(eventsFor('USER mrose\r\nPASS secret\r\nSTAT\r\nRETR 1\r\nQUIT\r\n')).toEqual([
      'command.user',
      'command.pass',
      'command.stat',
      'command.retr',
      'command.quit',
    ]);
  });

  it('spends one microstep on a command it answers without moving, not a line and a raised command', () => {
    expect(microstepsFor('NOOP\r\n')).toBe(1);
    expect(microstepsFor('USER mrose\r\nPASS secret\r\nSTAT\r\nLIST\r\n')).toBe(
      microstepsFor('USER mrose\r\nPASS secret\r\n') + 2,
    );
  });

  it('says which command it answers, for one the reader sent and for a line over the command limit alike', () => {
    const server = startServer();
    server.sendChunk(`USER mrose\r\nPASS secret\r\nXTND foo\r\n`);
    // A framer with a larger limit than the server's hands such a line over whole.
    server.send(`USER ${'m'.repeat(COMMAND_LINE_MAX)}`);
    expect(server.facts.slice(-2).map((facts) => facts.answers)).toEqual(['XTND', 'USER']);
  });
});

describe('pop3ServerReader', () => {
  const framer = new LineFramer(COMMAND_LINE_MAX);
  const anyState = { hasTag: () => false };

  it('reads a command line alone, as the command with the verb it answers', () => {
    expect(pop3ServerReader(anyState, framer.push(`APOP mrose ${RFC_DIGEST}\r\nSTAT\r\n`), 0)).toEqual({
      event: {
        type: 'command.apop',
        command: { verb: 'APOP', name: 'mrose', digest: RFC_DIGEST },
        answering: 'APOP',
      },
      count: 1,
    });
  });

  it('hands over a line over the command limit as the line it is, and one over the framer limit as overlong', () => {
    const long = 'x'.repeat(COMMAND_LINE_MAX - 1);
    expect(pop3ServerReader(anyState, [{ kind: 'line', line: long }], 0)).toEqual({
      event: { type: 'line.received', line: long },
      count: 1,
    });
    expect(
      pop3ServerReader(anyState, framer.push(`${'y'.repeat(COMMAND_LINE_MAX + 10)}\r\nSTAT\r\n`), 0),
    ).toEqual({
      event: { type: 'line.overlong' },
      count: 1,
    });
  });
});

describe('a client stream cut into segments anywhere', () => {
  const command = fc.oneof(
    fc.constantFrom(
      'USER mrose',
      'PASS secret',
      'PASS wrong',
      `APOP mrose ${RFC_DIGEST}`,
      'STAT',
      'LIST',
      'LIST 2',
      'UIDL',
      'RETR 1',
      'TOP 2 0',
      'DELE 1',
      'RSET',
      'NOOP',
      'CAPA',
      'XTND',
      'RETR x',
      'QUIT',
      'x'.repeat(COMMAND_LINE_MAX),
    ),
    fc.stringMatching(/^[ -~]{0,20}$/),
  );
  it('gives the same responses, facts and maildrop as plain lines one at a time', () => {
    fc.assert(
      fc.property(
        fc.array(command, { maxLength: 14 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (commands, at) => {
          const octets = commands.map((line) => `${line}\r\n`).join('');
          // The machine's plain contract: each framed line a line.received, commands read inside the chart.
          const lineByLine = startServer();
          for (const item of new LineFramer(COMMAND_LINE_MAX).push(octets))
            if (lineByLine.actor.getSnapshot().status === 'active')
              lineByLine.actor.send(
                item.kind === 'line' ? { type: 'line.received', line: item.line } : { type: 'line.overlong' },
              );
          const segmented = startServer();
          for (const segment of cutAt(octets, at)) segmented.sendChunk(segment);
          expect(segmented.serverLines()).toEqual(lineByLine.serverLines());
          expect(segmented.facts).toEqual(lineByLine.facts);
          expect(segmented.maildrop.messages('mrose')).toEqual(lineByLine.maildrop.messages('mrose'));
          expect(segmented.actor.getSnapshot().value).toEqual(lineByLine.actor.getSnapshot().value);
        },
      ),
      { numRuns: 200 },
    );
  });
});
