// The IMAP server machine's backend over the mail server's one MailboxStore: each login gets an ImapMailbox, the
// session's hold on the store (its selected folder, \Recent set and owed updates live in a MailboxSession).
import type {
  AppendResult,
  CopyResult,
  FolderInfo,
  ImapAccount,
  ImapBackend,
  MailboxChange,
  MailboxDone,
  MailboxRefusal,
  MailboxStatus,
  SelectedMailbox,
  SelectResult,
} from '../../protocols/imap/backend.ts';
import type { MailboxSession, SessionRefusal } from './mailboxSession.ts';
import type { MailboxStore } from './mailboxStore.ts';
import { SYSTEM_FLAGS, type FolderRefusal, type FolderResult } from './mailboxTypes.ts';

// PERMANENTFLAGS: every system flag and any new keyword (`\*`) is kept (RFC 3501 §7.1).
const PERMANENT_FLAGS: readonly string[] = [...SYSTEM_FLAGS, '\\*'];

/**
 * imapBackend serves IMAP sessions from a store. Users log in with the store's passwords; an address's domain is
 * ignored, as SMTP AUTH does on the same server. An account without a password cannot log in.
 */
export function imapBackend(store: MailboxStore): ImapBackend {
  return {
    login: (userid, password) => {
      const user = userid.replace(/@.*$/, '');
      if (password === '' || !store.checkPassword(user, password))
        return { ok: false, reason: 'invalidCredentials' };
      return { ok: true, account: new ImapMailbox(store, user) };
    },
    watch: (listener) => store.watch(listener),
  };
}

/** ImapMailbox is one logged-in IMAP session's account; `logout` must end it. */
export class ImapMailbox implements ImapAccount {
  readonly user: string;
  readonly #store: MailboxStore;
  readonly #session: MailboxSession;
  // Each SELECT starts a new hold; a SelectedMailbox kept from an earlier one reads as nothing.
  #generation = 0;

  constructor(store: MailboxStore, user: string) {
    this.#store = store;
    this.user = user.toLowerCase();
    this.#session = store.openSession(this.user);
  }

  folders(): FolderInfo[] {
    return this.#store.folders(this.user).map((f) => ({ name: f.name, noselect: !f.selectable }));
  }

  subscriptions(): string[] {
    return this.#store.subscriptions(this.user);
  }

  create(name: string): MailboxDone {
    return done(this.#store.create(this.user, name));
  }

  delete(name: string): MailboxDone {
    return done(this.#store.delete(this.user, name));
  }

  rename(from: string, to: string): MailboxDone {
    return done(this.#store.rename(this.user, from, to));
  }

  subscribe(name: string): MailboxDone {
    return done(this.#store.subscribe(this.user, name));
  }

  unsubscribe(name: string): MailboxDone {
    return done(this.#store.unsubscribe(this.user, name));
  }

  status(name: string): MailboxStatus | null {
    return this.#store.status(this.user, name) ?? null;
  }

  select(name: string, readOnly: boolean): SelectResult {
    const generation = ++this.#generation;
    const selected = this.#session.select(name, readOnly);
    if (!selected.ok)
      return { ok: false, reason: selected.reason === 'noselect' ? 'noselect' : 'nonexistent' };
    const uids = [...this.#session.uids()];
    return {
      ok: true,
      mailbox: this.#selected(generation),
      snapshot: {
        uids,
        recent: selected.recent,
        firstUnseenUid: selected.unseen === null ? null : (uids[selected.unseen - 1] ?? null),
        uidValidity: selected.uidValidity,
        uidNext: selected.uidNext,
        flags: selected.flags,
        permanentFlags: readOnly ? [] : PERMANENT_FLAGS,
        readOnly,
      },
    };
  }

  append(name: string, raw: string, flags: readonly string[], internalDate: number | null): AppendResult {
    const result = this.#store.append(this.user, name, raw, flags, internalDate ?? undefined);
    return result.ok ? result : { ok: false, reason: messageRefusal(result.reason) };
  }

  logout(): void {
    this.#generation++;
    this.#session.end();
  }

  #selected(generation: number): SelectedMailbox {
    const session = this.#session;
    const live = () => generation === this.#generation && session.selectedFolder !== null;
    return {
      message: (uid) => {
        const message = live() ? session.message(uid) : undefined;
        if (!message) return null;
        return { uid, raw: message.raw, internalDate: message.internalDate, flags: session.flags(uid) };
      },
      setFlags: (uids, change, flags) => {
        if (!live() || !session.storeFlags(uids, change, flags).ok) return [];
        return uids.filter((uid) => session.message(uid)).map((uid) => ({ uid, flags: session.flags(uid) }));
      },
      copy: (uids, destination) => (live() ? copied(session.copy(uids, destination)) : gone()),
      move: (uids, destination) => (live() ? copied(session.move(uids, destination)) : gone()),
      expunge: (uids) => {
        const result = live() ? session.expunge(uids ?? undefined) : null;
        return result?.ok ? [...result.uids] : [];
      },
      changes: () => (live() ? session.takeChanges({ expunges: true }).flatMap(toMailboxChange) : []),
      close: () => {
        if (!live()) return;
        this.#generation++;
        session.deselect();
      },
    };
  }
}

// The store's change in the backend's words. A folder deleted under the session has already been emptied by
// expunges; the backend has no word for the deletion itself, so the session stays selected on nothing.
function toMailboxChange(change: ReturnType<MailboxSession['takeChanges']>[number]): MailboxChange[] {
  switch (change.kind) {
    case 'added':
    case 'expunged':
    case 'flags':
      return [change];
    case 'flagsDefined':
      return [{ kind: 'flagsDefined', flags: change.flags, permanentFlags: PERMANENT_FLAGS }];
    case 'deleted':
      return [];
  }
}

function done(result: FolderResult): MailboxDone {
  return result.ok ? result : { ok: false, reason: folderRefusal(result.reason) };
}

function folderRefusal(reason: FolderRefusal): MailboxRefusal {
  switch (reason) {
    case 'invalid-name':
      return 'invalidName';
    case 'exists':
      return 'alreadyExists';
    case 'inbox':
    case 'below-itself':
      return 'notAllowed';
    case 'has-children':
      return 'hasChildren';
    case 'no-user':
    case 'no-such-folder':
    case 'noselect':
      return 'nonexistent';
    case 'full':
      return 'full';
  }
}

function messageRefusal(reason: SessionRefusal): 'nonexistent' | 'noselect' | 'full' {
  if (reason === 'full') return 'full';
  return reason === 'noselect' ? 'noselect' : 'nonexistent';
}

function copied(result: ReturnType<MailboxSession['copy']>): CopyResult {
  if (!result.ok) return { ok: false, reason: messageRefusal(result.reason) };
  return { ok: true, uidValidity: result.uidValidity, pairs: result.uids };
}

function gone(): CopyResult {
  return { ok: false, reason: 'nonexistent' };
}
