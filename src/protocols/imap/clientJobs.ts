// What the IMAP client is asked to do (jobs), the commands each job takes given what the session knows, and
// what it reports back (results, mailbox updates, failures). Pure functions; the client machine runs them.
import type { BodyStructure } from './bodyStructure.ts';
import type { ImapCommandBody } from './commandTypes.ts';
import type { Envelope } from './envelope.ts';
import type { Partial } from './fetchItems.ts';
import { decodeMailboxName, encodeMailboxName, INBOX, isInbox } from './mailboxNames.ts';
import type { ResponseCode } from './responseCodes.ts';
import type { ImapResponse } from './responses.ts';
import type { SearchKey } from './search.ts';
import { expandSequenceSet, type SequenceSet } from './sequenceSet.ts';

/**
 * ImapJob is one thing a mail reader asks of the client. Mailbox names are as people write them (Korean
 * included); the client encodes them in modified UTF-7 and selects the mailbox first when it has to.
 * `part` is a body part number path (`[2]` for BODY[2], `[]` for the whole message).
 */
export type ImapJob =
  | { readonly kind: 'list' }
  | { readonly kind: 'select'; readonly mailbox: string }
  | { readonly kind: 'headers'; readonly mailbox: string }
  | {
      readonly kind: 'body';
      readonly mailbox: string;
      readonly uid: number;
      readonly part: readonly number[];
      readonly partial: Partial | null;
      readonly markSeen: boolean;
    }
  | {
      readonly kind: 'flag';
      readonly mailbox: string;
      readonly uid: number;
      readonly flag: string;
      readonly set: boolean;
    }
  | { readonly kind: 'move'; readonly mailbox: string; readonly uid: number; readonly to: string }
  | { readonly kind: 'search'; readonly mailbox: string; readonly keys: readonly SearchKey[] }
  | { readonly kind: 'idle'; readonly mailbox: string }
  | { readonly kind: 'logout' };

/** Folder is one mailbox a LIST named: its decoded name, its wire name, attributes and hierarchy delimiter. */
export interface Folder {
  readonly name: string;
  readonly wire: string;
  readonly attributes: readonly string[];
  readonly delimiter: string | null;
}

/** MessageSummary is what the header fetch learnt of one message (null for an item the server left out). */
export interface MessageSummary {
  readonly uid: number;
  readonly seq: number;
  readonly flags: readonly string[];
  readonly size: number | null;
  readonly envelope: Envelope | null;
  readonly body: BodyStructure | null;
}

/**
 * ImapResult is what a job that succeeded reports. `moved.newUid` comes from COPYUID when the server has
 * UIDPLUS (RFC 4315 §3); `bodyPart.origin` is set for a partial fetch, whose data may be shorter than asked.
 */
export type ImapResult =
  | { readonly kind: 'folders'; readonly folders: readonly Folder[] }
  | {
      readonly kind: 'selected';
      readonly mailbox: string;
      readonly exists: number;
      readonly uidValidity: number | null;
      readonly uidNext: number | null;
      readonly readOnly: boolean;
    }
  | { readonly kind: 'summaries'; readonly mailbox: string; readonly messages: readonly MessageSummary[] }
  | {
      readonly kind: 'bodyPart';
      readonly mailbox: string;
      readonly uid: number;
      readonly part: readonly number[];
      readonly origin: number | null;
      readonly data: string | null;
      readonly seen: boolean;
    }
  | {
      readonly kind: 'flagged';
      readonly mailbox: string;
      readonly uid: number;
      readonly flags: readonly string[] | null;
    }
  | {
      readonly kind: 'moved';
      readonly mailbox: string;
      readonly uid: number;
      readonly to: string;
      readonly via: 'MOVE' | 'COPY';
      readonly newUid: number | null;
    }
  | { readonly kind: 'searched'; readonly mailbox: string; readonly uids: readonly number[] }
  | { readonly kind: 'idled'; readonly mailbox: string }
  | { readonly kind: 'loggedOut' };

/**
 * MailboxUpdate is an untagged EXISTS, EXPUNGE or FETCH the selected mailbox received outside the answer to
 * a fetch: mail arriving, or another session changing the mailbox. `uid` is null when the client never
 * learnt the UID of that message number.
 */
export type MailboxUpdate =
  | { readonly kind: 'exists'; readonly count: number }
  | { readonly kind: 'expunge'; readonly seq: number; readonly uid: number | null }
  | {
      readonly kind: 'flags';
      readonly seq: number;
      readonly uid: number | null;
      readonly flags: readonly string[];
    };

