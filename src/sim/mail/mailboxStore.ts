// Each user's mail on a server, the one store behind SMTP delivery, POP3 and IMAP: folders in a hierarchy (RFC 3501
// §5.1) of messages with UIDs, flags, an internal date and size, stored raw. Every change goes to the trace and to
// the sessions that have the folder selected (mailboxSession.ts), which decide when to tell their client.
import type { HostId } from '../../net/types.ts';
import type { UnstampedEvent } from '../trace.ts';
import { canonicalFolder, isInferior, parentsOf } from './folderNames.ts';
import { MailboxSession, type FolderChange } from './mailboxSession.ts';
import {
  DEFAULT_FOLDERS,
  normaliseFlags,
  type AppendResult,
  type CopyResult,
  type FlagOperation,
  type Folder,
  type FolderResult,
  type FolderStatus,
  type MailUser,
  type Refused,
  type StoredMessage,
  type UidPair,
} from './mailboxTypes.ts';

// Callers that know the store by this file's name find its types here too.
export * from './mailboxTypes.ts';

/**
 * StoreState is a store with no session open, as data: every account's folders and messages (a message's text is
 * shared, never changed), which messages have given away \Recent, and the counters.
 */
export interface StoreState {
  readonly users: readonly MailUser[];
  readonly recentTaken: readonly StoredMessage[];
  readonly uidValidity: number;
  readonly octets: number;
  readonly limit: number;
}

// A copy of an account deep enough that neither copy sees the other's changes (flags and folders change in place).
function copyUser(u: MailUser, copied: Map<StoredMessage, StoredMessage>): MailUser {
  const folders = new Map<string, Folder>();
  for (const [name, f] of u.folders) {
    const messages = f.messages.map((m) => {
      const copy = { ...m, flags: new Set(m.flags) };
      copied.set(m, copy);
      return copy;
    });
    folders.set(name, { ...f, messages });
  }
  return { ...u, folders, subscriptions: new Set(u.subscriptions) };
}

/** MailboxStore holds the accounts of one mail server and reports every change to the trace and to sessions. */
export class MailboxStore {
  readonly #host: HostId;
  readonly #emit: (event: UnstampedEvent) => void;
  readonly #now: () => number;
  readonly #users = new Map<string, MailUser>();
  readonly #sessions = new Set<MailboxSession>();
  readonly #watchers = new Set<() => void>();
  // \Recent goes to the first session that sees a message, and only to it (RFC 3501 §2.3.2).
  readonly #recentTaken = new WeakSet<StoredMessage>();
  #uidValidity = 1;
  #octets = 0;

  /**
   * limit is how many octets of messages the store may hold, across all users and folders; past it, APPEND is
   * refused and the mail server refuses new recipients (see MailServer). Unlimited unless set, as in the lab;
   * the bridge sets it, since real clients can send without end.
   */
  limit = Infinity;

