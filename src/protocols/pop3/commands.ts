// POP3 command lines: parsing what a client sent into a typed command (RFC 1939 §3–§7, CAPA of RFC 2449 §5), and
// formatting the commands our own client sends. Syntax only; whether a command is allowed now is the machine's.

/** Pop3Verb is a command this server carries out: the commands of RFC 1939 and CAPA (RFC 2449 §5). */
export type Pop3Verb =
  | 'USER'
  | 'PASS'
  | 'APOP'
  | 'STAT'
  | 'LIST'
  | 'RETR'
  | 'DELE'
  | 'NOOP'
  | 'RSET'
  | 'QUIT'
  | 'TOP'
  | 'UIDL'
  | 'CAPA';

/**
 * SyntaxDetail says what was wrong with a known command's arguments: too few or too many, a space too many, a
 * message-number or line count that is not a decimal number of the right size, an APOP digest that is not 32
 * hexadecimal digits, or a character that is not printable ASCII (RFC 1939 §3).
 */
export type SyntaxDetail =
  | 'missingArgument'
  | 'unexpectedArgument'
  | 'badSpacing'
  | 'badMessageNumber'
  | 'badLineCount'
  | 'badDigest'
  | 'badCharacter';

/** Pop3Command is a parsed command line: a known verb with its arguments, a verb we do not carry out, or an error. */
export type Pop3Command =
  | { verb: 'USER'; name: string }
  | { verb: 'PASS'; password: string }
  | { verb: 'APOP'; name: string; digest: string }
  | { verb: 'STAT' | 'NOOP' | 'RSET' | 'QUIT' | 'CAPA' }
  | { verb: 'LIST' | 'UIDL'; message: number | null }
  | { verb: 'RETR' | 'DELE'; message: number }
  | { verb: 'TOP'; message: number; lines: number }
  | { verb: 'notImplemented'; name: string }
  | { verb: 'unknown'; name: string }
  | { error: 'syntax'; verb: Pop3Verb; detail: SyntaxDetail };

/** CommandSyntaxError is the Pop3Command variant for a known verb with bad arguments. */
export type CommandSyntaxError = Extract<Pop3Command, { error: 'syntax' }>;

/** USAGE is how RFC 1939 §9 (and RFC 2449 §5 for CAPA) writes each command with its arguments. */
export const USAGE: Readonly<Record<Pop3Verb, string>> = {
  USER: 'USER name',
  PASS: 'PASS string',
  APOP: 'APOP name digest',
  STAT: 'STAT',
  LIST: 'LIST [msg]',
  RETR: 'RETR msg',
  DELE: 'DELE msg',
  NOOP: 'NOOP',
  RSET: 'RSET',
  QUIT: 'QUIT',
  TOP: 'TOP msg n',
  UIDL: 'UIDL [msg]',
  CAPA: 'CAPA',
};

// Verbs of POP3 extensions (and RFC 1460's LAST) that this server knows of but does not carry out.
const NOT_IMPLEMENTED: ReadonlySet<string> = new Set(['AUTH', 'STLS', 'UTF8', 'LANG', 'LAST']);

const PRINTABLE = /^[\x20-\x7e]*$/;
const DIGITS = /^[0-9]+$/;
const DIGEST = /^[0-9a-fA-F]{32}$/;

/** isPop3Verb tells whether a verb (in upper case) is one this server carries out. */
export function isPop3Verb(verb: string): verb is Pop3Verb {
  return Object.hasOwn(USAGE, verb);
}

/**
 * parseCommand reads one command line, given without its CRLF. Keywords are case-insensitive and arguments are
 * separated by a single space (RFC 1939 §3); trailing spaces are tolerated, as a person at a terminal types them.
 * PASS takes the rest of the line as its one argument, spaces included (RFC 1939 §7). It never throws.
 */
