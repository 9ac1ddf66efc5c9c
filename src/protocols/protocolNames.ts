// The protocols of the registry by name alone: how people write each one and its well-known ports. Kept apart
// from the registry's machines and catalogues, so that a view can name a protocol without loading its engine.

/** ProtocolName names an application protocol of the registry. */
export type ProtocolName = 'smtp' | 'pop3' | 'imap' | 'http';

/** ProtocolNaming is what a view needs to name one protocol. */
export interface ProtocolNaming {
  readonly name: ProtocolName;
  /** title is the protocol's name as people write it (`SMTP`). */
  readonly title: string;
  /** ports are the well-known server ports (RFC 6335 registry), the default first. */
  readonly ports: readonly number[];
}

/** PROTOCOL_NAMES names every protocol of the registry. */
export const PROTOCOL_NAMES: { readonly [P in ProtocolName]: ProtocolNaming & { readonly name: P } } = {
  // 25 between servers (RFC 5321 §4.5.4.2 context), 587 for submission (RFC 6409 §3.1).
  smtp: { name: 'smtp', title: 'SMTP', ports: [25, 587] },
  // RFC 1939 §3.
  pop3: { name: 'pop3', title: 'POP3', ports: [110] },
  // RFC 3501 §2.1.
  imap: { name: 'imap', title: 'IMAP', ports: [143] },
  // RFC 9110 §4.2.1.
  http: { name: 'http', title: 'HTTP', ports: [80] },
};

const BY_PORT: ReadonlyMap<number, ProtocolName> = new Map(
  Object.values(PROTOCOL_NAMES).flatMap((entry) => entry.ports.map((port) => [port, entry.name] as const)),
);

/** protocolForPort names the protocol of the registry usually spoken on a server port, or null for any other. */
export function protocolForPort(port: number): ProtocolName | null {
  return BY_PORT.get(port) ?? null;
}
