// Splits an octet stream into CRLF-terminated lines whatever the chunking, with bounded memory: the framing
// under every text protocol in the lab (SMTP, POP3, IMAP commands, HTTP headers).

/**
 * FramedLine is one item out of a LineFramer: a whole line without its CRLF, or the start of a line that was
 * too long.
 */
export type FramedLine = { kind: 'line'; line: string } | { kind: 'overlong'; prefix: string };

/** SplitFramedLine is an item out of a framer made by LineFramer.splittingBareLf: also a line a bare LF ended. */
export type SplitFramedLine = FramedLine | { kind: 'bareLf'; line: string };

const CRLF = '\r\n';

/**
 * LineFramer cuts octets into lines. Only CRLF ends a line (RFC 5321 §2.3.8); a bare CR or LF stays in the
 * content, unless `splitBareLf` is set: then a bare LF ends a `bareLf` item, so that a server can answer a client
 * that ends lines with LF alone (netcat without -C) at once instead of waiting for a CRLF that never comes. A line
 * longer than maxLine octets (counting its CRLF) yields one `overlong` item holding its first maxLine − 2 octets;
 * the rest of it, up to its line end, is discarded so that framing resumes at the next line.
 */
export class LineFramer<TItem extends SplitFramedLine = FramedLine> {
  readonly #maxContent: number;
  readonly #splitBareLf: boolean;
  #current = '';
  // A CR ending a chunk may be half of a CRLF; it is held back until the next octet shows which.
  #pendingCr = false;
  #discarding = false;

  /** splittingBareLf makes a framer whose items include `bareLf`: a line ended by LF alone, without the LF. */
  static splittingBareLf(maxLine: number): LineFramer<SplitFramedLine> {
    return new LineFramer<SplitFramedLine>(maxLine, true);
  }

  /** The constructor's splitBareLf is for splittingBareLf, whose type says that `bareLf` items may come. */
  constructor(maxLine: number, splitBareLf = false) {
    this.#splitBareLf = splitBareLf;
    if (!Number.isInteger(maxLine) || maxLine < 2) {
      throw new RangeError(`LineFramer: maxLine must be an integer of at least 2, got ${maxLine}`);
    }
    this.#maxContent = maxLine - 2;
  }

  /** push feeds the next chunk of octets and returns the lines it completes, in order. */
  push(chunk: string): TItem[] {
    // Items are built as the wider type; only a framer made by splittingBareLf ever yields `bareLf`.
    const out: SplitFramedLine[] = [];
    const data = this.#pendingCr ? '\r' + chunk : chunk;
    this.#pendingCr = false;
    let pos = 0;
    for (let end = this.#lineEnd(data, pos); end !== null; end = this.#lineEnd(data, pos)) {
      this.#append(data.slice(pos, end.at), out);
      if (!this.#discarding) out.push({ kind: end.bare ? 'bareLf' : 'line', line: this.#current });
      this.#current = '';
      this.#discarding = false;
      pos = end.next;
    }
    let rest = data.slice(pos);
    if (rest.endsWith('\r')) {
      this.#pendingCr = true;
      rest = rest.slice(0, -1);
    }
    this.#append(rest, out);
    return out as TItem[];
  }

  // The next line end at or after `from`: where the line's content stops, where the next line starts, and
  // whether it was a bare LF.
  #lineEnd(data: string, from: number): { at: number; next: number; bare: boolean } | null {
    if (!this.#splitBareLf) {
      const at = data.indexOf(CRLF, from);
      return at === -1 ? null : { at, next: at + CRLF.length, bare: false };
    }
    const lf = data.indexOf('\n', from);
    if (lf === -1) return null;
    const crlf = lf > from && data.charAt(lf - 1) === '\r';
    return { at: crlf ? lf - 1 : lf, next: lf + 1, bare: !crlf };
  }

  /** buffered is the number of octets held for the unfinished line; it never exceeds maxLine − 1. */
  get buffered(): number {
    return this.#current.length + (this.#pendingCr ? 1 : 0);
  }

  #append(piece: string, out: SplitFramedLine[]): void {
    if (this.#discarding || piece === '') return;
    this.#current += piece;
    if (this.#current.length > this.#maxContent) {
      out.push({ kind: 'overlong', prefix: this.#current.slice(0, this.#maxContent) });
      this.#current = '';
      this.#discarding = true;
    }
  }
}
