// Assembling whole commands (server side) and whole responses (client side) out of CRLF-framed lines: a line
// ending in a literal's `{n}` means the next n octets, CRLFs and all, belong to the same command or
// response (RFC 3501 §4.3). The reader re-joins the lines with CRLF and counts octets; it never throws.

import type { FramedLine } from '../shared/lineFramer.ts';
import { isTag, MAX_UINT32 } from './lexer.ts';

/**
 * ReaderLimits bound what a reader holds. `maxText` is the most octets of a command outside its literals
 * (RFC 7162 §4 asks servers to accept at least 8192); `maxLiteral` the most octets of all its literals.
 */
export type ReaderLimits = { maxText: number; maxLiteral: number };

/** DEFAULT_READER_LIMITS suit the lab: 8192 octets of command text, 4 MiB of literal data. */
export const DEFAULT_READER_LIMITS: ReaderLimits = { maxText: 8192, maxLiteral: 4 * 1024 * 1024 };

/**
 * ReaderRefusal says why a command was refused without being parsed: its text was too long, its literal
 * too big (APPEND may answer NO with [TOOBIG] instead of BAD, as RFC 7889 APPENDLIMIT does), or it used a
 * non-synchronizing literal `{n+}`, which needs LITERAL+ (RFC 7888) that we do not offer.
 */
export type ReaderRefusal = 'lineTooLong' | 'literalTooBig' | 'nonSynchronizingLiteral';

/**
 * CommandRead is what one line did to a CommandReader: it completed a command (parse `text` with
 * parseCommand); it announced a literal, so the server answers `+ Ready for literal data`; it was taken into
 * a command still incomplete (`partial`: nothing to answer); or it ends a command that is refused.
 */
export type CommandRead =
  | { kind: 'command'; text: string }
  | { kind: 'continue'; size: number }
  | { kind: 'partial' }
  | { kind: 'refused'; refusal: ReaderRefusal; tag: string | null; verb: string | null; message: string };

/** ResponseRead is what one line did to a ResponseReader: as CommandRead, but literals never wait. */
export type ResponseRead =
  Exclude<CommandRead, { kind: 'command' } | { kind: 'continue' }> | { kind: 'response'; text: string };

type Refused = Extract<CommandRead, { kind: 'refused' }>;

// The tag and verb from the start of a command, for the reply to a refusal; null where they are unusable.
function commandHead(text: string): { tag: string | null; verb: string | null } {
  const [tag = '', verb = '', sub = ''] = text.split(' ', 3);
  if (!isTag(tag)) return { tag: null, verb: null };
  const upper = verb.toUpperCase();
  const word = /^[A-Z]+$/;
  if (!word.test(upper)) return { tag, verb: null };
  return { tag, verb: upper === 'UID' && word.test(sub.toUpperCase()) ? `UID ${sub.toUpperCase()}` : upper };
}

// The literal a text segment announces at its end, outside any quoted string; size is null when it is too
// large to count.
function announcedLiteral(segment: string): { size: number | null; synchronizing: boolean } | null {
  let quoted = false;
  for (let i = 0; i < segment.length; i++) {
    const char = segment.charAt(i);
    if (quoted && char === '\\') i++;
    else if (char === '"') quoted = !quoted;
  }
  if (quoted) return null;
  const found = /\{([0-9]+)(\+?)\}$/.exec(segment);
  if (found === null) return null;
  const [, digits = '', plus] = found;
  const size = digits.length > 10 || Number(digits) > MAX_UINT32 ? null : Number(digits);
  return { size, synchronizing: plus === '' };
}

// The shared machinery: `synchronizing` is true on the server side, where a literal waits for "+".
class LiteralAssembler {
  readonly #limits: ReaderLimits;
  readonly #synchronizing: boolean;
  #text = '';
  #textOctets = 0;
  #literalOctets = 0;
  #literalLeft: number | null = null;
  // The literal ended between the CR and the LF that the framer cut at; the LF starts the next text.
  #pendingLf = false;
  #discard: Refused | null = null;

  constructor(synchronizing: boolean, limits: Partial<ReaderLimits>) {
    this.#synchronizing = synchronizing;
    this.#limits = { ...DEFAULT_READER_LIMITS, ...limits };
  }

  get idle(): boolean {
    return this.#text === '' && this.#literalLeft === null && this.#discard === null && !this.#pendingLf;
  }

