// NodeSocket keeps the Socket contract of the virtual network over real loopback TCP: octets as binary strings,
// the peer's FIN as `end`, our own close as a FIN after the data, abort as a reset.
import { createServer, type Server, type Socket as NetSocket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocketEvent } from '../../src/net/socket.ts';
import { connectNodeSocket, type NodeSocket } from '../../src/bridge/nodeSocket.ts';

let server: Server;
let port: number;
let accepted: Promise<NetSocket>;
let acceptNext: (socket: NetSocket) => void;
const peers: NetSocket[] = [];

function expectConnection(): void {
  accepted = new Promise((resolve) => (acceptNext = resolve));
}

beforeAll(async () => {
  server = createServer({ allowHalfOpen: true }, (socket) => {
    peers.push(socket);
    acceptNext(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  for (const peer of peers) peer.destroy();
  await new Promise((resolve) => server.close(resolve));
});

function record(socket: NodeSocket): SocketEvent[] {
  const events: SocketEvent[] = [];
  socket.onEvent((e) => events.push(e));
  return events;
}

function until(events: SocketEvent[], type: SocketEvent['type']): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event`)), 5_000);
    const check = () => {
      if (events.some((e) => e.type === type)) {
        clearTimeout(timer);
        resolve();
      } else setTimeout(check, 5);
    };
    check();
  });
}

describe('NodeSocket', () => {
  it('carries every byte value both ways as one character per octet', async () => {
    expectConnection();
    const socket = await connectNodeSocket('127.0.0.1', port, 't1');
    const peer = await accepted;
    const events = record(socket);
    const octets = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
    const echoed = new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      peer.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        const all = Buffer.concat(chunks);
        if (all.length < 256) return;
        peer.end(all);
        resolve(all);
      });
    });
    socket.write(octets);
    expect([...(await echoed)]).toEqual(Array.from({ length: 256 }, (_, i) => i));
    await until(events, 'end');
    expect(events.flatMap((e) => (e.type === 'data' ? [e.data] : [])).join('')).toBe(octets);
    socket.close();
    await until(events, 'closed');
  });

  it('reports the peer’s FIN as end, waits in CLOSE-WAIT, and is closed after its own close', async () => {
    expectConnection();
    const socket = await connectNodeSocket('127.0.0.1', port, 't2');
    const peer = await accepted;
    const events = record(socket);
    expect(socket.state()).toBe('ESTABLISHED');
    expect(socket.remote).toEqual({ host: '127.0.0.1', addr: '127.0.0.1', port });
    peer.end();
    await until(events, 'end');
    expect(socket.state()).toBe('CLOSE-WAIT');
    const peerSawEnd = new Promise<void>((resolve) => peer.on('end', resolve));
    socket.close();
    await peerSawEnd;
    await until(events, 'closed');
    expect(events.map((e) => e.type)).toEqual(['end', 'closed']);
    expect(socket.state()).toBe('CLOSED');
  });

  it('sends a reset on abort, which the peer sees as ECONNRESET', async () => {
    expectConnection();
    const socket = await connectNodeSocket('127.0.0.1', port, 't3');
    const peer = await accepted;
    const events = record(socket);
    const peerError = new Promise<string | undefined>((resolve) =>
      peer.on('error', (error: NodeJS.ErrnoException) => resolve(error.code)),
    );
    socket.abort();
    expect(await peerError).toBe('ECONNRESET');
    await until(events, 'closed');
    expect(events.map((e) => e.type)).toEqual(['closed']);
  });

  it('rejects a connection to a port where nobody listens as refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(connectNodeSocket('127.0.0.1', freePort, 't4')).rejects.toThrow(/refused/);
  });
});
