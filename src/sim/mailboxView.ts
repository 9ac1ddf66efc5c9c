// Each account's folders at a point of the trace, folded from the mailbox.* events the store wrote: the messages in
// each folder with their UIDs and flags (\Deleted ones kept, marked, until an expunge), and folders made, renamed
// or deleted by IMAP. worldView runs this fold beside its others.
import { HIERARCHY_DELIMITER } from '../protocols/imap/listPattern.ts';
import { DEFAULT_FOLDERS } from './mail/mailboxTypes.ts';
import type { EventOf, TraceEvent } from './trace.ts';

/** StoredMessageView is one message in a folder. */
export interface StoredMessageView {
  readonly uid: number;
  readonly size: number;
  readonly storedAt: number;
  /** seq is the trace position of the event that holds its raw text (`mailbox.stored` or `mailbox.appended`). */
  readonly seq: number;
  readonly flags: readonly string[];
}

/** FolderView is one folder of an account: its name, messages in UID order, and whether it holds messages at all. */
export interface FolderView {
  readonly name: string;
  /** noselect is true for a name kept only for its children after DELETE (RFC 3501 §6.3.4). */
  readonly noselect: boolean;
  /** uidValidity is the folder's UIDVALIDITY as the store last reported it, or null when no event said. */
  readonly uidValidity: number | null;
  readonly messages: readonly StoredMessageView[];
}

interface MutableFolder {
  noselect: boolean;
  uidValidity: number | null;
  messages: StoredMessageView[];
}

/**
 * MailboxFold is the folders of every account seen so far, by `user@host`, each in the order it appeared. A copy
 * shares its accounts and folders with the fold it came from; `ownAccounts` and `own` hold the ones this fold may
 * change in place, and the first change to any other clones it (an account's map of folders, then the folder), so a
 * walk of a few hundred events copies only the accounts it touches.
 */
export interface MailboxFold {
  readonly accounts: Map<string, Map<string, MutableFolder>>;
  readonly ownAccounts: Set<Map<string, MutableFolder>>;
  readonly own: Set<MutableFolder>;
}

function emptyFolder(fold: MailboxFold): MutableFolder {
  const folder: MutableFolder = { noselect: false, uidValidity: null, messages: [] };
  fold.own.add(folder);
  return folder;
}

function emptyFolders(fold: MailboxFold): Map<string, MutableFolder> {
  const folders = new Map(DEFAULT_FOLDERS.map((f) => [f, emptyFolder(fold)]));
  fold.ownAccounts.add(folders);
  return folders;
}

type MailboxEvent = EventOf<
  | 'mailbox.stored'
  | 'mailbox.appended'
  | 'mailbox.flags'
  | 'mailbox.expunged'
  | 'mailbox.copied'
  | 'mailbox.created'
  | 'mailbox.deleted'
  | 'mailbox.renamed'
>;

/** isMailboxEvent tells the events foldMailboxEvent reads. */
export function isMailboxEvent(e: TraceEvent): e is MailboxEvent {
  return e.kind.startsWith('mailbox.');
}

/** newMailboxFold starts a fold with every scenario account's default folders (INBOX, Sent, Trash), empty. */
export function newMailboxFold(accounts: readonly string[]): MailboxFold {
  const fold: MailboxFold = { accounts: new Map(), ownAccounts: new Set(), own: new Set() };
  for (const account of accounts) fold.accounts.set(account, emptyFolders(fold));
  return fold;
}

/**
 * copyMailboxFold returns a fold that goes on apart from `fold`, as worldView's checkpoints need. The two share
 * every folder until one of them changes it; message views are always shared, as no fold changes one in place.
 * Neither may change a folder it shares from then on, so `fold` gives up its own ones too.
 */
export function copyMailboxFold(fold: MailboxFold): MailboxFold {
  fold.own.clear();
  fold.ownAccounts.clear();
  return { accounts: new Map(fold.accounts), ownAccounts: new Set(), own: new Set() };
}

/** foldersOf is an account's map of folders, made if the account is new, and this fold's own to change. */
function foldersOf(fold: MailboxFold, account: string): Map<string, MutableFolder> {
  const folders = fold.accounts.get(account);
  if (folders !== undefined && fold.ownAccounts.has(folders)) return folders;
  const mine = folders === undefined ? emptyFolders(fold) : new Map(folders);
  fold.ownAccounts.add(mine);
  fold.accounts.set(account, mine);
  return mine;
}

/** folderOf is an account's folder, made if it is new, and this fold's own to change. */
function folderOf(fold: MailboxFold, account: string, name: string): MutableFolder {
  const folders = foldersOf(fold, account);
  const folder = folders.get(name);
  if (folder === undefined) {
    const made = emptyFolder(fold);
    folders.set(name, made);
    return made;
  }
  if (fold.own.has(folder)) return folder;
  const mine: MutableFolder = {
    noselect: folder.noselect,
    uidValidity: folder.uidValidity,
    messages: folder.messages.slice(),
  };
  fold.own.add(mine);
  folders.set(name, mine);
  return mine;
}

