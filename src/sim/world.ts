// A world built from a scenario: the network, the services each host runs (echo, DNS, mail), user agents,
// terminals, and the faults and inputs that change it. A world only moves forward; the session replays a
// new one to go back.
import { Network, type NetworkState } from '../net/network.ts';
import type { HostId } from '../net/types.ts';
import { DnsResolver, type ResolverState } from './dns/dnsResolver.ts';
import { startDnsServer } from './dns/dnsServer.ts';
import { Zone } from './dns/zone.ts';
import { Terminal } from './hosts/terminal.ts';
import { faultTarget } from './faultLife.ts';
import { Browser } from './web/browser.ts';
import type { Fault, Input, InputOrigin } from './input.ts';
import type { Kernel } from './kernel.ts';
import type { TimerTag } from './timerTag.ts';
import { MailServer, type MailServerState } from './mail/mailServer.ts';
import type { RetryPolicy } from './mail/retryPolicy.ts';
import { UserAgent, type UserAgentState } from './mail/userAgent.ts';
import type { HostSpec, Scenario } from './scenario.ts';
import { startEchoService } from './services/echoService.ts';
import { HttpFaults, type HttpReplyFault } from './services/httpFaults.ts';
import type { ServiceContext } from './services/service.ts';
import { WebmailService } from './webmail/webmailService.ts';

/** FaultEnding ends a lasting fault; it says whether it did (false when something newer had taken over). */
export type FaultEnding = () => boolean;

function once(remove: () => void): FaultEnding {
  let done = false;
  return () => {
    if (done) return false;
    done = true;
    remove();
    return true;
  };
}

/**
 * WorldState is a world at a quiet moment, as data: the network, the faults' generations, and every host's
 * services (see World.checkpoint). With the kernel's state and the input log it makes the world again.
 */
export interface WorldState {
  readonly network: NetworkState;
  readonly generation: number;
  readonly latest: readonly (readonly [string, number])[];
  readonly httpFaults: readonly (readonly [HostId, readonly { fault: HttpReplyFault; seen: number }[]])[];
  readonly resolvers: readonly (readonly [HostId, ResolverState])[];
  readonly mailServers: readonly (readonly [HostId, MailServerState])[];
  readonly userAgents: readonly (readonly [HostId, UserAgentState])[];
}

// Lasting faults whose end is a matter of data (what they broke and their generation); the counted ones end by
// removing their own entry, a closure, so no checkpoint is taken while one waits to end.
const ENDS_AS_DATA: ReadonlySet<Fault['type']> = new Set([
  'host.down',
  'service.down',
  'link.down',
  'link.set',
]);

/** endsAsData tells whether a lasting fault's end can wait in a checkpoint (see World.endingOf). */
export function endsAsData(fault: Fault): boolean {
  return ENDS_AS_DATA.has(fault.type);
}

