// Where each message is at a point of the trace, one copy per recipient: at the user agent that submits it, in a
// server's queue, handed on, in a mailbox (and downloaded by a reader), bounced or failed. A pure fold over the
// facts servers and user agents wrote (smtp.accepted, queue.*, mailbox.*, ua.*): the map's text alternative.
import type { HostId } from '../net/types.ts';
import { decodeWords } from '../protocols/message/encodedWords.ts';
import { fieldText, findField, parseHeaderBlock } from '../protocols/message/headers.ts';
import type { TraceEvent } from './trace.ts';

/** MessagePlace is where one recipient's copy of a message is. */
export type MessagePlace =
  /** The user agent on `host` is submitting it (or sending it straight to the recipient's server). */
  | { readonly kind: 'sending'; readonly host: HostId }
  /** `host` took responsibility for it (RFC 5321 §6.1) and has not yet queued or stored it. */
  | { readonly kind: 'accepted'; readonly host: HostId }
  /** In `host`'s outbound queue: `waiting` for its first try, `trying`, or `deferred` until `nextAttemptAt`. */
  | {
      readonly kind: 'queued';
      readonly host: HostId;
      readonly status: 'waiting' | 'trying' | 'deferred';
      readonly attempts: number;
      readonly nextAttemptAt: number | null;
    }
  /** `host` delivered it to `to`, which took it: its 250 came back after `to` had already moved it on. */
  | { readonly kind: 'handed'; readonly host: HostId; readonly to: HostId }
  | {
      readonly kind: 'mailbox';
      readonly host: HostId;
      readonly user: string;
      readonly folder: string;
      readonly uid: number;
    }
  /** Expunged from `user`'s mailbox on `host` (a POP3 DELE and QUIT, an IMAP EXPUNGE). */
  | { readonly kind: 'deleted'; readonly host: HostId; readonly user: string }
  /** `host` gave up and bounced it to its sender. */
  | { readonly kind: 'bounced'; readonly host: HostId }
  /** The user agent on `host` could not hand it over, and said so to its user. */
  | { readonly kind: 'failed'; readonly host: HostId };

/** MessageWhere is one recipient's copy of a message and where it is at the cursor. */
export interface MessageWhere {
  readonly messageId: string;
  /** subject and from are the decoded Subject and From fields ('' when it has none). */
  readonly subject: string;
  readonly from: string;
  readonly recipient: string;
  readonly place: MessagePlace;
  /** t and seq are the time and trace position of the event that put it there. */
  readonly t: number;
  readonly seq: number;
  /** readers are the hosts that downloaded this copy from its mailbox (POP3 RETR, IMAP FETCH), in order. */
  readonly readers: readonly HostId[];
}

interface Copy {
  messageId: string;
  subject: string;
  from: string;
  recipient: string;
  place: MessagePlace;
  t: number;
  seq: number;
  readers: HostId[];
}

// The fields that name a message to a person, read from its header only.
function headersOf(raw: string): { subject: string; from: string; messageId: string | null } {
  const { fields } = parseHeaderBlock(raw);
  const text = (name: string): string | null => {
    const field = findField(fields, name);
    return field === undefined ? null : decodeWords(fieldText(field.value)).trim();
  };
  return { subject: text('subject') ?? '', from: text('from') ?? '', messageId: text('message-id') };
}

const localPart = (address: string): string => (address.split('@')[0] ?? '').toLowerCase();

/**
 * messagePlaces folds the trace up to and including position `seq` into where every message's copies are, one per
 * recipient, in the order the messages first appeared. A copy moves only from the host that holds it, so a late
 * 250 at the sender does not pull back a copy the next server has already stored.
 */
