// A user agent (Alice's mail program): composes a message and submits it to its own mail server, on port 587
// with AUTH or on port 25 as in the textbook. Told to deliver directly, it skips its server and its queue, so
// when the recipient's server is down the send simply fails in the user's face.
import { buildMessage } from '../../protocols/message/buildMessage.ts';
import { utf8ToOctets } from '../../protocols/shared/octets.ts';
import type { MailDraft } from '../input.ts';
import type { ServiceContext } from '../services/service.ts';
import { deliverToHost, deliverViaMx, type DeliveryReport, type RecipientReport } from './smtpDelivery.ts';

/** UserAgentConfig is a user agent's part of the scenario. */
export interface UserAgentConfig {
  readonly address: string;
  readonly name?: string;
  /** server is the host of the user's own mail server. */
  readonly server: string;
  readonly port: 25 | 587;
  readonly password: string;
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** UserAgent sends mail for one user; it keeps no queue of its own. */
export class UserAgent {
  readonly #ctx: ServiceContext;
  readonly #config: UserAgentConfig;
  #sent = 0;

  constructor(ctx: ServiceContext, config: UserAgentConfig) {
    this.#ctx = ctx;
    this.#config = config;
  }

  /** send builds the message from a draft and submits it; the outcome arrives in the trace as `ua.result`. */
  send(draft: MailDraft): void {
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
      zoneOffsetMinutes: 0,
      messageId,
      text: draft.body ?? '',
      attachments: (draft.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType ?? 'text/plain; charset=UTF-8',
        content: utf8ToOctets(a.text),
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
    });
    const finish = (reports: readonly RecipientReport[]) => this.#report(built.messageId, reports);
    const base = { heloName: this.#ctx.host, data: built.octets };
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

  #report(messageId: string, reports: readonly RecipientReport[]): void {
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
    this.#ctx.emit({ kind: 'ua.result', host: this.#ctx.host, messageId, outcome, detail });
  }
}
