// Reverse- and forward-paths of MAIL and RCPT, and the domains of EHLO/HELO, by the grammar of RFC 5321 §4.1.2
// and §4.1.3. Pure functions; commands.ts builds on them.

/** Mailbox is an address that names a mailbox: `local@domain` (RFC 5321 §4.1.2). */
export type Mailbox = { kind: 'mailbox'; localPart: string; domain: string; address: string };

/** ReversePath is what MAIL FROM names: a mailbox, or the null sender `<>` of bounces (RFC 5321 §4.5.5). */
export type ReversePath = Mailbox | { kind: 'null' };

/** ForwardPath is what RCPT TO names: a mailbox, or the bare `<Postmaster>` every server accepts (RFC 5321 §4.1.1.3). */
export type ForwardPath = Mailbox | { kind: 'postmaster' };

/** PathProblem says why a path was refused; each maps to a 501 reply. */
export type PathProblem = 'badPath' | 'pathTooLong';

/** PATH_MAX is the longest path in octets, angle brackets included (RFC 5321 §4.5.3.1.3). */
export const PATH_MAX = 256;

// atext of RFC 5322 §3.2.3, which RFC 5321's Atom uses.
const ATOM = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+";
const DOT_STRING = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`);
// qtextSMTP and quoted-pairSMTP (RFC 5321 §4.1.2): printable ASCII and space, backslash-escaped " and \.
const QUOTED_STRING = /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"$/;
// sub-domain = Let-dig [Ldh-str]: letters, digits and inner hyphens; no underscore (RFC 5321 §4.1.2).
const SUB_DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^IPv6:[0-9A-Fa-f:.]+$/;
// General-address-literal = Standardized-tag ":" 1*dcontent (RFC 5321 §4.1.3).
const GENERAL_LITERAL = /^[A-Za-z0-9-]*[A-Za-z0-9]:[\x21-\x5a\x5e-\x7e]+$/;
// A-d-l, the source route: MUST be accepted and SHOULD be ignored (RFC 5321 §4.1.2, Appendix C).
const SOURCE_ROUTE = /^@[^,:]+(?:,@[^,:]+)*:/;

/** isDomain tells whether text is a Domain: dot-separated sub-domains of letters, digits and hyphens. */
export function isDomain(text: string): boolean {
  return text.length > 0 && text.length <= 255 && text.split('.').every((label) => SUB_DOMAIN.test(label));
}

/** isAddressLiteral tells whether text is an address literal such as `[192.0.2.1]` (RFC 5321 §4.1.3). */
export function isAddressLiteral(text: string): boolean {
  if (!text.startsWith('[') || !text.endsWith(']')) return false;
  const inner = text.slice(1, -1);
  return IPV4.test(inner) || IPV6.test(inner) || GENERAL_LITERAL.test(inner);
}

/** parseMailbox reads `local@domain` without angle brackets, or returns null when it breaks RFC 5321 §4.1.2. */
export function parseMailbox(text: string): Mailbox | null {
  const at = text.lastIndexOf('@');
  if (at <= 0) return null;
  const localPart = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (!DOT_STRING.test(localPart) && !QUOTED_STRING.test(localPart)) return null;
  if (!isDomain(domain) && !isAddressLiteral(domain)) return null;
  // RFC 5321 §4.1.2: a quoted local part that needs no quoting is the same mailbox as its plain form ("bob" is
  // bob), so the address is written in the plain form that mailbox lists use.
  const plain = unquoted(localPart);
  return plain === null
    ? { kind: 'mailbox', localPart, domain, address: text }
    : { kind: 'mailbox', localPart: plain, domain, address: `${plain}@${domain}` };
}

// The content of a quoted-string local part when it is also a valid Dot-string, or null.
function unquoted(localPart: string): string | null {
  if (!localPart.startsWith('"')) return null;
  const content = localPart.slice(1, -1).replace(/\\(.)/g, '$1');
  return DOT_STRING.test(content) ? content : null;
}

/** PathResult is a parsed path with the text after its closing bracket (the parameters), or why it failed. */
export type PathResult<TPath> = { ok: true; path: TPath; rest: string } | { ok: false; problem: PathProblem };

/** parseReversePath reads the path of MAIL FROM at the start of text: `<local@domain>` or the null path `<>`. */
export function parseReversePath(text: string): PathResult<ReversePath> {
  const split = splitPath(text);
  if (!split.ok) return split;
  if (split.inner === '') return { ok: true, path: { kind: 'null' }, rest: split.rest };
  return mailboxResult(split.inner, split.rest);
}

/** parseForwardPath reads the path of RCPT TO at the start of text: `<local@domain>` or `<Postmaster>` in any case. */
export function parseForwardPath(text: string): PathResult<ForwardPath> {
  const split = splitPath(text);
  if (!split.ok) return split;
  if (split.inner.toLowerCase() === 'postmaster')
    return { ok: true, path: { kind: 'postmaster' }, rest: split.rest };
  return mailboxResult(split.inner, split.rest);
}

/** isPostmaster tells whether an address is some domain's postmaster, whose mail must be accepted (RFC 5321 §4.5.1). */
export function isPostmaster(address: string): boolean {
  const at = address.lastIndexOf('@');
  return at > 0 && address.slice(0, at).toLowerCase() === 'postmaster';
}

/** formatPath writes an address in angle brackets for MAIL or RCPT; '' gives the null path `<>`. */
export function formatPath(address: string): string {
  return `<${address}>`;
}

function splitPath(
  text: string,
): { ok: true; inner: string; rest: string } | { ok: false; problem: PathProblem } {
  if (!text.startsWith('<')) return { ok: false, problem: 'badPath' };
  const close = closingBracket(text);
  if (close === -1) return { ok: false, problem: 'badPath' };
  if (close + 1 > PATH_MAX) return { ok: false, problem: 'pathTooLong' };
  return { ok: true, inner: text.slice(1, close), rest: text.slice(close + 1) };
}

function mailboxResult(inner: string, rest: string): PathResult<Mailbox> {
  const mailbox = parseMailbox(inner.replace(SOURCE_ROUTE, ''));
  return mailbox === null ? { ok: false, problem: 'badPath' } : { ok: true, path: mailbox, rest };
}

// A ">" inside a quoted local part does not close the path, so the scan skips quoted strings.
function closingBracket(text: string): number {
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted && char === '\\') i++;
    else if (char === '"') quoted = !quoted;
    else if (char === '>' && !quoted) return i;
  }
  return -1;
}
