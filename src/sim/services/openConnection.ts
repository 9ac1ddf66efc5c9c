// Opening a connection from a simulated host: the one place that describes it in the trace (`conn.opened`, with
// client, server, port and protocol) before its SYN leaves, so no view has to guess who opened it.
import type { Network } from '../../net/network.ts';
import type { Socket } from '../../net/socket.ts';
import type { HostId } from '../../net/types.ts';
import { protocolForPort } from '../protocolForPort.ts';
import type { UnstampedEvent } from '../trace.ts';

/** openConnection connects `host` to `addr`:`port` and writes `conn.opened` just before the SYN. */
export function openConnection(
  network: Network,
  emit: (event: UnstampedEvent) => void,
  host: HostId,
  addr: string,
  port: number,
): Socket {
  return network.connect(host, addr, port, (conn, local, remote) =>
    emit({
      kind: 'conn.opened',
      conn,
      client: local.host,
      server: remote.host,
      port,
      protocol: protocolForPort(port),
    }),
  );
}
