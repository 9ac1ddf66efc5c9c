// The one table of the application protocols Mail Lab speaks: each one's name, well-known ports, reply catalogue,
// session machines and the reader of lines a person types. The console, the views, the bridge and sim read it.
import type { AnyStateMachine } from 'xstate';
import { imapCatalogue } from './imap/catalogue.ts';
import { imapClientMachine } from './imap/imapClientMachine.ts';
import { imapServerMachine } from './imap/imapServerMachine.ts';
import { imapTypedLines } from './imap/typedLines.ts';
import { pop3Catalogue } from './pop3/catalogue.ts';
import { pop3ClientMachine } from './pop3/pop3ClientMachine.ts';
import { pop3ServerMachine } from './pop3/pop3ServerMachine.ts';
import { pop3TypedLines } from './pop3/typedLines.ts';
import { httpCatalogue } from './http/catalogue.ts';
import { httpClientMachine } from './http/httpClientMachine.ts';
import { httpServerMachine } from './http/httpServerMachine.ts';
import { httpTypedLines } from './http/typedLines.ts';
import type { TypedLineReader } from './shared/lineFacts.ts';
import { smtpCatalogue } from './smtp/catalogue.ts';
import { smtpClientMachine } from './smtp/smtpClientMachine.ts';
import { smtpServerMachine } from './smtp/smtpServerMachine.ts';
import { smtpTypedLines } from './smtp/typedLines.ts';

/** ProtocolName names an application protocol of the registry. */
export type ProtocolName = 'smtp' | 'pop3' | 'imap' | 'http';

/** CatalogueEntry is one catalogued reply: its id (`smtp.rcpt.ok`) and its code or status. */
export interface CatalogueEntry {
  readonly id: string;
  readonly code?: number;
  readonly status?: string;
}

/** ProtocolEntry is what the registry knows of one protocol. */
export interface ProtocolEntry {
  readonly name: ProtocolName;
  /** title is the protocol's name as people write it (`SMTP`). */
  readonly title: string;
  /** ports are the well-known server ports (RFC 6335 registry), the default first. */
  readonly ports: readonly number[];
  /** catalogue lists every reply the server machine can send, each under its own id. */
  readonly catalogue: readonly CatalogueEntry[];
  readonly serverMachine: AnyStateMachine | null;
  readonly clientMachine: AnyStateMachine | null;
  /** typedLines makes a fresh reader of what a person types on one connection, or null when lines are opaque. */
  readonly typedLines: (() => TypedLineReader) | null;
}

/** PROTOCOLS is the registry. */
export const PROTOCOLS: { readonly [P in ProtocolName]: ProtocolEntry & { readonly name: P } } = {
  smtp: {
    name: 'smtp',
    title: 'SMTP',
    // 25 between servers (RFC 5321 §4.5.4.2 context), 587 for submission (RFC 6409 §3.1).
    ports: [25, 587],
    catalogue: smtpCatalogue(),
    serverMachine: smtpServerMachine,
    clientMachine: smtpClientMachine,
    typedLines: smtpTypedLines,
  },
  pop3: {
    name: 'pop3',
    title: 'POP3',
    // RFC 1939 §3.
    ports: [110],
    catalogue: pop3Catalogue(),
    serverMachine: pop3ServerMachine,
    clientMachine: pop3ClientMachine,
    typedLines: pop3TypedLines,
  },
  imap: {
    name: 'imap',
    title: 'IMAP',
    // RFC 3501 §2.1.
    ports: [143],
    catalogue: imapCatalogue(),
    serverMachine: imapServerMachine,
    clientMachine: imapClientMachine,
    typedLines: imapTypedLines,
  },
  http: {
    name: 'http',
    title: 'HTTP',
    // RFC 9110 §4.2.1.
    ports: [80],
    catalogue: httpCatalogue(),
    serverMachine: httpServerMachine,
    clientMachine: httpClientMachine,
    typedLines: httpTypedLines,
  },
};

const BY_PORT: ReadonlyMap<number, ProtocolName> = new Map(
  Object.values(PROTOCOLS).flatMap((entry) => entry.ports.map((port) => [port, entry.name] as const)),
);

/** protocolForPort names the protocol of the registry usually spoken on a server port, or null for any other. */
export function protocolForPort(port: number): ProtocolName | null {
  return BY_PORT.get(port) ?? null;
}

/** catalogueEntry finds a reply of any protocol by its id, or undefined for an id nobody catalogued. */
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.get(id);
}

const CATALOGUE: ReadonlyMap<string, CatalogueEntry> = new Map(
  Object.values(PROTOCOLS).flatMap((entry) => entry.catalogue.map((c) => [c.id, c] as const)),
);