/** World is the running simulation of one scenario on one kernel. */
export class World {
  readonly scenario: Scenario;
  readonly network: Network;
  readonly #kernel: Kernel;
  readonly #terminals = new Map<HostId, Terminal>();
  readonly #browsers = new Map<HostId, Browser>();
  readonly #hosts = new Map<HostId, HostSpec>();
  readonly #contexts = new Map<HostId, ServiceContext>();
  readonly #resolvers = new Map<HostId, DnsResolver>();
  readonly #mailServers = new Map<HostId, MailServer>();
  readonly #userAgents = new Map<HostId, UserAgent>();
  readonly #webmails = new Map<HostId, WebmailService>();
  readonly #zone: Zone;
  readonly #dnsServer: { host: HostId; addr: string } | null;
  /** #latest is, for each thing a fault acts on (faultTarget), the generation of the last fault that did. */
  readonly #latest = new Map<string, number>();
  #generation = 0;

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
      const ctx = this.#context(host.id);
      if (host.mail) this.#mailServers.set(host.id, new MailServer(ctx, mailConfig(host)));
      if (host.userAgent) this.#userAgents.set(host.id, new UserAgent(ctx, host.userAgent));
      this.#startServices(host);
    }
  }

  /** generation counts the faults injected so far; the last one injected has this generation. */
  get generation(): number {
    return this.#generation;
  }

  /**
   * checkpoint is the world as data, or null when it is not quiet: a connection open in any state but TIME-WAIT,
   * a session, a lookup or a delivery in flight, or something a checkpoint does not keep (a terminal or browser
   * someone used, a webmail someone logged in to, a user agent that read mail over IMAP).
   */
  checkpoint(): WorldState | null {
    if (this.#terminals.size > 0 || this.#browsers.size > 0) return null;
    for (const webmail of this.#webmails.values()) if (!webmail.untouched) return null;
    const network = this.network.state();
    if (network === null) return null;
    const resolvers: [HostId, ResolverState][] = [];
    for (const [host, resolver] of this.#resolvers) {
      const state = resolver.state();
      if (state === null) return null;
      resolvers.push([host, state]);
    }
    const mailServers: [HostId, MailServerState][] = [];
    for (const [host, server] of this.#mailServers) {
      const state = server.state();
      if (state === null) return null;
      mailServers.push([host, state]);
    }
    const userAgents: [HostId, UserAgentState][] = [];
    for (const [host, agent] of this.#userAgents) {
      const state = agent.state();
      if (state === null) return null;
      userAgents.push([host, state]);
    }
    const httpFaults: [HostId, { fault: HttpReplyFault; seen: number }[]][] = [];
    for (const [host, ctx] of this.#contexts)
      if (ctx.httpFaults) httpFaults.push([host, ctx.httpFaults.entries()]);
    return {
      network,
      generation: this.#generation,
      latest: [...this.#latest],
      httpFaults,
      resolvers,
      mailServers,
      userAgents,
    };
  }

  /**
   * restore sets a world just built on a resumed kernel to `state`, without a word in the trace. Pending timers
   * are armed afterwards, one by one in the checkpoint's order, through `rearm`.
   */
  restore(state: WorldState): void {
    this.network.restore(state.network);
    for (const { id, up } of state.network.hosts) {
      if (up) continue;
      this.#resolvers.delete(id);
      this.#webmails.delete(id);
    }
    this.#generation = state.generation;
    this.#latest.clear();
    for (const [target, generation] of state.latest) this.#latest.set(target, generation);
    for (const [host, faults] of state.httpFaults) this.#context(host).httpFaults?.load(faults);
    for (const [host, resolver] of state.resolvers) this.resolver(host).restore(resolver);
    for (const [host, server] of state.mailServers) this.#mailServers.get(host)?.restore(server);
    for (const [host, agent] of state.userAgents) this.#userAgents.get(host)?.restore(agent);
  }

  /** rearm arms again a world timer that a checkpoint kept: a message's next attempt or a TIME-WAIT's end. */
  rearm(tag: TimerTag, at: number): void {
    switch (tag.kind) {
      case 'queue.attempt':
        return this.#mailServers.get(tag.host)?.queue.rearm(tag.queueId, at);
      case 'tcp.timeWait':
        return this.network.armTimeWait(tag.host, tag.conn, at);
      case 'input':
      case 'fault.end':
        throw new Error(`World.rearm: a ${tag.kind} timer is the session's`);
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

  /** mailServer is the mail server running on a host, if it runs one. */
  mailServer(host: HostId): MailServer | undefined {
    return this.#mailServers.get(host);
  }

  /** webmail is the webmail service running on a host now, if it runs one and is up. */
  webmail(host: HostId): WebmailService | undefined {
    return this.#webmails.get(host);
  }

  /** apply carries out one input now; `by` (who did it) is written on what the person's act sends at once. */
  apply(input: Input, by?: InputOrigin): void {
    // A host that is down has nobody at its keyboard: what is typed or sent there does nothing.
    if (input.type !== 'fault' && !this.network.isHostUp(input.host)) return;
    switch (input.type) {
      case 'terminal.open':
        return this.#terminal(input.host).open(input.target, input.port, by);
      case 'terminal.type':
        return this.#terminal(input.host).type(input.text, by);
      case 'terminal.close':
        return this.#terminal(input.host).close();
      case 'mail.send': {
        const { type: _type, host, ...draft } = input;
        this.#userAgents.get(host)?.send(draft, by);
        return;
      }
      case 'mail.fetch': {
        const { type: _type, host, ...request } = input;
        this.#userAgents.get(host)?.fetch(request);
        return;
      }
      case 'mail.open': {
        const { type: _type, host, ...request } = input;
        return this.#userAgents.get(host)?.read({ kind: 'open', ...request });
      }
      case 'mail.delete': {
        const { type: _type, host, ...request } = input;
        return this.#userAgents.get(host)?.read({ kind: 'delete', ...request });
      }
      case 'mail.move': {
        const { type: _type, host, ...request } = input;
        return this.#userAgents.get(host)?.read({ kind: 'move', ...request });
      }
      case 'mail.flag': {
        const { type: _type, host, ...request } = input;
        return this.#userAgents.get(host)?.read({ kind: 'flag', ...request });
      }
      case 'mail.search': {
        const { type: _type, host, ...request } = input;
        return this.#userAgents.get(host)?.read({ kind: 'search', ...request });
      }
      case 'web.open':
        return this.#browser(input.host).open(input.url);
      case 'web.login':
        return this.#browser(input.host).login(input.user, input.password);
      case 'web.read':
        return this.#browser(input.host).read(input.uid, input.folder);
      case 'web.send': {
        const { type: _type, host, ...draft } = input;
        return this.#browser(host).send(draft);
      }
      case 'fault':
        this.inject(input.fault);
        return;
    }
  }

  /**
   * inject applies a fault now. For a fault that stays in force it returns what ends it, which undoes it only
   * while it is still the last word on what it broke: a host brought up and taken down again since then stays
   * down, a link set again since keeps the newer setting. Faults that act once return null.
   */
  inject(fault: Fault): FaultEnding | null {
    const target = faultTarget(fault);
    const generation = this.#generation + 1;
    this.#generation = generation;
    if (target !== null) this.#latest.set(target, generation);
    switch (fault.type) {
      case 'host.down': {
        // A shutdown lets the mail server say 421 first; a crash just stops (RFC 5321 §3.8).
        this.#mailServers.get(fault.host)?.stop(fault.mode === 'shutdown');
        this.network.setHostUp(fault.host, false);
        this.#terminals.delete(fault.host);
        this.#browsers.delete(fault.host);
        this.#resolvers.delete(fault.host);
        this.#webmails.delete(fault.host);
        return this.endingOf(fault, generation);
      }
      case 'host.up': {
        const wasUp = this.network.isHostUp(fault.host);
        this.network.setHostUp(fault.host, true);
        const spec = this.#hosts.get(fault.host);
        if (!wasUp && spec) this.#startServices(spec);
        return null;
      }
      case 'service.down':
        this.#mailServers.get(fault.host)?.stop(true);
        return this.endingOf(fault, generation);
      case 'service.up':
        if (this.network.isHostUp(fault.host)) this.#mailServers.get(fault.host)?.start();
        return null;
      case 'smtp.reply': {
        const remove = this.#mailServers.get(fault.host)?.addFault({
          stage: fault.stage,
          code: fault.code,
          every: fault.every ?? 1,
          ...(fault.text !== undefined ? { text: fault.text } : {}),
        });
        return remove ? once(remove) : null;
      }
      case 'smtp.dropFinalReply':
        this.#mailServers.get(fault.host)?.dropFinalReplies(fault.count ?? 1);
        return null;
      case 'smtp.normal':
        this.#mailServers.get(fault.host)?.clearFaults();
        return null;
      case 'pop3.reply': {
        const remove = this.#mailServers.get(fault.host)?.addPop3Fault({
          command: fault.command,
          every: fault.every ?? 1,
          ...(fault.text !== undefined ? { text: fault.text } : {}),
        });
        return remove ? once(remove) : null;
      }
      case 'pop3.normal':
        this.#mailServers.get(fault.host)?.clearPop3Faults();
        return null;
      case 'imap.reply': {
        const remove = this.#mailServers.get(fault.host)?.addImapFault({
          command: fault.command,
          every: fault.every ?? 1,
          ...(fault.text !== undefined ? { text: fault.text } : {}),
        });
        return remove ? once(remove) : null;
      }
      case 'imap.normal':
        this.#mailServers.get(fault.host)?.clearImapFaults();
        return null;
      case 'http.reply': {
        const remove = this.#context(fault.host).httpFaults?.add({
          status: fault.status,
          every: fault.every ?? 1,
          ...(fault.path !== undefined ? { path: fault.path } : {}),
          ...(fault.text !== undefined ? { text: fault.text } : {}),
        });
        return remove ? once(remove) : null;
      }
      case 'http.normal':
        this.#context(fault.host).httpFaults?.clear();
        return null;
      case 'queue.flush':
        this.#mailServers.get(fault.host)?.flushQueue();
        return null;
      case 'queue.connectionCache':
        this.#mailServers.get(fault.host)?.reuseConnections(fault.on);
        return null;
      case 'link.down':
        this.network.setLinkUp(fault.link, false);
        return this.endingOf(fault, generation);
      case 'link.up':
        this.network.setLinkUp(fault.link, true);
        return null;
      case 'link.set': {
        const { link, latency, jitter, loss } = fault;
        this.network.setLinkConditions(link, {
          ...(latency !== undefined ? { latency } : {}),
          ...(jitter !== undefined ? { jitter } : {}),
          ...(loss !== undefined ? { loss } : {}),
        });
        return this.endingOf(fault, generation);
      }
    }
  }

  /**
   * endingOf is what ends a fault of generation `generation` that acts on one thing (see endsAsData): it undoes
   * it only while it is still the last word on what it broke. Null for the other faults.
   */
  endingOf(fault: Fault, generation: number): FaultEnding | null {
    const target = faultTarget(fault);
    const ifLatest = (undo: () => void) => () => {
      if (target === null || this.#latest.get(target) !== generation) return false;
      undo();
      return true;
    };
    switch (fault.type) {
      case 'host.down':
        return ifLatest(() => this.inject({ type: 'host.up', host: fault.host }));
      case 'service.down':
        return ifLatest(() => this.inject({ type: 'service.up', host: fault.host, service: fault.service }));
      case 'link.down':
        return ifLatest(() => this.inject({ type: 'link.up', link: fault.link }));
      case 'link.set': {
        // When it ends, what it changed goes back to what the scenario says the link is like.
        const { link, latency, jitter, loss } = fault;
        const spec = this.scenario.links.find((l) => l.id === link);
        if (spec === undefined) return null;
        return ifLatest(() =>
          this.network.setLinkConditions(link, {
            ...(latency !== undefined ? { latency: spec.latency } : {}),
            ...(jitter !== undefined ? { jitter: spec.jitter } : {}),
            ...(loss !== undefined ? { loss: spec.loss } : {}),
          }),
        );
      }
      default:
        return null;
    }
  }

  // Any host can run a browser, as any host has a terminal: it appears when a person first uses it.
  #browser(host: HostId): Browser {
    let browser = this.#browsers.get(host);
    if (!browser) {
      browser = new Browser(this.#context(host));
      this.#browsers.set(host, browser);
    }
    return browser;
  }

  #terminal(host: HostId): Terminal {
    let terminal = this.#terminals.get(host);
    if (!terminal) {
      terminal = new Terminal(host, this.network, this.resolver(host), (e) => this.#kernel.emit(e));
      this.#terminals.set(host, terminal);
    }
    return terminal;
  }

  #context(host: HostId): ServiceContext {
    let ctx = this.#contexts.get(host);
    if (!ctx) {
      ctx = {
        host,
        network: this.network,
        kernel: this.#kernel,
        resolver: () => this.resolver(host),
        calendarTime: (t) => this.scenario.startsAt + t,
        zoneOffsetMinutes: this.scenario.zoneOffsetMinutes ?? 0,
        // The host's forced HTTP responses outlive its restarts, as a mail server's faults do.
        httpFaults: new HttpFaults(),
        emit: (e) => this.#kernel.emit(e),
      };
      this.#contexts.set(host, ctx);
    }
    return ctx;
  }

  #startServices(host: HostSpec): void {
    const ctx = this.#context(host.id);
    for (const service of host.services) {
      switch (service.type) {
        case 'echo':
          startEchoService(ctx, service.port);
          break;
        case 'dns':
          startDnsServer(this.network, host.id, this.#zone);
          break;
        case 'webmail': {
          const { port, server, domain } = service;
          this.#webmails.set(host.id, new WebmailService(ctx, { port, server, domain: domain ?? server }));
          break;
        }
      }
    }
    this.#mailServers.get(host.id)?.start();
  }
}

function mailConfig(host: HostSpec) {
  const mail = host.mail;
  if (!mail) throw new Error(`mailConfig: ${host.id} runs no mail server`);
  const r = mail.retry;
  const retry: RetryPolicy =
    r.policy === 'fixed'
      ? { kind: 'fixed', interval: r.interval, warnAfter: r.warnAfter, giveUpAfter: r.giveUpAfter }
      : {
          kind: 'backoff',
          min: r.min,
          max: r.max,
          warnAfter: r.warnAfter,
          giveUpAfter: r.giveUpAfter,
          ...(r.queueRunDelay === undefined ? {} : { queueRunDelay: r.queueRunDelay }),
        };
  return {
    domains: (mail.domains ?? [host.id]).map((d) => d.toLowerCase()),
    style: mail.style,
    clientStyle: mail.clientStyle,
    users: mail.users,
    retry,
    maxSize: mail.maxSize,
    maxRecipients: mail.maxRecipients,
    submission: mail.submission,
    trusted: mail.trusted,
    connectionCache: mail.connectionCache,
  };
}
