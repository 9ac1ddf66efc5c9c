// The SMTP machines' readers: a command goes in as the command it is, the lines that arrived together as one event
// where the chart allows it, and the machines answer exactly as they do plain lines, however the octets were cut.
import fc from 'fast-check';
import { createActor, type InspectionEvent } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LineFramer } from '../../../../src/protocols/shared/lineFramer.ts';
import { smtpClientReader } from '../../../../src/protocols/smtp/smtpClientMachine.ts';
import { smtpServerMachine, smtpServerReader } from '../../../../src/protocols/smtp/smtpServerMachine.ts';
import { ALICE, startClient } from './clientHarness.ts';
import { HAMBURGER, startServer } from './serverHarness.ts';
import { memoryBackend } from '../../../../src/protocols/smtp/memoryBackend.ts';
import { cutAt } from '../../../support/segments.ts';

const OPEN = 'EHLO crepes.fr\r\nMAIL FROM:<alice@crepes.fr>\r\nRCPT TO:<bob@hamburger.edu>\r\nDATA\r\n';

/** eventsSent counts the events a server session is sent when `octets` arrive in one segment after `before`. */
function serverEventsFor(before: string, octets: string): string[] {
  const types: string[] = [];
  const server = startServer({ style: 'modern' });
  server.sendChunk(before);
  server.actor.system.inspect({
    next: (event: InspectionEvent) => {
      if (event.type === '@xstate.event' && event.sourceRef === undefined) types.push(event.event.type);
    },
  });
  server.sendChunk(octets);
  return types;
}

describe('the server in DATA', () => {
  it('takes the message lines of one segment as one event, up to the final dot', () => {
    expect(serverEventsFor(OPEN, 'one\r\ntwo\r\n..three\r\n.\r\nQUIT\r\n')).toEqual([
      'lines.received',
      'line.received',
      'command.quit',
    ]);
  });

  it('takes every command line alone, as the command it is, since each is answered before the next is read', () => {
    expect(serverEventsFor('', OPEN)).toEqual([
      'command.helo',
      'command.mail',
      'command.rcpt',
      'command.data',
    ]);
  });

  it('answers the final dot and a pipelined QUIT in the same segment in order', () => {
    const server = startServer({ style: 'modern' });
    server.sendChunk(OPEN);
    server.sendChunk('Hello\r\nWorld\r\n.\r\nQUIT\r\n');
    expect(server.serverLines().slice(-3)).toEqual([
      '250 2.0.0 Ok: queued as Q00001',
      '221 2.0.0 Bye',
      '<close>',
    ]);
    expect(server.backend.accepted[0]?.data).toBe('Hello\r\nWorld\r\n');
  });

  it('refuses a message whose line in the middle of a run is over the limit, as it does one sent alone', () => {
    const server = startServer({ style: 'modern' });
    server.sendChunk(OPEN);
    server.sendChunk(`fine\r\n${'x'.repeat(999)}\r\nfine again\r\n.\r\n`);
    expect(server.serverLines().at(-1)).toBe('554 5.6.0 Error: message line too long');
    expect(server.backend.accepted).toEqual([]);
  });

  it('makes no run outside DATA, nor one past a line over the framer limit, nor one of a SASL exchange', () => {
    const framer = new LineFramer(20);
    const items = framer.push(`one\r\n${'y'.repeat(30)}\r\ntwo\r\n.\r\n`);
    const inData = { hasTag: (tag: string) => tag === 'receivingData' };
    const identified = { hasTag: (tag: string) => tag === 'identified' };
    const authenticating = { hasTag: (tag: string) => tag === 'authenticating' };
    expect([0, 1, 2, 3].map((from) => smtpServerReader(inData, items, from).count)).toEqual([1, 1, 1, 1]);
    expect(smtpServerReader(inData, items, 1).event).toEqual({ type: 'line.overlong' });
    expect(smtpServerReader(identified, framer.push('NOOP\r\nb\r\n'), 0)).toMatchObject({
      event: { type: 'command.noop', answering: 'NOOP' },
      count: 1,
    });
    expect(smtpServerReader(authenticating, framer.push('Ym9i\r\nNOOP\r\n'), 0)).toEqual({
      event: { type: 'line.received', line: 'Ym9i' },
      count: 1,
    });
    expect(smtpServerReader(inData, framer.push('a\r\nb\r\nc\r\n.\r\n'), 0).count).toBe(3);
  });
});

