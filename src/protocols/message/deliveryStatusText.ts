// The words of a delivery status notification: the human-readable notice in Postfix's wording, and short
// English explanations of RFC 3463 enhanced status codes, keyed so the UI can translate them.

import { foldField } from './headers.ts';

/** NoticeRecipient is one `<recipient>: reason` entry of the notice. */
export type NoticeRecipient = { recipient: string; reason: string };

/**
 * NoticeSpec is what notificationText needs; times are virtual ms since the epoch. `willRetryUntil` is the
 * give-up time of a delayed message, for the "retried until" sentence.
 */
export type NoticeSpec = {
  action: 'failed' | 'delayed';
  reportingMta: string;
  date: number;
  arrivalDate: number;
  willRetryUntil?: number;
  recipients: readonly NoticeRecipient[];
};

// The widest line of Postfix's notices; a recipient entry wraps before it, continuing with four spaces.
const NOTICE_WIDTH = 79;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const HELP = [
  'For further assistance, please send mail to postmaster.',
  '',
  'If you do so, please include this problem report. You can',
  'delete your own text from the attached returned message.',
  '',
  '                   The mail system',
];

const FAILED_INTRO = [
  "I'm sorry to have to inform you that your message could not",
  "be delivered to one or more recipients. It's attached below.",
];

const WARNING_BOX = [
  '####################################################################',
  '# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #',
  '####################################################################',
];

// An entry is folded by the header rule (before whitespace, within the width, RFC 5322 §2.2.3), since
// `<recipient>: reason` has the shape of a field; Postfix indents its continuation lines by four spaces.
function recipientEntry({ recipient, reason }: NoticeRecipient): string {
  return foldField(`<${recipient}>`, reason, NOTICE_WIDTH).replace(/\r\n[ \t]*/g, '\n    ');
}

/**
 * notificationText writes the first, human-readable part of a DSN (RFC 3464 §2 (b)) as Postfix's bounce
 * service words it: the apology for a failure, the "warning only" box for a delay, then one entry per
 * recipient, separated by blank lines. Lines end with LF and the text ends with one; the caller converts it
 * to CRLF octets.
 */
export function notificationText(spec: NoticeSpec): string {
  const lines = [`This is the mail system at host ${spec.reportingMta}.`, ''];
  if (spec.action === 'failed') {
    lines.push(...FAILED_INTRO, '');
  } else {
    // Postfix counts whole hours and days, so a short test queue lifetime reads as "0 day(s)".
    const hours = Math.max(0, Math.floor((spec.date - spec.arrivalDate) / HOUR_MS));
    lines.push(...WARNING_BOX, '', `Your message could not be delivered for more than ${hours} hour(s).`);
    if (spec.willRetryUntil !== undefined) {
      const days = Math.max(0, Math.floor((spec.willRetryUntil - spec.arrivalDate) / DAY_MS));
      lines.push(`It will be retried until it is ${days} day(s) old.`);
    }
    lines.push('');
  }
  lines.push(...HELP, '');
  const entries = spec.recipients.map(recipientEntry);
  return lines.join('\n') + '\n' + entries.join('\n\n') + '\n';
}

/**
 * StatusKeys locates an enhanced status code in the tables below: `classKey` in STATUS_CLASS_TEXT,
 * `subjectKey` in STATUS_SUBJECT_TEXT and `detailKey` in STATUS_DETAIL_TEXT (null when the code's detail is
 * not listed there, or adds nothing to its class, as X.0.0 does).
 */
export type StatusKeys = { classKey: string; subjectKey: string; detailKey: string | null };

/** STATUS_CLASS_TEXT explains the first digit of an enhanced status code (RFC 3463 §2), keyed by it. */
export const STATUS_CLASS_TEXT: Readonly<Record<string, string>> = {
  '2': 'Success',
  '4': 'Temporary failure, still being retried',
  '5': 'Permanent failure',
};

/**
 * STATUS_SUBJECT_TEXT explains the second number of an enhanced status code (RFC 3463 §2), keyed as the RFC
 * writes it ('X.1'); it stands in when the detail is not listed.
 */
export const STATUS_SUBJECT_TEXT: Readonly<Record<string, string>> = {
  'X.0': 'other or undefined problem',
  'X.1': 'addressing problem',
  'X.2': 'problem with the recipient’s mailbox',
  'X.3': 'problem with the receiving mail system',
  'X.4': 'network or routing problem',
  'X.5': 'mail delivery protocol problem',
  'X.6': 'message content or media problem',
  'X.7': 'security or policy problem',
};

/**
 * STATUS_DETAIL_TEXT explains the common enhanced status codes (RFC 3463 §3, RFC 4954 §6, RFC 7505 §4.2),
 * keyed as the RFC writes them ('X.1.1'), since the detail means the same in every class.
 */
