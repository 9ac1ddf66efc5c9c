// What a packet on the map says it carries, for a presenter's class at the back of the room: the first protocol
// line's verb or reply code, TCP's flags when it carries no line, a DNS question's type. Read from facts only.
import type { TcpFlag } from '../net/types.ts';
import type { AppLine, EventOf, TraceEvent } from '../sim/trace.ts';
import { segmentJourneys, segmentKey } from './sequenceArrows.ts';
import { wiresharkFlags } from './segmentLabel.ts';

/**
 * LineWord is the word that stands for one protocol line: a command's verb (`RCPT`, `.`, `GET`), a reply's code or
 * status (`250`, `+OK`, `NO`), or what a line that is not a command is (message text, a credential, a header field,
 * a line nobody parses, a reply without a status such as an IMAP untagged datum).
 */
export type LineWord =
  | { readonly kind: 'word'; readonly word: string }
  | { readonly kind: 'content'; readonly content: 'data' | 'sasl' | 'header' | 'raw' | 'reply' };

/**
 * PacketCaption is what a packet carries: protocol lines (the first line's word, and how many more ride with it),
 * only TCP control flags, or a DNS question (`answer` for the server's response) of a type.
 */
export type PacketCaption =
  | { readonly kind: 'lines'; readonly first: LineWord; readonly more: number }
  | { readonly kind: 'flags'; readonly flags: readonly TcpFlag[] }
  | { readonly kind: 'dns'; readonly qtype: string; readonly answer: boolean };

/** lineWord is the word that stands for a line, from the facts its sender wrote. */
export function lineWord(line: AppLine): LineWord {
  if (line.from === 'client') {
    if (line.verb !== undefined) return { kind: 'word', word: line.verb };
    return { kind: 'content', content: line.content ?? 'raw' };
  }
  if (line.code !== undefined) return { kind: 'word', word: String(line.code) };
  if (line.status !== undefined) return { kind: 'word', word: line.status };
  return { kind: 'content', content: line.reply === undefined ? 'raw' : 'reply' };
}

/** PacketCaptions maps a packet, named as `packetKey` names it, to its caption. */
export type PacketCaptions = ReadonlyMap<string, PacketCaption>;

/** packetKey names a packet by its kind and number, as the world's packets in flight are numbered. */
export function packetKey(kind: 'tcp' | 'udp', id: number): string {
  return `${kind}${id}`;
}

/**
 * packetCaptions captions every packet of the trace once: a data segment by the lines it carried (a line rides its
 * sender's next data segment, as segmentJourneys pairs them), any other segment by its flags, a datagram to or
 * from a resolver by the type of the question the host had just asked.
 */
export function packetCaptions(trace: readonly TraceEvent[]): PacketCaptions {
  const carried = segmentJourneys(trace).carried;
  const captions = new Map<string, PacketCaption>();
  const asked = new Map<string, EventOf<'dns.query'>>();
  for (const e of trace) {
    if (e.kind === 'dns.query') asked.set(e.host, e);
    else if (e.kind === 'tcp.segment') {
      const lines = carried.get(segmentKey(e));
      const first = lines?.[0];
      captions.set(
        packetKey('tcp', e.segment),
        first !== undefined && lines !== undefined
          ? { kind: 'lines', first: lineWord(first), more: lines.length - 1 }
          : { kind: 'flags', flags: wiresharkFlags(e.flags) },
      );
    } else if (e.kind === 'udp.datagram') {
      const query = asked.get(e.from.host);
      const answered = asked.get(e.to.host);
      if (query !== undefined && query.server === e.to.host)
        captions.set(packetKey('udp', e.datagram), { kind: 'dns', qtype: query.qtype, answer: false });
      else if (answered !== undefined && answered.server === e.from.host)
        captions.set(packetKey('udp', e.datagram), { kind: 'dns', qtype: answered.qtype, answer: true });
    }
  }
  return captions;
}
