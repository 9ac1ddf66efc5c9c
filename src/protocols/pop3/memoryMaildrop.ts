// A Pop3Maildrop held in memory, for tests and small scenarios: accounts with a password and an APOP secret, their
// messages with unique-ids, and the locks that sessions hold.
import type { CommitResult, LockResult, MaildropListing, Pop3Maildrop } from './backend.ts';
import { canonicalMessage } from './messageText.ts';

/** MemoryMessage is a message given to memoryMaildrop: its text alone, or with the unique-id it must keep. */
export type MemoryMessage = string | { readonly uid: string; readonly data: string };

/** MemoryAccount is one user: credentials (either may be absent, which refuses that way in) and messages. */
export interface MemoryAccount {
  readonly password?: string;
  readonly apopSecret?: string;
  readonly messages?: readonly MemoryMessage[];
}

/** MemoryMaildropOptions lists the accounts by user name (compared without regard to case). */
export interface MemoryMaildropOptions {
  readonly accounts: Readonly<Record<string, MemoryAccount>>;
  /** Unique-ids that commit cannot remove, to play a failing UPDATE (RFC 1939 §6). */
  readonly stuck?: readonly string[];
}

/** StoredMessage is a message as the memory maildrop keeps it, with its canonical CRLF text. */
export interface StoredMessage {
  readonly uid: string;
  readonly data: string;
}

/** MemoryMaildrop is a Pop3Maildrop that also shows and changes what it holds. */
export interface MemoryMaildrop extends Pop3Maildrop {
  /** messages lists a user's messages in order; empty for no such user. */
  messages(user: string): readonly StoredMessage[];
  /** deliver appends a message for a user who exists, with the next unique-id unless one is given. */
  deliver(user: string, message: MemoryMessage): void;
  /** isLocked tells whether a session holds the user's lock. */
  isLocked(user: string): boolean;
}

// RFC 1939 §7: a unique-id is 1 to 70 characters in the range 0x21 to 0x7E.
const UID = /^[\x21-\x7e]{1,70}$/;

/**
 * memoryMaildrop builds an in-memory maildrop. Unique-ids it makes count up from U00001 across the whole store, so
 * that they are never reused and transcripts are deterministic.
 */
export function memoryMaildrop(options: MemoryMaildropOptions): MemoryMaildrop {
  const accounts = new Map<string, { account: MemoryAccount; messages: StoredMessage[] }>();
  const locks = new Set<string>();
  const stuck = new Set(options.stuck ?? []);
  let nextUid = 1;
  const store = (message: MemoryMessage): StoredMessage => {
    if (typeof message === 'string') {
      const uid = `U${String(nextUid++).padStart(5, '0')}`;
      return { uid, data: canonicalMessage(message) };
    }
    if (!UID.test(message.uid))
      throw new RangeError(`memoryMaildrop: bad unique-id ${JSON.stringify(message.uid)}`);
    return { uid: message.uid, data: canonicalMessage(message.data) };
  };
  const append = (messages: StoredMessage[], message: MemoryMessage): void => {
    const stored = store(message);
    // Removal goes by unique-id, so two messages sharing one would be removed together (RFC 1939 §6 forbids it).
    if (messages.some(({ uid }) => uid === stored.uid))
      throw new RangeError(`memoryMaildrop: unique-id ${stored.uid} is taken`);
    messages.push(stored);
  };
  for (const [user, account] of Object.entries(options.accounts)) {
    const messages: StoredMessage[] = [];
    for (const message of account.messages ?? []) append(messages, message);
    accounts.set(user.toLowerCase(), { account, messages });
  }
  const entry = (user: string) => accounts.get(user.toLowerCase());
  return {
    hasMailbox: (user) => entry(user) !== undefined,
    checkPassword: (user, password) => {
      const expected = entry(user)?.account.password;
      return expected !== undefined && expected === password;
    },
    apopSecret: (user) => entry(user)?.account.apopSecret ?? null,
    lock(user): LockResult {
      const found = entry(user);
      const key = user.toLowerCase();
      // Only an authenticated user is locked, so a missing account cannot be asked for; it is refused all the same.
      if (found === undefined || locks.has(key)) return { ok: false, reason: 'in-use' };
      locks.add(key);
      const messages: MaildropListing[] = found.messages.map(({ uid, data }) => ({ uid, size: data.length }));
      return { ok: true, messages };
    },
    read: (user, uid) => entry(user)?.messages.find((message) => message.uid === uid)?.data ?? null,
    commit(user, uids): CommitResult {
      const found = entry(user);
      if (found === undefined) return { notRemoved: uids.length };
      const remove = new Set(uids.filter((uid) => !stuck.has(uid)));
      found.messages = found.messages.filter((message) => !remove.has(message.uid));
      return { notRemoved: uids.length - remove.size };
    },
    release: (user) => void locks.delete(user.toLowerCase()),
    messages: (user) => entry(user)?.messages ?? [],
    deliver(user, message) {
      const found = entry(user);
      if (found === undefined) throw new RangeError(`memoryMaildrop: no account ${user}`);
      append(found.messages, message);
    },
    isLocked: (user) => locks.has(user.toLowerCase()),
  };
}
