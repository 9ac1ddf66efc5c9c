// A world built from a scenario: the network, the services each host runs, terminals, and the faults and
// inputs that change it. A world only moves forward; the session replays a new one to go back.
import { Network } from '../net/network.ts';
import type { HostId } from '../net/types.ts';
import { DnsResolver } from './dns/dnsResolver.ts';
import { startDnsServer } from './dns/dnsServer.ts';
import { Zone } from './dns/zone.ts';
import { Terminal } from './hosts/terminal.ts';
import type { Fault, Input } from './input.ts';
import type { Kernel } from './kernel.ts';
import type { HostSpec, Scenario } from './scenario.ts';
import { startEchoService } from './services/echoService.ts';
import type { ServiceContext } from './services/service.ts';

/** World is the running simulation of one scenario on one kernel. */
export class World {
  readonly scenario: Scenario;
  readonly network: Network;
  readonly #kernel: Kernel;
  readonly #terminals = new Map<HostId, Terminal>();
  readonly #hosts = new Map<HostId, HostSpec>();
  readonly #resolvers = new Map<HostId, DnsResolver>();
  readonly #zone: Zone;
  readonly #dnsServer: { host: HostId; addr: string } | null;

  constructor(scenario: Scenario, kernel: Kernel) {
    this.scenario = scenario;
    this.#kernel = kernel;
    this.network = new Network(
      kernel,
      scenario.hosts.map((h) => ({ id: h.id, addr: h.address, ...(h.tcp ? { tcp: h.tcp } : {}) })),
      scenario.links.map((l) => ({
        id: l.id,
        a: l.between[0],
        b: l.between[1],
        latency: l.latency,
        jitter: l.jitter,
        loss: l.loss,
      })),
    );
    this.#zone = new Zone(scenario.hosts, scenario.dns.records);
    const server = scenario.hosts.find((h) => h.services.some((s) => s.type === 'dns'));
    this.#dnsServer = server ? { host: server.id, addr: server.address } : null;
    for (const host of scenario.hosts) {
      this.#hosts.set(host.id, host);
      this.#startServices(host);
    }
  }

  /** resolver is a host's stub resolver, which asks the world's DNS server (or, with none, its own table). */
  resolver(host: HostId): DnsResolver {
    let resolver = this.#resolvers.get(host);
    if (!resolver) {
      resolver = new DnsResolver(host, this.network, this.#kernel, this.#dnsServer, this.#zone);
      this.#resolvers.set(host, resolver);
    }
    return resolver;
  }

  /** apply carries out one input now. */
  apply(input: Input): void {
    switch (input.type) {
      case 'terminal.open':
        return this.#terminal(input.host).open(input.target, input.port);
      case 'terminal.type':
        return this.#terminal(input.host).type(input.text);
      case 'terminal.close':
        return this.#terminal(input.host).close();
      case 'fault':
        return this.inject(input.fault);
    }
  }

  /** inject applies a fault now. */
  inject(fault: Fault): void {
    switch (fault.type) {
      case 'host.down':
        this.network.setHostUp(fault.host, false);
        this.#terminals.delete(fault.host);
        this.#resolvers.delete(fault.host);
        return;
      case 'host.up': {
        const wasUp = this.network.isHostUp(fault.host);
        this.network.setHostUp(fault.host, true);
        const spec = this.#hosts.get(fault.host);
        if (!wasUp && spec) this.#startServices(spec);
        return;
      }
      case 'link.down':
        return this.network.setLinkUp(fault.link, false);
      case 'link.up':
        return this.network.setLinkUp(fault.link, true);
      case 'link.set': {
        const { link, latency, jitter, loss } = fault;
        return this.network.setLinkConditions(link, {
          ...(latency !== undefined ? { latency } : {}),
          ...(jitter !== undefined ? { jitter } : {}),
          ...(loss !== undefined ? { loss } : {}),
        });
      }
    }
  }

  #terminal(host: HostId): Terminal {
    let terminal = this.#terminals.get(host);
    if (!terminal) {
      terminal = new Terminal(host, this.network, this.resolver(host), (e) => this.#kernel.emit(e));
      this.#terminals.set(host, terminal);
    }
    return terminal;
  }

  #startServices(host: HostSpec): void {
    const ctx: ServiceContext = {
      host: host.id,
      network: this.network,
      kernel: this.#kernel,
      resolver: () => this.resolver(host.id),
      calendarTime: (t) => this.scenario.startsAt + t,
      emit: (e) => this.#kernel.emit(e),
    };
    for (const service of host.services) {
      switch (service.type) {
        case 'echo':
          startEchoService(ctx, service.port);
          break;
        case 'dns':
          startDnsServer(this.network, host.id, this.#zone);
          break;
      }
    }
  }
}
