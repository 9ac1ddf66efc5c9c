// The one table of the application protocols Mail Lab speaks: each one's name, well-known ports, reply catalogue,
// session machines and the reader of lines a person types. The console, the views, the bridge and sim read it.
// Names and ports alone are in protocolNames.ts, which views that only name a protocol import instead.
import type { AnyStateMachine } from 'xstate';
import { imapCatalogue } from './imap/catalogue.ts';
import { imapClientMachine } from './imap/imapClientMachine.ts';
import { imapServerMachine } from './imap/imapServerMachine.ts';
import { imapTypedLines } from './imap/typedLines.ts';
import { PROTOCOL_NAMES, type ProtocolName, type ProtocolNaming } from './protocolNames.ts';
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

export { protocolForPort, type ProtocolName } from './protocolNames.ts';

/** CatalogueEntry is one catalogued reply: its id (`smtp.rcpt.ok`) and its code or status. */
export interface CatalogueEntry {
  readonly id: string;
  readonly code?: number;
  readonly status?: string;
}

/** ProtocolEntry is what the registry knows of one protocol. */
export interface ProtocolEntry extends ProtocolNaming {
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
    ...PROTOCOL_NAMES.smtp,
    catalogue: smtpCatalogue(),
    serverMachine: smtpServerMachine,
    clientMachine: smtpClientMachine,
    typedLines: smtpTypedLines,
  },
  pop3: {
    ...PROTOCOL_NAMES.pop3,
    catalogue: pop3Catalogue(),
    serverMachine: pop3ServerMachine,
    clientMachine: pop3ClientMachine,
    typedLines: pop3TypedLines,
  },
  imap: {
    ...PROTOCOL_NAMES.imap,
    catalogue: imapCatalogue(),
    serverMachine: imapServerMachine,
    clientMachine: imapClientMachine,
    typedLines: imapTypedLines,
  },
  http: {
    ...PROTOCOL_NAMES.http,
    catalogue: httpCatalogue(),
    serverMachine: httpServerMachine,
    clientMachine: httpClientMachine,
    typedLines: httpTypedLines,
  },
};

/** catalogueEntry finds a reply of any protocol by its id, or undefined for an id nobody catalogued. */
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.get(id);
}

const CATALOGUE: ReadonlyMap<string, CatalogueEntry> = new Map(
  Object.values(PROTOCOLS).flatMap((entry) => entry.catalogue.map((c) => [c.id, c] as const)),
);