export function parseCommand(line: string): Pop3Command {
  // The keyword ends at SP; a lone CR or LF ends it too, so that "STAT\r" is seen as STAT with a bad character.
  const end = line.search(/[ \r\n]/);
  const name = end === -1 ? line : line.slice(0, end);
  const rest = end === -1 ? null : line.slice(end + 1);
  const verb = name.toUpperCase();
  if (!isPop3Verb(verb)) {
    return NOT_IMPLEMENTED.has(verb) ? { verb: 'notImplemented', name: verb } : { verb: 'unknown', name };
  }
  if (!PRINTABLE.test(line)) return syntaxError(verb, 'badCharacter');
  if (verb === 'PASS') {
    return rest === null || rest === '' ? syntaxError(verb, 'missingArgument') : { verb, password: rest };
  }
  const trimmed = rest?.replace(/ +$/, '') ?? '';
  const args = trimmed === '' ? [] : trimmed.split(' ');
  if (args.includes('')) return syntaxError(verb, 'badSpacing');
  return parseArguments(verb, args);
}

function parseArguments(verb: Exclude<Pop3Verb, 'PASS'>, args: readonly string[]): Pop3Command {
  switch (verb) {
    case 'USER':
      return arity(verb, args, 1) ?? { verb, name: args[0] ?? '' };
    case 'APOP': {
      const [name = '', digest = ''] = args;
      const problem = arity(verb, args, 2);
      if (problem !== null) return problem;
      return DIGEST.test(digest)
        ? { verb, name, digest: digest.toLowerCase() }
        : syntaxError(verb, 'badDigest');
    }
    case 'STAT':
    case 'NOOP':
    case 'RSET':
    case 'QUIT':
    case 'CAPA':
      return arity(verb, args, 0) ?? { verb };
    case 'LIST':
    case 'UIDL': {
      if (args.length > 1) return syntaxError(verb, 'unexpectedArgument');
      if (args[0] === undefined) return { verb, message: null };
      const message = messageNumber(args[0]);
      return message === null ? syntaxError(verb, 'badMessageNumber') : { verb, message };
    }
    case 'RETR':
    case 'DELE': {
      const problem = arity(verb, args, 1);
      if (problem !== null) return problem;
      const message = messageNumber(args[0] ?? '');
      return message === null ? syntaxError(verb, 'badMessageNumber') : { verb, message };
    }
    case 'TOP': {
      const problem = arity(verb, args, 2);
      if (problem !== null) return problem;
      const message = messageNumber(args[0] ?? '');
      if (message === null) return syntaxError(verb, 'badMessageNumber');
      const lines = args[1] ?? '';
      // RFC 1939 §7: "a non-negative number of lines".
      return DIGITS.test(lines) ? { verb, message, lines: Number(lines) } : syntaxError(verb, 'badLineCount');
    }
  }
}

/**
 * messageNumber reads a message-number: decimal digits only (no sign, no space), and at least 1, since the first
 * message is "1" (RFC 1939 §4). A number too large for any maildrop still parses; the server answers that there
 * is no such message.
 */
export function messageNumber(text: string): number | null {
  if (!DIGITS.test(text)) return null;
  const value = Number(text);
  return value >= 1 ? value : null;
}

function arity(verb: Pop3Verb, args: readonly string[], count: number): CommandSyntaxError | null {
  if (args.length < count) return syntaxError(verb, 'missingArgument');
  if (args.length > count) return syntaxError(verb, 'unexpectedArgument');
  return null;
}

function syntaxError(verb: Pop3Verb, detail: SyntaxDetail): CommandSyntaxError {
  return { error: 'syntax', verb, detail };
}

/** ClientCommand is a well-formed command of a known verb: what our POP3 client sends, with formatCommand. */
export type ClientCommand = Exclude<Pop3Command, CommandSyntaxError | { verb: 'notImplemented' | 'unknown' }>;

/** formatCommand writes a client command as a line without CRLF: upper-case keyword, arguments after one space each. */
export function formatCommand(command: ClientCommand): string {
  switch (command.verb) {
    case 'USER':
      return `USER ${command.name}`;
    case 'PASS':
      return `PASS ${command.password}`;
    case 'APOP':
      return `APOP ${command.name} ${command.digest}`;
    case 'LIST':
    case 'UIDL':
      return command.message === null ? command.verb : `${command.verb} ${command.message}`;
    case 'RETR':
    case 'DELE':
      return `${command.verb} ${command.message}`;
    case 'TOP':
      return `TOP ${command.message} ${command.lines}`;
    default:
      return command.verb;
  }
}