  constructor(host: HostId, emit: (event: UnstampedEvent) => void, now: () => number) {
    this.#host = host;
    // Every change is one event; watchers hear of it after the trace, and after the sessions it concerns took
    // note (each change tells them first), so a woken session finds its update waiting.
    this.#emit = (event) => {
      emit(event);
      for (const watcher of [...this.#watchers]) watcher();
    };
    this.#now = now;
  }

  /** state is the store as data, or null while a session has a folder open or someone watches the store. */
  state(): StoreState | null {
    if (this.#sessions.size > 0 || this.#watchers.size > 0) return null;
    const copied = new Map<StoredMessage, StoredMessage>();
    const users = [...this.#users.values()].map((u) => copyUser(u, copied));
    const recentTaken = [...copied].filter(([m]) => this.#recentTaken.has(m)).map(([, copy]) => copy);
    return { users, recentTaken, uidValidity: this.#uidValidity, octets: this.#octets, limit: this.limit };
  }

  /** restore sets the store to `state`, copying it, so that the checkpoint can be restored again. */
  restore(state: StoreState): void {
    const copied = new Map<StoredMessage, StoredMessage>();
    this.#users.clear();
    for (const u of state.users) this.#users.set(u.name, copyUser(u, copied));
    for (const m of state.recentTaken) this.#recentTaken.add(copied.get(m) as StoredMessage);
    this.#uidValidity = state.uidValidity;
    this.#octets = state.octets;
    this.limit = state.limit;
  }

  /** octets is the size of every message the store holds (a copy counts again, as a real store would keep it). */
  get octets(): number {
    return this.#octets;
  }

  /** full tells whether the store holds its `limit` or more. */
  get full(): boolean {
    return this.#octets >= this.limit;
  }

  /**
   * addUser creates an account with INBOX, Sent and Trash, all subscribed. They exist from the start, as the
   * account does, so they are not reported as created. User names compare case-insensitively.
   */
  addUser(name: string, password: string): void {
    const key = name.toLowerCase();
    if (this.#users.has(key)) return;
    const user: MailUser = { name: key, password, folders: new Map(), subscriptions: new Set() };
    this.#users.set(key, user);
    for (const folder of DEFAULT_FOLDERS) {
      this.#newFolder(user, folder);
      user.subscriptions.add(folder);
    }
  }

  /** hasUser tells whether an account exists. */
  hasUser(name: string): boolean {
    return this.#users.has(name.toLowerCase());
  }

  /** checkPassword is true when the account exists and the password matches. */
  checkPassword(name: string, password: string): boolean {
    return this.#users.get(name.toLowerCase())?.password === password;
  }

  /** users lists the account names. */
  users(): string[] {
    return [...this.#users.keys()];
  }

  /** folder returns a user's folder by name (INBOX in any case), or undefined for no such user or folder. */
  folder(user: string, name = 'INBOX'): Folder | undefined {
    const canonical = canonicalFolder(name);
    if (!canonical.ok) return undefined;
    return this.#users.get(user.toLowerCase())?.folders.get(canonical.name);
  }

  /** folders lists a user's folders, \Noselect ones included, sorted by name; empty for no such user. */
  folders(user: string): Folder[] {
    const u = this.#users.get(user.toLowerCase());
    return u ? [...u.folders.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : [];
  }

  /** hasChildren tells whether a folder has inferiors (for LIST's \HasChildren, RFC 3348). */
  hasChildren(user: string, name: string): boolean {
    const folder = this.folder(user, name);
    return folder !== undefined && this.folders(user).some((f) => isInferior(f.name, folder.name));
  }

  /**
   * deliver stores a message in a user's folder with the next UID; the user must exist, and a folder that does not
   * exist yet (or is \Noselect) is created. `queueId` names the server's record of the message (the id its `smtp.accepted` or
   * `queue.enqueued` carried), so a view can find the envelope it came with.
   */
  deliver(user: string, raw: string, queueId: string, folderName = 'INBOX'): StoredMessage {
    const u = this.#users.get(user.toLowerCase());
    if (!u) throw new Error(`MailboxStore.deliver: no user ${user} on ${this.#host}`);
    if (!this.folder(user, folderName)?.selectable) this.create(user, folderName);
    const folder = this.folder(user, folderName);
    if (!folder?.selectable)
      throw new Error(`MailboxStore.deliver: ${folderName} of ${user} cannot hold mail`);
    const message = this.#add(folder, raw, this.#now(), []);
    this.#tell(folder, { kind: 'stored', uid: message.uid });
    this.#emit({
      kind: 'mailbox.stored',
      host: this.#host,
      user: u.name,
      folder: folder.name,
      uidValidity: folder.uidValidity,
      uid: message.uid,
      size: message.size,
      queueId,
      raw,
    });
    return message;
  }

  /** append adds a message a client wrote into an existing folder (IMAP APPEND, RFC 3501 §6.3.11). */
  append(
    user: string,
    folderName: string,
    raw: string,
    flags: readonly string[] = [],
    internalDate = this.#now(),
  ): AppendResult {
    const found = this.#selectable(user, folderName);
    if (!found.ok) return found;
    if (this.full) return { ok: false, reason: 'full' };
    const { u, folder } = found;
    const message = this.#add(folder, raw, internalDate, flags);
    this.#tell(folder, { kind: 'stored', uid: message.uid });
    this.#emit({
      kind: 'mailbox.appended',
      host: this.#host,
      user: u.name,
      folder: folder.name,
      uid: message.uid,
      size: message.size,
      flags: [...message.flags],
      raw,
    });
    return { ok: true, uidValidity: folder.uidValidity, uid: message.uid };
  }

  /**
   * copy copies messages to another folder, each with a new UID there, the same flags and internal date (RFC 3501
   * §6.4.7). UIDs that are not in the source are skipped; the rest go in ascending UID order.
   */
  copy(user: string, fromName: string, uids: readonly number[], toName: string): CopyResult {
    const source = this.#selectable(user, fromName);
    if (!source.ok) return source;
    const target = this.#selectable(user, toName);
    if (!target.ok) return target;
    const { u, folder: from } = source;
    const to = target.folder;
    const wanted = new Set(uids);
    const pairs: UidPair[] = [];
    for (const message of from.messages.filter((m) => wanted.has(m.uid))) {
      const copy = this.#add(to, message.raw, message.internalDate, [...message.flags]);
      pairs.push({ from: message.uid, to: copy.uid });
      this.#tell(to, { kind: 'stored', uid: copy.uid });
      this.#emit({
        kind: 'mailbox.copied',
        host: this.#host,
        user: u.name,
        folder: from.name,
        uid: message.uid,
        to: to.name,
        toUid: copy.uid,
      });
    }
    return { ok: true, uidValidity: to.uidValidity, uids: pairs };
  }

  /** move is copy followed by expunging the originals from the source (RFC 6851 §3.1). */
  move(user: string, fromName: string, uids: readonly number[], toName: string): CopyResult {
    const copied = this.copy(user, fromName, uids, toName);
    if (copied.ok)
      this.expunge(
        user,
        fromName,
        copied.uids.map((p) => p.from),
      );
    return copied;
  }

  /** setFlags replaces a message's flags. */
  setFlags(user: string, folderName: string, uid: number, flags: readonly string[]): void {
    this.storeFlags(user, folderName, [uid], 'replace', flags);
  }

  /**
   * storeFlags adds, removes or replaces flags on messages, reporting each message whose flags changed; it returns
   * the UIDs of those messages. A message whose flags stay as they were is not reported.
   */
  storeFlags(
    user: string,
    folderName: string,
    uids: readonly number[],
    operation: FlagOperation,
    flags: readonly string[],
  ): number[] {
    const found = this.#selectable(user, folderName);
    if (!found.ok) return [];
    const { u, folder } = found;
    const given = normaliseFlags(flags);
    const wanted = new Set(uids);
    const changed: number[] = [];
    for (const message of folder.messages.filter((m) => wanted.has(m.uid))) {
      const before = [...message.flags].sort().join(' ');
      if (operation === 'replace') message.flags.clear();
      // Flags compare without regard to case (RFC 9051 §2.3.2 says so; RFC 3501 is silent): a keyword keeps the
      // spelling it was first stored with.
      for (const flag of given) {
        const held = [...message.flags].find((f) => f.toLowerCase() === flag.toLowerCase());
        if (operation === 'remove') {
          if (held !== undefined) message.flags.delete(held);
        } else if (held === undefined) message.flags.add(flag);
      }
      if ([...message.flags].sort().join(' ') === before) continue;
      changed.push(message.uid);
      this.#tell(folder, { kind: 'flags', uid: message.uid });
      this.#emit({
        kind: 'mailbox.flags',
        host: this.#host,
        user: u.name,
        folder: folder.name,
        uid: message.uid,
        flags: [...message.flags],
      });
    }
    return changed;
  }