  push(item: FramedLine | string): CommandRead {
    if (typeof item !== 'string' && item.kind === 'overlong') {
      const inLiteral = this.#literalLeft !== null;
      const head = commandHead(this.#text === '' ? item.prefix : this.#text);
      this.#reset();
      const message = inLiteral
        ? 'a line inside the literal is longer than this server reads; the command is lost'
        : 'command line too long';
      return { kind: 'refused', refusal: 'lineTooLong', ...head, message };
    }
    const line = typeof item === 'string' ? item : item.line;
    if (this.#literalLeft === null) return this.#segment(this.#takePendingLf(line));
    const left = this.#literalLeft;
    if (line.length >= left) {
      this.#literalLeft = null;
      this.#keep(line.slice(0, left));
      return this.#segment(line.slice(left));
    }
    if (line.length + 1 === left) {
      this.#literalLeft = null;
      this.#pendingLf = true;
      this.#keep(line + '\r');
      return { kind: 'partial' };
    }
    this.#literalLeft = left - line.length - 2;
    this.#keep(line + '\r\n');
    return { kind: 'partial' };
  }

  #takePendingLf(line: string): string {
    if (!this.#pendingLf) return line;
    this.#pendingLf = false;
    return '\n' + line;
  }

  #keep(octets: string): void {
    if (this.#discard === null) this.#text += octets;
  }

  #reset(): void {
    this.#text = '';
    this.#textOctets = 0;
    this.#literalOctets = 0;
    this.#literalLeft = null;
    this.#pendingLf = false;
    this.#discard = null;
  }

  #refuse(refusal: ReaderRefusal, message: string): Refused {
    const refused: Refused = { kind: 'refused', refusal, ...commandHead(this.#text), message };
    this.#reset();
    return refused;
  }

  // A piece of command text: a whole line, or what follows a literal up to the line's end.
  #segment(segment: string): CommandRead {
    this.#textOctets += segment.length;
    this.#keep(segment);
    if (this.#textOctets > this.#limits.maxText) {
      return this.#refuse('lineTooLong', `command line too long (more than ${this.#limits.maxText} octets)`);
    }
    const literal = announcedLiteral(segment);
    if (literal === null) {
      if (this.#discard !== null) {
        const refused = this.#discard;
        this.#reset();
        return refused;
      }
      const text = this.#text;
      this.#reset();
      return { kind: 'command', text };
    }
    this.#keep('\r\n');
    const { size } = literal;
    const tooBig = size === null || this.#literalOctets + size > this.#limits.maxLiteral;
    const tooBigMessage = `literal of ${size ?? 'too many'} octets is larger than the limit of ${this.#limits.maxLiteral}`;
    if (literal.synchronizing && this.#synchronizing) {
      // Refused now, the client never sends the octets (RFC 3501 §7.5): nothing to skip.
      if (this.#discard !== null) return this.#refuse(this.#discard.refusal, this.#discard.message);
      if (tooBig) return this.#refuse('literalTooBig', tooBigMessage);
      this.#literalOctets += size;
      this.#literalLeft = size;
      return { kind: 'continue', size };
    }
    // The octets come without waiting, so they are counted off and dropped when the command is refused.
    if (size === null) return this.#refuse('literalTooBig', tooBigMessage);
    if (this.#discard === null && this.#synchronizing) {
      this.#discard = {
        kind: 'refused',
        refusal: 'nonSynchronizingLiteral',
        ...commandHead(this.#text),
        message: 'non-synchronizing literals ({n+}) need LITERAL+, which this server does not offer',
      };
    } else if (this.#discard === null && tooBig) {
      this.#discard = {
        kind: 'refused',
        refusal: 'literalTooBig',
        ...commandHead(this.#text),
        message: tooBigMessage,
      };
    }
    this.#literalOctets += size;
    this.#literalLeft = size;
    return { kind: 'partial' };
  }
}

/**
 * CommandReader assembles a server's incoming commands from framed lines. Feed it every line (or overlong
 * item) of a LineFramer; answer `continue` with `+ Ready for literal data`, `refused` with a tagged BAD (or
 * NO for APPEND's literalTooBig), and parse each `command`. While IDLE or AUTHENTICATE waits for its
 * continuation lines, read those without the reader (see continuationLines.ts).
 */
export class CommandReader {
  readonly #assembler: LiteralAssembler;

  constructor(limits: Partial<ReaderLimits> = {}) {
    this.#assembler = new LiteralAssembler(true, limits);
  }

  /** push takes the next framed line and says what it did. */
  push(item: FramedLine | string): CommandRead {
    return this.#assembler.push(item);
  }

  /** idle tells whether no command is partly read. */
  get idle(): boolean {
    return this.#assembler.idle;
  }
}

/**
 * ResponseReader assembles a client's incoming responses from framed lines. A server's literal follows its
 * `{n}` at once; a literal over the limit is counted off unread and the response refused.
 */
export class ResponseReader {
  readonly #assembler: LiteralAssembler;

  constructor(limits: Partial<ReaderLimits> = {}) {
    this.#assembler = new LiteralAssembler(false, limits);
  }

  /** push takes the next framed line and says what it did. */
  push(item: FramedLine | string): ResponseRead {
    const read = this.#assembler.push(item);
    if (read.kind === 'command') return { kind: 'response', text: read.text };
    if (read.kind === 'continue') return { kind: 'partial' };
    return read;
  }
}
