// Which lines of an HTTP head are its fields, read from the facts each line carries into the trace, so a summary
// of an exchange (the sequence diagram) can show a request or response as its first line alone.
import type { AppLine } from './trace.ts';

/**
 * isHeadFieldLine tells that an HTTP line is a field line or the empty line ending a head, not a request or status
 * line. A request's field lines say `content: 'header'`; a response's name their `header`, and its last has no
 * `more` (protocols/http/lineFacts.ts writes both).
 */
export function isHeadFieldLine(line: AppLine): boolean {
  if (line.protocol !== 'http') return false;
  if (line.from === 'client') return line.content === 'header';
  return line.header !== undefined || line.more !== true;
}