  /** expunge removes messages for good and returns the UIDs it removed, in ascending order. */
  expunge(user: string, folderName: string, uids: readonly number[]): number[] {
    const u = this.#users.get(user.toLowerCase());
    const folder = this.folder(user, folderName);
    if (!u || !folder) return [];
    const wanted = new Set(uids);
    const gone = folder.messages.filter((m) => wanted.has(m.uid)).map((m) => m.uid);
    for (const uid of gone) {
      const [message] = folder.messages.splice(
        folder.messages.findIndex((m) => m.uid === uid),
        1,
      );
      this.#octets -= message?.size ?? 0;
      this.#tell(folder, { kind: 'expunged', uid });
      this.#emit({ kind: 'mailbox.expunged', host: this.#host, user: u.name, folder: folder.name, uid });
    }
    return gone;
  }

  /** expungeDeleted removes every message flagged \Deleted (EXPUNGE, CLOSE; RFC 3501 §6.4.3). */
  expungeDeleted(user: string, folderName: string): number[] {
    const folder = this.folder(user, folderName);
    if (!folder) return [];
    const deleted = folder.messages.filter((m) => m.flags.has('\\Deleted')).map((m) => m.uid);
    return this.expunge(user, folderName, deleted);
  }

  /**
   * create makes a folder and any missing parents (RFC 3501 §6.3.3). Creating a \Noselect folder's name makes it
   * selectable again; it keeps its UIDNEXT, so no UID is reused.
   */
  create(user: string, name: string): FolderResult {
    const u = this.#users.get(user.toLowerCase());
    if (!u) return { ok: false, reason: 'no-user' };
    const canonical = canonicalFolder(name);
    if (!canonical.ok) return { ok: false, reason: 'invalid-name', detail: canonical.problem };
    const existing = u.folders.get(canonical.name);
    if (existing?.selectable) return { ok: false, reason: 'exists' };
    for (const parent of parentsOf(canonical.name))
      if (!u.folders.has(parent)) this.#created(u, this.#newFolder(u, parent));
    if (existing) existing.selectable = true;
    this.#created(u, existing ?? this.#newFolder(u, canonical.name));
    return { ok: true };
  }