export function messagePlaces(trace: readonly TraceEvent[], seq: number): MessageWhere[] {
  const copies: Copy[] = [];
  const byMessage = new Map<string, Copy[]>();
  const subjects = new Map<string, string>();
  // A server's queue id names the message it took: `host queueId` to its Message-ID.
  const queued = new Map<string, string>();

  const copiesOf = (messageId: string): Copy[] => byMessage.get(messageId) ?? [];
  const add = (copy: Copy): Copy => {
    copies.push(copy);
    byMessage.set(copy.messageId, [...copiesOf(copy.messageId), copy]);
    return copy;
  };
  const subjectOf = (messageId: string, raw: string | null): string => {
    const known = subjects.get(messageId);
    if (known !== undefined || raw === null) return known ?? '';
    const subject = headersOf(raw).subject;
    subjects.set(messageId, subject);
    return subject;
  };
  const move = (copy: Copy, place: MessagePlace, e: TraceEvent): void => {
    copy.place = place;
    copy.t = e.t;
    copy.seq = e.seq;
  };
  // The copies of a message for these recipients that `host` holds now.
  const held = (messageId: string, host: HostId, recipients: readonly string[]): Copy[] => {
    const wanted = new Set(recipients.map((r) => r.toLowerCase()));
    return copiesOf(messageId).filter((c) => wanted.has(c.recipient.toLowerCase()) && c.place.host === host);
  };

  const last = Math.min(seq, trace.length - 1);
  for (let i = 0; i <= last; i++) {
    const e = trace[i] as TraceEvent;
    switch (e.kind) {
      case 'ua.submitted': {
        const subject = subjectOf(e.messageId, e.raw);
        const from = headersOf(e.raw).from;
        for (const recipient of e.recipients)
          add({
            messageId: e.messageId,
            subject,
            from,
            recipient,
            place: { kind: 'sending', host: e.host },
            t: e.t,
            seq: e.seq,
            readers: [],
          });
        break;
      }
      case 'ua.result':
        if (e.outcome !== 'failed') break;
        for (const c of copiesOf(e.messageId))
          if (c.place.kind === 'sending' && c.place.host === e.host)
            move(c, { kind: 'failed', host: e.host }, e);
        break;
      case 'smtp.accepted': {
        const messageId = e.messageId ?? `${e.host} ${e.queueId}`;
        queued.set(`${e.host} ${e.queueId}`, messageId);
        for (const recipient of e.recipients) {
          // The copy that came here: still with the sender (its 250 not yet back) or on its way.
          const copy = copiesOf(messageId).find(
            (c) =>
              c.recipient.toLowerCase() === recipient.toLowerCase() &&
              (c.place.kind === 'sending' || c.place.kind === 'queued' || c.place.kind === 'accepted') &&
              c.place.host !== e.host,
          );
          // None is on its way (the message came again after a lost 250, or from outside): a copy of its own.
          if (copy !== undefined) move(copy, { kind: 'accepted', host: e.host }, e);
          else
            add({
              messageId,
              subject: subjectOf(messageId, null),
              from: copiesOf(messageId)[0]?.from ?? e.from,
              recipient,
              place: { kind: 'accepted', host: e.host },
              t: e.t,
              seq: e.seq,
              readers: [],
            });
        }
        break;
      }
      case 'queue.enqueued': {
        queued.set(`${e.host} ${e.queueId}`, e.messageId);
        const subject = subjectOf(e.messageId, e.raw);
        const place: MessagePlace = {
          kind: 'queued',
          host: e.host,
          status: 'waiting',
          attempts: 0,
          nextAttemptAt: null,
        };
        const here = held(e.messageId, e.host, e.recipients);
        for (const recipient of e.recipients) {
          const copy = here.find((c) => c.recipient.toLowerCase() === recipient.toLowerCase());
          if (copy !== undefined) {
            copy.subject ||= subject;
            move(copy, place, e);
          } else
            add({
              messageId: e.messageId,
              subject,
              from: here[0]?.from ?? headersOf(e.raw).from,
              recipient,
              place,
              t: e.t,
              seq: e.seq,
              readers: [],
            });
        }
        break;
      }
      case 'queue.attempt':
      case 'queue.deferred':
      case 'queue.delivered':
      case 'queue.bounced': {
        const messageId = queued.get(`${e.host} ${e.queueId}`);
        if (messageId === undefined) break;
        const recipients = e.kind === 'queue.attempt' ? e.recipients : [e.recipient];
        for (const copy of held(messageId, e.host, recipients)) {
          if (copy.place.kind !== 'queued') continue;
          const was = copy.place;
          if (e.kind === 'queue.attempt')
            move(copy, { ...was, status: 'trying', attempts: e.attempt, nextAttemptAt: null }, e);
          else if (e.kind === 'queue.deferred')
            move(
              copy,
              { ...was, status: 'deferred', attempts: e.attempt, nextAttemptAt: e.nextAttemptAt },
              e,
            );
          else if (e.kind === 'queue.delivered')
            move(copy, { kind: 'handed', host: e.host, to: e.remote }, e);
          else move(copy, { kind: 'bounced', host: e.host }, e);
        }
        break;
      }
      case 'mailbox.stored': {
        const known = queued.get(`${e.host} ${e.queueId}`);
        const headers = known === undefined ? headersOf(e.raw) : null;
        const messageId = known ?? headers?.messageId ?? `${e.host} ${e.queueId}`;
        const place: MessagePlace = {
          kind: 'mailbox',
          host: e.host,
          user: e.user,
          folder: e.folder,
          uid: e.uid,
        };
        const here = copiesOf(messageId).filter(
          (c) => (c.place.kind === 'accepted' || c.place.kind === 'queued') && c.place.host === e.host,
        );
        const copy = here.find((c) => localPart(c.recipient) === e.user.toLowerCase()) ?? here[0];
        if (copy !== undefined) move(copy, place, e);
        else
          add({
            messageId,
            subject: headers?.subject ?? subjectOf(messageId, e.raw),
            from: headers?.from ?? copiesOf(messageId)[0]?.from ?? '',
            recipient: `${e.user}@${e.host}`,
            place,
            t: e.t,
            seq: e.seq,
            readers: [],
          });
        break;
      }
      case 'mailbox.copied':
      case 'mailbox.expunged': {
        const copy = copies.find(
          (c) =>
            c.place.kind === 'mailbox' &&
            c.place.host === e.host &&
            c.place.user === e.user &&
            c.place.folder === e.folder &&
            c.place.uid === e.uid,
        );
        if (copy === undefined) break;
        // A copy (IMAP COPY or MOVE) takes this copy along: what matters is where the message still is.
        if (e.kind === 'mailbox.copied')
          move(copy, { kind: 'mailbox', host: e.host, user: e.user, folder: e.to, uid: e.toUid }, e);
        else move(copy, { kind: 'deleted', host: e.host, user: e.user }, e);
        break;
      }
      case 'ua.fetched': {
        if (e.messageId === null) break;
        for (const c of copiesOf(e.messageId))
          if (
            c.place.kind === 'mailbox' &&
            c.place.host === e.server &&
            c.place.user.toLowerCase() === e.user.toLowerCase() &&
            !c.readers.includes(e.host)
          )
            c.readers.push(e.host);
        break;
      }
      default:
        break;
    }
  }
  return copies.map((c) => ({ ...c, readers: [...c.readers] }));
}
