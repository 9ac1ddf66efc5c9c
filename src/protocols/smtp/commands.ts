// SMTP command lines: parsing what a client sent into a typed command (RFC 5321 §4.1), and formatting the commands
// our own client sends. Syntax only; whether a command is allowed now is the server machine's business.
import { isAddressLiteral, isDomain, parseForwardPath, parseReversePath } from './paths.ts';
import type { ForwardPath, PathProblem, ReversePath } from './paths.ts';

/** KnownVerb is a command this server carries out. */
export type KnownVerb =
  'HELO' | 'EHLO' | 'MAIL' | 'RCPT' | 'DATA' | 'RSET' | 'NOOP' | 'VRFY' | 'HELP' | 'QUIT' | 'AUTH';

/**
 * Laxity marks input the server accepted although the RFC does not allow it, so that the UI can explain it.
 * `spaceAfterColon`: `MAIL FROM: <a@b>`, which many clients send though RFC 5321 §4.1.2 has no space there.
 */
export type Laxity = 'spaceAfterColon';

/** MailParams are the MAIL parameters this server knows: SIZE (RFC 1870), BODY (RFC 6152), AUTH (RFC 4954 §5). */
export type MailParams = { SIZE?: number; BODY?: '7BIT' | '8BITMIME'; AUTH?: string };

/** SyntaxDetail says what was wrong with a known command's arguments; each maps to a 501 reply. */
export type SyntaxDetail =
  | 'bareLineBreak'
  | 'tabSeparator'
  | 'missingArgument'
  | 'unexpectedArgument'
  | 'badDomain'
  | 'badParameter'
  | PathProblem;

/** SmtpCommand is a parsed command line: a known verb with its arguments, a verb we do not carry out, or a syntax error. */
export type SmtpCommand =
  | { verb: 'HELO'; domain: string }
  | { verb: 'EHLO'; domain: string }
  | { verb: 'MAIL'; from: ReversePath; params: MailParams; unknownParams: string[]; lax: Laxity[] }
  | { verb: 'RCPT'; to: ForwardPath; unknownParams: string[]; lax: Laxity[] }
  | { verb: 'DATA' }
  | { verb: 'RSET' }
  | { verb: 'NOOP' }
  | { verb: 'VRFY'; argument: string }
  | { verb: 'HELP'; topic: string | null }
  | { verb: 'QUIT' }
  | { verb: 'AUTH'; mechanism: string; initialResponse: string | null }
  | { verb: 'notImplemented'; name: string }
  | { verb: 'unknown'; name: string }
  | { error: 'syntax'; verb: KnownVerb; detail: SyntaxDetail };

/** CommandSyntaxError is the SmtpCommand variant for a known verb with bad arguments. */
export type CommandSyntaxError = Extract<SmtpCommand, { error: 'syntax' }>;

const KNOWN_VERBS: ReadonlySet<string> = new Set<KnownVerb>([
  'HELO',
  'EHLO',
  'MAIL',
  'RCPT',
  'DATA',
  'RSET',
  'NOOP',
  'VRFY',
  'HELP',
  'QUIT',
  'AUTH',
]);

// Verbs of RFC 5321 and its extensions that this server knows of but does not carry out: 502 (RFC 5321 §4.2.4).
const NOT_IMPLEMENTED: ReadonlySet<string> = new Set([
  'EXPN',
  'TURN',
  'SEND',
  'SOML',
  'SAML',
  'ETRN',
  'ATRN',
  'BDAT',
  'STARTTLS',
]);

const ESMTP_PARAM = /^([A-Za-z0-9][A-Za-z0-9-]*)(?:=([\x21-\x3c\x3e-\x7e]+))?$/;
const SASL_MECHANISM = /^[A-Za-z0-9_-]{1,20}$/;

/** isKnownVerb tells whether a verb (in upper case) is one this server carries out. */
export function isKnownVerb(verb: string): verb is KnownVerb {
  return KNOWN_VERBS.has(verb);
}

/**
 * parseCommand reads one command line, given without its CRLF. Verbs are case-insensitive (Python's smtplib sends
 * them in lower case); trailing white space is tolerated (RFC 5321 §4.1.1). It never throws.
 */
