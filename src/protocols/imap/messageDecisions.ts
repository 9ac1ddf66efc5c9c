// What the IMAP server answers to the commands of the selected state (RFC 3501 §6.4, RFC 6851 MOVE, RFC 4315 UID
// EXPUNGE and COPYUID): pure functions from the session's context and the command to an Outcome.
import type { ImapCommand } from './commandTypes.ts';
import type { FetchResponseItem } from './fetchResponse.ts';
import {
  expandFetch,
  fetchItem,
  parseStored,
  type SearchTarget,
  searchMatches,
  setsSeen,
} from './messageView.ts';
import { data, type ServerLine, tagged, untagged } from './replies.ts';
import type { ResponseCode } from './responseCodes.ts';
import { compressNumbers } from './sequenceSet.ts';
import { mailboxName, type Outcome, type ServerContext, withUpdates } from './serverDecisions.ts';
import { removeUids, resolveSet, type SelectedView } from './sessionView.ts';

type Selected = ServerContext & { readonly selected: SelectedView };

function isSelected(context: ServerContext): context is Selected {
  return context.selected !== null;
}

const NOTHING: Outcome = { lines: [] };

// Commands that change the mailbox are refused on a read-only one (RFC 3501 §6.3.2).
function readOnly(tag: string, verb: string): Outcome {
  return { lines: [tagged(tag, 'error.readOnly', { verb }, { code: 'READ-ONLY' })] };
}

/** decideCheck answers CHECK (RFC 3501 §6.4.1): the store keeps nothing in memory, so there is nothing to do. */
export function decideCheck(context: ServerContext, tag: string): Outcome {
  return withUpdates(context, [], tagged(tag, 'check.ok'));
}

/** decideClose answers CLOSE (RFC 3501 §6.4.2): expunge silently unless read-only, then back to authenticated. */
export function decideClose(context: ServerContext, tag: string): Outcome {
  if (!isSelected(context)) return NOTHING;
  const { mailbox, readOnly: examined } = context.selected;
  if (!examined) mailbox.expunge(null);
  mailbox.close();
  return {
    lines: [tagged(tag, 'close.ok')],
    update: { selected: null },
    then: { type: 'mailbox.deselected' },
  };
}

/** decideExpunge answers EXPUNGE and UID EXPUNGE (RFC 3501 §6.4.3, RFC 4315 §2.1). */
export function decideExpunge(context: ServerContext, command: ImapCommand & { name: 'EXPUNGE' }): Outcome {
  if (!isSelected(context)) return NOTHING;
  const verb = command.uid ? 'UID EXPUNGE' : 'EXPUNGE';
  if (context.selected.readOnly) return readOnly(command.tag, verb);
  let only: number[] | null = null;
  if (command.uid) {
    const targets = resolveSet(context.selected, command.set, true);
    only = targets.ok ? targets.messages.map((m) => m.uid) : [];
  }
  const removed = context.selected.mailbox.expunge(only);
  const own = removeUids(context.selected, removed);
  return withUpdates(
    { ...context, selected: own.view },
    own.lines,
    tagged(command.tag, 'expunge.ok', { verb }),
  );
}

// Commands with message numbers may not be told of expunges (RFC 3501 §7.4.1), so non-UID FETCH, STORE and SEARCH
// end without updates; their UID forms may.
function finish(context: Selected, uid: boolean, lines: readonly ServerLine[], last: ServerLine): Outcome {
  return uid ? withUpdates(context, lines, last) : { lines: [...lines, last] };
}

const CHARSETS = new Set(['US-ASCII', 'UTF-8']);

/** decideSearch answers SEARCH and UID SEARCH (RFC 3501 §6.4.4): US-ASCII and UTF-8 only ([BADCHARSET]). */
export function decideSearch(context: ServerContext, command: ImapCommand & { name: 'SEARCH' }): Outcome {
  if (!isSelected(context)) return NOTHING;
  const verb = command.uid ? 'UID SEARCH' : 'SEARCH';
  if (command.charset !== null && !CHARSETS.has(command.charset.toUpperCase())) {
    const code: ResponseCode = { code: 'BADCHARSET', charsets: ['US-ASCII', 'UTF-8'] };
    return { lines: [tagged(command.tag, 'search.badCharset', { charset: command.charset }, code)] };
  }
  const { uids, mailbox } = context.selected;
  const scope = { exists: uids.length, largestUid: uids.at(-1) ?? 0 };
  const found: number[] = [];
  uids.forEach((uid, i) => {
    const stored = mailbox.message(uid);
    if (stored === null) return;
    const target: SearchTarget = { seq: i + 1, message: parseStored(stored) };
    if (command.keys.every((key) => searchMatches(key, target, scope))) found.push(command.uid ? uid : i + 1);
  });
  return finish(
    context,
    command.uid,
    [data({ kind: 'search', numbers: found })],
    tagged(command.tag, 'search.ok', { verb }),
  );
}

/**
 * decideFetch answers FETCH and UID FETCH (RFC 3501 §6.4.5, §6.4.8). BODY[...] without PEEK, RFC822 and
 * RFC822.TEXT set \Seen in a read-write mailbox, and the response then says FLAGS too; UID FETCH always says UID.
 * A message another session expunged meanwhile is left out, and the tagged reply is NO (§7.4.1).
 */
