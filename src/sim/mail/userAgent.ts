// A user agent (Alice's mail program): composes a message and submits it to its own mail server, on port 587
// with AUTH or on port 25 as in the textbook. Told to deliver directly, it skips its server and its queue, so
// when the recipient's server is down the send simply fails in the user's face. It reads mail with POP3
// (pop3Reader.ts) or IMAP.
import { decodeBase64 } from '../../protocols/message/base64.ts';
import { buildMessage } from '../../protocols/message/buildMessage.ts';
import { utf8ToOctets } from '../../protocols/shared/octets.ts';
import type { ClientStyle } from '../../protocols/smtp/commands.ts';
import type { FetchRequest, InputOrigin, MailDraft } from '../input.ts';
import type { ServiceContext } from '../services/service.ts';
import { ImapReader, type ReaderRequest } from './imapReader.ts';
import { fetchWithPop3, messageIdOf, type FetchReport, type ReadingAccount } from './pop3Reader.ts';
import { deliverToHost, deliverViaMx, type DeliveryReport, type RecipientReport } from './smtpDelivery.ts';

/** UserAgentConfig is a user agent's part of the scenario. */
export interface UserAgentConfig {
  readonly address: string;
  readonly name?: string;
  /** server is the host of the user's own mail server. */
  readonly server: string;
  readonly port: 25 | 587;
  readonly password: string;
  /** reading says where and as whom the user reads mail; each field left out comes from the settings above. */
  readonly reading?: { readonly server?: string; readonly user?: string; readonly password?: string };
  /** style is how its SMTP client talks (see SmtpClientInput.style); modern when left out. */
  readonly style?: ClientStyle;
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** UserAgentState is a user agent as data: how many messages it sent, and the POP3 unique-ids it has seen. */
export interface UserAgentState {
  readonly sent: number;
  readonly seen: readonly (readonly [string, readonly string[]])[];
}

/** UserAgent sends mail for one user; it keeps no queue of its own. */
export class UserAgent {
  readonly #ctx: ServiceContext;
  readonly #config: UserAgentConfig;
  #sent = 0;
  // Download-and-keep remembers each account's unique-ids, so a message is downloaded once (RFC 1939 §8).
  readonly #seen = new Map<string, Set<string>>();
  #imap: ImapReader | null = null;

  constructor(ctx: ServiceContext, config: UserAgentConfig) {
    this.#ctx = ctx;
    this.#config = config;
  }

