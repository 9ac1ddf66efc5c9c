// What an IMAP job that succeeded reports to the reader, read from every response it got. Pure functions.
import type { BodyStructure } from './bodyStructure.ts';
import type { ImapJob } from './clientJobs.ts';
import { fetchFlags, fetchUid, type MailboxState } from './clientMailbox.ts';
import type { ImapCommandBody } from './commandTypes.ts';
import type { Envelope } from './envelope.ts';
import { decodeMailboxName } from './mailboxNames.ts';
import type { ImapResponse } from './responses.ts';
import { expandSequenceSet } from './sequenceSet.ts';

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