export function decideFetch(context: ServerContext, command: ImapCommand & { name: 'FETCH' }): Outcome {
  if (!isSelected(context)) return NOTHING;
  const verb = command.uid ? 'UID FETCH' : 'FETCH';
  const targets = resolveSet(context.selected, command.set, command.uid);
  if (!targets.ok) {
    return noSuchMessage(command.tag, targets.seq, context.selected);
  }
  const items = expandFetch(command.macro, command.items);
  if (command.uid && !items.some((item) => item.kind === 'UID')) items.push({ kind: 'UID' });
  const marksSeen = !context.selected.readOnly && items.some(setsSeen);
  const { mailbox } = context.selected;
  const lines: ServerLine[] = [];
  let gone = false;
  for (const { seq, uid } of targets.messages) {
    const stored = mailbox.message(uid);
    if (stored === null) {
      gone = true;
      continue;
    }
    let flags = stored.flags;
    let wantFlags = items.some((item) => item.kind === 'FLAGS');
    if (marksSeen && !flags.includes('\\Seen')) {
      flags = mailbox.setFlags([uid], 'add', ['\\Seen'])[0]?.flags ?? flags;
      wantFlags = true;
    }
    const message = parseStored(stored);
    const response: FetchResponseItem[] = items.map((item) => fetchItem(message, item, flags));
    if (wantFlags && !items.some((item) => item.kind === 'FLAGS'))
      response.push({ item: 'FLAGS', flags: [...flags] });
    lines.push(data({ kind: 'fetch', seq, items: response }));
  }
  const last = gone ? tagged(command.tag, 'fetch.expunged') : tagged(command.tag, 'fetch.ok', { verb });
  return finish(context, command.uid, lines, last);
}

// The BAD for a sequence number past the end of the mailbox (RFC 3501 §9), saying how many messages there are.
function noSuchMessage(tag: string, seq: string, view: SelectedView): Outcome {
  const exists = view.uids.length === 1 ? '1 message' : `${view.uids.length} messages`;
  return { lines: [tagged(tag, 'error.noSuchMessage', { seq, exists })] };
}

/** decideStore answers STORE and UID STORE (RFC 3501 §6.4.6): FETCH (FLAGS ...) for each message unless .SILENT. */
export function decideStore(context: ServerContext, command: ImapCommand & { name: 'STORE' }): Outcome {
  if (!isSelected(context)) return NOTHING;
  const verb = command.uid ? 'UID STORE' : 'STORE';
  if (context.selected.readOnly) return readOnly(command.tag, verb);
  if (command.flags.some((flag) => flag.toLowerCase() === '\\recent')) {
    return { lines: [tagged(command.tag, 'store.recent')] };
  }
  const targets = resolveSet(context.selected, command.set, command.uid);
  if (!targets.ok) {
    return noSuchMessage(command.tag, targets.seq, context.selected);
  }
  const seqOf = new Map(targets.messages.map(({ seq, uid }) => [uid, seq]));
  const after = context.selected.mailbox.setFlags([...seqOf.keys()], command.operation, command.flags);
  const lines: ServerLine[] = command.silent
    ? []
    : after.flatMap(({ uid, flags }) => {
        const seq = seqOf.get(uid);
        if (seq === undefined) return [];
        const items: FetchResponseItem[] = [{ item: 'FLAGS', flags: [...flags] }];
        if (command.uid) items.push({ item: 'UID', uid });
        return [data({ kind: 'fetch', seq, items })];
      });
  return finish(context, command.uid, lines, tagged(command.tag, 'store.ok', { verb }));
}

/**
 * decideCopy answers COPY and MOVE with their UID forms (RFC 3501 §6.4.7, RFC 6851 §3): COPYUID on success
 * (RFC 4315 §3), TRYCREATE when the destination does not exist. MOVE reports COPYUID in an untagged OK, then the
 * EXPUNGE of every message moved.
 */
export function decideCopy(
  context: ServerContext,
  command: ImapCommand & { name: 'COPY' | 'MOVE' },
): Outcome {
  if (!isSelected(context)) return NOTHING;
  const verb = command.uid ? `UID ${command.name}` : command.name;
  const move = command.name === 'MOVE';
  if (move && context.selected.readOnly) return readOnly(command.tag, verb);
  const named = mailboxName(command.tag, command.mailbox);
  if (!named.ok) return named.outcome;
  const targets = resolveSet(context.selected, command.set, command.uid);
  if (!targets.ok) {
    return noSuchMessage(command.tag, targets.seq, context.selected);
  }
  const uids = targets.messages.map((m) => m.uid);
  if (uids.length === 0) return withUpdates(context, [], tagged(command.tag, 'copy.ok', { verb }));
  const { mailbox } = context.selected;
  const result = move ? mailbox.move(uids, named.name) : mailbox.copy(uids, named.name);
  if (!result.ok) {
    const vars = { mailbox: named.name };
    if (result.reason === 'nonexistent') {
      return { lines: [tagged(command.tag, 'copy.tryCreate', vars, { code: 'TRYCREATE' })] };
    }
    if (result.reason === 'noselect')
      return { lines: [tagged(command.tag, 'copy.noselect', vars, { code: 'CANNOT' })] };
    return {
      lines: [tagged(command.tag, 'copy.full', vars, { code: 'other', atom: 'OVERQUOTA', text: null })],
    };
  }
  const code = {
    code: 'COPYUID',
    uidValidity: result.uidValidity,
    source: compressNumbers(result.pairs.map((pair) => pair.from)),
    destination: compressNumbers(result.pairs.map((pair) => pair.to)),
  } as const;
  if (!move) return withUpdates(context, [], tagged(command.tag, 'copy.ok', { verb }, code));
  const removed = removeUids(
    context.selected,
    result.pairs.map((pair) => pair.from),
  );
  return withUpdates(
    { ...context, selected: removed.view },
    [untagged('copy.move.ok', {}, code), ...removed.lines],
    tagged(command.tag, 'copy.ok', { verb }),
  );
}