export function parseCommand(line: string): SmtpCommand {
  const trimmed = line.replace(/[ \t]+$/, '');
  // The verb ends at SP; a lone CR or LF ends it too, so that "NOOP\r" is seen as NOOP with a bad line end, and so
  // does a tab, so that "EHLO<TAB>x" is known as EHLO and told what is wrong with it.
  const end = trimmed.search(/[ \t\r\n]/);
  const name = end === -1 ? trimmed : trimmed.slice(0, end);
  const args = end === -1 ? null : trimmed.slice(end + 1);
  const verb = name.toUpperCase();
  if (!isKnownVerb(verb)) {
    return NOT_IMPLEMENTED.has(verb) ? { verb: 'notImplemented', name: verb } : { verb: 'unknown', name };
  }
  // RFC 5321 §2.3.8: a lone CR or LF is no line end and has no meaning inside a command, so it is refused, not guessed at.
  if (/[\r\n]/.test(line)) return syntaxError(verb, 'bareLineBreak');
  if (trimmed.charAt(end) === '\t') return syntaxError(verb, 'tabSeparator');
  return parseArguments(verb, args);
}

function parseArguments(verb: KnownVerb, args: string | null): SmtpCommand {
  switch (verb) {
    case 'HELO':
      if (args === null) return syntaxError(verb, 'missingArgument');
      return isDomain(args) ? { verb, domain: args } : syntaxError(verb, 'badDomain');
    case 'EHLO':
      if (args === null) return syntaxError(verb, 'missingArgument');
      return isDomain(args) || isAddressLiteral(args)
        ? { verb, domain: args }
        : syntaxError(verb, 'badDomain');
    case 'MAIL':
      return parseMail(args);
    case 'RCPT':
      return parseRcpt(args);
    // RFC 5321 §4.3.2: commands without arguments SHOULD get 501 when arguments are supplied.
    case 'DATA':
      return args === null ? { verb } : syntaxError(verb, 'unexpectedArgument');
    case 'RSET':
      return args === null ? { verb } : syntaxError(verb, 'unexpectedArgument');
    case 'QUIT':
      return args === null ? { verb } : syntaxError(verb, 'unexpectedArgument');
    case 'NOOP':
      // RFC 5321 §4.1.1.9: a string argument is allowed and ignored.
      return { verb };
    case 'VRFY':
      return args === null || args === '' ? syntaxError(verb, 'missingArgument') : { verb, argument: args };
    case 'HELP':
      return { verb, topic: args };
    case 'AUTH':
      return parseAuth(args);
  }
}

function parseMail(args: string | null): SmtpCommand {
  const afterKeyword = stripKeyword(args, 'FROM:');
  if (afterKeyword === null) return syntaxError('MAIL', 'missingArgument');
  const path = parseReversePath(afterKeyword.text);
  if (!path.ok) return syntaxError('MAIL', path.problem);
  const params = parseParams(path.rest);
  if (params === null) return syntaxError('MAIL', 'badParameter');
  const known: MailParams = {};
  const unknownParams: string[] = [];
  for (const [keyword, value] of params) {
    if (keyword in known) return syntaxError('MAIL', 'badParameter');
    if (keyword === 'SIZE') {
      // RFC 1870 §3: size-value = 1*20DIGIT.
      if (value === undefined || !/^\d{1,20}$/.test(value)) return syntaxError('MAIL', 'badParameter');
      known.SIZE = Number(value);
    } else if (keyword === 'BODY') {
      const body = value?.toUpperCase();
      if (body !== '7BIT' && body !== '8BITMIME') return syntaxError('MAIL', 'badParameter');
      known.BODY = body;
    } else if (keyword === 'AUTH') {
      if (value === undefined) return syntaxError('MAIL', 'badParameter');
      known.AUTH = value;
    } else {
      unknownParams.push(keyword);
    }
  }
  return { verb: 'MAIL', from: path.path, params: known, unknownParams, lax: afterKeyword.lax };
}

