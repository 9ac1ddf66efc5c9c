import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { record, twoHosts } from '../unit/net/netHarness.ts';

// Enough retries that loss alone never ends the connection; the property is about order and completeness.
const patient = { synRetries: 40, dataRetries: 40, maxRtoMs: 4000 };

describe('TCP over an unreliable link', () => {
  it('delivers every byte in order, both ways, whatever the latency, jitter, loss and write sizes', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          latency: fc.integer({ min: 1, max: 200 }),
          jitter: fc.integer({ min: 0, max: 100 }),
          loss: fc.double({ min: 0, max: 0.4, noNaN: true }),
          mss: fc.integer({ min: 1, max: 600 }),
          fromClient: fc.array(fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 700 }), {
            maxLength: 6,
          }),
          fromServer: fc.array(fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 700 }), {
            maxLength: 6,
          }),
        }),
        ({ seed, latency, jitter, loss, mss, fromClient, fromServer }) => {
          const h = twoHosts({ seed, link: { latency, jitter, loss }, tcp: { ...patient, mss } });
          const client = record(h.net.connect('client', '192.0.2.2', 80));
          for (const chunk of fromClient) client.socket.write(chunk);
          h.kernel.runUntil(1);
          // The server writes as soon as it has accepted, then both close; a FIN must never overtake data.
          let t = 1;
          while (h.accepted.length === 0 && t < 3_600_000) h.kernel.runUntil((t += 1000));
          const server = h.accepted[0];
          expect(server).toBeDefined();
          for (const chunk of fromServer) server?.socket.write(chunk);
          server?.socket.close();
          client.socket.close();
          h.kernel.runUntilQuiet(24 * 3_600_000);
          expect(server?.received).toBe(fromClient.join(''));
          expect(client.received).toBe(fromServer.join(''));
          expect(client.error).toBeNull();
          expect(server?.error).toBeNull();
          expect(client.socket.state()).toBe('CLOSED');
          expect(server?.socket.state()).toBe('CLOSED');
        },
      ),
      { numRuns: 150 },
    );
  });
});
