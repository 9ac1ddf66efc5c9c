// One client's view of a selected folder: the sequence numbers its client knows, the messages that are \Recent
// for it alone, and the changes made by others that it has not told its client yet (RFC 3501 §2.3.1.2, §7.4.1).
import type { MailboxStore } from './mailboxStore.ts';
import type { CopyResult, FlagOperation, Folder, FolderRefusal, StoredMessage } from './mailboxTypes.ts';

/**
 * FolderChange is what the store tells a session about the folder it has selected, as it happens. The session
 * only takes note; its owner decides when the client hears of it, through `sync`.
 */
export type FolderChange =
  | { readonly kind: 'stored'; readonly uid: number }
  | { readonly kind: 'flags'; readonly uid: number }
  | { readonly kind: 'expunged'; readonly uid: number }
  | { readonly kind: 'renamed'; readonly from: string; readonly to: string }
  | { readonly kind: 'deleted' };

/**
 * SessionUpdate is one untagged response the client is owed, numbered in its own view: EXPUNGE, EXISTS, RECENT,
 * FETCH (FLAGS with \Recent when the message is recent here), or the selected folder was deleted under it.
 */
export type SessionUpdate =
  | { readonly kind: 'expunge'; readonly seq: number }
  | { readonly kind: 'exists'; readonly count: number }
  | { readonly kind: 'recent'; readonly count: number }
  | { readonly kind: 'fetch'; readonly seq: number; readonly uid: number; readonly flags: readonly string[] }
  | { readonly kind: 'deleted'; readonly folder: string };

/**
 * UidChange is one change the client has not been told of, by UID, in the order it happened: a message added
 * (with whether this session got \Recent for it), expunged, its flags as this session now sees them, new keywords
 * in use in the folder, or the folder deleted under the session.
 */
export type UidChange =
  | { readonly kind: 'added'; readonly uid: number; readonly recent: boolean }
  | { readonly kind: 'expunged'; readonly uid: number }
  | { readonly kind: 'flags'; readonly uid: number; readonly flags: readonly string[] }
  | { readonly kind: 'flagsDefined'; readonly flags: readonly string[] }
  | { readonly kind: 'deleted'; readonly folder: string };

/** SessionRefusal is why a session could not act: the store's reasons, or the session's state. */
export type SessionRefusal = FolderRefusal | 'not-selected' | 'read-only';

/** SessionRefused is a refusal by the session. */
export type SessionRefused = { readonly ok: false; readonly reason: SessionRefusal };

/**
 * Selection is what SELECT and EXAMINE report (RFC 3501 §6.3.1): counts, the first unseen message's sequence
 * number, the flags in use in the folder, UIDVALIDITY and UIDNEXT.
 */
export interface Selection {
  readonly ok: true;
  readonly folder: string;
  readonly readOnly: boolean;
  readonly exists: number;
  readonly recent: number;
  readonly unseen: number | null;
  readonly flags: readonly string[];
  readonly uidValidity: number;
  readonly uidNext: number;
}

/** MoveResult is a move's copies (for COPYUID) and the sequence numbers expunged from this session's view. */
export type MoveResult =
  (CopyResult & { readonly ok: true; readonly expunged: readonly number[] }) | SessionRefused;

/** MailboxSession is made by `MailboxStore.openSession`; `end` must follow. */
export class MailboxSession {
  readonly user: string;
  readonly #store: MailboxStore;
  readonly #listener: (change: FolderChange) => void;
  readonly #onEnd: () => void;
  #folder: Folder | null = null;
  #readOnly = false;
  // The client's sequence numbers, in order: it may still count messages expunged since it was last told.
  #view: number[] = [];
  // What the store said happened to the folder that the client has not been told, oldest first.
  #log: FolderChange[] = [];
  // The flags the client was last told are in use (FLAGS), so a new keyword can be announced.
  #defined = new Set<string>();
  readonly #recent = new Set<number>();

  constructor(
    store: MailboxStore,
    user: string,
    listener: (change: FolderChange) => void,
    onEnd: () => void,
  ) {
    this.#store = store;
    this.user = user;
    this.#listener = listener;
    this.#onEnd = onEnd;
  }

  /** selectedFolder is the folder this session has selected, or null; the store reads it to route changes. */
  get selectedFolder(): Folder | null {
    return this.#folder;
  }

  /** readOnly is true after EXAMINE (RFC 3501 §6.3.2). */
  get readOnly(): boolean {
    return this.#readOnly;
  }