export const STATUS_DETAIL_TEXT: Readonly<Record<string, string>> = {
  'X.1.0': 'other address problem',
  'X.1.1': 'bad destination mailbox address: no such user there',
  'X.1.2': 'bad destination system address: no such domain, or it does not accept mail',
  'X.1.3': 'bad destination mailbox address syntax',
  'X.1.4': 'destination mailbox address is ambiguous',
  'X.1.5': 'destination address is valid',
  'X.1.6': 'destination mailbox has moved, with no forwarding address',
  'X.1.7': 'bad sender’s mailbox address syntax',
  'X.1.8': 'bad sender’s system address',
  'X.1.10': 'the recipient’s domain has a null MX: it accepts no mail',
  'X.2.0': 'other mailbox problem',
  'X.2.1': 'mailbox disabled, not accepting messages',
  'X.2.2': 'mailbox full',
  'X.2.3': 'message is longer than the mailbox allows',
  'X.2.4': 'mailing list expansion problem',
  'X.3.0': 'other mail system problem',
  'X.3.1': 'mail system full',
  'X.3.2': 'system not accepting network messages',
  'X.3.3': 'system not capable of the selected features',
  'X.3.4': 'message too big for the system',
  'X.3.5': 'system incorrectly configured',
  'X.4.0': 'other network or routing problem',
  'X.4.1': 'no answer from host: the connection was refused or timed out',
  'X.4.2': 'bad connection: it broke during the transaction',
  'X.4.3': 'directory server (DNS) failure',
  'X.4.4': 'unable to route: no mail server found for the domain',
  'X.4.5': 'mail system congestion',
  'X.4.6': 'routing loop detected',
  'X.4.7': 'delivery time expired: the message was queued too long',
  'X.5.0': 'other protocol problem',
  'X.5.1': 'invalid command',
  'X.5.2': 'syntax error',
  'X.5.3': 'too many recipients',
  'X.5.4': 'invalid command arguments',
  'X.5.5': 'wrong protocol version',
  'X.5.6': 'authentication exchange line too long',
  'X.6.0': 'other media problem',
  'X.6.1': 'media not supported',
  'X.6.2': 'conversion required and prohibited',
  'X.6.3': 'conversion required but not supported',
  'X.6.4': 'conversion with loss performed',
  'X.6.5': 'conversion failed',
  'X.7.0': 'other security problem',
  'X.7.1': 'delivery not authorized, message refused',
  'X.7.2': 'mailing list expansion prohibited',
  'X.7.3': 'security conversion required but not possible',
  'X.7.4': 'security features not supported',
  'X.7.5': 'cryptographic failure',
  'X.7.6': 'cryptographic algorithm not supported',
  'X.7.7': 'message integrity failure',
  'X.7.8': 'authentication credentials invalid',
  'X.7.9': 'authentication mechanism is too weak',
};

// RFC 3464 §2.3.4: a comment may follow the code; leading zeros are forbidden but read leniently.
const STATUS_CODE = /^\s*([245])\.(\d{1,3})\.(\d{1,3})\s*(?:\(.*)?$/;

/** statusKeys finds the table keys for an enhanced status code such as '5.1.1', or null if it is not one. */
export function statusKeys(status: string): StatusKeys | null {
  const match = STATUS_CODE.exec(status);
  if (match === null) return null;
  const [, classDigit = '', subject = '', detail = ''] = match;
  const subjectKey = `X.${Number(subject)}`;
  const detailKey = `${subjectKey}.${Number(detail)}`;
  return {
    classKey: classDigit,
    subjectKey: subjectKey in STATUS_SUBJECT_TEXT ? subjectKey : 'X.0',
    detailKey: detailKey in STATUS_DETAIL_TEXT ? detailKey : null,
  };
}

/**
 * statusText explains an enhanced status code in a short English phrase: its class, then its detail (or
 * its subject when the detail is not listed), as in 'Permanent failure: mailbox full'. Text that is not a
 * status code gives 'Unknown status "…"'.
 */
export function statusText(status: string): string {
  const keys = statusKeys(status);
  if (keys === null) return `Unknown status "${status.trim()}"`;
  const classText = STATUS_CLASS_TEXT[keys.classKey] ?? '';
  const detailText = keys.detailKey === null ? undefined : STATUS_DETAIL_TEXT[keys.detailKey];
  // X.0.0 says nothing beyond its class, so '2.0.0' reads simply 'Success'.
  if (keys.subjectKey === 'X.0' && detailText === undefined) return classText;
  return `${classText}: ${detailText ?? STATUS_SUBJECT_TEXT[keys.subjectKey] ?? ''}`;
}