/** foldMailboxEvent applies one mailbox event to the fold; events must come in trace order. */
export function foldMailboxEvent(fold: MailboxFold, e: MailboxEvent): void {
  const account = `${e.user}@${e.host}`;
  switch (e.kind) {
    case 'mailbox.stored': {
      const folder = folderOf(fold, account, e.folder);
      if (e.uidValidity !== undefined) folder.uidValidity = e.uidValidity;
      // The store gives \Recent to whichever session sees the message first; until then it is new to all.
      folder.messages.push({
        uid: e.uid,
        size: e.size,
        storedAt: e.t,
        seq: e.seq,
        flags: ['\\Recent'],
      });
      break;
    }
    case 'mailbox.appended':
      folderOf(fold, account, e.folder).messages.push({
        uid: e.uid,
        size: e.size,
        storedAt: e.t,
        seq: e.seq,
        flags: e.flags,
      });
      break;
    case 'mailbox.flags': {
      const messages = folderOf(fold, account, e.folder).messages;
      const i = messages.findIndex((m) => m.uid === e.uid);
      if (i >= 0) messages[i] = { ...(messages[i] as StoredMessageView), flags: e.flags };
      break;
    }
    case 'mailbox.expunged': {
      const folder = folderOf(fold, account, e.folder);
      folder.messages = folder.messages.filter((m) => m.uid !== e.uid);
      break;
    }
    case 'mailbox.copied': {
      const source = folderOf(fold, account, e.folder).messages.find((m) => m.uid === e.uid);
      if (source === undefined) break;
      // A copy keeps the flags and gets \Recent in its new folder (RFC 3501 §6.4.7); its text is the source's.
      const flags = source.flags.includes('\\Recent') ? source.flags : [...source.flags, '\\Recent'];
      folderOf(fold, account, e.to).messages.push({ ...source, uid: e.toUid, storedAt: e.t, flags });
      break;
    }
    case 'mailbox.created': {
      const folder = folderOf(fold, account, e.folder);
      folder.noselect = false;
      if (e.uidValidity !== undefined) folder.uidValidity = e.uidValidity;
      break;
    }
    case 'mailbox.deleted': {
      if (e.noselect) folderOf(fold, account, e.folder).messages = [];
      if (e.noselect) folderOf(fold, account, e.folder).noselect = true;
      else if (fold.accounts.has(account)) foldersOf(fold, account).delete(e.folder);
      break;
    }
    case 'mailbox.renamed': {
      if (!fold.accounts.has(account)) break;
      const folders = foldersOf(fold, account);
      // Children move with their parent (RFC 3501 §6.3.5): `Work/2026` becomes `Jobs/2026`.
      const prefix = e.folder + HIERARCHY_DELIMITER;
      for (const [name, folder] of [...folders]) {
        if (name !== e.folder && !name.startsWith(prefix)) continue;
        folders.delete(name);
        folders.set(e.to + name.slice(e.folder.length), folder);
      }
      break;
    }
  }
}

// An account's folders read out, kept for the maps of folders no fold changes any more (a checkpoint's, shared by
// every walk from it): a cursor move reads out again only the accounts its walk touched.
const readOuts = new WeakMap<ReadonlyMap<string, MutableFolder>, readonly FolderView[]>();

function readOut(folders: ReadonlyMap<string, MutableFolder>): FolderView[] {
  const out: FolderView[] = [];
  folders.forEach((f, name) =>
    out.push({ name, noselect: f.noselect, uidValidity: f.uidValidity, messages: f.messages }),
  );
  return out.sort((a, b) => (a.name === 'INBOX' ? -1 : b.name === 'INBOX' ? 1 : byName(a.name, b.name)));
}

/**
 * mailboxFolders reads the fold out: each account's folders, INBOX first, then by name. The message lists are the
 * fold's own, not copies, so fold no more events into it once it is read out (worldView reads a fold it then drops).
 */
export function mailboxFolders(fold: MailboxFold): Record<string, readonly FolderView[]> {
  const out: Record<string, readonly FolderView[]> = {};
  fold.accounts.forEach((folders, account) => {
    if (fold.ownAccounts.has(folders)) out[account] = readOut(folders);
    else {
      let shared = readOuts.get(folders);
      if (shared === undefined) readOuts.set(folders, (shared = readOut(folders)));
      out[account] = shared;
    }
  });
  return out;
}

// Folder names in the order people expect, whatever the machine's locale: by code point with case aside (which
// puts Hangul in dictionary order), and of two names that differ only in case the lower-case one first, as
// localeCompare does. For letters and Hangul the two agree (punctuation and accents may sort differently); the
// first call of localeCompare loads ICU's collation data, which the first page's world paid for before its first
// paint.
function byName(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a > b ? -1 : a < b ? 1 : 0;
}
