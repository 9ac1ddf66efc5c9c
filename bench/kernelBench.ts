// Kernel and TCP throughput: how fast the simulation's foundation runs on this machine.
import { Network } from '../src/net/network.ts';
import { Kernel } from '../src/sim/kernel.ts';
import { round, timeIt, type Metric } from './measure.ts';

const EVENTS = 200_000;
const CONNECTIONS = 2_000;

// Each callback schedules its successor a pseudo-random distance ahead, keeping ~1,000 entries pending,
// which is about what a classroom world holds.
function kernelEvents(): void {
  const kernel = new Kernel(1);
  let left = EVENTS;
  const tick = () => {
    if (left-- > 0) kernel.schedule(kernel.now() + 1 + kernel.random() * 1000, tick);
  };
  for (let i = 0; i < 1000; i++) kernel.schedule(i, tick);
  kernel.runUntilQuiet(Number.MAX_SAFE_INTEGER);
}

// Connections one after another: open, 1 KB each way, close from both sides, through TIME-WAIT.
function tcpConnections(): void {
  const kernel = new Kernel(2);
  const net = new Network(
    kernel,
    [
      { id: 'client', addr: '192.0.2.1' },
      { id: 'server', addr: '192.0.2.2' },
    ],
    [{ id: 'wire', a: 'client', b: 'server', latency: 5, jitter: 0, loss: 0 }],
  );
  const kilobyte = 'k'.repeat(1024);
  net.listen('server', 25, (socket) => {
    socket.write(kilobyte);
    socket.onEvent((e) => e.type === 'end' && socket.close());
  });
  let opened = 0;
  const open = () => {
    if (opened++ >= CONNECTIONS) return;
    const socket = net.connect('client', '192.0.2.2', 25);
    socket.write(kilobyte);
    let got = 0;
    socket.onEvent((e) => {
      if (e.type === 'data' && (got += e.data.length) >= 1024) socket.close();
      if (e.type === 'end') open();
    });
  };
  open();
  kernel.runUntilQuiet(Number.MAX_SAFE_INTEGER);
  if (opened <= CONNECTIONS) throw new Error(`only ${opened} connections completed`);
}

/** kernelBench measures kernel callbacks per second and complete TCP connections per second. */
export function kernelBench(): Metric[] {
  const eventsMs = timeIt(kernelEvents);
  const tcpMs = timeIt(tcpConnections, 3);
  return [
    { name: 'kernel-events-per-second', value: round((EVENTS / eventsMs) * 1000), unit: 'events/s' },
    {
      name: 'tcp-connections-per-second',
      value: round((CONNECTIONS / tcpMs) * 1000),
      unit: 'connections/s',
      note: 'open, 1 KB each way, close, over virtual TCP',
    },
  ];
}
