// What a network service on a simulated host gets to work with: its host, the network and the trace.
import type { Network } from '../../net/network.ts';
import type { HostId } from '../../net/types.ts';
import type { UnstampedEvent } from '../trace.ts';

/** ServiceContext is handed to a service when its host starts, and again after each restart. */
export interface ServiceContext {
  readonly host: HostId;
  readonly network: Network;
  emit(event: UnstampedEvent): void;
}
