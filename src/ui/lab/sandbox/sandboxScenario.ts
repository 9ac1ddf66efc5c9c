// The sandbox builder's draft of a world, and how it becomes a scenario: written out in the scenario format and
// validated by the same parser as any file, so the builder can never make a world a file could not describe.
import { parseScenario, type ScenarioResult } from '../../../sim/scenario.ts';

/** SandboxKind is a kind of host the builder offers. */
export type SandboxKind = 'user-agent' | 'mail-server' | 'dns-server' | 'router' | 'host';

/** SANDBOX_KINDS lists the kinds in the order the builder offers them. */
export const SANDBOX_KINDS: readonly SandboxKind[] = [
  'user-agent',
  'mail-server',
  'dns-server',
  'router',
  'host',
];

/** SandboxHost is one host of the draft; `users` is only read for mail servers, `agent` only for user agents. */
export interface SandboxHost {
  id: string;
  kind: SandboxKind;
  /** users is the comma-separated user names of a mail server. */
  users: string;
  agent: { address: string; server: string };
}

/** SandboxLink is one link of the draft, with its latency in ms. */
export interface SandboxLink {
  a: string;
  b: string;
  latency: number;
}

/** SandboxDraft is the whole world being built, host and link order kept so issue paths point at rows. */
export interface SandboxDraft {
  hosts: SandboxHost[];
  links: SandboxLink[];
}

const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/;

/** SANDBOX_NAME is the name a built world carries. */
export const SANDBOX_NAME = 'sandbox';

/**
 * sandboxSource writes a draft in the scenario format. Mail servers get textbook-style replies, an MX record
 * naming themselves, and trust their user agents (which submit on port 25, as in the textbook) to relay.
 */
export function sandboxSource(draft: SandboxDraft): object {
  const agentsOf = (server: string) =>
    draft.hosts.filter((h) => h.kind === 'user-agent' && h.agent.server === server).map((h) => h.id);
  const hosts = draft.hosts.map((h) => {
    const users = h.users
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean)
      .map((name) => ({ name }));
    const hasAgent = h.kind === 'user-agent' && (h.agent.address.trim() !== '' || h.agent.server !== '');
    return {
      id: h.id,
      kind: h.kind,
      ...(h.kind === 'mail-server'
        ? { mail: { style: 'textbook', users, trusted: agentsOf(h.id) } }
        : h.kind === 'dns-server'
          ? { services: [{ type: 'dns' }] }
          : {}),
      ...(hasAgent
        ? { userAgent: { address: h.agent.address.trim(), server: h.agent.server, port: 25 } }
        : {}),
    };
  });
  return {
    version: 1,
    name: SANDBOX_NAME,
    title: 'Sandbox',
    seed: 1,
    hosts,
    links: draft.links.map((l) => ({ between: [l.a, l.b], latency: l.latency })),
    dns: {
      records: draft.hosts
        // A bad host name is reported once, on the host, not again on its MX record.
        .filter((h) => h.kind === 'mail-server' && HOST_NAME.test(h.id))
        .map((h) => ({ name: h.id, type: 'MX', preference: 10, exchange: h.id })),
    },
  };
}

/** buildSandbox validates a draft as a scenario; issue paths (`hosts[2].id`) index the draft's rows. */
export function buildSandbox(draft: SandboxDraft): ScenarioResult {
  return parseScenario(sandboxSource(draft));
}
