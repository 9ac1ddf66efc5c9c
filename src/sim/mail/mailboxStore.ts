// Each user's mail on a server: folders (INBOX at least) of messages with UIDs, flags, an internal date and
// size, stored raw. UIDVALIDITY and UIDNEXT follow IMAP (RFC 3501 §2.3.1.1) so POP3 and IMAP can read it.
import type { HostId } from '../../net/types.ts';
import type { UnstampedEvent } from '../trace.ts';

/** StoredMessage is one message in a folder. Its UID never changes and is never reused in the folder. */
export interface StoredMessage {
  readonly uid: number;
  readonly raw: string;
  readonly internalDate: number;
  readonly size: number;
  readonly flags: Set<string>;
}

/** Folder is a named mailbox of one user. */
export interface Folder {
  readonly name: string;
  readonly uidValidity: number;
  uidNext: number;
  readonly messages: StoredMessage[];
}

/** MailUser is an account on a mail server. */
export interface MailUser {
  readonly name: string;
  readonly password: string;
  readonly folders: Map<string, Folder>;
}

/** MailboxStore holds the accounts of one mail server and reports every change to the trace. */
export class MailboxStore {
  readonly #host: HostId;
  readonly #emit: (event: UnstampedEvent) => void;
  readonly #now: () => number;
  readonly #users = new Map<string, MailUser>();
  #uidValidity = 1;

  constructor(host: HostId, emit: (event: UnstampedEvent) => void, now: () => number) {
    this.#host = host;
    this.#emit = emit;
    this.#now = now;
  }

  /** addUser creates an account with an empty INBOX. User names compare case-insensitively. */
  addUser(name: string, password: string): void {
    const key = name.toLowerCase();
    if (this.#users.has(key)) return;
    const user: MailUser = { name: key, password, folders: new Map() };
    this.#users.set(key, user);
    this.#folder(user, 'INBOX');
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

  /** folder returns a user's folder (creating INBOX-like folders on demand), or undefined for no such user. */
  folder(user: string, name = 'INBOX'): Folder | undefined {
    const u = this.#users.get(user.toLowerCase());
    return u ? this.#folder(u, name) : undefined;
  }

  /**
   * deliver stores a message in a user's folder with the next UID; the user must exist. `queueId` names the
   * server's record of the message (the id its `smtp.accepted` or `queue.enqueued` carried), so a view can find
   * the envelope it came with.
   */
  deliver(user: string, raw: string, queueId: string, folderName = 'INBOX'): StoredMessage {
    const folder = this.folder(user, folderName);
    if (!folder) throw new Error(`MailboxStore.deliver: no user ${user} on ${this.#host}`);
    const message: StoredMessage = {
      uid: folder.uidNext++,
      raw,
      internalDate: this.#now(),
      size: raw.length,
      flags: new Set(['\\Recent']),
    };
    folder.messages.push(message);
    this.#emit({
      kind: 'mailbox.stored',
      host: this.#host,
      user: user.toLowerCase(),
      folder: folder.name,
      uid: message.uid,
      size: message.size,
      queueId,
      raw,
    });
    return message;
  }

  /** setFlags replaces a message's flags. */
  setFlags(user: string, folderName: string, uid: number, flags: readonly string[]): void {
    const message = this.folder(user, folderName)?.messages.find((m) => m.uid === uid);
    if (!message) return;
    message.flags.clear();
    for (const f of flags) message.flags.add(f);
    this.#emit({
      kind: 'mailbox.flags',
      host: this.#host,
      user: user.toLowerCase(),
      folder: folderName,
      uid,
      flags: [...flags],
    });
  }

  /** expunge removes messages for good. */
  expunge(user: string, folderName: string, uids: readonly number[]): void {
    const folder = this.folder(user, folderName);
    if (!folder) return;
    for (const uid of uids) {
      const index = folder.messages.findIndex((m) => m.uid === uid);
      if (index === -1) continue;
      folder.messages.splice(index, 1);
      this.#emit({
        kind: 'mailbox.expunged',
        host: this.#host,
        user: user.toLowerCase(),
        folder: folderName,
        uid,
      });
    }
  }

  #folder(user: MailUser, name: string): Folder {
    const key = name.toUpperCase() === 'INBOX' ? 'INBOX' : name;
    let folder = user.folders.get(key);
    if (!folder) {
      folder = { name: key, uidValidity: this.#uidValidity++, uidNext: 1, messages: [] };
      user.folders.set(key, folder);
    }
    return folder;
  }
}
