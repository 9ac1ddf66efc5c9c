// The tokens of RFC 3501 §9 read from one whole command or response (its literals inline, as on the wire,
// without the final CRLF): atoms, numbers, quoted strings, literals, NIL, flags and parenthesised values.
// Grammar files (commands, search keys, fetch items, responses) read through a Scanner and say what they
// expected; the Scanner says what it found instead.

/**
 * ImapSyntaxError is what a Scanner throws when the text does not match; `at` is the offset of the problem.
 * Only the parse functions of this folder see it: each of them catches it and returns it as a value.
 */
export class ImapSyntaxError extends Error {
  readonly at: number;

  constructor(message: string, at: number) {
    super(message);
    this.name = 'ImapSyntaxError';
    this.at = at;
  }
}

/** Parsed is what every parse function of this folder returns instead of throwing. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; at: number };

/** attempt runs a grammar function and turns an ImapSyntaxError into a failed Parsed. */
export function attempt<T>(read: () => T): Parsed<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof ImapSyntaxError) return { ok: false, message: error.message, at: error.at };
    throw error;
  }
}

/** MAX_UINT32 is the largest `number` of RFC 3501 §9: an unsigned 32-bit integer. */
export const MAX_UINT32 = 4_294_967_295;

/** MAX_NESTING bounds how deep parentheses may nest, so that hostile input cannot exhaust the stack. */
export const MAX_NESTING = 50;

// RFC 3501 §9: atom-specials = "(" / ")" / "{" / SP / CTL / list-wildcards / quoted-specials / resp-specials,
// and an ATOM-CHAR is any 7-bit CHAR but those.
const ATOM_RUN = /[\x21\x23\x24\x26-\x27\x2b-\x5b\x5e-\x7a\x7c-\x7e]+/y;
// ASTRING-CHAR adds resp-specials ("]"); list-char adds list-wildcards too.
const ASTRING_RUN = /[\x21\x23\x24\x26-\x27\x2b-\x5b\x5d\x5e-\x7a\x7c-\x7e]+/y;
const LIST_RUN = /[\x21\x23-\x27\x2a-\x5b\x5d\x5e-\x7a\x7c-\x7e]+/y;
const DIGITS = /[0-9]+/y;
// RFC 3501 §9: tag = 1*<any ASTRING-CHAR except "+">.
const TAG_RUN = /[\x21\x23\x24\x26\x27\x2c-\x5b\x5d-\x7a\x7c-\x7e]+/y;

/** isAstringAtom tells whether text can be sent as an astring without quotes (atom chars and "]"). */
export function isAstringAtom(text: string): boolean {
  return text.length > 0 && matchesWhole(ASTRING_RUN, text);
}

/** isTag tells whether text can be a command tag: astring chars without "+" (RFC 3501 §9 `tag`). */
export function isTag(text: string): boolean {
  return text.length > 0 && matchesWhole(TAG_RUN, text);
}

/** isListAtom tells whether a LIST pattern can be sent without quotes (astring chars, "%" and "*"). */
export function isListAtom(text: string): boolean {
  return text.length > 0 && matchesWhole(LIST_RUN, text);
}

function matchesWhole(run: RegExp, text: string): boolean {
  run.lastIndex = 0;
  return run.exec(text)?.[0].length === text.length;
}

/** ImapValue is a generic parenthesised value of a response, read before its meaning is known. */
export type ImapValue =
  | { kind: 'atom'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'nil' }
  | { kind: 'list'; items: ImapValue[] };

/**
 * Scanner reads tokens left to right from one command or response. Every read either returns what it
 * expected or throws an ImapSyntaxError that names what it expected and what it found.
 */
export class Scanner {
  readonly text: string;
  pos = 0;

  constructor(text: string) {
    this.text = text;
  }

  /** atEnd tells whether everything has been read. */
  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /** peek returns the next char without reading it, or '' at the end. */
  peek(): string {
    return this.text.charAt(this.pos);
  }

  /** fail throws an ImapSyntaxError at the current position (or at `at`). */
  fail(message: string, at = this.pos): never {
    throw new ImapSyntaxError(message, at);
  }

