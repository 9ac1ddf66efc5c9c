// Reads the HTTP lines a person types in a terminal (`telnet webmail.hamburger.edu 80`): a request line, field
// lines, the empty line, and as many body octets as Content-Length announced; then the next request.
import type { ClientLineFacts, TypedLineReader } from '../shared/lineFacts.ts';
import { contentLength } from './framing.ts';
import {
  badFieldLineFacts,
  badRequestLineFacts,
  fieldLineFacts,
  HEAD_END_FACTS,
  requestLineFacts,
} from './lineFacts.ts';
import type { HttpHeaders } from './message.ts';
import { parseFieldLine, parseRequestLine } from './syntax.ts';

type Mode =
  { kind: 'requestLine' } | { kind: 'headers'; headers: HttpHeaders } | { kind: 'body'; left: number };

/** httpTypedLines reads one connection's typed lines, numbering its requests as the server will. */
export function httpTypedLines(): TypedLineReader {
  let mode: Mode = { kind: 'requestLine' };
  let requests = 0;
  return {
    client(line: string): ClientLineFacts {
      switch (mode.kind) {
        case 'requestLine': {
          // RFC 9112 §2.2: empty lines before a request line are ignored by the server.
          if (line === '') return HEAD_END_FACTS;
          requests += 1;
          mode = { kind: 'headers', headers: [] };
          const parsed = parseRequestLine(line);
          if ('error' in parsed) return badRequestLineFacts(line, parsed, requests);
          return requestLineFacts(parsed.method, parsed.target, parsed.version, requests);
        }
        case 'headers': {
          if (line === '') {
            const length = contentLength(mode.headers);
            mode =
              typeof length === 'number' && length > 0
                ? { kind: 'body', left: length }
                : { kind: 'requestLine' };
            return HEAD_END_FACTS;
          }
          const field = parseFieldLine(line);
          if ('error' in field) return badFieldLineFacts(field);
          mode = { kind: 'headers', headers: [...mode.headers, [field.name, field.value]] };
          return fieldLineFacts(field.name);
        }
        case 'body': {
          // The typed line and its CRLF are body octets (the terminal sends both).
          const left = mode.left - (line.length + 2);
          mode = left > 0 ? { kind: 'body', left } : { kind: 'requestLine' };
          return { content: 'data' };
        }
      }
    },
    server(): void {},
  };
}
