// A small in-memory ImapBackend for the server machine's tests: accounts of folders of messages with UIDs and
// flags, \Recent given to one session only, and the changes each selected session has not been told yet.
import type {
  AppendResult,
  CopyResult,
  FlagChange,
  FlagsAfter,
  FolderInfo,
  ImapAccount,
  ImapBackend,
  LoginResult,
  MailboxChange,
  MailboxDone,
  MailboxStatus,
  SelectResult,
  SelectedMailbox,
  StoredFetch,
} from '../../../../src/protocols/imap/backend.ts';

interface Message {
  readonly uid: number;
  readonly raw: string;
  readonly internalDate: number;
  readonly flags: Set<string>;
}

interface Folder {
  uidValidity: number;
  uidNext: number;
  messages: Message[];
  noselect: boolean;
  /** \Recent not yet given to any session: the next SELECT takes it (RFC 3501 §2.3.2). */
  unclaimed: Set<number>;
  sessions: Set<Session>;
}

interface Session {
  readonly folder: Folder;
  readonly readOnly: boolean;
  readonly recent: Set<number>;
  queue: MailboxChange[];
}

interface Account {
  readonly password: string;
  readonly folders: Map<string, Folder>;
  readonly subscribed: Set<string>;
}

/** MessageSpec is a message to start with: raw text (then \Recent, no flags), or with its flags and \Recent. */
export type MessageSpec =
  string | { raw: string; flags?: readonly string[]; recent?: boolean; date?: number };

/** MemoryBackendOptions: users with passwords and the messages of their folders (INBOX at least). */
export interface MemoryBackendOptions {
  readonly users: Record<string, { password: string; folders?: Record<string, readonly MessageSpec[]> }>;
  readonly now?: () => number;
}

const SYSTEM_FLAGS = ['\\Answered', '\\Flagged', '\\Deleted', '\\Seen', '\\Draft'];

/** MemoryBackend is the test double, with helpers a test uses to act as another party (mail delivery). */
export interface MemoryBackend extends ImapBackend {
  deliver(user: string, folder: string, raw: string): number;
  flagsOf(user: string, folder: string, uid: number): string[];
  uidsOf(user: string, folder: string): number[];
  folderNames(user: string): string[];
}

