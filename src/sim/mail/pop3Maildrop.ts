// The POP3 server's view of a mail server's mailbox store: each user's maildrop is their INBOX, locked by one
// session at a time, and what UPDATE removes is expunged through the store, so IMAP sessions see it go.
import type {
  CommitResult,
  LockResult,
  MaildropListing,
  Pop3Maildrop,
} from '../../protocols/pop3/backend.ts';
import { canonicalMessage } from '../../protocols/pop3/messageText.ts';
import type { MailboxStore } from './mailboxStore.ts';

/** MAILDROP_FOLDER is the folder POP3 reads: it knows one maildrop per user (RFC 1939 §1), the INBOX. */
export const MAILDROP_FOLDER = 'INBOX';

/**
 * pop3UniqueId is a message's unique-id: the folder's UIDVALIDITY and the message's UID. A UID alone may come back
 * after the folder is re-created with a new UIDVALIDITY; the pair never does (RFC 1939 §7, RFC 3501 §2.3.1.1).
 */
export function pop3UniqueId(uidValidity: number, uid: number): string {
  return `${uidValidity}.${uid}`;
}

/**
 * Pop3Locks maps each user whose maildrop a session holds to that session's token; one per running server, shared
 * by its sessions. A server that stops starts the next run with a new one: its locks lived in memory.
 */
export type Pop3Locks = Map<string, symbol>;

// What one locked session listed: unique-id → the store's UID, fixed when the lock was taken (RFC 1939 §4).
type Listed = Map<string, number>;

/**
 * storeMaildrop is the Pop3Maildrop of one session over `store`. `locks` must be the server's one map, so that a
 * second session for the same user gets -ERR [IN-USE] (RFC 2449 §8.1.2). `secretOf` gives a user's APOP secret,
 * which the server takes to be the password, as most servers do.
 */
export function storeMaildrop(
  store: MailboxStore,
  locks: Pop3Locks,
  secretOf: (user: string) => string | null,
): Pop3Maildrop {
  let listed: Listed = new Map();
  let holder: string | null = null;
  // Release gives up only this session's own lock, never one a later session took.
  const token = Symbol('pop3 session');
  const key = (user: string) => user.toLowerCase();
  const inbox = (user: string) => store.folder(user, MAILDROP_FOLDER);
  return {
    hasMailbox: (user) => store.hasUser(user),
    checkPassword: (user, password) => password !== '' && store.checkPassword(user, password),
    // An empty password means no way in, by APOP as by PASS.
    apopSecret: (user) => (store.hasUser(user) ? secretOf(user) || null : null),
    lock(user): LockResult {
      const folder = inbox(user);
      if (folder === undefined || locks.has(key(user))) return { ok: false, reason: 'in-use' };
      locks.set(key(user), token);
      holder = key(user);
      listed = new Map();
      const messages: MaildropListing[] = folder.messages.map((m) => {
        const uid = pop3UniqueId(folder.uidValidity, m.uid);
        listed.set(uid, m.uid);
        return { uid, size: canonicalMessage(m.raw).length };
      });
      return { ok: true, messages };
    },
    read(user, uid) {
      const storeUid = listed.get(uid);
      if (holder !== key(user) || storeUid === undefined) return null;
      // Another reader (IMAP) may have expunged it since the listing; then it is simply gone.
      const message = inbox(user)?.messages.find((m) => m.uid === storeUid);
      return message === undefined ? null : canonicalMessage(message.raw);
    },
    commit(user, uids): CommitResult {
      if (holder !== key(user)) return { notRemoved: uids.length };
      const wanted = uids.flatMap((uid) => listed.get(uid) ?? []);
      store.expunge(user, MAILDROP_FOLDER, wanted);
      const left = new Set(inbox(user)?.messages.map((m) => m.uid) ?? []);
      return { notRemoved: uids.length - wanted.length + wanted.filter((uid) => left.has(uid)).length };
    },
    release(user) {
      if (holder !== key(user)) return;
      if (locks.get(holder) === token) locks.delete(holder);
      holder = null;
      listed = new Map();
    },
  };
}