  /** found describes what is at the current position, for "expected …, found …" messages. */
  found(): string {
    if (this.atEnd()) return 'but the line ends there';
    const rest = this.text.slice(this.pos, this.pos + 12).replace(/\r\n[^]*/, '');
    return `found ${JSON.stringify(rest === '' ? this.peek() : rest)}`;
  }

  /** expected throws "expected <what>, found …". */
  expected(what: string): never {
    return this.fail(`expected ${what}, ${this.found()}`);
  }

  /** take reads `char` if it is next and tells whether it did. */
  take(char: string): boolean {
    if (this.text.startsWith(char, this.pos)) {
      this.pos += char.length;
      return true;
    }
    return false;
  }

  /** expect reads `char`, or fails naming `what` it should have been. */
  expect(char: string, what: string): void {
    if (!this.take(char)) this.expected(what);
  }

  /** sp reads exactly one space (RFC 3501 §9 note 2: never a tab, never two), saying what it comes before. */
  sp(before: string): void {
    if (this.take(' ')) {
      if (this.peek() === ' ') this.fail(`only one space may come before ${before}`);
      return;
    }
    this.expected(`a space before ${before}`);
  }

  /** match reads what a sticky regex matches here, or returns null and reads nothing. */
  match(sticky: RegExp): string | null {
    sticky.lastIndex = this.pos;
    const found = sticky.exec(this.text)?.[0];
    if (found === undefined || found === '') return null;
    this.pos += found.length;
    return found;
  }

  /** end fails unless everything has been read, naming what came last. */
  end(after: string): void {
    if (!this.atEnd()) this.fail(`unexpected ${this.found().replace(/^found /, '')} after ${after}`);
  }

  /** tag reads a command tag, or returns null and reads nothing. */
  tag(): string | null {
    return this.match(TAG_RUN);
  }

  /** atom reads 1*ATOM-CHAR. */
  atom(what: string): string {
    return this.match(ATOM_RUN) ?? this.expected(what);
  }

  /** number reads 1*DIGIT as an unsigned 32-bit integer (RFC 3501 §9 `number`). */
  number(what: string): number {
    const start = this.pos;
    const digits = this.match(DIGITS) ?? this.expected(what);
    const value = Number(digits);
    if (value > MAX_UINT32) this.fail(`${digits} is too large for ${what} (at most ${MAX_UINT32})`, start);
    return value;
  }

  /** nzNumber reads a number that may not be 0 (RFC 3501 §9 `nz-number`). */
  nzNumber(what: string): number {
    const start = this.pos;
    const value = this.number(what);
    if (value === 0) this.fail(`${what} may not be 0`, start);
    return value;
  }

  /** quoted reads a quoted string and returns its content with the escapes removed. */
  quoted(): string {
    const start = this.pos;
    this.expect('"', 'a quoted string');
    let value = '';
    for (;;) {
      const char = this.peek();
      if (char === '') this.fail('a quoted string is never closed with """', start);
      if (char === '\r' || char === '\n' || char === '\0') {
        this.fail('a quoted string may not hold CR, LF or NUL; send a literal instead');
      }
      this.pos++;
      if (char === '"') return value;
      if (char === '\\') {
        const escaped = this.peek();
        if (escaped !== '"' && escaped !== '\\') {
          this.fail('in a quoted string "\\" may only escape """ or "\\" (RFC 3501 §9 QUOTED-CHAR)');
        }
        this.pos++;
        value += escaped;
      } else {
        value += char;
      }
    }
  }

  /** literal reads `{n}` CRLF and the n octets after it (RFC 3501 §4.3). */
  literal(): string {
    const start = this.pos;
    this.expect('{', 'a literal');
    const size = this.number('the size of a literal');
    if (this.peek() === '+') {
      this.fail('non-synchronizing literals ({n+}, RFC 7888 LITERAL+) are not supported here', start);
    }
    this.expect('}', 'a "}" closing the size of the literal');
    if (!this.take('\r\n')) this.fail('a literal\'s "{n}" must end its line', start);
    const octets = this.text.slice(this.pos, this.pos + size);
    if (octets.length < size) {
      this.fail(`the literal announces ${size} octets but only ${octets.length} follow`, start);
    }
    if (octets.includes('\0')) this.fail('a literal may not hold a NUL octet (RFC 3501 §9 CHAR8)', start);
    this.pos += size;
    return octets;
  }