/**
 * FailureReason says why a job failed: the server's tagged NO or BAD, a capability the server lacks, or the
 * session ending under it.
 */
export type FailureReason = 'NO' | 'BAD' | 'unsupported' | 'connectionLost' | 'timeout' | 'protocolError';

/** JobFailure is a job that did not succeed; `job` is null for the login itself. */
export interface JobFailure {
  readonly job: ImapJob | null;
  /** verb is the command refused (`UID MOVE`), null when no command was answered. */
  readonly verb: string | null;
  readonly reason: FailureReason;
  readonly text: string;
  readonly code: ResponseCode | null;
}

/** MailboxState is what the client knows of the selected mailbox; `uids[seq - 1]` maps message numbers. */
export interface MailboxState {
  readonly name: string;
  /** opened turns true when SELECT is answered OK; until then the mailbox is only being selected. */
  readonly opened: boolean;
  readonly exists: number;
  readonly uidValidity: number | null;
  readonly uidNext: number | null;
  readonly readOnly: boolean;
  readonly uids: readonly (number | null)[];
}

/** Plan is the commands of a job in order, or why the job cannot run on this server. */
export type Plan = { ok: true; steps: ImapCommandBody[] } | { ok: false; text: string };

function wireName(name: string): string {
  return isInbox(name) ? INBOX : encodeMailboxName(name);
}

function uidSet(uid: number): SequenceSet {
  return [{ start: uid, end: uid }];
}

function needsUtf8(keys: readonly SearchKey[]): boolean {
  return [...JSON.stringify(keys)].some((char) => char.charCodeAt(0) > 0x7f);
}

function hasCapability(capabilities: readonly string[], name: string): boolean {
  return capabilities.some((capability) => capability.toUpperCase() === name);
}

function jobSteps(
  job: Exclude<ImapJob, { kind: 'list' | 'select' | 'logout' }>,
  capabilities: readonly string[],
): Plan {
  switch (job.kind) {
    case 'headers':
      return {
        ok: true,
        steps: [
          {
            name: 'FETCH',
            uid: true,
            set: [{ start: 1, end: '*' }],
            macro: null,
            items: [
              { kind: 'UID' },
              { kind: 'FLAGS' },
              { kind: 'ENVELOPE' },
              { kind: 'RFC822.SIZE' },
              { kind: 'BODYSTRUCTURE' },
            ],
          },
        ],
      };
    case 'body': {
      const fetch: ImapCommandBody = {
        name: 'FETCH',
        uid: true,
        set: uidSet(job.uid),
        macro: null,
        items: [
          { kind: 'UID' },
          { kind: 'section', peek: true, section: { part: [...job.part], text: null }, partial: job.partial },
        ],
      };
      // BODY.PEEK leaves \Seen alone, so that a partial fetch of an attachment does not mark the message read;
      // the reader sets it itself once the text is shown (RFC 3501 §6.4.5).
      const seen: ImapCommandBody = {
        name: 'STORE',
        uid: true,
        set: uidSet(job.uid),
        operation: 'add',
        silent: false,
        flags: ['\\Seen'],
      };
      return { ok: true, steps: job.markSeen ? [fetch, seen] : [fetch] };
    }
    case 'flag':
      return {
        ok: true,
        steps: [
          {
            name: 'STORE',
            uid: true,
            set: uidSet(job.uid),
            operation: job.set ? 'add' : 'remove',
            silent: false,
            flags: [job.flag],
          },
        ],
      };
    case 'move': {
      const set = uidSet(job.uid);
      const to = wireName(job.to);
      if (hasCapability(capabilities, 'MOVE'))
        return { ok: true, steps: [{ name: 'MOVE', uid: true, set, mailbox: to }] };
      // RFC 6851 §1: without MOVE, COPY then STORE \Deleted then expunge. UID EXPUNGE (RFC 4315 §2.1) removes
      // only this message; a plain EXPUNGE also removes any other message already marked \Deleted.
      const expunge: ImapCommandBody = hasCapability(capabilities, 'UIDPLUS')
        ? { name: 'EXPUNGE', uid: true, set }
        : { name: 'EXPUNGE', uid: false };
      return {
        ok: true,
        steps: [
          { name: 'COPY', uid: true, set, mailbox: to },
          { name: 'STORE', uid: true, set, operation: 'add', silent: true, flags: ['\\Deleted'] },
          expunge,
        ],
      };
    }
    case 'search':
      return {
        ok: true,
        steps: [
          { name: 'SEARCH', uid: true, charset: needsUtf8(job.keys) ? 'UTF-8' : null, keys: [...job.keys] },
        ],
      };
    case 'idle':
      return hasCapability(capabilities, 'IDLE')
        ? { ok: true, steps: [{ name: 'IDLE' }] }
        : { ok: false, text: 'the server does not offer IDLE (RFC 2177)' };
  }
}

