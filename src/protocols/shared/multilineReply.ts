// SMTP replies as lines: formatting multi-line replies and assembling them back (RFC 5321 §4.2, §4.2.1).

/** ParsedReplyLine is one reply line split into its code, whether it is the last line, and its text. */
export type ParsedReplyLine = { code: number; final: boolean; text: string };

/** AssembledReply is what ReplyAssembler.push returns for each line. */
export type AssembledReply =
  { kind: 'reply'; code: number; lines: string[] } | { kind: 'partial' } | { kind: 'error'; reason: string };

// Reply-code = %x32-35 %x30-35 %x30-39 (RFC 5321 §4.2). The text is not checked further: RFC 6531 servers
// send UTF-8.
const REPLY_LINE = /^([2-5][0-5][0-9])(?:([ -])([^]*))?$/;

/**
 * formatReply writes a reply as lines without CRLF: every line but the last joins code and text with "-", the
 * last with a space (RFC 5321 §4.2.1). No text at all gives the bare code.
 */
export function formatReply(code: number, lines: readonly string[]): string[] {
  if (!REPLY_LINE.test(String(code))) {
    throw new RangeError(`formatReply: ${code} is not a reply code (RFC 5321 §4.2)`);
  }
  if (lines.some((line) => /[\r\n]/.test(line))) {
    throw new RangeError('formatReply: reply text may not contain CR or LF');
  }
  if (lines.length === 0) return [String(code)];
  return lines.map((text, i) => `${code}${i === lines.length - 1 ? ' ' : '-'}${text}`);
}

/** parseReplyLine reads one reply line (without CRLF), or returns null when it does not fit RFC 5321 §4.2. */
export function parseReplyLine(line: string): ParsedReplyLine | null {
  const match = REPLY_LINE.exec(line);
  if (match === null) return null;
  const [, code = '', separator, text = ''] = match;
  return { code: Number(code), final: separator !== '-', text };
}

/**
 * ReplyAssembler gathers reply lines into whole replies. After a reply or an error it starts afresh, so the
 * next line begins a new reply. A reply longer than maxLines lines is an error, which keeps memory bounded.
 */
export class ReplyAssembler {
  readonly #maxLines: number;
  #code: number | null = null;
  #lines: string[] = [];

  constructor(maxLines = 256) {
    this.#maxLines = maxLines;
  }

  /** push takes the next line (without CRLF) and says whether it completed a reply. */
  push(line: string): AssembledReply {
    const parsed = parseReplyLine(line);
    if (parsed === null) return this.#fail(`not a reply line: ${JSON.stringify(line.slice(0, 64))}`);
    if (this.#code !== null && parsed.code !== this.#code) {
      // RFC 5321 §4.2.1: every line of a multi-line reply carries the same code.
      return this.#fail(`reply code ${parsed.code} in a continuation of a ${this.#code} reply`);
    }
    this.#code = parsed.code;
    this.#lines.push(parsed.text);
    if (parsed.final) {
      const reply: AssembledReply = { kind: 'reply', code: parsed.code, lines: this.#lines };
      this.#reset();
      return reply;
    }
    if (this.#lines.length >= this.#maxLines) return this.#fail(`reply longer than ${this.#maxLines} lines`);
    return { kind: 'partial' };
  }

  #fail(reason: string): AssembledReply {
    this.#reset();
    return { kind: 'error', reason };
  }

  #reset(): void {
    this.#code = null;
    this.#lines = [];
  }
}
