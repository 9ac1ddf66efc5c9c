// Recipient fields as people type them (`bob@hamburger.edu, Carol <carol@bratwurst.de>`), read into the bare
// addresses a `mail.send` input carries, with a reason for every entry that is not an address.

/** AddressProblem says why one entry of a recipient field is not an email address. */
export type AddressProblem = 'no-at' | 'many-at' | 'local' | 'domain' | 'non-ascii' | 'spaces';

/** AddressListResult is a recipient field read: the addresses (in order, each once) and the bad entries. */
export interface AddressListResult {
  readonly addresses: readonly string[];
  readonly problems: readonly { readonly text: string; readonly problem: AddressProblem }[];
}

// RFC 5322 §3.2.3 dot-atom: atext characters, dots only between them.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// RFC 1035 §2.3.1 labels; a single label (`alice-pc`) is allowed because lab hosts are named that way.
const DOMAIN = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/** addressProblem is why `address` (already without a display name) is not an address, or null if it is one. */
export function addressProblem(address: string): AddressProblem | null {
  // The lab's servers do not speak SMTPUTF8 (RFC 6531), so addresses stay ASCII; names and subjects need not.
  if (/\s/.test(address)) return 'spaces';
  if (/[^\x21-\x7e]/.test(address)) return 'non-ascii';
  const at = address.lastIndexOf('@');
  if (at === -1) return 'no-at';
  if (address.indexOf('@') !== at) return 'many-at';
  if (!LOCAL_PART.test(address.slice(0, at))) return 'local';
  if (!DOMAIN.test(address.slice(at + 1))) return 'domain';
  return null;
}

/**
 * addressEntries splits a field on commas, semicolons or line ends, except inside a quoted display name or angle
 * brackets, so `"Doe, John" <john@x.org>` stays one entry (RFC 5322 §3.2.4). Entries are trimmed; empty ones
 * are skipped.
 */
export function addressEntries(text: string): string[] {
  const entries: string[] = [];
  let start = 0;
  let quoted = false;
  let angled = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '\\') i += 1;
    else if (char === '"') quoted = !quoted;
    else if (!quoted && char === '<') angled = true;
    else if (!quoted && char === '>') angled = false;
    else if (!quoted && !angled && (char === ',' || char === ';' || char === '\n')) {
      entries.push(text.slice(start, i));
      start = i + 1;
    }
  }
  entries.push(text.slice(start));
  return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/**
 * parseAddressList splits a field into entries (addressEntries) and checks each entry. An entry may be a
 * bare address, `<address>` or `Name <address>`; only the address is kept, since that is what goes into
 * RCPT TO. Empty entries are skipped and repeats (compared without case) are kept once.
 */
export function parseAddressList(text: string): AddressListResult {
  const addresses: string[] = [];
  const seen = new Set<string>();
  const problems: { text: string; problem: AddressProblem }[] = [];
  for (const entry of addressEntries(text)) {
    const angled = /^(?:[^<>]*)<([^<>]*)>$/.exec(entry);
    const address = (angled ? (angled[1] as string) : entry).trim();
    const problem = addressProblem(address);
    if (problem !== null) {
      problems.push({ text: entry, problem });
      continue;
    }
    if (seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    addresses.push(address);
  }
  return { addresses, problems };
}
