import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import { Session } from '../../../src/sim/session.ts';
import type { EventOf, TraceEvent } from '../../../src/sim/trace.ts';
import { packetCaptions, packetKey, type PacketCaption } from '../../../src/timeline/packetCaption.ts';
import { captionText, topologyText } from '../../../src/ui/i18n/topologyText.ts';

function textbookTrace(): readonly TraceEvent[] {
  const scenario = builtinScenario('textbook');
  if (scenario === undefined) throw new Error('textbook is missing');
  const session = new Session(scenario);
  session.runUntilQuiet(600_000);
  return session.events;
}

const trace = textbookTrace();
const captions = packetCaptions(trace);
const segments = trace.filter((e): e is EventOf<'tcp.segment'> => e.kind === 'tcp.segment');
const captionOf = (e: EventOf<'tcp.segment'>): PacketCaption | undefined =>
  captions.get(packetKey('tcp', e.segment));

describe('a packet’s caption says what it carries, from the facts of the trace', () => {
  it('names the command verb a client’s segment carries and the reply code of the server’s answer', () => {
    const rcpt = trace.find((e) => e.kind === 'app.line' && e.verb === 'RCPT');
    if (rcpt === undefined || rcpt.kind !== 'app.line') throw new Error('no RCPT in the textbook');
    // The segment that leaves after the line from the same end of the same connection carries it.
    const carrier = segments.find(
      (s) => s.seq > rcpt.seq && s.conn === rcpt.conn && s.from.host === rcpt.host,
    );
    expect(carrier && captionOf(carrier)).toEqual({
      kind: 'lines',
      first: { kind: 'word', word: 'RCPT' },
      more: 0,
    });
    const reply = trace.find((e) => e.kind === 'app.line' && e.answers === 'RCPT');
    if (reply === undefined || reply.kind !== 'app.line') throw new Error('no reply to RCPT');
    const answer = segments.find(
      (s) => s.seq > reply.seq && s.conn === reply.conn && s.from.host === reply.host,
    );
    expect(answer && captionText(captionOf(answer) as PacketCaption, topologyText.en)).toBe('250');
  });

  it('calls the message text by what it is, in both languages, never by its words', () => {
    const data = trace.find((e) => e.kind === 'app.line' && e.content === 'data');
    if (data === undefined || data.kind !== 'app.line') throw new Error('no message text');
    const carrier = segments.find(
      (s) => s.seq > data.seq && s.conn === data.conn && s.from.host === data.host,
    );
    const caption = carrier && captionOf(carrier);
    expect(caption?.kind).toBe('lines');
    expect(captionText(caption as PacketCaption, topologyText.en)).toMatch(/^message text( \+\d+)?$/);
    expect(captionText(caption as PacketCaption, topologyText.ko)).toMatch(/^메시지 본문( \+\d+)?$/);
  });

  it('shows TCP’s flags on a segment that carries no line, in Wireshark’s order', () => {
    const synAck = segments.find((s) => s.flags.includes('SYN') && s.flags.includes('ACK'));
    expect(synAck && captionOf(synAck)).toEqual({ kind: 'flags', flags: ['SYN', 'ACK'] });
    const pureAck = segments.find((s) => s.bytes === 0 && s.flags.length === 1 && s.flags[0] === 'ACK');
    expect(pureAck && captionText(captionOf(pureAck) as PacketCaption, topologyText.en)).toBe('ACK');
  });

  it('asks and answers DNS by the question’s type', () => {
    const datagrams = trace.filter((e): e is EventOf<'udp.datagram'> => e.kind === 'udp.datagram');
    const texts = datagrams.map((d) => {
      const caption = captions.get(packetKey('udp', d.datagram));
      return caption === undefined ? null : captionText(caption, topologyText.en);
    });
    expect(texts.slice(0, 2)).toEqual(['DNS A?', 'DNS A answer']);
    expect(texts).toContain('DNS MX?');
    expect(texts).toContain('DNS MX answer');
  });

  it('captions every segment of the trace, none by wire text', () => {
    expect(segments.every((s) => captionOf(s) !== undefined)).toBe(true);
  });
});