/**
 * planJob gives the commands of a job, after a SELECT when the job needs a mailbox that is not the selected
 * one. LOGOUT is not planned here: the machine sends it on entering the logout state.
 */
export function planJob(job: ImapJob, selected: MailboxState | null, capabilities: readonly string[]): Plan {
  if (job.kind === 'logout') return { ok: true, steps: [] };
  if (job.kind === 'list') return { ok: true, steps: [{ name: 'LIST', reference: '', pattern: '*' }] };
  const select: ImapCommandBody = { name: 'SELECT', mailbox: wireName(job.mailbox) };
  if (job.kind === 'select') return { ok: true, steps: [select] };
  const plan = jobSteps(job, capabilities);
  const isSelected = selected !== null && selected.opened && selected.name === job.mailbox;
  return plan.ok && !isSelected ? { ok: true, steps: [select, ...plan.steps] } : plan;
}

/** newMailbox is the state of a mailbox just asked for with SELECT. */
export function newMailbox(name: string): MailboxState {
  return { name, opened: false, exists: 0, uidValidity: null, uidNext: null, readOnly: false, uids: [] };
}

function item<K extends string>(response: Extract<ImapResponse, { kind: 'fetch' }>, kind: K) {
  return response.items.find((entry) => entry.item === kind);
}

function fetchUid(response: Extract<ImapResponse, { kind: 'fetch' }>): number | null {
  const found = item(response, 'UID');
  return found?.item === 'UID' ? found.uid : null;
}

function fetchFlags(response: Extract<ImapResponse, { kind: 'fetch' }>): string[] | null {
  const found = item(response, 'FLAGS');
  return found?.item === 'FLAGS' ? found.flags : null;
}

function resized(uids: readonly (number | null)[], count: number): (number | null)[] {
  return count <= uids.length
    ? uids.slice(0, count)
    : [...uids, ...Array<null>(count - uids.length).fill(null)];
}

/**
 * applyUntagged brings the selected mailbox up to date with one untagged response (RFC 3501 §7.3, §7.4) and
 * says which update it was. EXPUNGE renumbers every later message; a FETCH with UID teaches the number's UID.
 */
export function applyUntagged(
  mailbox: MailboxState,
  response: ImapResponse,
): { mailbox: MailboxState; update: MailboxUpdate | null } {
  switch (response.kind) {
    case 'exists':
      return {
        mailbox: { ...mailbox, exists: response.count, uids: resized(mailbox.uids, response.count) },
        update: { kind: 'exists', count: response.count },
      };
    case 'expunge': {
      const uid = mailbox.uids[response.seq - 1] ?? null;
      const uids = mailbox.uids.filter((_, index) => index !== response.seq - 1);
      return {
        mailbox: { ...mailbox, exists: Math.max(0, mailbox.exists - 1), uids },
        update: { kind: 'expunge', seq: response.seq, uid },
      };
    }
    case 'fetch': {
      const learnt = fetchUid(response);
      const uids = resized(mailbox.uids, Math.max(mailbox.uids.length, response.seq));
      if (learnt !== null) uids[response.seq - 1] = learnt;
      const flags = fetchFlags(response);
      const uid = uids[response.seq - 1] ?? null;
      return {
        mailbox: { ...mailbox, uids },
        update: flags === null ? null : { kind: 'flags', seq: response.seq, uid, flags },
      };
    }
    case 'untagged':
    case 'tagged':
      return { mailbox: withCode(mailbox, response.code), update: null };
    default:
      return { mailbox, update: null };
  }
}

// The response codes SELECT's answer carries (RFC 3501 §6.3.1).
function withCode(mailbox: MailboxState, code: ResponseCode | null): MailboxState {
  if (code === null) return mailbox;
  switch (code.code) {
    case 'UIDVALIDITY':
      return { ...mailbox, uidValidity: code.value };
    case 'UIDNEXT':
      return { ...mailbox, uidNext: code.value };
    case 'READ-ONLY':
      return { ...mailbox, readOnly: true };
    case 'READ-WRITE':
      return { ...mailbox, readOnly: false };
    default:
      return mailbox;
  }
}