  /**
   * delete removes a folder and its messages (RFC 3501 §6.3.4). INBOX cannot be deleted; a folder with children
   * loses its messages and becomes \Noselect, and deleting a \Noselect folder that still has children is refused.
   */
  delete(user: string, name: string): FolderResult {
    const found = this.#existing(user, name);
    if (!found.ok) return found;
    const { u, folder } = found;
    if (folder.name === 'INBOX') return { ok: false, reason: 'inbox' };
    const children = [...u.folders.keys()].some((n) => isInferior(n, folder.name));
    if (children && !folder.selectable) return { ok: false, reason: 'has-children' };
    this.expunge(
      u.name,
      folder.name,
      folder.messages.map((m) => m.uid),
    );
    if (children) folder.selectable = false;
    else u.folders.delete(folder.name);
    this.#tell(folder, { kind: 'deleted' });
    this.#emit({
      kind: 'mailbox.deleted',
      host: this.#host,
      user: u.name,
      folder: folder.name,
      noselect: children,
    });
    return { ok: true };
  }

  /**
   * rename gives a folder and all its inferiors a new name, making missing parents of the new name (RFC 3501
   * §6.3.5). Each keeps its UIDVALIDITY and UIDs: the new name never named another folder with that UIDVALIDITY.
   * Renaming INBOX instead moves its messages to a new folder and leaves INBOX empty; its inferiors stay.
   */
  rename(user: string, fromName: string, toName: string): FolderResult {
    const found = this.#existing(user, fromName);
    if (!found.ok) return found;
    const { u, folder } = found;
    const canonical = canonicalFolder(toName);
    if (!canonical.ok) return { ok: false, reason: 'invalid-name', detail: canonical.problem };
    const to = canonical.name;
    if (u.folders.has(to)) return { ok: false, reason: 'exists' };
    if (isInferior(to, folder.name)) return { ok: false, reason: 'below-itself' };
    if (folder.name === 'INBOX') {
      const made = this.create(u.name, to);
      if (!made.ok) return made;
      this.move(
        u.name,
        'INBOX',
        folder.messages.map((m) => m.uid),
        to,
      );
      return { ok: true };
    }
    for (const parent of parentsOf(to))
      if (!u.folders.has(parent)) this.#created(u, this.#newFolder(u, parent));
    const from = folder.name;
    const moving = [...u.folders.values()].filter((f) => f.name === from || isInferior(f.name, from));
    for (const f of moving) u.folders.delete(f.name);
    for (const f of moving) {
      const old = f.name;
      f.name = to + old.slice(from.length);
      u.folders.set(f.name, f);
      this.#tell(f, { kind: 'renamed', from: old, to: f.name });
      this.#emit({ kind: 'mailbox.renamed', host: this.#host, user: u.name, folder: old, to: f.name });
    }
    return { ok: true };
  }

  /** subscribe adds a name to the user's subscriptions; the folder must exist now (RFC 3501 §6.3.6). */
  subscribe(user: string, name: string): FolderResult {
    const found = this.#existing(user, name);
    if (!found.ok) return found;
    found.u.subscriptions.add(found.folder.name);
    return { ok: true };
  }

  /** unsubscribe removes a name from the subscriptions, whether or not the folder still exists (RFC 3501 §6.3.7). */
  unsubscribe(user: string, name: string): FolderResult {
    const u = this.#users.get(user.toLowerCase());
    if (!u) return { ok: false, reason: 'no-user' };
    const canonical = canonicalFolder(name);
    if (!canonical.ok || !u.subscriptions.delete(canonical.name))
      return { ok: false, reason: 'no-such-folder' };
    return { ok: true };
  }

  /** subscriptions lists the subscribed names, sorted; they may name folders that no longer exist. */
  subscriptions(user: string): string[] {
    return [...(this.#users.get(user.toLowerCase())?.subscriptions ?? [])].sort();
  }

  /**
   * openSession starts a client's session on a user's mail; `listener` hears of every change to the folder the
   * session has selected, as it happens. Must be followed by `session.end()`.
   */
  openSession(user: string, listener: (change: FolderChange) => void = () => undefined): MailboxSession {
    const session = new MailboxSession(this, user.toLowerCase(), listener, () =>
      this.#sessions.delete(session),
    );
    this.#sessions.add(session);
    return session;
  }

  /** watch calls `listener` after every change to any folder of the store, until the returned stop is called. */
  watch(listener: () => void): () => void {
    this.#watchers.add(listener);
    return () => this.#watchers.delete(listener);
  }

  /**
   * status counts a selectable folder's messages without selecting it (RFC 3501 §6.3.10). Recent messages are those
   * no session has seen yet and those a session with the folder selected holds \Recent for.
   */
  status(user: string, name: string): FolderStatus | undefined {
    const folder = this.folder(user, name);
    if (!folder?.selectable) return undefined;
    const holders = [...this.#sessions].filter((s) => s.selectedFolder === folder);
    const recent = folder.messages.filter(
      (m) => !this.#recentTaken.has(m) || holders.some((s) => s.isRecent(m.uid)),
    ).length;
    return {
      messages: folder.messages.length,
      recent,
      uidNext: folder.uidNext,
      uidValidity: folder.uidValidity,
      unseen: folder.messages.filter((m) => !m.flags.has('\\Seen')).length,
    };
  }

  /**
   * takeRecent gives \Recent for a message to the session asking, if no session had it yet; true when it did. Only
   * sessions call it, when they first see a message read-write (RFC 3501 §2.3.2).
   */
  takeRecent(message: StoredMessage): boolean {
    if (this.#recentTaken.has(message)) return false;
    this.#recentTaken.add(message);
    return true;
  }

  /** isRecentTaken tells whether some session has already had \Recent for a message. */
  isRecentTaken(message: StoredMessage): boolean {
    return this.#recentTaken.has(message);
  }

  #add(folder: Folder, raw: string, internalDate: number, flags: readonly string[]): StoredMessage {
    const message: StoredMessage = {
      uid: folder.uidNext++,
      raw,
      internalDate,
      size: raw.length,
      flags: new Set(normaliseFlags(flags)),
    };
    folder.messages.push(message);
    this.#octets += message.size;
    return message;
  }

  #newFolder(user: MailUser, name: string): Folder {
    const folder: Folder = {
      name,
      uidValidity: this.#uidValidity++,
      uidNext: 1,
      messages: [],
      selectable: true,
    };
    user.folders.set(name, folder);
    return folder;
  }

  #created(user: MailUser, folder: Folder): void {
    this.#emit({
      kind: 'mailbox.created',
      host: this.#host,
      user: user.name,
      folder: folder.name,
      uidValidity: folder.uidValidity,
    });
  }

  #existing(user: string, name: string): { ok: true; u: MailUser; folder: Folder } | Refused {
    const u = this.#users.get(user.toLowerCase());
    if (!u) return { ok: false, reason: 'no-user' };
    const canonical = canonicalFolder(name);
    if (!canonical.ok) return { ok: false, reason: 'invalid-name', detail: canonical.problem };
    const folder = u.folders.get(canonical.name);
    return folder ? { ok: true, u, folder } : { ok: false, reason: 'no-such-folder' };
  }

  #selectable(user: string, name: string): { ok: true; u: MailUser; folder: Folder } | Refused {
    const found = this.#existing(user, name);
    if (found.ok && !found.folder.selectable) return { ok: false, reason: 'noselect' };
    return found;
  }

  #tell(folder: Folder, change: FolderChange): void {
    for (const session of this.#sessions) if (session.selectedFolder === folder) session.notice(change);
  }
}