function parseRcpt(args: string | null): SmtpCommand {
  const afterKeyword = stripKeyword(args, 'TO:');
  if (afterKeyword === null) return syntaxError('RCPT', 'missingArgument');
  const path = parseForwardPath(afterKeyword.text);
  if (!path.ok) return syntaxError('RCPT', path.problem);
  const params = parseParams(path.rest);
  if (params === null) return syntaxError('RCPT', 'badParameter');
  return {
    verb: 'RCPT',
    to: path.path,
    unknownParams: params.map(([keyword]) => keyword),
    lax: afterKeyword.lax,
  };
}

function parseAuth(args: string | null): SmtpCommand {
  if (args === null) return syntaxError('AUTH', 'missingArgument');
  const [mechanism = '', initialResponse, ...extra] = args.split(' ');
  if (!SASL_MECHANISM.test(mechanism) || extra.length > 0 || initialResponse === '') {
    return syntaxError('AUTH', 'badParameter');
  }
  return { verb: 'AUTH', mechanism: mechanism.toUpperCase(), initialResponse: initialResponse ?? null };
}

// "FROM:" and "TO:" are case-insensitive; a space after the colon is a common laxity we accept and mark.
function stripKeyword(args: string | null, keyword: string): { text: string; lax: Laxity[] } | null {
  if (args === null || args.slice(0, keyword.length).toUpperCase() !== keyword) return null;
  const text = args.slice(keyword.length);
  return text.startsWith(' ') ? { text: text.slice(1), lax: ['spaceAfterColon'] } : { text, lax: [] };
}

// Mail-parameters = esmtp-param *(SP esmtp-param) (RFC 5321 §4.1.2); keywords compared in upper case.
function parseParams(rest: string): Array<[string, string | undefined]> | null {
  if (rest === '') return [];
  if (!rest.startsWith(' ')) return null;
  const params: Array<[string, string | undefined]> = [];
  for (const param of rest.slice(1).split(' ')) {
    const match = ESMTP_PARAM.exec(param);
    if (match === null) return null;
    params.push([(match[1] ?? '').toUpperCase(), match[2]]);
  }
  return params;
}

function syntaxError(verb: KnownVerb, detail: SyntaxDetail): CommandSyntaxError {
  return { error: 'syntax', verb, detail };
}

/**
 * ClientStyle is how our client talks: `modern` as RFC 5321 writes commands (EHLO first, no space after the colon),
 * `textbook` as Kurose & Ross's example session does (HELO, one command at a time, `MAIL FROM: <…>`).
 */
export type ClientStyle = 'textbook' | 'modern';

/** ClientCommand is a command our SMTP client sends; formatCommand writes it as a line. */
export type ClientCommand =
  | { verb: 'EHLO' | 'HELO'; domain: string }
  | { verb: 'MAIL'; from: string; params?: MailParams }
  | { verb: 'RCPT'; to: string }
  | { verb: 'DATA' | 'RSET' | 'NOOP' | 'QUIT' }
  | { verb: 'AUTH'; mechanism: string; initialResponse?: string };

/**
 * formatCommand writes a client command as a line without CRLF, in the canonical form of RFC 5321 §4.1.1: upper
 * case verb, no space after the colon, `<>` for the null sender (''). The textbook style puts a space after the
 * colon of MAIL FROM and RCPT TO, as the book's transcript does and as every server accepts.
 */
export function formatCommand(command: ClientCommand, style: ClientStyle = 'modern'): string {
  const colon = style === 'textbook' ? ': ' : ':';
  switch (command.verb) {
    case 'EHLO':
    case 'HELO':
      return `${command.verb} ${command.domain}`;
    case 'MAIL': {
      const params = Object.entries(command.params ?? {})
        .filter(([, value]) => value !== undefined)
        .map(([keyword, value]) => `${keyword}=${value}`);
      return [`MAIL FROM${colon}<${command.from}>`, ...params].join(' ');
    }
    case 'RCPT':
      return `RCPT TO${colon}<${command.to}>`;
    case 'AUTH':
      return command.initialResponse === undefined
        ? `AUTH ${command.mechanism}`
        : `AUTH ${command.mechanism} ${command.initialResponse}`;
    default:
      return command.verb;
  }
}
