// Folder names as the mailbox store keeps them: Unicode, with "/" between hierarchy levels and INBOX spelt one way
// (RFC 3501 §5.1). The IMAP codec turns them into modified UTF-7 on the wire; nothing here knows the wire.
import { isInbox } from '../../protocols/imap/mailboxNames.ts';
import { HIERARCHY_DELIMITER } from '../../protocols/imap/listPattern.ts';

export { HIERARCHY_DELIMITER };

/** FolderName is a checked, canonical folder name, or why a name cannot be one. */
export type FolderName =
  { readonly ok: true; readonly name: string } | { readonly ok: false; readonly problem: string };

/**
 * canonicalFolder checks a name and spells its first level INBOX when it is INBOX in any case, so `inbox/Work` and
 * `INBOX/Work` are one folder (RFC 3501 §5.1 makes INBOX case-insensitive; below it, names keep their case). One
 * trailing delimiter is dropped: CREATE `Work/` declares that `Work` will have children (RFC 3501 §6.3.3).
 */
export function canonicalFolder(name: string): FolderName {
  const trimmed = name.endsWith(HIERARCHY_DELIMITER) ? name.slice(0, -1) : name;
  if (trimmed === '') return { ok: false, problem: 'empty name' };
  const levels = trimmed.split(HIERARCHY_DELIMITER);
  if (levels.some((level) => level === '')) return { ok: false, problem: 'empty hierarchy level' };
  // Controls cannot be typed as a mailbox name in any IMAP client, and would break the listing.
  if ([...trimmed].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return { ok: false, problem: 'control character' };
  if (isInbox(levels[0] ?? '')) levels[0] = 'INBOX';
  return { ok: true, name: levels.join(HIERARCHY_DELIMITER) };
}

/** parentsOf lists a canonical name's ancestors, outermost first: `a/b/c` → `a`, `a/b`. */
export function parentsOf(name: string): string[] {
  const levels = name.split(HIERARCHY_DELIMITER);
  return levels.slice(1).map((_, i) => levels.slice(0, i + 1).join(HIERARCHY_DELIMITER));
}

/** isInferior tells whether `name` is below `ancestor` in the hierarchy (not equal to it). */
export function isInferior(name: string, ancestor: string): boolean {
  return name.startsWith(ancestor + HIERARCHY_DELIMITER);
}
