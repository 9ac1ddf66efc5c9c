// How a protocol line is shown to people, in every view and transcript: control characters escaped, and what
// the line's facts call a credential masked (a SASL response, an AUTH initial response, a password).
import type { ArgValue } from '../protocols/shared/lineFacts.ts';
import { isAstringAtom } from '../protocols/imap/lexer.ts';
import { formatQuoted } from '../protocols/imap/strings.ts';
import type { AppLine } from './trace.ts';

/** MASK stands in for a credential: the same width whatever the secret, so its length gives nothing away. */
export const MASK = '••••••••';

/**
 * escapeControls makes control characters visible: CR, LF and TAB as `\r`, `\n`, `\t`, any other C0 or C1
 * control or DEL as `\xHH`. Printable text, Korean included, is left alone.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === '\r') return '\\r';
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/**
 * shownLine is a line as a view prints it: escaped, with credentials masked by what the sender said they are.
 * A command that carries a credential keeps what is not secret (its IMAP tag, verb, SASL mechanism and user name)
 * and shows MASK for the rest, so a literal's announced length gives the password's length away no more than a
 * quoted password does.
 */
export function shownLine(line: AppLine): string {
  // An HTTP field whose value is a credential (Cookie, Set-Cookie, Authorization) keeps its name only.
  if (line.from === 'server' && line.credential === true && line.header !== undefined)
    return escapeControls(`${line.header}: ${MASK}`);
  if (line.from === 'client') {
    if (line.content === 'sasl') return MASK;
    const args = line.args;
    if (line.content === 'header' && args?.['credential'] === true && typeof args['name'] === 'string')
      return escapeControls(`${args['name']}: ${MASK}`);
    // POP3's PASS (RFC 1939 §7), IMAP's LOGIN and AUTHENTICATE with an initial response (RFC 3501 §6.2), SMTP's
    // AUTH with an initial response (RFC 4954 §4): what follows the public arguments is secret.
    const secret =
      args?.['password'] === true || (line.verb === 'AUTH' && args?.['initialResponse'] === true);
    if (line.verb !== undefined && args !== undefined && secret) {
      const shown = [line.tag, line.verb, publicWord(args['mechanism']), userName(line, args['userid'])];
      return escapeControls([...shown.filter((word) => word !== undefined && word !== ''), MASK].join(' '));
    }
  }
  return escapeControls(line.line);
}

function publicWord(value: ArgValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// The user name as the protocol writes it: IMAP quotes one that is not a bare astring (RFC 3501 §9), so that
// `LOGIN "bob smith" ••••` still reads as one name.
function userName(line: AppLine, userid: ArgValue | undefined): string | undefined {
  if (typeof userid !== 'string') return undefined;
  return line.protocol === 'imap' && !isAstringAtom(userid) ? formatQuoted(userid) : userid;
}
