// The TCP connection state diagram of RFC 793 §3.2 (figure 6) as an XState machine: the lab draws it, and every
// endpoint runs it as a table compiled from it (tcpChart.ts). It decides states only; the endpoint's control block
// (tcpEndpoint.ts) does the sequence-number arithmetic and reports what a segment meant.
import { assertEvent, setup } from 'xstate';
import type { SocketError } from './types.ts';

/** TcpOps is what the chart asks its endpoint to do on a transition; the endpoint owns segments and timers. */
export interface TcpOps {
  sendSyn(): void;
  sendSynAck(): void;
  sendAck(): void;
  /** queueFin asks for a FIN once all written data has been sent (RFC 793 §3.5). */
  queueFin(): void;
  sendRst(): void;
  connected(): void;
  peerClosed(): void;
  failed(error: SocketError): void;
}

/**
 * TcpMachineEvent is what moves the chart: calls from the application (`app.*`), facts the control block
 * found in an arriving segment (`segment.*`), and the retransmission timer giving up.
 */
export type TcpMachineEvent =
  | { type: 'app.connect' }
  | { type: 'app.listen' }
  | { type: 'app.close' }
  | { type: 'app.abort' }
  | { type: 'segment.syn' }
  | { type: 'segment.synAck' }
  | { type: 'segment.ackOfSyn' }
  | { type: 'segment.fin' }
  | { type: 'segment.finAcked' }
  | { type: 'segment.rst'; error: SocketError }
  | { type: 'timer.giveUp' };

/** TcpMachineInput is given when an endpoint starts: its operations and twice the maximum segment lifetime. */
export interface TcpMachineInput {
  ops: TcpOps;
  timeWaitMs: number;
}

/** tcpMachine is one TCP endpoint's state, from CLOSED through the handshake, data transfer and close. */
export const tcpMachine = setup({
  types: {
    context: {} as TcpMachineInput,
    input: {} as TcpMachineInput,
    events: {} as TcpMachineEvent,
  },
  actions: {
    sendSyn: ({ context }) => context.ops.sendSyn(),
    sendSynAck: ({ context }) => context.ops.sendSynAck(),
    sendAck: ({ context }) => context.ops.sendAck(),
    queueFin: ({ context }) => context.ops.queueFin(),
    sendRst: ({ context }) => context.ops.sendRst(),
    announceConnected: ({ context }) => context.ops.connected(),
    announcePeerClosed: ({ context }) => context.ops.peerClosed(),
    announceReset: ({ context, event }) => {
      assertEvent(event, 'segment.rst');
      context.ops.failed(event.error);
    },
    announceTimeout: ({ context }) => context.ops.failed('timeout'),
  },
  delays: {
    twoMsl: ({ context }) => context.timeWaitMs,
  },
}).createMachine({
  id: 'tcp',
  context: ({ input }) => input,
  initial: 'CLOSED',
  // A reset or an exhausted retransmission ends the connection from any synchronised state (RFC 793 §3.4, §3.7).
  states: {
    CLOSED: {
      on: {
        'app.connect': { target: 'SYN-SENT', actions: 'sendSyn' },
        'app.listen': { target: 'LISTEN' },
      },
    },
    LISTEN: {
      on: {
        'segment.syn': { target: 'SYN-RECEIVED', actions: 'sendSynAck' },
        'app.close': { target: 'CLOSED' },
      },
    },
    'SYN-SENT': {
      on: {
        'segment.synAck': { target: 'ESTABLISHED', actions: ['sendAck', 'announceConnected'] },
        // Simultaneous open (RFC 793 figure 8): a SYN without our ACK.
        'segment.syn': { target: 'SYN-RECEIVED', actions: 'sendSynAck' },
        'segment.rst': { target: 'CLOSED', actions: 'announceReset' },
        'app.close': { target: 'CLOSED' },
        'app.abort': { target: 'CLOSED' },
        'timer.giveUp': { target: 'CLOSED', actions: 'announceTimeout' },
      },
    },
    'SYN-RECEIVED': {
      on: {
        'segment.ackOfSyn': { target: 'ESTABLISHED', actions: 'announceConnected' },
        'segment.fin': { target: 'CLOSE-WAIT', actions: ['announceConnected', 'announcePeerClosed'] },
        'segment.rst': { target: 'CLOSED', actions: 'announceReset' },
        'app.close': { target: 'FIN-WAIT-1', actions: 'queueFin' },
        'app.abort': { target: 'CLOSED', actions: 'sendRst' },
        'timer.giveUp': { target: 'CLOSED', actions: 'announceTimeout' },
      },
    },
    ESTABLISHED: {
      tags: ['open'],
      on: {
        'app.close': { target: 'FIN-WAIT-1', actions: 'queueFin' },
        'segment.fin': { target: 'CLOSE-WAIT', actions: 'announcePeerClosed' },
        'segment.rst': { target: 'CLOSED', actions: 'announceReset' },
        'app.abort': { target: 'CLOSED', actions: 'sendRst' },
        'timer.giveUp': { target: 'CLOSED', actions: 'announceTimeout' },
      },
    },
    'FIN-WAIT-1': {
      tags: ['closing'],
      on: {
        'segment.finAcked': { target: 'FIN-WAIT-2' },
        // Simultaneous close (RFC 793 figure 14).
        'segment.fin': { target: 'CLOSING', actions: 'announcePeerClosed' },
        'segment.rst': { target: 'CLOSED', actions: 'announceReset' },
        'app.abort': { target: 'CLOSED', actions: 'sendRst' },
        'timer.giveUp': { target: 'CLOSED', actions: 'announceTimeout' },
      },
    },
    'FIN-WAIT-2': {
      tags: ['closing'],
      on: {
        'segment.fin': { target: 'TIME-WAIT', actions: 'announcePeerClosed' },
        'segment.rst': { target: 'CLOSED', actions: 'announceReset' },
        'app.abort': { target: 'CLOSED', actions: 'sendRst' },
      },
    },
    'CLOSE-WAIT': {
      tags: ['open'],
      on: {
        'app.close': { target: 'LAST-ACK', actions: 'queueFin' },
        'segment.rst': { target: 'CLOSED', actions: 'announceReset' },
        'app.abort': { target: 'CLOSED', actions: 'sendRst' },
        'timer.giveUp': { target: 'CLOSED', actions: 'announceTimeout' },
      },
    },
    CLOSING: {
      tags: ['closing'],
      on: {
        'segment.finAcked': { target: 'TIME-WAIT' },
        'segment.rst': { target: 'CLOSED' },
        'timer.giveUp': { target: 'CLOSED', actions: 'announceTimeout' },
      },
    },
    'LAST-ACK': {
      tags: ['closing'],
      on: {
        'segment.finAcked': { target: 'CLOSED' },
        'segment.rst': { target: 'CLOSED' },
        'timer.giveUp': { target: 'CLOSED', actions: 'announceTimeout' },
      },
    },
    // Wait long enough that the peer has our last ACK and stray segments of this connection have died (§3.5).
    'TIME-WAIT': {
      tags: ['closing'],
      after: { twoMsl: { target: 'CLOSED' } },
    },
  },
});
