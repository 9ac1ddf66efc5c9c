// The POP3 client's reader: a response that arrived whole goes in as the response it makes, one event, and the
// client does exactly what it does with plain lines one at a time, however the octets were cut.
import fc from 'fast-check';
import { createActor, type InspectionEvent } from 'xstate';
import { describe, expect, it } from 'vitest';
import { pop3ClientMachine, pop3ClientReader } from '../../../../src/protocols/pop3/pop3ClientMachine.ts';
import { LineFramer } from '../../../../src/protocols/shared/lineFramer.ts';
import { cutAt } from '../../../support/segments.ts';
import { MROSE_CLIENT } from './serverHarness.ts';

// A client fed server octets a segment at a time, the lines handed over by pop3ClientReader as bindLineSession does.
function startClient() {
  const actor = createActor(pop3ClientMachine, { input: MROSE_CLIENT });
  const sent: string[] = [];
  const events: string[] = [];
  actor.on('line.send', (event) => sent.push(event.line));
  actor.on('connection.close', () => sent.push('<close>'));
  actor.system.inspect({
    next: (event: InspectionEvent) => {
      if (event.type === '@xstate.event' && event.sourceRef === undefined) events.push(event.event.type);
    },
  });
  actor.start();
  actor.send({ type: 'connection.opened' });
  const framer = new LineFramer(4096);
  return {
    actor,
    sent,
    events,
    output: () => actor.getSnapshot().output,
    chunk(octets: string) {
      const items = framer.push(octets);
      for (let i = 0; i < items.length;) {
        const { event, count } = pop3ClientReader(actor.getSnapshot(), items, i);
        if (actor.getSnapshot().status === 'active') actor.send(event);
        i += count;
      }
    },
    line(line: string) {
      if (actor.getSnapshot().status === 'active') actor.send({ type: 'line.received', line });
    },
  };
}

const LOGIN = [
  '+OK POP3 server ready',
  '+OK mrose is a real hoopy frood',
  "+OK mrose's maildrop has 2 messages (22 octets)",
  '+OK 2 22',
];
const UIDL = ['+OK', '1 whqtswO00WBw418f9t5JxYwZ', '2 QhdPYR:00WBw1Ph7x7', '.'];
const LIST = ['+OK 2 messages (22 octets)', '1 11', '2 11', '.'];
const octetsOf = (lines: readonly string[]) => lines.map((line) => `${line}\r\n`).join('');

describe('the client reading one segment', () => {
  it('takes a multi-line response that arrived whole as one event, the response it makes', () => {
    const client = startClient();
    client.chunk(octetsOf([...LOGIN, ...UIDL]));
    expect(client.events.slice(-5)).toEqual([
      'response.ok',
      'response.ok',
      'response.ok',
      'response.ok',
      'response.ok',
    ]);
    client.events.length = 0;
    client.chunk(octetsOf([...LIST, '+OK 11 octets', 'one', '..dot', 'three', '.']));
    expect(client.events).toEqual(['response.ok', 'response.ok']);
    expect(client.sent.slice(-2)).toEqual(['RETR 1', 'DELE 1']);
  });

  it('takes the lines of a response cut across segments as one event a segment, and its end as the response', () => {
    const client = startClient();
    client.chunk(octetsOf([...LOGIN, ...UIDL, ...LIST]));
    client.events.length = 0;
    client.chunk(octetsOf(['+OK 11 octets', 'one', 'two']));
    client.chunk(octetsOf(['three', '..four']));
    client.chunk(octetsOf(['five', '.', '+OK message 1 deleted']));
    expect(client.events).toEqual(['lines.received', 'lines.received', 'lines.received', 'response.ok']);
    expect(client.actor.getSnapshot().context.retrieved[0]?.data).toBe(
      'one\r\ntwo\r\nthree\r\n.four\r\nfive\r\n',
    );
  });
});

