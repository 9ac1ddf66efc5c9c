// What the mailbox store holds and answers: messages, folders, accounts, the flags it keeps, and the results and
// refusals of its operations, shared by the store, its sessions and the protocol adapters over it.
/** StoredMessage is one message in a folder. Its UID never changes and is never reused in the folder. */
export interface StoredMessage {
  readonly uid: number;
  readonly raw: string;
  readonly internalDate: number;
  readonly size: number;
  /** flags are the stored ones: system flags and keywords, never \Recent, which is a session's (RFC 3501 §2.3.2). */
  readonly flags: Set<string>;
}

/**
 * Folder is a named mailbox of one user. UIDVALIDITY values are never reused in a store, so a (name, UIDVALIDITY)
 * pair names one folder's UIDs forever (RFC 3501 §2.3.1.1); a renamed folder keeps its UIDVALIDITY for that reason.
 */
export interface Folder {
  name: string;
  readonly uidValidity: number;
  uidNext: number;
  readonly messages: StoredMessage[];
  /** selectable is false for a \Noselect folder: one deleted while it had children (RFC 3501 §6.3.4). */
  selectable: boolean;
}

/** MailUser is an account on a mail server. */
export interface MailUser {
  readonly name: string;
  readonly password: string;
  readonly folders: Map<string, Folder>;
  /** subscriptions are names, not folders: they outlive a DELETE and do not follow a RENAME (RFC 3501 §6.3.6). */
  readonly subscriptions: Set<string>;
}

/** DEFAULT_FOLDERS are made for every account, INBOX first. */
export const DEFAULT_FOLDERS = ['INBOX', 'Sent', 'Trash'] as const;

/** SYSTEM_FLAGS are the flags a message keeps in the store (RFC 3501 §2.3.2); \Recent is not one. */
export const SYSTEM_FLAGS = ['\\Seen', '\\Answered', '\\Flagged', '\\Deleted', '\\Draft'] as const;

/** FolderRefusal says why the store refused a change to folders or messages. */
export type FolderRefusal =
  | 'no-user'
  | 'no-such-folder'
  | 'invalid-name'
  | 'exists'
  | 'inbox'
  | 'below-itself'
  | 'has-children'
  | 'noselect'
  /** The store holds as many octets as it may (see MailboxStore.limit). */
  | 'full';

/** Refused is a refusal with its reason, and for a bad name what is wrong with it. */
export type Refused = { readonly ok: false; readonly reason: FolderRefusal; readonly detail?: string };

/** FolderResult is the outcome of CREATE, DELETE or RENAME. */
export type FolderResult = { readonly ok: true } | Refused;

/** UidPair is one message copied: its UID in the source folder and in the destination (RFC 4315 COPYUID). */
export interface UidPair {
  readonly from: number;
  readonly to: number;
}

/** CopyResult lists the copies made, in ascending source UID, with the destination's UIDVALIDITY. */
export type CopyResult =
  { readonly ok: true; readonly uidValidity: number; readonly uids: readonly UidPair[] } | Refused;

/** AppendResult is the new message's UID and its folder's UIDVALIDITY (RFC 4315 APPENDUID). */
export type AppendResult =
  { readonly ok: true; readonly uidValidity: number; readonly uid: number } | Refused;

/** FolderStatus is what STATUS reports of a folder (RFC 3501 §6.3.10). */
export interface FolderStatus {
  readonly messages: number;
  readonly recent: number;
  readonly uidNext: number;
  readonly uidValidity: number;
  readonly unseen: number;
}

/** FlagOperation is STORE's: add the flags, remove them, or make them the message's flags (RFC 3501 §6.4.6). */
export type FlagOperation = 'add' | 'remove' | 'replace';

/**
 * normaliseFlags spells the system flags as RFC 3501 does, whatever case they came in, drops \Recent (no one may
 * store it) and repeats; keywords keep their spelling.
 */
export function normaliseFlags(flags: Iterable<string>): string[] {
  const out: string[] = [];
  for (const flag of flags) {
    const system = SYSTEM_FLAGS.find((f) => f.toLowerCase() === flag.toLowerCase());
    const spelt = system ?? flag;
    if (spelt.toLowerCase() === '\\recent') continue;
    if (!out.some((f) => f.toLowerCase() === spelt.toLowerCase())) out.push(spelt);
  }
  return out;
}
