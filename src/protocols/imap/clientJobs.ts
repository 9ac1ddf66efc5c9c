// What the IMAP client is asked to do (jobs), the commands each job takes given what the session knows, and how a
// job fails. Pure functions; the client machine runs them.
import type { ImapCommandBody } from './commandTypes.ts';
import type { MailboxState } from './clientMailbox.ts';
import type { Partial } from './fetchItems.ts';
import { encodeMailboxName, INBOX, isInbox } from './mailboxNames.ts';
import type { ResponseCode } from './responseCodes.ts';
import type { SearchKey } from './search.ts';
import type { SequenceSet } from './sequenceSet.ts';

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

/** Skipped is a job passed over without a command: an idle job with work waiting behind it, or one that cannot run. */
export type Skipped =
  | { readonly kind: 'idled'; readonly job: Extract<ImapJob, { kind: 'idle' }> }
  | { readonly kind: 'unsupported'; readonly job: ImapJob; readonly text: string };

/** Taken is what the queue's head asks for once the jobs that need no command are passed over. */
export type Taken =
  | { readonly kind: 'wait' }
  | { readonly kind: 'logout' }
  | {
      readonly kind: 'start';
      readonly job: ImapJob;
      readonly steps: readonly [ImapCommandBody, ...ImapCommandBody[]];
    };

/**
 * NextJob is the next thing the queue asks for and the jobs passed over on the way. `queue` is what is left once
 * those and a started job are taken off; a LOGOUT job stays at its head, for the LOGOUT command to take.
 */
export interface NextJob {
  readonly skipped: readonly Skipped[];
  readonly taken: Taken;
  readonly queue: readonly ImapJob[];
}

/**
 * nextJob reads the queue as the client takes it when it has nothing running: LOGOUT, or the first job that
 * plans to at least one command, or nothing (wait for a job). Pure, so a guard can ask where the session is
 * about to go and the action that takes the job gets the same answer.
 */
export function nextJob(
  queue: readonly ImapJob[],
  selected: MailboxState | null,
  capabilities: readonly string[],
): NextJob {
  const skipped: Skipped[] = [];
  for (const [index, job] of queue.entries()) {
    if (job.kind === 'logout') return { skipped, taken: { kind: 'logout' }, queue: queue.slice(index) };
    // An idle job with work already waiting has nothing to wait for.
    if (job.kind === 'idle' && index + 1 < queue.length) {
      skipped.push({ kind: 'idled', job });
      continue;
    }
    const plan = planJob(job, selected, capabilities);
    const [first, ...rest] = plan.ok ? plan.steps : [];
    if (first === undefined) {
      skipped.push({ kind: 'unsupported', job, text: plan.ok ? 'nothing to do' : plan.text });
      continue;
    }
    return { skipped, taken: { kind: 'start', job, steps: [first, ...rest] }, queue: queue.slice(index + 1) };
  }
  return { skipped, taken: { kind: 'wait' }, queue: [] };
}