describe('pop3ClientReader', () => {
  const framer = new LineFramer(40);
  const single = { hasTag: () => false, context: { partial: null } };
  const multi = { hasTag: (tag: string) => tag === 'multiLine', context: { partial: null } };

  it('reads a single-line response alone, even with more lines behind it', () => {
    expect(pop3ClientReader(single, framer.push('+OK 2 22\r\n+OK\r\n'), 0)).toEqual({
      event: { type: 'response.ok', response: { ok: true, text: '2 22', body: [] } },
      count: 1,
    });
  });

  it('reads a multi-line response up to its lone dot, and an -ERR alone where a body might follow', () => {
    const items = framer.push('+OK\r\n1 a\r\n..b\r\n.\r\n+OK next\r\n');
    expect(pop3ClientReader(multi, items, 0)).toEqual({
      event: { type: 'response.ok', response: { ok: true, text: '', body: ['1 a', '.b'] } },
      count: 4,
    });
    expect(pop3ClientReader(multi, framer.push('-ERR no\r\n1 a\r\n.\r\n'), 0)).toMatchObject({
      event: { type: 'response.err' },
      count: 1,
    });
  });

  it('hands over as lines what is not a whole response: a body cut short, or a line that is no status line', () => {
    expect(pop3ClientReader(multi, framer.push('+OK\r\n1 a\r\n'), 0)).toEqual({
      event: { type: 'lines.received', lines: ['+OK', '1 a'] },
      count: 2,
    });
    const open = { hasTag: () => true, context: { partial: { text: '', body: [] } } };
    expect(pop3ClientReader(open, framer.push('x\r\n.\r\n+OK\r\n'), 0)).toEqual({
      event: { type: 'lines.received', lines: ['x', '.'] },
      count: 2,
    });
    expect(pop3ClientReader(single, framer.push('hello\r\n+OK\r\n'), 0)).toEqual({
      event: { type: 'lines.received', lines: ['hello'] },
      count: 1,
    });
    expect(pop3ClientReader(multi, framer.push(`${'y'.repeat(50)}\r\n+OK\r\n`), 0)).toEqual({
      event: { type: 'line.overlong' },
      count: 1,
    });
  });
});

describe('a server stream cut into segments anywhere', () => {
  const bodyLine = fc.oneof(
    fc.stringMatching(/^[ -~]{0,40}$/),
    fc.constantFrom('..', '..x', '+OK', '-ERR', '...'),
  );
  const retr = fc.oneof(
    fc.array(bodyLine, { maxLength: 12 }).map((body) => ['+OK message follows', ...body, '.']),
    fc.constant(['-ERR no such message']),
  );
  const dele = fc.constantFrom(['+OK deleted'], ['-ERR no']);
  it('gives the client the same commands and outcome as one response line an event', () => {
    fc.assert(
      fc.property(
        fc.tuple(retr, dele, retr, dele),
        fc.constantFrom(['+OK bye'], ['-ERR not all removed'], ['garbage']),
        fc.array(fc.nat(), { maxLength: 10 }),
        ([retr1, dele1, retr2, dele2], quit, at) => {
          const lines = [...LOGIN, ...UIDL, ...LIST, ...retr1];
          // A refused RETR is not followed by DELE: the client moves on to the next message.
          if (retr1[0]?.startsWith('+OK')) lines.push(...dele1);
          lines.push(...retr2);
          if (retr2[0]?.startsWith('+OK')) lines.push(...dele2);
          lines.push(...quit);
          const lineByLine = startClient();
          for (const line of lines) lineByLine.line(line);
          const segmented = startClient();
          for (const segment of cutAt(octetsOf(lines), at)) segmented.chunk(segment);
          expect(segmented.sent).toEqual(lineByLine.sent);
          expect(segmented.output()).toEqual(lineByLine.output());
          expect(lineByLine.output()).toBeDefined();
        },
      ),
      { numRuns: 200 },
    );
  });
});