describe('a session cut into segments anywhere', () => {
  const line = fc.oneof(
    fc.stringMatching(/^[ -~]{0,40}$/),
    fc.constantFrom('.', '..', '.x', 'QUIT', 'MAIL FROM:<x@y>', 'x'.repeat(999), 'a\nb'),
  );
  it('gives the server the same replies and message as plain lines one at a time', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 8 }), (body, at) => {
        const octets = `${OPEN}${body.map((l) => `${l}\r\n`).join('')}.\r\nNOOP\r\nQUIT\r\n`;
        // The machine's plain contract: each line a line.received, commands read inside the chart.
        const lineByLine = startServer({ style: 'modern' });
        for (const l of octets.split('\r\n').slice(0, -1))
          if (lineByLine.actor.getSnapshot().status === 'active')
            lineByLine.actor.send({ type: 'line.received', line: l });
        const segmented = startServer({ style: 'modern' });
        for (const segment of cutAt(octets, at)) segmented.sendChunk(segment);
        expect(segmented.serverLines()).toEqual(lineByLine.serverLines());
        expect(segmented.backend.accepted).toEqual(lineByLine.backend.accepted);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the client the same commands and outcome as one reply line an event', () => {
    const replies = [
      '220 hamburger.edu ESMTP',
      '250-hamburger.edu',
      '250-PIPELINING',
      '250-SIZE 10240000',
      '250 8BITMIME',
      '250 2.1.0 Ok',
      '250 2.1.5 Ok',
      '354 End data with <CR><LF>.<CR><LF>',
      '250 2.0.0 Ok: queued as Q1',
      '221 2.0.0 Bye',
    ];
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 8 }), (at) => {
        const lineByLine = startClient();
        lineByLine.reply(...replies);
        const segmented = startClient();
        for (const segment of cutAt(replies.map((r) => `${r}\r\n`).join(''), at))
          segmented.replyChunk(segment);
        expect(segmented.log.filter((l) => l.startsWith('C: '))).toEqual(
          lineByLine.log.filter((l) => l.startsWith('C: ')),
        );
        expect(segmented.output()).toEqual(lineByLine.output());
      }),
      { numRuns: 100 },
    );
  });
});

describe('the client', () => {
  it('reads a multi-line reply that arrived in one segment as the reply it makes, ending at its last line', () => {
    const items = new LineFramer(4096).push('250-a\r\n250-b\r\n250 c\r\n421 bye\r\n');
    const fresh = { context: { partial: null } };
    expect(smtpClientReader(fresh, items, 0)).toEqual({
      event: { type: 'reply.received', reply: { code: 250, lines: ['a', 'b', 'c'] } },
      count: 3,
    });
    expect(smtpClientReader(fresh, items, 3)).toEqual({
      event: { type: 'reply.closing', reply: { code: 421, lines: ['bye'] } },
      count: 1,
    });
  });

  it('hands over as lines a reply cut across segments, and one whose lines break RFC 5321 §4.2.1', () => {
    const framer = new LineFramer(4096);
    const halfRead = { context: { partial: { code: 250, lines: ['hamburger.edu'] } } };
    expect(smtpClientReader(halfRead, framer.push('250 HELP\r\n'), 0).event).toEqual({
      type: 'lines.received',
      lines: ['250 HELP'],
    });
    const fresh = { context: { partial: null } };
    expect(smtpClientReader(fresh, framer.push('250-a\r\n'), 0).event.type).toBe('lines.received');
    expect(smtpClientReader(fresh, framer.push('250-a\r\n251 b\r\n'), 0).event.type).toBe('lines.received');
    expect(smtpClientReader(fresh, framer.push('hello\r\n'), 0).event.type).toBe('lines.received');
  });

  it('reads a reply cut across two segments as one, and goes on with the next whole one', () => {
    const client = startClient({ style: 'modern' });
    client.replyChunk('220 hamburger.edu ESMTP\r\n250-hamburger.edu\r\n250-PIPE');
    client.replyChunk('LINING\r\n250 HELP\r\n');
    expect(client.log.filter((l) => l.startsWith('C: '))).toEqual([
      'C: EHLO crepes.fr',
      'C: MAIL FROM:<alice@crepes.fr>',
      'C: RCPT TO:<bob@hamburger.edu>',
    ]);
  });

  it('gives up on a run whose lines change code midway, as it does line by line (RFC 5321 §4.2.1)', () => {
    const client = startClient();
    client.replyChunk('220 hamburger.edu ESMTP\r\n');
    client.replyChunk('250-hamburger.edu\r\n251-PIPELINING\r\n250 8BITMIME\r\n');
    expect(client.output()?.session.ended).toBe('protocolError');
    expect(client.log.at(-1)).toBe('C: <close>');
  });

  it('takes a 421 at the end of a run as the server closing', () => {
    const client = startClient({ ...ALICE });
    client.replyChunk('220 hamburger.edu ESMTP\r\n');
    client.replyChunk('421-hamburger.edu going down\r\n421 4.3.2 Service shutting down\r\n');
    expect(client.output()?.session.ended).toBe('serviceClosing');
  });
});

describe('the server machine fed by hand', () => {
  it('reads commands from plain lines and stores a run of message lines in order', () => {
    const backend = memoryBackend(HAMBURGER);
    const input = {
      hostname: 'hamburger.edu',
      style: 'modern' as const,
      submission: false,
      maxSize: 1000,
      maxRecipients: 5,
      backend,
    };
    const actor = createActor(smtpServerMachine, { input }).start();
    actor.send({ type: 'connection.opened' });
    for (const line of ['EHLO crepes.fr', 'MAIL FROM:<a@b>', 'RCPT TO:<bob@hamburger.edu>', 'DATA'])
      actor.send({ type: 'line.received', line });
    actor.send({ type: 'lines.received', lines: ['one', '..two', 'three'] });
    actor.send({ type: 'line.received', line: '.' });
    expect(backend.accepted[0]?.data).toBe('one\r\n.two\r\nthree\r\n');
  });
});