/** memoryBackend builds the double. UIDVALIDITY counts up from 1000 as folders are made. */
export function memoryBackend(options: MemoryBackendOptions): MemoryBackend {
  const now = options.now ?? (() => Date.UTC(2026, 0, 15, 12, 0, 0));
  const listeners = new Set<() => void>();
  const accounts = new Map<string, Account>();
  let nextValidity = 1000;

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const newFolder = (): Folder => ({
    uidValidity: nextValidity++,
    uidNext: 1,
    messages: [],
    noselect: false,
    unclaimed: new Set(),
    sessions: new Set(),
  });
  const store = (folder: Folder, raw: string, flags: readonly string[], date: number | null) => {
    const message: Message = {
      uid: folder.uidNext++,
      raw,
      internalDate: date ?? now(),
      flags: new Set(flags),
    };
    folder.messages.push(message);
    // \Recent goes to exactly one session: a read-write one that has the folder selected, else the next SELECT.
    const holder = [...folder.sessions].find((s) => !s.readOnly) ?? null;
    if (holder === null) folder.unclaimed.add(message.uid);
    else holder.recent.add(message.uid);
    for (const session of folder.sessions) {
      session.queue.push({ kind: 'added', uid: message.uid, recent: session === holder });
    }
    return message;
  };
  const sessionFlags = (session: Session | null, message: Message): string[] => {
    const flags = [...message.flags];
    if (session?.recent.has(message.uid) === true) flags.push('\\Recent');
    return flags;
  };

  for (const [user, spec] of Object.entries(options.users)) {
    const account: Account = { password: spec.password, folders: new Map(), subscribed: new Set() };
    accounts.set(user, account);
    const folders = { INBOX: [], ...spec.folders };
    for (const [name, messages] of Object.entries(folders)) {
      const folder = newFolder();
      account.folders.set(name, folder);
      for (const spec of messages) {
        const {
          raw,
          flags = [],
          recent = true,
          date = null,
        } = typeof spec === 'string' ? { raw: spec } : spec;
        const stored = store(folder, raw, flags, date);
        if (!recent) folder.unclaimed.delete(stored.uid);
      }
    }
  }

  const expungeFrom = (folder: Folder, uids: readonly number[], from: Session | null) => {
    const gone = new Set(uids);
    folder.messages = folder.messages.filter((m) => !gone.has(m.uid));
    for (const uid of gone) folder.unclaimed.delete(uid);
    for (const session of folder.sessions) {
      for (const uid of gone) session.recent.delete(uid);
      if (session !== from)
        for (const uid of [...gone].sort((a, b) => a - b)) session.queue.push({ kind: 'expunged', uid });
    }
  };

  const copyInto = (source: Folder, uids: readonly number[], account: Account, name: string): CopyResult => {
    const target = account.folders.get(name);
    if (target === undefined) return { ok: false, reason: 'nonexistent' };
    if (target.noselect) return { ok: false, reason: 'noselect' };
    const pairs = [...uids]
      .sort((a, b) => a - b)
      .flatMap((uid) => {
        const message = source.messages.find((m) => m.uid === uid);
        if (message === undefined) return [];
        const copy = store(target, message.raw, [...message.flags], message.internalDate);
        return [{ from: uid, to: copy.uid }];
      });
    return { ok: true, uidValidity: target.uidValidity, pairs };
  };

  const selectedMailbox = (account: Account, session: Session): SelectedMailbox => {
    const { folder } = session;
    return {
      message(uid): StoredFetch | null {
        const message = folder.messages.find((m) => m.uid === uid);
        if (message === undefined) return null;
        return {
          uid,
          raw: message.raw,
          internalDate: message.internalDate,
          flags: sessionFlags(session, message),
        };
      },
      setFlags(uids, change: FlagChange, flags): FlagsAfter[] {
        const after: FlagsAfter[] = [];
        for (const uid of uids) {
          const message = folder.messages.find((m) => m.uid === uid);
          if (message === undefined) continue;
          if (change === 'replace') message.flags.clear();
          for (const flag of flags) {
            if (change === 'remove') message.flags.delete(flag);
            else message.flags.add(flag);
          }
          after.push({ uid, flags: sessionFlags(session, message) });
          for (const other of folder.sessions) {
            if (other !== session)
              other.queue.push({ kind: 'flags', uid, flags: sessionFlags(other, message) });
          }
        }
        notify();
        return after;
      },
      copy(uids, destination) {
        const result = copyInto(folder, uids, account, destination);
        notify();
        return result;
      },
      move(uids, destination) {
        const result = copyInto(folder, uids, account, destination);
        if (result.ok)
          expungeFrom(
            folder,
            result.pairs.map((p) => p.from),
            session,
          );
        notify();
        return result;
      },
      expunge(uids) {
        const chosen = folder.messages
          .filter((m) => m.flags.has('\\Deleted') && (uids === null || uids.includes(m.uid)))
          .map((m) => m.uid);
        expungeFrom(folder, chosen, session);
        notify();
        return chosen;
      },
      changes() {
        const queue = session.queue;
        session.queue = [];
        return queue;
      },
      close() {
        folder.sessions.delete(session);
      },
    };
  };

  const accountOf = (user: string, account: Account): ImapAccount => ({
    user,
    folders: (): FolderInfo[] => [...account.folders].map(([name, f]) => ({ name, noselect: f.noselect })),
    subscriptions: () => [...account.subscribed],
    create(name): MailboxDone {
      if (name === '' || name.split('/').includes('')) return { ok: false, reason: 'invalidName' };
      const existing = account.folders.get(name);
      if (existing !== undefined && !existing.noselect) return { ok: false, reason: 'alreadyExists' };
      const levels = name.split('/');
      for (let i = 1; i <= levels.length; i++) {
        const path = levels.slice(0, i).join('/');
        const folder = account.folders.get(path);
        if (folder === undefined) account.folders.set(path, newFolder());
        else if (i === levels.length) folder.noselect = false;
      }
      notify();
      return { ok: true };
    },
    delete(name): MailboxDone {
      const folder = account.folders.get(name);
      if (folder === undefined) return { ok: false, reason: 'nonexistent' };
      const children = [...account.folders.keys()].some((other) => other.startsWith(`${name}/`));
      if (children && folder.noselect) return { ok: false, reason: 'hasChildren' };
      expungeFrom(
        folder,
        folder.messages.map((m) => m.uid),
        null,
      );
      if (children) folder.noselect = true;
      else account.folders.delete(name);
      notify();
      return { ok: true };
    },
    rename(from, to): MailboxDone {
      const folder = account.folders.get(from);
      if (folder === undefined) return { ok: false, reason: 'nonexistent' };
      if (account.folders.has(to)) return { ok: false, reason: 'alreadyExists' };
      if (to.startsWith(`${from}/`)) return { ok: false, reason: 'notAllowed' };
      if (from === 'INBOX') {
        const moved = newFolder();
        for (const m of folder.messages) store(moved, m.raw, [...m.flags], m.internalDate);
        account.folders.set(to, moved);
        expungeFrom(
          folder,
          folder.messages.map((m) => m.uid),
          null,
        );
      } else {
        for (const [name, f] of [...account.folders]) {
          if (name === from || name.startsWith(`${from}/`)) {
            account.folders.delete(name);
            account.folders.set(to + name.slice(from.length), f);
          }
        }
      }
      notify();
      return { ok: true };
    },
    subscribe(name): MailboxDone {
      if (!account.folders.has(name)) return { ok: false, reason: 'nonexistent' };
      account.subscribed.add(name);
      return { ok: true };
    },
    unsubscribe(name): MailboxDone {
      if (!account.subscribed.delete(name)) return { ok: false, reason: 'nonexistent' };
      return { ok: true };
    },
    status(name): MailboxStatus | null {
      const folder = account.folders.get(name);
      if (folder === undefined || folder.noselect) return null;
      const held = [...folder.sessions].reduce((sum, s) => sum + s.recent.size, 0);
      return {
        messages: folder.messages.length,
        recent: folder.unclaimed.size + held,
        uidNext: folder.uidNext,
        uidValidity: folder.uidValidity,
        unseen: folder.messages.filter((m) => !m.flags.has('\\Seen')).length,
      };
    },
    select(name, readOnly): SelectResult {
      const folder = account.folders.get(name);
      if (folder === undefined) return { ok: false, reason: 'nonexistent' };
      if (folder.noselect) return { ok: false, reason: 'noselect' };
      const session: Session = { folder, readOnly, recent: new Set(), queue: [] };
      if (!readOnly) {
        for (const uid of folder.unclaimed) session.recent.add(uid);
        folder.unclaimed.clear();
      }
      folder.sessions.add(session);
      const keywords = new Set(
        folder.messages.flatMap((m) => [...m.flags].filter((f) => !f.startsWith('\\'))),
      );
      const flags = [...SYSTEM_FLAGS, ...keywords];
      return {
        ok: true,
        mailbox: selectedMailbox(account, session),
        snapshot: {
          uids: folder.messages.map((m) => m.uid),
          recent: session.recent.size,
          firstUnseenUid: folder.messages.find((m) => !m.flags.has('\\Seen'))?.uid ?? null,
          uidValidity: folder.uidValidity,
          uidNext: folder.uidNext,
          flags,
          permanentFlags: [...flags, '\\*'],
          readOnly,
        },
      };
    },
    append(name, raw, flags, internalDate): AppendResult {
      const folder = account.folders.get(name);
      if (folder === undefined) return { ok: false, reason: 'nonexistent' };
      if (folder.noselect) return { ok: false, reason: 'noselect' };
      const message = store(folder, raw, flags, internalDate);
      notify();
      return { ok: true, uidValidity: folder.uidValidity, uid: message.uid };
    },
    logout() {},
  });

  return {
    login(userid, password): LoginResult {
      const account = accounts.get(userid);
      if (account === undefined || account.password !== password)
        return { ok: false, reason: 'invalidCredentials' };
      return { ok: true, account: accountOf(userid, account) };
    },
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    deliver(user, folderName, raw) {
      const folder = accounts.get(user)?.folders.get(folderName);
      if (folder === undefined) throw new Error(`no folder ${folderName} for ${user}`);
      const message = store(folder, raw, [], null);
      notify();
      return message.uid;
    },
    flagsOf(user, folderName, uid) {
      const message = accounts
        .get(user)
        ?.folders.get(folderName)
        ?.messages.find((m) => m.uid === uid);
      return message === undefined ? [] : [...message.flags];
    },
    uidsOf(user, folderName) {
      return (
        accounts
          .get(user)
          ?.folders.get(folderName)
          ?.messages.map((m) => m.uid) ?? []
      );
    },
    folderNames(user) {
      return [...(accounts.get(user)?.folders.keys() ?? [])];
    },
  };
}
