// One session's view of its selected mailbox: the UIDs its message sequence numbers stand for, changed only when
// the client is told (EXISTS, EXPUNGE; RFC 3501 §2.3.1.2, §7.4.1), and the untagged updates that tell it.
import type { MailboxChange, SelectedMailbox } from './backend.ts';
import { data, type ServerLine, untagged } from './replies.ts';
import { expandSequenceSet, type SequenceSet, sequenceSetFits, sequenceSetIncludes } from './sequenceSet.ts';

/** SelectedView is the selected mailbox as the session knows it. */
export interface SelectedView {
  readonly mailbox: SelectedMailbox;
  /** name is the mailbox's decoded name (INBOX, Work/받은편지함). */
  readonly name: string;
  /** uids: sequence number n is uids[n - 1], ascending. */
  readonly uids: readonly number[];
  readonly readOnly: boolean;
}

/** Targets are the messages a set names, as (sequence number, UID) pairs ascending, or why the set is wrong. */
export type Targets =
  | { readonly ok: true; readonly messages: readonly { seq: number; uid: number }[] }
  | { readonly ok: false; readonly seq: string };

/**
 * resolveSet finds the messages a set names. Sequence numbers must all exist (RFC 3501 §9 asks BAD otherwise);
 * UIDs that do not exist are skipped (§6.4.8), and `n:*` always takes the largest UID.
 */
export function resolveSet(view: SelectedView, set: SequenceSet, uid: boolean): Targets {
  const { uids } = view;
  if (uid) {
    const largest = uids.at(-1) ?? 0;
    const messages = uids.flatMap((u, i) =>
      sequenceSetIncludes(set, u, largest) ? [{ seq: i + 1, uid: u }] : [],
    );
    return { ok: true, messages };
  }
  if (!sequenceSetFits(set, uids.length)) {
    const first = set.find(({ start, end }) => [start, end].some((n) => n === '*' || n > uids.length));
    const seq =
      first === undefined
        ? '*'
        : String(first.start === '*' || first.start > uids.length ? first.start : first.end);
    return { ok: false, seq };
  }
  const messages = expandSequenceSet(set, uids.length).map((seq) => ({ seq, uid: uids[seq - 1] ?? 0 }));
  return { ok: true, messages };
}

/** ViewUpdate is the untagged lines that tell a client of changes, and the view after them. */
export interface ViewUpdate {
  readonly lines: ServerLine[];
  readonly view: SelectedView;
}

/**
 * removeUids tells the client of expunged messages, one `* n EXPUNGE` each in ascending UID order, every number
 * counted after the ones before were removed (RFC 3501 §7.4.1: 3, 3, 5, 8 for messages 3, 4, 7 and 11).
 */
export function removeUids(view: SelectedView, removed: readonly number[]): ViewUpdate {
  const uids = [...view.uids];
  const lines: ServerLine[] = [];
  for (const uid of [...removed].sort((a, b) => a - b)) {
    const index = uids.indexOf(uid);
    if (index === -1) continue;
    uids.splice(index, 1);
    lines.push(data({ kind: 'expunge', seq: index + 1 }));
  }
  return { lines, view: { ...view, uids } };
}

// How many messages of the view hold \Recent in this session, for `* n RECENT` after new mail.
function recentCount(view: SelectedView): number {
  return view.uids.filter((uid) => view.mailbox.message(uid)?.flags.includes('\\Recent') === true).length;
}

/**
 * applyChanges turns what the backend reports into untagged updates: EXPUNGE for removed messages, FETCH (FLAGS)
 * for changed flags, FLAGS and PERMANENTFLAGS for new keywords, then EXISTS and RECENT once for any new mail.
 */
export function applyChanges(view: SelectedView, changes: readonly MailboxChange[]): ViewUpdate {
  let current = view;
  const lines: ServerLine[] = [];
  let added = false;
  for (const change of changes) {
    switch (change.kind) {
      case 'expunged': {
        const update = removeUids(current, [change.uid]);
        current = update.view;
        lines.push(...update.lines);
        break;
      }
      case 'added':
        if (!current.uids.includes(change.uid)) {
          current = { ...current, uids: [...current.uids, change.uid].sort((a, b) => a - b) };
          added = true;
        }
        break;
      case 'flags': {
        const index = current.uids.indexOf(change.uid);
        if (index !== -1) {
          lines.push(
            data({ kind: 'fetch', seq: index + 1, items: [{ item: 'FLAGS', flags: [...change.flags] }] }),
          );
        }
        break;
      }
      case 'flagsDefined':
        lines.push(data({ kind: 'flags', flags: [...change.flags] }));
        lines.push(
          untagged(
            'select.permanentFlags',
            {},
            {
              code: 'PERMANENTFLAGS',
              flags: current.readOnly ? [] : [...change.permanentFlags],
            },
          ),
        );
        break;
    }
  }
  if (added) {
    lines.push(data({ kind: 'exists', count: current.uids.length }));
    lines.push(data({ kind: 'recent', count: recentCount(current) }));
  }
  return { lines, view: current };
}

/** pendingUpdates collects from the backend what this session was not told yet, as untagged updates. */
export function pendingUpdates(view: SelectedView): ViewUpdate {
  return applyChanges(view, view.mailbox.changes());
}
