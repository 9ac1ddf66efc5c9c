// Cuts the octets of an HTTP/1.1 connection into what the machines read: the lines of each message's head, then
// its body's octets as the head said to count them (RFC 9112 §6.3), then the next message's head. Bytes are not
// lines: a body crosses as octets, whatever they hold.
import type { BodyFraming } from './framing.ts';
import { ChunkedDecoder } from './chunked.ts';

/**
 * FramedItem is one thing read: a head line without its line end (`line`), a head line longer than the limit
 * (`overlong`, its octets up to the next line end thrown away), body content octets (`body`), the body's end
 * with how many octets crossed the wire for it (`bodyEnd`), or a chunked body that broke its coding (`bodyInvalid`).
 */
export type FramedItem =
  | { readonly kind: 'line'; readonly line: string }
  | { readonly kind: 'overlong' }
  | { readonly kind: 'body'; readonly octets: string }
  | { readonly kind: 'bodyEnd'; readonly wire: number; readonly chunks: number | null }
  | { readonly kind: 'bodyInvalid'; readonly detail: string };

type Mode =
  | { readonly kind: 'head' }
  | { readonly kind: 'length'; left: number; wire: number }
  | { readonly kind: 'chunked'; readonly decoder: ChunkedDecoder; wire: number }
  | { readonly kind: 'untilClose'; wire: number };

/**
 * HttpFramer reads one connection's incoming octets. It starts in head mode; after the head's empty line the
 * reader calls `expectBody` with the framing it decided (or nothing, for no body) before it asks for the next
 * item, so octets after a body are never taken for body and the reader may stop pulling (while it waits to
 * answer) without the framer reading ahead. `buffered` is what arrived and is not read yet.
 */
export class HttpFramer {
  readonly #maxLine: number;
  #buffer = '';
  #mode: Mode = { kind: 'head' };
  #discarding = false;
  #ended = false;

  /** maxLine is the longest head line in octets, counting its CRLF. */
  constructor(maxLine: number) {
    this.#maxLine = maxLine;
  }

  /** push appends arrived octets; nothing is read until `next` asks. */
  push(octets: string): void {
    this.#buffer += octets;
  }

  /** end says the peer sent its last octet: a body that runs until the close is complete. */
  end(): void {
    this.#ended = true;
  }

  /** buffered is how many arrived octets wait to be read. */
  get buffered(): number {
    return this.#buffer.length;
  }

  /** inBody tells whether the framer is counting a body's octets rather than reading head lines. */
  get inBody(): boolean {
    return this.#mode.kind !== 'head';
  }

  /** expectBody switches to reading a body framed as `framing`; `none` leaves the framer reading heads. */
  expectBody(framing: BodyFraming): void {
    switch (framing.kind) {
      case 'none':
        this.#mode = { kind: 'head' };
        return;
      case 'length':
        this.#mode = { kind: 'length', left: framing.length, wire: framing.length };
        return;
      case 'chunked':
        this.#mode = { kind: 'chunked', decoder: new ChunkedDecoder(), wire: 0 };
        return;
      case 'untilClose':
        this.#mode = { kind: 'untilClose', wire: 0 };
        return;
    }
  }

  /** next reads the next item, or null when more octets are needed. */
  next(): FramedItem | null {
    const mode = this.#mode;
    switch (mode.kind) {
      case 'head':
        return this.#headLine();
      case 'length': {
        if (mode.left === 0) {
          this.#mode = { kind: 'head' };
          return { kind: 'bodyEnd', wire: mode.wire, chunks: null };
        }
        if (this.#buffer === '') return null;
        const octets = this.#take(mode.left);
        mode.left -= octets.length;
        return { kind: 'body', octets };
      }
      case 'chunked': {
        if (this.#buffer === '') return null;
        // One decoder step at a time: the decoder says how much it used, so the next message stays buffered.
        const { items, used } = mode.decoder.push(this.#buffer);
        mode.wire += used;
        this.#buffer = this.#buffer.slice(used);
        const content = items.flatMap((item) => (item.kind === 'data' ? [item.octets] : [])).join('');
        const last = items.at(-1);
        if (last?.kind === 'invalid') {
          this.#mode = { kind: 'head' };
          this.#buffer = '';
          return { kind: 'bodyInvalid', detail: last.detail };
        }
        if (last?.kind === 'end') {
          // The end comes after the content in the same push; the content is handed over first.
          this.#mode = { kind: 'head' };
          if (content !== '') {
            this.#pendingEnd = { kind: 'bodyEnd', wire: mode.wire, chunks: last.chunks };
            return { kind: 'body', octets: content };
          }
          return { kind: 'bodyEnd', wire: mode.wire, chunks: last.chunks };
        }
        return content === '' ? null : { kind: 'body', octets: content };
      }
      case 'untilClose': {
        if (this.#buffer !== '') {
          const octets = this.#take(this.#buffer.length);
          mode.wire += octets.length;
          return { kind: 'body', octets };
        }
        if (!this.#ended) return null;
        this.#mode = { kind: 'head' };
        return { kind: 'bodyEnd', wire: mode.wire, chunks: null };
      }
    }
  }

  // A chunked body's end found in the same step as its last content, handed over on the following call.
  #pendingEnd: FramedItem | null = null;

  #headLine(): FramedItem | null {
    if (this.#pendingEnd !== null) {
      const end = this.#pendingEnd;
      this.#pendingEnd = null;
      return end;
    }
    for (;;) {
      const lf = this.#buffer.indexOf('\n');
      if (lf === -1) {
        if (!this.#discarding && this.#buffer.length > this.#maxLine - 1) {
          // Too long with no end in sight: say so now and throw the rest of the line away as it comes.
          this.#discarding = true;
          this.#buffer = '';
          return { kind: 'overlong' };
        }
        if (this.#discarding) this.#buffer = '';
        return null;
      }
      const raw = this.#buffer.slice(0, lf);
      this.#buffer = this.#buffer.slice(lf + 1);
      if (this.#discarding) {
        this.#discarding = false;
        continue;
      }
      // RFC 9112 §2.2: a recipient MAY take a bare LF as a line end and ignore a CR before it.
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.length > this.#maxLine - 2) return { kind: 'overlong' };
      return { kind: 'line', line };
    }
  }

  #take(count: number): string {
    const octets = this.#buffer.slice(0, count);
    this.#buffer = this.#buffer.slice(count);
    return octets;
  }
}