function summaries(responses: readonly ImapResponse[]): MessageSummary[] {
  const out: MessageSummary[] = [];
  for (const response of responses) {
    if (response.kind !== 'fetch') continue;
    const uid = fetchUid(response);
    if (uid === null) continue;
    let summary: MessageSummary = {
      uid,
      seq: response.seq,
      flags: [],
      size: null,
      envelope: null,
      body: null,
    };
    for (const entry of response.items) {
      if (entry.item === 'FLAGS') summary = { ...summary, flags: entry.flags };
      else if (entry.item === 'RFC822.SIZE') summary = { ...summary, size: entry.size };
      else if (entry.item === 'ENVELOPE') summary = { ...summary, envelope: entry.envelope };
      else if (entry.item === 'BODYSTRUCTURE') summary = { ...summary, body: entry.body };
    }
    out.push(summary);
  }
  return out.sort((a, b) => a.uid - b.uid);
}

function copiedUid(responses: readonly ImapResponse[], uid: number): number | null {
  for (const response of responses) {
    if (response.kind !== 'tagged' && response.kind !== 'untagged') continue;
    const code = response.code;
    if (code?.code !== 'COPYUID') continue;
    const largest = Number.MAX_SAFE_INTEGER;
    const source = expandSequenceSet(code.source, largest);
    const destination = expandSequenceSet(code.destination, largest);
    const at = source.indexOf(uid);
    if (at !== -1) return destination[at] ?? null;
  }
  return null;
}

function folders(responses: readonly ImapResponse[]): Folder[] {
  return responses.flatMap((response) => {
    if (response.kind !== 'list') return [];
    const decoded = decodeMailboxName(response.mailbox);
    const name = decoded.ok ? decoded.name : response.mailbox;
    return [{ name, wire: response.mailbox, attributes: response.attributes, delimiter: response.delimiter }];
  });
}

/**
 * jobResult reads what a job that succeeded learnt from every response it got, tagged and untagged, in
 * order; `steps` are the commands it ran (see planJob), `mailbox` is the selected mailbox afterwards.
 */
export function jobResult(
  job: ImapJob,
  steps: readonly ImapCommandBody[],
  responses: readonly ImapResponse[],
  mailbox: MailboxState | null,
): ImapResult {
  switch (job.kind) {
    case 'list':
      return { kind: 'folders', folders: folders(responses) };
    case 'select':
      return {
        kind: 'selected',
        mailbox: job.mailbox,
        exists: mailbox?.exists ?? 0,
        uidValidity: mailbox?.uidValidity ?? null,
        uidNext: mailbox?.uidNext ?? null,
        readOnly: mailbox?.readOnly ?? false,
      };
    case 'headers':
      return { kind: 'summaries', mailbox: job.mailbox, messages: summaries(responses) };
    case 'body': {
      let data: string | null = null;
      let origin: number | null = null;
      for (const response of responses) {
        if (response.kind !== 'fetch' || fetchUid(response) !== job.uid) continue;
        for (const entry of response.items) {
          if (entry.item === 'section') {
            data = entry.data;
            origin = entry.origin;
          }
        }
      }
      return {
        kind: 'bodyPart',
        mailbox: job.mailbox,
        uid: job.uid,
        part: job.part,
        origin,
        data,
        seen: job.markSeen,
      };
    }
    case 'flag': {
      const flags = responses.flatMap((response) =>
        response.kind === 'fetch' && (fetchUid(response) ?? job.uid) === job.uid
          ? [fetchFlags(response)]
          : [],
      );
      return { kind: 'flagged', mailbox: job.mailbox, uid: job.uid, flags: flags.at(-1) ?? null };
    }
    case 'move': {
      const via = steps.some((step) => step.name === 'COPY') ? 'COPY' : 'MOVE';
      return {
        kind: 'moved',
        mailbox: job.mailbox,
        uid: job.uid,
        to: job.to,
        via,
        newUid: copiedUid(responses, job.uid),
      };
    }
    case 'search': {
      const uids = responses.flatMap((response) => (response.kind === 'search' ? response.numbers : []));
      return { kind: 'searched', mailbox: job.mailbox, uids: [...new Set(uids)].sort((a, b) => a - b) };
    }
    case 'idle':
      return { kind: 'idled', mailbox: job.mailbox };
    case 'logout':
      return { kind: 'loggedOut' };
  }
}