  /** string reads a quoted string or a literal (RFC 3501 §9 `string`). */
  string(what: string): string {
    if (this.peek() === '"') return this.quoted();
    if (this.peek() === '{') return this.literal();
    return this.expected(`${what} as a quoted string or a literal`);
  }

  /** astring reads an atom (with "]" allowed), a quoted string or a literal (RFC 3501 §9 `astring`). */
  astring(what: string): string {
    if (this.peek() === '"' || this.peek() === '{') return this.string(what);
    return this.match(ASTRING_RUN) ?? this.expected(what);
  }

  /** nstring reads a string or NIL, which gives null (RFC 3501 §9 `nstring`). */
  nstring(what: string): string | null {
    if (this.peek() === '"' || this.peek() === '{') return this.string(what);
    if (this.match(/NIL(?![^ ()\]])/iy) !== null) return null;
    return this.expected(`${what} as a string or NIL`);
  }

  /** listMailbox reads a LIST pattern: list chars ("%" and "*" included) or a string (RFC 3501 §9). */
  listMailbox(what: string): string {
    if (this.peek() === '"' || this.peek() === '{') return this.string(what);
    return this.match(LIST_RUN) ?? this.expected(what);
  }

  /** flag reads `\Name` or a keyword atom; system flags are returned in their RFC 3501 §2.3.2 spelling. */
  flag(what = 'a flag'): string {
    if (this.take('\\')) {
      if (this.take('*')) return '\\*';
      return canonicalFlag('\\' + this.atom(`a flag name after "\\"`));
    }
    return this.atom(what);
  }

  /** flagList reads "(" [flag *(SP flag)] ")". */
  flagList(): string[] {
    const open = this.pos;
    this.expect('(', 'a parenthesised flag list');
    const flags: string[] = [];
    while (!this.take(')')) {
      if (this.atEnd()) this.fail('the flag list is never closed with ")"', open);
      if (flags.length > 0) this.sp('the next flag');
      flags.push(this.flag('a flag or ")"'));
    }
    return flags;
  }

  /** value reads any generic value: NIL, a number or atom, a string, or a parenthesised list of values. */
  value(depth = 0): ImapValue {
    const char = this.peek();
    if (char === '"' || char === '{') return { kind: 'string', text: this.string('a value') };
    if (char === '(') {
      if (depth >= MAX_NESTING) this.fail(`parentheses nest deeper than ${MAX_NESTING} levels`);
      const open = this.pos++;
      const items: ImapValue[] = [];
      while (!this.take(')')) {
        if (this.atEnd()) this.fail('unbalanced parentheses: this "(" is never closed', open);
        // Lists of lists are often written without spaces between them: `((a b)(c d))` (RFC 3501 §9 env-from).
        if (
          items.length > 0 &&
          !this.take(' ') &&
          this.peek() !== '(' &&
          this.text.charAt(this.pos - 1) !== ')'
        ) {
          this.expected('a space before the next value in the list');
        }
        items.push(this.value(depth + 1));
      }
      return { kind: 'list', items };
    }
    const atom = this.match(/\\?[\x21\x23\x24\x26-\x27\x2a-\x5b\x5d-\x7a\x7c-\x7e]+/y);
    if (atom === null) return this.expected('a value');
    return /^NIL$/i.test(atom) ? { kind: 'nil' } : { kind: 'atom', text: atom };
  }
}

const SYSTEM_FLAGS = ['\\Answered', '\\Flagged', '\\Deleted', '\\Seen', '\\Draft', '\\Recent'];
const SYSTEM_FLAG_BY_UPPER = new Map(SYSTEM_FLAGS.map((flag) => [flag.toUpperCase(), flag]));

/**
 * canonicalFlag spells a system flag as RFC 3501 §2.3.2 does (`\deleted` is `\Deleted`; flags are
 * case-insensitive); keywords and other flags keep the spelling they came with.
 */
export function canonicalFlag(flag: string): string {
  return SYSTEM_FLAG_BY_UPPER.get(flag.toUpperCase()) ?? flag;
}
