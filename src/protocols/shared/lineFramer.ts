// Splits an octet stream into CRLF-terminated lines whatever the chunking, with bounded memory: the framing
// under every text protocol in the lab (SMTP, POP3, IMAP commands, HTTP headers).

/**
 * FramedLine is one item out of a LineFramer: a whole line without its CRLF, or the start of a line that was
 * too long.
 */
export type FramedLine = { kind: 'line'; line: string } | { kind: 'overlong'; prefix: string };

const CRLF = '\r\n';

/**
 * LineFramer cuts octets into lines. Only CRLF ends a line (RFC 5321 §2.3.8); a bare CR or LF stays in the
 * content. A line longer than maxLine octets (counting its CRLF) yields one `overlong` item holding its first
 * maxLine − 2 octets; the rest of it, up to its CRLF, is discarded so that framing resumes at the next line.
 */
export class LineFramer {
  readonly #maxContent: number;
  #current = '';
  // A CR ending a chunk may be half of a CRLF; it is held back until the next octet shows which.
  #pendingCr = false;
  #discarding = false;

  constructor(maxLine: number) {
    if (!Number.isInteger(maxLine) || maxLine < 2) {
      throw new RangeError(`LineFramer: maxLine must be an integer of at least 2, got ${maxLine}`);
    }
    this.#maxContent = maxLine - 2;
  }

  /** push feeds the next chunk of octets and returns the lines it completes, in order. */
  push(chunk: string): FramedLine[] {
    const out: FramedLine[] = [];
    const data = this.#pendingCr ? '\r' + chunk : chunk;
    this.#pendingCr = false;
    let pos = 0;
    for (let end = data.indexOf(CRLF); end !== -1; end = data.indexOf(CRLF, pos)) {
      this.#append(data.slice(pos, end), out);
      if (!this.#discarding) out.push({ kind: 'line', line: this.#current });
      this.#current = '';
      this.#discarding = false;
      pos = end + CRLF.length;
    }
    let rest = data.slice(pos);
    if (rest.endsWith('\r')) {
      this.#pendingCr = true;
      rest = rest.slice(0, -1);
    }
    this.#append(rest, out);
    return out;
  }

  /** buffered is the number of octets held for the unfinished line; it never exceeds maxLine − 1. */
  get buffered(): number {
    return this.#current.length + (this.#pendingCr ? 1 : 0);
  }

  #append(piece: string, out: FramedLine[]): void {
    if (this.#discarding || piece === '') return;
    this.#current += piece;
    if (this.#current.length > this.#maxContent) {
      out.push({ kind: 'overlong', prefix: this.#current.slice(0, this.#maxContent) });
      this.#current = '';
      this.#discarding = true;
    }
  }
}
