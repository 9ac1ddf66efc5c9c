// English, the catalogue every other language mirrors.
import type { Messages } from './messages.ts';

/** en is the English catalogue. */
export const en: Messages = {
  appName: 'Mail Lab',
  tagline: 'How Internet email works, one segment at a time',
  languageLabel: 'Language',
  eyebrow: 'Sequence diagram',
  documentTitle: (scenario) => `${scenario} · Sequence diagram · Mail Lab`,
  scenarios: {
    'tcp-demo': {
      title: 'A TCP connection, start to finish',
      description:
        'Alice’s PC opens a TCP connection to an echo service (RFC 862, port 7), sends three lines, gets each one back, and closes the connection.',
      hosts: { 'alice-pc': 'Alice’s PC', 'hamburger.edu': 'hamburger.edu' },
    },
  },
  diagramSummary: (hosts, segments) =>
    `Sequence diagram of ${hosts} hosts exchanging ${segments} TCP segments. Time runs downwards.`,
  hint: 'Time runs downwards. Sequence numbers are relative to each side’s first one; point at an arrow for the absolute values.',
  legend: {
    title: 'Legend',
    segment: 'TCP segment',
    dropped: 'Lost on the way',
    retransmission: 'Retransmission',
    state: 'TCP state',
    line: 'Line the segment carried',
  },
  phases: { handshake: ['3-way', 'handshake'], close: ['Closing the', 'connection'] },
  timeAxis: 'Time',
  later: (duration) => `${duration} later`,
  segment: {
    title: (segment, from, to) => `Segment #${segment}: ${from} → ${to}`,
    flags: (flags) => `Flags: ${flags}`,
    seq: (absolute, relative) => `Sequence number: ${absolute} (relative ${relative})`,
    ack: (absolute, relative) => `Acknowledgement number: ${absolute} (relative ${relative})`,
    sizes: (window, bytes) => `Window: ${window} · Data: ${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`,
    sent: (at) => `Sent at ${at}`,
    arrived: (at) => `arrived at ${at}`,
    dropped: (at, reason) => `lost at ${at}: ${reason}`,
    inFlight: 'still on its way',
    retransmission: 'Retransmission of data sent before',
    carried: 'Carried',
  },
  dropReasons: {
    loss: 'the link lost it',
    'link-down': 'the link was down',
    'host-down': 'the host was down',
    'no-route': 'no route to the host',
    'port-unreachable': 'nothing was listening on that port',
  },
  state: {
    initial: (state) => `${state} before the connection opens`,
    change: (from, to, at) => `${from} → ${to} at ${at}`,
  },
  footer:
    'Simulated in your browser by a deterministic kernel: the same scenario always gives the same trace.',
};
