// An SmtpBackend held in memory, for tests and small scenarios: a fixed set of local domains, mailboxes and
// accounts, and a list of the messages it accepted.
import type { AcceptResult, Envelope, RecipientVerdict, SmtpBackend, SmtpSession } from './backend.ts';

/** MemoryBackendOptions describes the host: the domains it is final destination for and who lives there. */
export interface MemoryBackendOptions {
  /** Domains whose mail this host keeps, e.g. ['hamburger.edu']. */
  readonly localDomains: readonly string[];
  /** Full addresses of the local mailboxes, e.g. ['bob@hamburger.edu']; compared without regard to case. */
  readonly mailboxes: readonly string[];
  /** Accounts for AUTH: user name → password. */
  readonly accounts?: Readonly<Record<string, string>>;
  /** A fault hook passed through as SmtpBackend.interpose. */
  readonly interpose?: SmtpBackend['interpose'];
}

/** MemoryBackend is an SmtpBackend that also shows what it accepted, oldest first. */
export interface MemoryBackend extends SmtpBackend {
  readonly accepted: ReadonlyArray<Envelope & { queueId: string }>;
}

/**
 * memoryBackend builds an in-memory backend. It relays to foreign domains only for authenticated sessions, as a
 * submission server does (RFC 6409 §4.3); queue ids count up from Q00001 so that transcripts are deterministic.
 */
export function memoryBackend(options: MemoryBackendOptions): MemoryBackend {
  const domains = new Set(options.localDomains.map((domain) => domain.toLowerCase()));
  const mailboxes = new Set(options.mailboxes.map((address) => address.toLowerCase()));
  const accepted: Array<Envelope & { queueId: string }> = [];
  const backend: MemoryBackend = {
    accepted,
    checkRecipient(address: string, session: SmtpSession): RecipientVerdict {
      const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
      if (!domains.has(domain)) return session.authenticatedAs === null ? 'relay-denied' : 'ok';
      return mailboxes.has(address.toLowerCase()) ? 'ok' : 'unknown-user';
    },
    authenticate(user: string, password: string): boolean {
      return Object.hasOwn(options.accounts ?? {}, user) && options.accounts?.[user] === password;
    },
    accept(envelope: Envelope): AcceptResult {
      const queueId = `Q${String(accepted.length + 1).padStart(5, '0')}`;
      accepted.push({ ...envelope, to: [...envelope.to], queueId });
      return { ok: true, queueId };
    },
  };
  if (options.interpose !== undefined) backend.interpose = options.interpose;
  return backend;
}
