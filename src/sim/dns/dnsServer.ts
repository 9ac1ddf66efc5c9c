// A DNS server host: answers queries on UDP port 53 from the world's zone. A malformed query gets FORMERR.
import type { Network } from '../../net/network.ts';
import type { HostId } from '../../net/types.ts';
import { decodeDnsMessage, encodeDnsMessage } from '../../protocols/dns/dnsMessage.ts';
import type { Zone } from './zone.ts';

/** DNS_PORT is the well-known port of DNS (RFC 1035 §4.2.1). */
export const DNS_PORT = 53;

/** startDnsServer binds port 53 on `host` and answers every query from `zone`. */
export function startDnsServer(network: Network, host: HostId, zone: Zone): void {
  network.bindUdp(host, DNS_PORT, (datagram) => {
    const message = decodeDnsMessage(datagram.payload);
    if (message?.kind !== 'query') {
      const formerr = {
        kind: 'response',
        id: 0,
        name: '',
        type: 'A',
        rcode: 'FORMERR',
        answers: [],
      } as const;
      network.sendDatagram(host, DNS_PORT, datagram.src.addr, datagram.src.port, encodeDnsMessage(formerr));
      return;
    }
    const response = zone.answer(message.id, message.name, message.type);
    network.sendDatagram(
      host,
      DNS_PORT,
      datagram.src.addr,
      datagram.src.port,
      encodeDnsMessage({ kind: 'response', ...response }),
    );
  });
}
