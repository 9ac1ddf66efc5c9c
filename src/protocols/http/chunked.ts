// The chunked transfer coding (RFC 9112 §7.1): encoding a body as chunks, and decoding chunks that arrive split
// anywhere, a byte at a time if need be, with bounded memory.
import { CHUNK_SIZE } from './limits.ts';

/** encodeChunked writes `body` as chunks of at most `size` octets, the last-chunk and an empty trailer section. */
export function encodeChunked(body: string, size: number = CHUNK_SIZE): { wire: string; chunks: number } {
  let wire = '';
  let chunks = 0;
  for (let at = 0; at < body.length; at += size) {
    const piece = body.slice(at, at + size);
    wire += `${piece.length.toString(16)}\r\n${piece}\r\n`;
    chunks += 1;
  }
  return { wire: `${wire}0\r\n\r\n`, chunks };
}

/** ChunkedItem is what a ChunkedDecoder yields: content octets, the end of the body, or why the coding is broken. */
export type ChunkedItem =
  | { readonly kind: 'data'; readonly octets: string }
  | { readonly kind: 'end'; readonly chunks: number; readonly trailers: readonly string[] }
  | { readonly kind: 'invalid'; readonly detail: string };

// A chunk-size line with its extensions, or a trailer line, longer than this is refused: nobody needs more, and
// it keeps what the decoder holds bounded.
const CONTROL_LINE_MAX = 1024;
const TRAILERS_MAX = 32;

type Phase = 'size' | 'data' | 'dataEnd' | 'trailer' | 'done' | 'broken';

/**
 * ChunkedDecoder decodes a chunked body. `push` takes the next octets and returns what they complete, and how
 * many of them it used: after the body's end it takes nothing more, so the rest belongs to the next message.
 */
export class ChunkedDecoder {
  #phase: Phase = 'size';
  #line = '';
  #left = 0;
  #chunks = 0;
  #trailers: string[] = [];

  /** done tells whether the last-chunk and trailer section have been read. */
  get done(): boolean {
    return this.#phase === 'done';
  }

  /** push decodes as much of `data` as belongs to this body. */
  push(data: string): { items: ChunkedItem[]; used: number } {
    const items: ChunkedItem[] = [];
    let at = 0;
    while (at < data.length && this.#phase !== 'done' && this.#phase !== 'broken') {
      if (this.#phase === 'data') {
        const piece = data.slice(at, at + this.#left);
        at += piece.length;
        this.#left -= piece.length;
        items.push({ kind: 'data', octets: piece });
        if (this.#left === 0) this.#phase = 'dataEnd';
        continue;
      }
      const lf = data.indexOf('\n', at);
      const end = lf === -1 ? data.length : lf + 1;
      this.#line += data.slice(at, end);
      at = end;
      if (this.#line.length > CONTROL_LINE_MAX) return this.#broken(items, at, 'a chunk line is too long');
      if (lf === -1) break;
      // RFC 9112 §7.1: chunk lines end with CRLF; a bare LF is taken as §2.2 lets a recipient do.
      const line = this.#line.replace(/\r?\n$/, '');
      this.#line = '';
      const item = this.#control(line);
      if (item !== null) {
        items.push(item);
        if (item.kind === 'invalid') {
          this.#phase = 'broken';
          break;
        }
      }
    }
    return { items, used: at };
  }

  #control(line: string): ChunkedItem | null {
    switch (this.#phase) {
      case 'size': {
        // chunk = chunk-size [ chunk-ext ] CRLF; extensions are ignored (§7.1.1).
        const match = /^([0-9A-Fa-f]{1,8})[ \t]*(?:;.*)?$/.exec(line);
        if (match === null) return { kind: 'invalid', detail: 'a chunk size is not hexadecimal' };
        this.#left = parseInt(match[1] ?? '0', 16);
        if (this.#left === 0) this.#phase = 'trailer';
        else {
          this.#chunks += 1;
          this.#phase = 'data';
        }
        return null;
      }
      case 'dataEnd':
        if (line !== '') return { kind: 'invalid', detail: 'a chunk is longer than its size says' };
        this.#phase = 'size';
        return null;
      case 'trailer':
        if (line === '') {
          this.#phase = 'done';
          return { kind: 'end', chunks: this.#chunks, trailers: this.#trailers };
        }
        if (this.#trailers.length >= TRAILERS_MAX)
          return { kind: 'invalid', detail: 'too many trailer fields' };
        this.#trailers.push(line);
        return null;
      default:
        return null;
    }
  }

  #broken(items: ChunkedItem[], used: number, detail: string): { items: ChunkedItem[]; used: number } {
    this.#phase = 'broken';
    items.push({ kind: 'invalid', detail });
    return { items, used };
  }
}
