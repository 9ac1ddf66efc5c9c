// The trace's packets as a libpcap capture file, for Wireshark and tshark: each TCP segment and UDP datagram as an
// IPv4 packet with its real headers and checksums, stamped with the virtual clock from the scenario's calendar start.
// Segments are captured as they are sent, retransmissions and later-lost ones included, as a capture on the
// sender's interface would see them. DNS travels in the lab as readable text; here it is RFC 1035's binary form.
import { decodeDnsMessage } from '../protocols/dns/dnsMessage.ts';
import { encodeDnsWire } from '../protocols/dns/dnsWire.ts';
import type { EventOf, Trace, TraceEvent } from './trace.ts';

/** LINKTYPE_RAW says each record is an IP packet with no link-layer header (tcpdump.org link-layer types). */
const LINKTYPE_RAW = 101;
const SNAPLEN = 262_144;
const DNS_PORT = 53;
const TTL = 64;
const PROTO_TCP = 6;
const PROTO_UDP = 17;

/** Packet is one captured IPv4 packet: when it was sent (virtual ms) and its octets. */
export interface Packet {
  readonly t: number;
  readonly bytes: Uint8Array;
}

/** CaptureScope is what a capture holds: every packet, or one TCP connection's segments. */
export type CaptureScope = { readonly conn: string } | 'all';

type Carried = EventOf<'tcp.segment'> | EventOf<'udp.datagram'>;

function carried(event: TraceEvent, scope: CaptureScope): event is Carried {
  if (event.kind === 'tcp.segment') return scope === 'all' || event.conn === scope.conn;
  return event.kind === 'udp.datagram' && scope === 'all';
}

/** countPackets is how many packets a capture of `trace` in `scope` holds, without building them. */
export function countPackets(trace: Trace, scope: CaptureScope = 'all'): number {
  let count = 0;
  for (const event of trace) if (carried(event, scope)) count++;
  return count;
}

/** tracePackets builds the IPv4 packets of `trace` in `scope`, in trace order. */
export function tracePackets(trace: Trace, scope: CaptureScope = 'all'): Packet[] {
  const ids = new Map<string, number>();
  const packets: Packet[] = [];
  for (const event of trace) {
    if (!carried(event, scope)) continue;
    // Each sender numbers its datagrams (RFC 791's Identification), as a real stack does.
    const id = ids.get(event.from.addr) ?? 0;
    ids.set(event.from.addr, (id + 1) & 0xffff);
    const transport = event.kind === 'tcp.segment' ? tcpSegment(event) : udpDatagram(event);
    packets.push({
      t: event.t,
      bytes: ipv4(
        event.from.addr,
        event.to.addr,
        event.kind === 'tcp.segment' ? PROTO_TCP : PROTO_UDP,
        id,
        transport,
      ),
    });
  }
  return packets;
}

/**
 * tracePcap writes `trace`'s packets in `scope` as a libpcap file (microsecond timestamps, little-endian), time 0
 * of the trace falling at `startsAt` (ms since the Unix epoch, the scenario's calendar start).
 */
export function tracePcap(
  trace: Trace,
  startsAt: number,
  scope: CaptureScope = 'all',
): Uint8Array<ArrayBuffer> {
  const packets = tracePackets(trace, scope);
  const size = 24 + packets.reduce((sum, p) => sum + 16 + p.bytes.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xa1b2c3d4, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setInt32(8, 0, true);
  view.setUint32(12, 0, true);
  view.setUint32(16, SNAPLEN, true);
  view.setUint32(20, LINKTYPE_RAW, true);
  let offset = 24;
  for (const packet of packets) {
    const micros = Math.round((startsAt + packet.t) * 1000);
    view.setUint32(offset, Math.floor(micros / 1_000_000), true);
    view.setUint32(offset + 4, micros % 1_000_000, true);
    view.setUint32(offset + 8, packet.bytes.length, true);
    view.setUint32(offset + 12, packet.bytes.length, true);
    out.set(packet.bytes, offset + 16);
    offset += 16 + packet.bytes.length;
  }
  return out;
}

// Payloads are octets as a binary string, one char a byte (net/types.ts).
function octets(payload: string): Uint8Array {
  return Uint8Array.from(payload, (c) => c.charCodeAt(0) & 0xff);
}

function address(dotted: string): number[] {
  const parts = dotted.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255))
    throw new Error(`not an IPv4 address: ${dotted}`);
  return parts;
}

