// What a network service on a simulated host gets to work with: its host, the network, the kernel's time,
// the host's resolver, and the trace.
import type { Network } from '../../net/network.ts';
import type { HostId } from '../../net/types.ts';
import type { DnsResolver } from '../dns/dnsResolver.ts';
import type { Kernel } from '../kernel.ts';
import type { EmittedEvent } from '../trace.ts';
import type { HttpFaults } from './httpFaults.ts';

/** ServiceContext is handed to a service when its host starts, and again after each restart. */
export interface ServiceContext {
  readonly host: HostId;
  readonly network: Network;
  readonly kernel: Kernel;
  /** resolver is the host's DNS resolver (a function: a restart gives the host a fresh one). */
  resolver(): DnsResolver;
  /** calendarTime turns virtual ms into ms since the Unix epoch, for Date and Received fields. */
  calendarTime(t: number): number;
  /** zoneOffsetMinutes is the scenario's offset from UTC for written dates (+540 for +09:00); 0 when absent. */
  readonly zoneOffsetMinutes?: number;
  /** httpFaults are a teacher's forced HTTP responses on this host, which serveHttp consults; absent, none. */
  readonly httpFaults?: HttpFaults;
  emit(event: EmittedEvent): void;
}
