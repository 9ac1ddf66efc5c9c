// Parsing the lines of an HTTP/1.1 message head (RFC 9112 §2-§5): request line, status line and field lines. Pure
// functions that say exactly what is wrong, so the server machine can answer with the status the RFC names.

/** RequestLine is a request line that parsed: method, request-target and version as sent (RFC 9112 §3). */
export interface RequestLine {
  readonly method: string;
  readonly target: string;
  readonly version: string;
}

/**
 * RequestLineError says why a request line is refused: `malformed` (400, RFC 9112 §3), or a well-formed line of
 * an HTTP `version` this server does not speak (505, RFC 9110 §15.6.6).
 */
export type RequestLineError =
  | { readonly error: 'malformed'; readonly detail: string }
  | { readonly error: 'version'; readonly version: string; readonly method: string; readonly target: string };

/** StatusLine is a status line that parsed (RFC 9112 §4). */
export interface StatusLine {
  readonly version: string;
  readonly status: number;
  readonly reason: string;
}

/** FieldLine is one header field line that parsed: name as sent, value without surrounding whitespace (§5). */
export interface FieldLine {
  readonly name: string;
  readonly value: string;
}

/** FieldLineError says why a field line is refused; each of them is a 400 (RFC 9112 §5.1, §5.2). */
export type FieldLineError = {
  readonly error: 'noColon' | 'spaceBeforeColon' | 'badName' | 'obsFold' | 'badValue';
};

// RFC 9110 §5.6.2: token = 1*tchar.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// RFC 9112 §2.3: HTTP-version = HTTP-name "/" DIGIT "." DIGIT, case-sensitive.
const VERSION = /^HTTP\/\d\.\d$/;
// A request-target is visible ASCII (RFC 3986's characters, RFC 9112 §3.2); no whitespace or controls inside.
const TARGET = /^[\x21-\x7e]+$/;
// RFC 9110 §5.5: field-value octets are VCHAR, SP, HTAB and obs-text; CR, LF and NUL are never allowed.
// eslint-disable-next-line no-control-regex -- the controls are what is refused
const BAD_VALUE = /[\x00-\x08\x0a-\x1f\x7f]/;

/** SUPPORTED_VERSIONS are the versions this lab's server answers; any other is 505. */
export const SUPPORTED_VERSIONS: readonly string[] = ['HTTP/1.1', 'HTTP/1.0'];

/** isToken tells whether `text` is an RFC 9110 token, as a method or a field name must be. */
export function isToken(text: string): boolean {
  return TOKEN.test(text);
}

/**
 * parseRequestLine reads `method SP request-target SP HTTP-version` (RFC 9112 §3), with exactly one space between
 * the parts: a server that takes looser whitespace invites request smuggling (§3 note), so this one says 400.
 */
export function parseRequestLine(line: string): RequestLine | RequestLineError {
  const parts = line.split(' ');
  if (parts.length !== 3) {
    const detail =
      parts.length === 2 ? 'no HTTP version (HTTP/0.9 is not spoken)' : 'not "method SP target SP version"';
    return { error: 'malformed', detail };
  }
  const [method = '', target = '', version = ''] = parts;
  if (!isToken(method)) return { error: 'malformed', detail: 'the method is not a token' };
  if (!TARGET.test(target))
    return { error: 'malformed', detail: 'the request-target has characters it may not have' };
  if (!VERSION.test(version)) return { error: 'malformed', detail: 'the version is not HTTP/d.d' };
  if (!SUPPORTED_VERSIONS.includes(version)) return { error: 'version', version, method, target };
  return { method, target, version };
}

/** parseStatusLine reads `HTTP-version SP status-code SP [reason-phrase]` (RFC 9112 §4), or null if it is not one. */
export function parseStatusLine(line: string): StatusLine | null {
  const match = /^(HTTP\/\d\.\d) (\d{3})(?: (.*))?$/.exec(line);
  if (match === null) return null;
  const [, version = '', code = '', reason = ''] = match;
  // RFC 9112 §4: a client SHOULD ignore the reason-phrase; it is kept only to be shown.
  return { version, status: Number(code), reason };
}

/**
 * parseFieldLine reads `field-name ":" OWS field-value OWS` (RFC 9112 §5). A line that starts with whitespace is
 * obsolete line folding, refused as §5.2 allows; whitespace between the name and the colon MUST be refused (§5.1).
 */
export function parseFieldLine(line: string): FieldLine | FieldLineError {
  if (line.startsWith(' ') || line.startsWith('\t')) return { error: 'obsFold' };
  const colon = line.indexOf(':');
  if (colon === -1) return { error: 'noColon' };
  const name = line.slice(0, colon);
  if (name.endsWith(' ') || name.endsWith('\t')) return { error: 'spaceBeforeColon' };
  if (!isToken(name)) return { error: 'badName' };
  const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
  if (BAD_VALUE.test(value)) return { error: 'badValue' };
  return { name, value };
}

/** listValues splits a comma-separated field value into its trimmed, non-empty members (RFC 9110 §5.6.1). */
export function listValues(value: string): string[] {
  return value
    .split(',')
    .map((member) => member.trim())
    .filter((member) => member !== '');
}
