// LIST and LSUB patterns (RFC 3501 §6.3.8): "*" matches anything, "%" anything but the hierarchy
// delimiter, compared over the wire (modified UTF-7) names.

import { isInbox } from './mailboxNames.ts';

/** HIERARCHY_DELIMITER is the delimiter of the lab's mailbox hierarchy: `Work/Projects`. */
export const HIERARCHY_DELIMITER = '/';

/**
 * joinListReference puts a LIST reference and mailbox pattern together into the pattern to match. RFC 3501
 * §6.3.8 leaves the rule to the server; ours is the usual one: the pattern is appended to the reference,
 * except that a pattern starting with the delimiter is absolute and replaces it.
 */
export function joinListReference(
  reference: string,
  pattern: string,
  delimiter = HIERARCHY_DELIMITER,
): string {
  if (pattern.startsWith(delimiter)) return pattern;
  return reference + pattern;
}

/**
 * matchListPattern tells whether a mailbox name matches a LIST pattern. Other chars match themselves,
 * case-sensitively, except that a pattern whose first level is INBOX in any case matches INBOX
 * (RFC 3501 §5.1). It runs in time proportional to pattern × name, whatever the wildcards.
 */
export function matchListPattern(pattern: string, name: string, delimiter = HIERARCHY_DELIMITER): boolean {
  const [p, n] = inboxFolded(pattern, name, delimiter);
  // reachable[j]: the pattern read so far can match the first j chars of the name.
  let reachable = new Array<boolean>(n.length + 1).fill(false);
  reachable[0] = true;
  for (const char of p) {
    const next = new Array<boolean>(n.length + 1).fill(false);
    if (char === '*' || char === '%') {
      let open = false;
      for (let j = 0; j <= n.length; j++) {
        if (reachable[j]) open = true;
        next[j] = open;
        // "%" may not swallow a delimiter: the run of matches stops at one.
        if (char === '%' && n.charAt(j) === delimiter) open = false;
      }
    } else {
      for (let j = 1; j <= n.length; j++) next[j] = reachable[j - 1] === true && n.charAt(j - 1) === char;
    }
    reachable = next;
  }
  return reachable[n.length] === true;
}

// INBOX is case-insensitive, so its spelling is folded in both before matching; below INBOX (INBOX/Sent)
// names stay case-sensitive.
function inboxFolded(pattern: string, name: string, delimiter: string): [string, string] {
  const fold = (text: string) => {
    const cut = text.indexOf(delimiter);
    const first = cut === -1 ? text : text.slice(0, cut);
    return isInbox(first) ? 'INBOX' + text.slice(first.length) : text;
  };
  return [fold(pattern), fold(name)];
}
