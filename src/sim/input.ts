// What a person can do to a world, each stamped with the virtual time it happened. Inputs are the only way
// the UI changes a simulation, so replaying the same inputs replays the same world.
import type { HostId, LinkId } from '../net/types.ts';
import type { InterposeStage as SmtpStage } from '../protocols/smtp/backend.ts';

/** MailDraft is what a person writes in a user agent's compose form. Attachments are text for now. */
export interface MailDraft {
  to?: string[];
  cc?: string[];
  bcc?: string[];
  subject?: string;
  body?: string;
  attachments?: { filename: string; contentType?: string; text: string }[];
  /** direct skips the sender's own server and delivers straight to the recipient's (the textbook's question). */
  direct?: boolean;
}

/** Fault is a failure a teacher injects or a scenario schedules. */
export type Fault =
  | { type: 'host.down'; host: HostId; mode?: 'crash' | 'shutdown' }
  | { type: 'service.down'; host: HostId; service: 'smtp' }
  | { type: 'service.up'; host: HostId; service: 'smtp' }
  | { type: 'smtp.reply'; host: HostId; stage: SmtpStage; code: number; text?: string; every?: number }
  | { type: 'smtp.dropFinalReply'; host: HostId; count?: number }
  | { type: 'smtp.normal'; host: HostId }
  | { type: 'queue.flush'; host: HostId }
  | { type: 'host.up'; host: HostId }
  | { type: 'link.down'; link: LinkId }
  | { type: 'link.up'; link: LinkId }
  | { type: 'link.set'; link: LinkId; latency?: number; jitter?: number; loss?: number };

/**
 * Input is one thing a person did. The terminal inputs act like `telnet target port` on a host: open a raw TCP
 * connection, type a line (CRLF is added), close it.
 */
export type Input =
  | { type: 'terminal.open'; host: HostId; target: string; port: number }
  | { type: 'terminal.type'; host: HostId; text: string }
  | { type: 'terminal.close'; host: HostId }
  | ({ type: 'mail.send'; host: HostId } & MailDraft)
  | { type: 'fault'; fault: Fault };

/** TimedInput is an input with the virtual time (ms) it happens at. */
export interface TimedInput {
  readonly at: number;
  readonly input: Input;
}
