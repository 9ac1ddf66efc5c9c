// The replies a teacher can make a mail server give instead of its own: the SMTP catalogue's `fault.*` entries
// that have a code of their own, read from the protocol registry (RFC 5321 §4.2.2–4.2.3: transient 4xx, then
// permanent 5xx). `fault.chosen`, for any other code, has none and is not offered.
import { PROTOCOLS } from '../../protocols/registry.ts';
import type { REPLIES, ReplyKey } from '../../protocols/smtp/replies.ts';

type CodedFaultKey = {
  [K in ReplyKey]: K extends `fault.${string}`
    ? (typeof REPLIES)[K]['code'] extends number
      ? K
      : never
    : never;
}[ReplyKey];

/** FaultReplyId is the catalogue id of a fault reply with a code of its own (`smtp.fault.localError`). */
export type FaultReplyId = `smtp.${CodedFaultKey}`;

/** FaultReply is one reply the fault panel offers: its catalogue id and its code. */
export interface FaultReply {
  readonly id: FaultReplyId;
  readonly code: number;
}

/** FAULT_REPLIES are the fault replies of the SMTP catalogue with a code, by code. */
export const FAULT_REPLIES: readonly FaultReply[] = PROTOCOLS.smtp.catalogue
  .flatMap((entry) =>
    entry.id.startsWith('smtp.fault.') && entry.code !== undefined
      ? [{ id: entry.id as FaultReplyId, code: entry.code }]
      : [],
  )
  .sort((a, b) => a.code - b.code);
