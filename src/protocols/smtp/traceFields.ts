// Trace information an SMTP server writes into the messages it handles (RFC 5321 §4.4): a Received field at
// every hop, and Return-Path at final delivery, so a reader can follow a message's path back.
import { formatDate } from '../message/dateTime.ts';

/** ReceivedInfo is what one hop knows about how it received a message. */
export interface ReceivedInfo {
  /** heloName is what the client said in EHLO/HELO. */
  readonly heloName: string;
  /** clientHost and clientAddr are who the connection really came from (the TCP peer). */
  readonly clientHost: string;
  readonly clientAddr: string;
  /** by is the receiving server's name. */
  readonly by: string;
  /** protocol is SMTP after HELO, ESMTP after EHLO, ESMTPA when authenticated (RFC 3848). */
  readonly protocol: 'SMTP' | 'ESMTP' | 'ESMTPA';
  readonly queueId: string;
  /** recipients are named in a `for` clause only when there is exactly one, as Postfix does. */
  readonly recipients: readonly string[];
  /** date is ms since the epoch. */
  readonly date: number;
  /** zoneOffsetMinutes writes the date in the server's zone (+540 for +09:00); UTC when left out. */
  readonly zoneOffsetMinutes?: number;
}

/**
 * receivedField writes a folded Received field with its CRLF, ready to prepend:
 * `Received: from crepes.fr (crepes.fr [192.0.2.11])\r\n\tby hamburger.edu (Mail Lab) with ESMTP id …`
 */
export function receivedField(info: ReceivedInfo): string {
  const from = `from ${info.heloName} (${info.clientHost} [${info.clientAddr}])`;
  const by = `by ${info.by} (Mail Lab) with ${info.protocol} id ${info.queueId}`;
  const forClause = info.recipients.length === 1 ? `\r\n\tfor <${info.recipients[0]}>` : '';
  return `Received: ${from}\r\n\t${by}${forClause}; ${formatDate(info.date, info.zoneOffsetMinutes)}\r\n`;
}

/**
 * deliveredToField writes the Delivered-To field Postfix's local delivery adds: the mailbox the message was put
 * in, which lets a reader (and a loop check) see where the final hop delivered it.
 */
export function deliveredToField(address: string): string {
  return `Delivered-To: ${address}\r\n`;
}

/** returnPathField writes the Return-Path a server adds at final delivery: the envelope's reverse-path. */
export function returnPathField(reversePath: string): string {
  return `Return-Path: <${reversePath}>\r\n`;
}

/** ReceivedHop is one Received: field read into its clauses (RFC 5321 §4.4); missing clauses are null. */
export interface ReceivedHop {
  readonly raw: string;
  readonly from: string | null;
  readonly by: string | null;
  readonly with: string | null;
  readonly id: string | null;
  readonly for: string | null;
  readonly date: string | null;
}

function clause(text: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}\\s+(.+?)(?=\\s+(?:from|by|via|with|id|for)\\s|;|$)`, 'i').exec(
    text,
  );
  return match?.[1]?.trim() ?? null;
}

/**
 * receivedHops reads Received: field values (as `parseMessage` lists them, newest first: the last hop is written
 * at the top) into their clauses; the inverse of `receivedField`.
 */
export function receivedHops(received: readonly string[]): ReceivedHop[] {
  return received.map((raw) => {
    const semicolon = raw.lastIndexOf(';');
    const clauses = semicolon === -1 ? raw : raw.slice(0, semicolon);
    return {
      raw,
      from: clause(clauses, 'from'),
      by: clause(clauses, 'by'),
      with: clause(clauses, 'with'),
      id: clause(clauses, 'id'),
      for: clause(clauses, 'for'),
      date: semicolon === -1 ? null : raw.slice(semicolon + 1).trim() || null,
    };
  });
}