// RFC 1071: the ones' complement of the ones' complement sum of 16-bit words.
function checksum(...parts: Uint8Array[]): number {
  let sum = 0;
  for (const bytes of parts) {
    for (let i = 0; i < bytes.length; i += 2) sum += ((bytes[i] as number) << 8) | (bytes[i + 1] ?? 0);
  }
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

// The pseudo-header TCP and UDP checksums cover (RFC 793 §3.1, RFC 768); parts are summed as one run of words,
// so every part but the last must have an even length (the pseudo-header and the transport header do).
function pseudoHeader(src: string, dst: string, protocol: number, length: number): Uint8Array {
  return Uint8Array.from([...address(src), ...address(dst), 0, protocol, length >>> 8, length & 0xff]);
}

function put16(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = (value >>> 8) & 0xff;
  bytes[at + 1] = value & 0xff;
}

function put32(bytes: Uint8Array, at: number, value: number): void {
  put16(bytes, at, (value >>> 16) & 0xffff);
  put16(bytes, at + 2, value & 0xffff);
}

// RFC 793 §3.1; the only option is the MSS a SYN announces (kind 2, length 4).
const FLAG_BITS = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 } as const;

function tcpSegment(e: EventOf<'tcp.segment'>): Uint8Array {
  const payload = octets(e.payload);
  const options = e.mss === undefined ? [] : [2, 4, e.mss >>> 8, e.mss & 0xff];
  const headerLength = 20 + options.length;
  const segment = new Uint8Array(headerLength + payload.length);
  put16(segment, 0, e.from.port);
  put16(segment, 2, e.to.port);
  put32(segment, 4, e.seqNo >>> 0);
  const acks = e.flags.includes('ACK');
  // Without ACK the acknowledgment field is not in use and a real stack leaves it zero.
  put32(segment, 8, acks ? e.ackNo >>> 0 : 0);
  segment[12] = (headerLength / 4) << 4;
  segment[13] = e.flags.reduce((bits, flag) => bits | FLAG_BITS[flag], 0);
  put16(segment, 14, Math.min(e.window, 0xffff));
  segment.set(options, 20);
  segment.set(payload, headerLength);
  put16(segment, 16, checksum(pseudoHeader(e.from.addr, e.to.addr, PROTO_TCP, segment.length), segment));
  return segment;
}

function udpDatagram(e: EventOf<'udp.datagram'>): Uint8Array {
  const dns = e.from.port === DNS_PORT || e.to.port === DNS_PORT ? decodeDnsMessage(e.payload) : null;
  const payload = dns ? encodeDnsWire(dns) : octets(e.payload);
  const datagram = new Uint8Array(8 + payload.length);
  put16(datagram, 0, e.from.port);
  put16(datagram, 2, e.to.port);
  put16(datagram, 4, datagram.length);
  datagram.set(payload, 8);
  // RFC 768: a computed checksum of zero is sent as all ones (zero means "none").
  put16(
    datagram,
    6,
    checksum(pseudoHeader(e.from.addr, e.to.addr, PROTO_UDP, datagram.length), datagram) || 0xffff,
  );
  return datagram;
}

// RFC 791 §3.1: version 4, a 20-octet header, don't fragment.
function ipv4(src: string, dst: string, protocol: number, id: number, payload: Uint8Array): Uint8Array {
  const packet = new Uint8Array(20 + payload.length);
  packet[0] = 0x45;
  put16(packet, 2, packet.length);
  put16(packet, 4, id);
  put16(packet, 6, 0x4000);
  packet[8] = TTL;
  packet[9] = protocol;
  packet.set(address(src), 12);
  packet.set(address(dst), 16);
  put16(packet, 10, checksum(packet.subarray(0, 20)));
  packet.set(payload, 20);
  return packet;
}