  /**
   * select opens a folder for this session, read-write or read-only, after leaving any other. Read-write, it takes
   * \Recent for every message no session has seen; read-only, it sees them as recent without taking the flag away
   * from the next session (RFC 3501 §6.3.2).
   */
  select(name: string, readOnly: boolean): Selection | SessionRefused {
    this.deselect();
    const folder = this.#store.folder(this.user, name);
    if (!folder) return { ok: false, reason: 'no-such-folder' };
    if (!folder.selectable) return { ok: false, reason: 'noselect' };
    this.#folder = folder;
    this.#readOnly = readOnly;
    this.#view = folder.messages.map((m) => m.uid);
    for (const message of folder.messages) this.#see(message);
    this.#defined = new Set(flagsInUse(folder));
    const unseen = folder.messages.findIndex((m) => !m.flags.has('\\Seen'));
    return {
      ok: true,
      folder: folder.name,
      readOnly,
      exists: this.#view.length,
      recent: this.#recent.size,
      unseen: unseen === -1 ? null : unseen + 1,
      flags: [...this.#defined],
      uidValidity: folder.uidValidity,
      uidNext: folder.uidNext,
    };
  }

  /** deselect leaves the selected folder without expunging (CLOSE expunges first); its \Recent claims end. */
  deselect(): void {
    this.#folder = null;
    this.#view = [];
    this.#log = [];
    this.#recent.clear();
  }

  /** end closes the session; the store forgets it. */
  end(): void {
    this.deselect();
    this.#onEnd();
  }

  /** notice is how the store tells the session of a change to its selected folder; it then tells the listener. */
  notice(change: FolderChange): void {
    if (change.kind !== 'renamed') this.#log.push(change);
    this.#listener(change);
  }

  /** uids lists the UIDs of the client's view, message sequence number 1 first. */
  uids(): readonly number[] {
    return this.#view;
  }

  /** uidAt is the UID at a message sequence number of this view. */
  uidAt(seq: number): number | undefined {
    return this.#view[seq - 1];
  }

  /** seqOf is the message sequence number of a UID in this view. */
  seqOf(uid: number): number | undefined {
    const i = this.#view.indexOf(uid);
    return i === -1 ? undefined : i + 1;
  }

  /** message is the stored message with a UID, or undefined when it was expunged (even if still in the view). */
  message(uid: number): StoredMessage | undefined {
    return this.#folder?.messages.find((m) => m.uid === uid);
  }

  /** flags are a message's stored flags, with \Recent when it is recent in this session. */
  flags(uid: number): string[] {
    const message = this.message(uid);
    if (!message) return [];
    return this.#recent.has(uid) ? [...message.flags, '\\Recent'] : [...message.flags];
  }

  /** isRecent tells whether a message is \Recent in this session. */
  isRecent(uid: number): boolean {
    return this.#recent.has(uid);
  }

  /**
   * takeChanges hands over, in order, the changes the client has not been told of, and counts them as told: the
   * view gains and loses those messages. With `expunges: false` (during FETCH, STORE and SEARCH, RFC 3501 §7.4.1)
   * expunged messages keep their place in the view and are handed over by a later call. A message that came and
   * went unseen is not mentioned; a new message is \Recent here if no session saw it first (RFC 3501 §2.3.2).
   */
  takeChanges(options: { readonly expunges: boolean } = { expunges: true }): UidChange[] {
    const folder = this.#folder;
    if (!folder) return [];
    const out: UidChange[] = [];
    const defined = flagsInUse(folder);
    if (defined.some((f) => !this.#defined.has(f))) {
      this.#defined = new Set(defined);
      out.push({ kind: 'flagsDefined', flags: defined });
    }
    const kept: FolderChange[] = [];
    for (const change of this.#log) {
      if (change.kind === 'stored') {
        const message = this.message(change.uid);
        if (!message || this.#view.includes(change.uid)) continue;
        this.#view.push(change.uid);
        out.push({ kind: 'added', uid: change.uid, recent: this.#see(message) });
      } else if (change.kind === 'expunged') {
        if (!this.#view.includes(change.uid)) continue;
        if (!options.expunges) {
          kept.push(change);
          continue;
        }
        this.#view.splice(this.#view.indexOf(change.uid), 1);
        this.#recent.delete(change.uid);
        out.push({ kind: 'expunged', uid: change.uid });
      } else if (change.kind === 'flags') {
        if (!this.#view.includes(change.uid) || !this.message(change.uid)) continue;
        const earlier = out.findIndex((c) => c.kind === 'flags' && c.uid === change.uid);
        if (earlier !== -1) out.splice(earlier, 1);
        out.push({ kind: 'flags', uid: change.uid, flags: this.flags(change.uid) });
      } else if (change.kind === 'deleted') {
        this.deselect();
        return [...out, { kind: 'deleted', folder: folder.name }];
      }
    }
    this.#log = kept;
    return out;
  }

  /**
   * sync is takeChanges as untagged responses numbered in the client's view, in order: EXPUNGE with the number at
   * the time it goes, EXISTS and RECENT after a run of new messages, FETCH FLAGS.
   */
  sync(options: { readonly expunges: boolean }): SessionUpdate[] {
    const before = [...this.#view];
    const changes = this.takeChanges(options);
    const view = before;
    const updates: SessionUpdate[] = [];
    changes.forEach((change, i) => {
      if (change.kind === 'expunged') {
        const at = view.indexOf(change.uid);
        view.splice(at, 1);
        updates.push({ kind: 'expunge', seq: at + 1 });
      } else if (change.kind === 'added') {
        view.push(change.uid);
        if (changes[i + 1]?.kind !== 'added')
          updates.push({ kind: 'exists', count: view.length }, { kind: 'recent', count: this.#recent.size });
      } else if (change.kind === 'flags') {
        updates.push({
          kind: 'fetch',
          seq: view.indexOf(change.uid) + 1,
          uid: change.uid,
          flags: change.flags,
        });
      } else if (change.kind === 'deleted') {
        updates.push(change);
      }
    });
    return updates;
  }

  /**
   * storeFlags changes flags on messages of this view (STORE, RFC 3501 §6.4.6) and returns the UIDs that changed.
   * Its own client learns the result from its STORE reply, so those changes are not owed to it again.
   */
  storeFlags(
    uids: readonly number[],
    operation: FlagOperation,
    flags: readonly string[],
  ): { readonly ok: true; readonly changed: readonly number[] } | SessionRefused {
    const folder = this.#writable();
    if (!folder.ok) return folder;
    const from = this.#log.length;
    const changed = this.#store.storeFlags(this.user, folder.name, uids, operation, flags);
    this.#forgetOwn(from, 'flags');
    return { ok: true, changed };
  }

  /**
   * expunge removes the messages flagged \Deleted (only those among `uids` when given: UID EXPUNGE, RFC 4315 §2.1)
   * and returns their UIDs, ascending, and the sequence numbers to report, in order, each counted after the ones
   * before it went. Expunges by
   * others that the client was not told of stay owed to it.
   */
  expunge(
    uids?: readonly number[],
  ):
    | { readonly ok: true; readonly uids: readonly number[]; readonly expunged: readonly number[] }
    | SessionRefused {
    const folder = this.#writable();
    if (!folder.ok) return folder;
    const deleted = this.#folder?.messages.filter((m) => m.flags.has('\\Deleted')).map((m) => m.uid) ?? [];
    const chosen = uids ? deleted.filter((uid) => uids.includes(uid)) : deleted;
    const from = this.#log.length;
    const gone = this.#store.expunge(this.user, folder.name, chosen);
    this.#forgetOwn(from, 'expunged');
    return { ok: true, uids: gone, expunged: this.#drop(gone) };
  }

  /** copy copies messages of this view to another folder (COPY, RFC 3501 §6.4.7); read-only sessions may copy. */
  copy(uids: readonly number[], to: string): CopyResult | SessionRefused {
    if (!this.#folder) return { ok: false, reason: 'not-selected' };
    if (!this.#current()) return { ok: false, reason: 'no-such-folder' };
    return this.#store.copy(this.user, this.#folder.name, uids, to);
  }

  /** move moves messages to another folder (MOVE, RFC 6851), returning the copies and this view's expunges. */
  move(uids: readonly number[], to: string): MoveResult {
    const folder = this.#writable();
    if (!folder.ok) return folder;
    const from = this.#log.length;
    const moved = this.#store.move(this.user, folder.name, uids, to);
    if (!moved.ok) return moved;
    this.#forgetOwn(from, 'expunged');
    return { ...moved, expunged: this.#drop(moved.uids.map((p) => p.from)) };
  }

  #writable(): { readonly ok: true; readonly name: string } | SessionRefused {
    if (!this.#folder) return { ok: false, reason: 'not-selected' };
    if (!this.#current()) return { ok: false, reason: 'no-such-folder' };
    if (this.#readOnly) return { ok: false, reason: 'read-only' };
    return { ok: true, name: this.#folder.name };
  }

  // The store acts by name: a folder deleted under the session and made again under its name is not this one.
  #current(): boolean {
    const folder = this.#folder;
    return folder !== null && folder.selectable && this.#store.folder(this.user, folder.name) === folder;
  }

  // A message seen for the first time: \Recent here if no session took it first; read-only, without taking it.
  #see(message: StoredMessage): boolean {
    const recent = this.#readOnly ? !this.#store.isRecentTaken(message) : this.#store.takeRecent(message);
    if (recent) this.#recent.add(message.uid);
    return recent;
  }

  // The store told this session of what it did itself (the store calls back synchronously): not owed again.
  #forgetOwn(from: number, kind: 'flags' | 'expunged'): void {
    this.#log = [...this.#log.slice(0, from), ...this.#log.slice(from).filter((c) => c.kind !== kind)];
  }

  // Drop UIDs from the view, answering each one's sequence number at the time it goes.
  #drop(uids: readonly number[]): number[] {
    const seqs: number[] = [];
    for (const uid of uids) {
      const i = this.#view.indexOf(uid);
      if (i === -1) continue;
      this.#view.splice(i, 1);
      this.#recent.delete(uid);
      seqs.push(i + 1);
    }
    return seqs;
  }
}

// The flags a client may see in FLAGS: the system flags and every keyword used in the folder (RFC 3501 §7.2.6).
function flagsInUse(folder: Folder): string[] {
  const flags = new Set(['\\Answered', '\\Flagged', '\\Deleted', '\\Seen', '\\Draft']);
  for (const message of folder.messages) for (const flag of message.flags) flags.add(flag);
  return [...flags];
}