  /**
   * state is the agent as data, or null once it has read mail over IMAP: its reader keeps a session and what it
   * learnt of the folders, which a checkpoint does not keep.
   */
  state(): UserAgentState | null {
    if (this.#imap !== null) return null;
    return { sent: this.#sent, seen: [...this.#seen].map(([account, ids]) => [account, [...ids]]) };
  }

  /** restore sets a new agent to `state`. */
  restore(state: UserAgentState): void {
    this.#sent = state.sent;
    this.#seen.clear();
    for (const [account, ids] of state.seen) this.#seen.set(account, new Set(ids));
  }

  /**
   * send builds the message from a draft and submits it; the outcome arrives in the trace as `ua.result`. `by` is
   * who pressed Send, written on `ua.submitted`.
   */
  send(draft: MailDraft, by?: InputOrigin): void {
    const { address, name } = this.#config;
    const domain = domainOf(address);
    const now = this.#ctx.calendarTime(this.#ctx.kernel.now());
    this.#sent += 1;
    const stamp = new Date(now)
      .toISOString()
      .replace(/[-:TZ.]/g, '')
      .slice(0, 14);
    const messageId = `<${stamp}.${this.#sent}.${this.#ctx.kernel.randomUint32().toString(36)}@${domain}>`;
    const built = buildMessage({
      from: name ? { name, address } : address,
      to: draft.to ?? [],
      cc: draft.cc ?? [],
      bcc: draft.bcc ?? [],
      subject: draft.subject ?? '',
      date: now,
      zoneOffsetMinutes: this.#ctx.zoneOffsetMinutes ?? 0,
      messageId,
      text: draft.body ?? '',
      attachments: (draft.attachments ?? []).map((a) => ({
        filename: a.filename,
        // Text was typed or read as UTF-8; bytes of unknown kind are only bytes (RFC 2046 §4.5.1).
        contentType:
          a.contentType ??
          (a.base64 === undefined ? 'text/plain; charset=UTF-8' : 'application/octet-stream'),
        content: (a.base64 === undefined ? utf8ToOctets(a.text) : decodeBase64(a.base64).octets).repeat(
          a.repeat ?? 1,
        ),
      })),
      extraHeaders: [{ name: 'User-Agent', value: 'Mail Lab' }],
    });
    const recipients = built.envelope.recipients;
    this.#ctx.emit({
      kind: 'ua.submitted',
      host: this.#ctx.host,
      messageId: built.messageId,
      server: draft.direct ? null : this.#config.server,
      direct: draft.direct ?? false,
      recipients,
      raw: built.octets,
      ...(draft.bcc && draft.bcc.length > 0 ? { bcc: [...draft.bcc] } : {}),
      ...(by === undefined ? {} : { by }),
    });
    const finish = (reports: readonly RecipientReport[]) => this.#report(built.messageId, reports);
    const base = { heloName: this.#ctx.host, data: built.octets, style: this.#config.style ?? 'modern' };
    if (recipients.length === 0) return finish([]);
    if (draft.direct) {
      const byDomain = new Map<string, string[]>();
      for (const r of recipients) byDomain.set(domainOf(r), [...(byDomain.get(domainOf(r)) ?? []), r]);
      const all: RecipientReport[] = [];
      let left = byDomain.size;
      for (const [to, group] of byDomain) {
        deliverViaMx(
          this.#ctx,
          to,
          { ...base, envelope: { from: address, to: group }, port: 25 },
          (report) => {
            all.push(...report.recipients);
            if (--left === 0) finish(all);
          },
        );
      }
      return;
    }
    const { port, password, server } = this.#config;
    const auth =
      port === 587
        ? { user: address.slice(0, address.indexOf('@')), password, mechanism: 'PLAIN' as const }
        : undefined;
    deliverToHost(
      this.#ctx,
      server,
      { ...base, envelope: { from: address, to: recipients }, port, ...(auth ? { auth } : {}) },
      (report: DeliveryReport) => finish(report.recipients),
    );
  }

  /**
   * fetch reads new mail from the user's server; each message downloaded arrives in the trace as `ua.fetched`, and
   * the visit's end as `ua.fetchResult`.
   */
  fetch(request: FetchRequest): void {
    const account = this.#account();
    const finish = (report: FetchReport) =>
      this.#ctx.emit({
        kind: 'ua.fetchResult',
        host: this.#ctx.host,
        server: account.server,
        protocol: request.protocol,
        ...report,
      });
    if (request.protocol === 'imap') return this.#fetchWithImap(request.folder ?? 'INBOX', finish);
    const key = `${account.server}/${account.user}`;
    const seen = this.#seen.get(key) ?? new Set<string>();
    this.#seen.set(key, seen);
    fetchWithPop3(
      this.#ctx,
      account,
      {
        mode: request.mode ?? 'delete',
        seen: [...seen],
        downloaded: (message) => {
          const uid = message.uid ?? String(message.msg);
          if (message.uid !== null) seen.add(message.uid);
          this.#ctx.emit({
            kind: 'ua.fetched',
            host: this.#ctx.host,
            server: account.server,
            protocol: 'pop3',
            user: account.user,
            uid,
            messageId: messageIdOf(message.data),
            size: message.data.length,
            raw: message.data,
          });
        },
      },
      finish,
    );
  }

  /**
   * read runs one of the IMAP reading inputs (open, delete, move, flag, search) on the user's server; what the
   * reader learns arrives in the trace as `ua.imap`.
   */
  read(request: Exclude<ReaderRequest, { kind: 'fetch' }>): void {
    this.#imapReader().request(request);
  }

  // IMAP keeps the mail on the server: a fetch lists the folders and brings INBOX's headers, not the messages,
  // so it reports `ua.imap` and `ua.fetchResult` but no `ua.fetched` (see imapReader.ts).
  #fetchWithImap(folder: string, finish: (report: FetchReport) => void): void {
    this.#imapReader().request({ kind: 'fetch', folder, done: finish });
  }

  // One IMAP connection per user agent, kept open between inputs (imapReader.ts).
  #imapReader(): ImapReader {
    this.#imap ??= new ImapReader(this.#ctx, this.#account());
    return this.#imap;
  }

  // The reading account: the `reading` settings, else the sending ones (the address's local part as user name).
  #account(): ReadingAccount {
    const { address, server, password, reading } = this.#config;
    return {
      server: reading?.server ?? server,
      user: reading?.user ?? address.slice(0, address.lastIndexOf('@')),
      password: reading?.password ?? password,
    };
  }

  #report(messageId: string, reports: readonly RecipientReport[]): void {
    this.#ctx.emit({ kind: 'ua.result', host: this.#ctx.host, messageId, ...submissionOutcome(reports) });
  }
}

/**
 * submissionOutcome sums up what a submission's recipients became, as `ua.result` says it: all accepted, some, or
 * none, with each recipient's fate in one line.
 */
export function submissionOutcome(reports: readonly RecipientReport[]): {
  outcome: 'accepted' | 'partly' | 'failed';
  detail: string;
} {
  const accepted = reports.filter((r) => r.outcome === 'delivered');
  const outcome =
    reports.length > 0 && accepted.length === reports.length
      ? 'accepted'
      : accepted.length > 0
        ? 'partly'
        : 'failed';
  const detail =
    reports.length === 0
      ? 'no recipients'
      : reports
          .map((r) => `<${r.recipient}>: ${r.outcome === 'delivered' ? 'accepted' : r.reason}`)
          .join('; ');
  return { outcome, detail };
}
