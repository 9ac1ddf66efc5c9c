// Reads what a real HTTP client sends the bridge, so that its requests enter the trace with their facts as a
// simulated browser's would: each head line with what it means, each body as one `http.body`. It frames the octets
// as the server machine does (HttpFramer, RFC 9112 §6.3); the machine answers them, this reader only records.
import { requestFraming } from '../protocols/http/framing.ts';
import { HEAD_LINE_MAX } from '../protocols/http/limits.ts';
import {
  badFieldLineFacts,
  badRequestLineFacts,
  fieldLineFacts,
  HEAD_END_FACTS,
  requestLineFacts,
} from '../protocols/http/lineFacts.ts';
import type { HttpHeaders } from '../protocols/http/message.ts';
import { HttpFramer } from '../protocols/http/messageFramer.ts';
import { parseFieldLine, parseRequestLine } from '../protocols/http/syntax.ts';
import type { ClientLineFacts } from '../protocols/shared/lineFacts.ts';

/** RECORDED_BODY_MAX is how many octets of one request body the reader keeps as its content; the size counts all. */
export const RECORDED_BODY_MAX = 64 * 1024;

/**
 * ReadRequestItem is one thing a client sent: a head line with its facts, or a whole body (its content, cut at
 * RECORDED_BODY_MAX, `size` its full length, `wireOctets` with chunk framing, `chunks` null unless chunked).
 */
export type ReadRequestItem =
  | { readonly kind: 'line'; readonly line: string; readonly facts: ClientLineFacts }
  | {
      readonly kind: 'body';
      readonly request: number;
      readonly content: string;
      readonly size: number;
      readonly wireOctets: number;
      readonly chunks: number | null;
    };

type Mode =
  | { readonly kind: 'requestLine' }
  | { readonly kind: 'headers'; readonly headers: HttpHeaders }
  | { readonly kind: 'body'; content: string; size: number }
  // A head the server cannot frame (400 and a close follow): nothing after it can be told apart.
  | { readonly kind: 'lost' };

/** HttpRequestReader reads one connection's requests, numbering them as the server machine does. */
export class HttpRequestReader {
  readonly #framer = new HttpFramer(HEAD_LINE_MAX);
  #mode: Mode = { kind: 'requestLine' };
  #requests = 0;

  /** push takes octets as they arrived and returns what they completed, in order. */
  push(octets: string): ReadRequestItem[] {
    if (this.#mode.kind === 'lost') return [];
    this.#framer.push(octets);
    const items: ReadRequestItem[] = [];
    for (let item = this.#framer.next(); item !== null; item = this.#framer.next()) {
      const mode = this.#mode;
      if (item.kind === 'line') {
        const read = this.#line(item.line);
        if (read !== null) items.push(read);
      } else if (item.kind === 'body' && mode.kind === 'body') {
        mode.size += item.octets.length;
        if (mode.content.length < RECORDED_BODY_MAX)
          mode.content += item.octets.slice(0, RECORDED_BODY_MAX - mode.content.length);
      } else if (item.kind === 'bodyEnd' && mode.kind === 'body') {
        items.push({
          kind: 'body',
          request: this.#requests,
          content: mode.content,
          size: mode.size,
          wireOctets: item.wire,
          chunks: item.chunks,
        });
        this.#mode = { kind: 'requestLine' };
      } else {
        // An overlong line or a broken chunked body: the server answers 431, 414 or 400 and closes.
        this.#mode = { kind: 'lost' };
        return items;
      }
      if (this.#lost) return items;
    }
    return items;
  }

  get #lost(): boolean {
    return this.#mode.kind === 'lost';
  }

  #line(line: string): ReadRequestItem | null {
    const mode = this.#mode;
    if (mode.kind === 'requestLine') {
      // RFC 9112 §2.2: empty lines before a request line are ignored, by the server and so here.
      if (line === '') return null;
      this.#requests += 1;
      const parsed = parseRequestLine(line);
      if ('error' in parsed) {
        this.#mode = { kind: 'lost' };
        return { kind: 'line', line, facts: badRequestLineFacts(line, parsed, this.#requests) };
      }
      this.#mode = { kind: 'headers', headers: [] };
      return {
        kind: 'line',
        line,
        facts: requestLineFacts(parsed.method, parsed.target, parsed.version, this.#requests),
      };
    }
    if (mode.kind !== 'headers') return null;
    if (line === '') {
      const framing = requestFraming(mode.headers);
      if ('error' in framing) this.#mode = { kind: 'lost' };
      else if (framing.kind === 'none') this.#mode = { kind: 'requestLine' };
      else {
        this.#framer.expectBody(framing);
        this.#mode = { kind: 'body', content: '', size: 0 };
      }
      return { kind: 'line', line, facts: HEAD_END_FACTS };
    }
    const field = parseFieldLine(line);
    if ('error' in field) {
      this.#mode = { kind: 'lost' };
      return { kind: 'line', line, facts: badFieldLineFacts(field) };
    }
    this.#mode = { kind: 'headers', headers: [...mode.headers, [field.name, field.value]] };
    return { kind: 'line', line, facts: fieldLineFacts(field.name) };
  }
}
