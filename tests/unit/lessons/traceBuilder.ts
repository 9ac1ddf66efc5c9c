// Builds small hand-made traces for lesson tests: each event gets the next seq and a time. Lines carry the
// facts their sender would have recorded, written out as a machine writes them, never read off the text.
import type { ClientLineFacts, ServerLineFacts } from '../../../src/protocols/shared/lineFacts.ts';
import type { TraceEvent, UnstampedEvent } from '../../../src/sim/trace.ts';

/** traceOf stamps events in order, 10 ms apart, seq from 0. */
export function traceOf(...events: UnstampedEvent[]): TraceEvent[] {
  return events.map((event, seq) => ({ ...event, t: seq * 10, seq }) as TraceEvent);
}

/** client is an SMTP line the client sent on `conn`, with what it is (a command's verb, or content). */
export function client(line: string, facts: ClientLineFacts, conn = 'c1'): UnstampedEvent {
  return { kind: 'app.line', conn, host: 'alice-pc', protocol: 'smtp', from: 'client', line, ...facts };
}

/** server is an SMTP line the server sent on `conn`, with its code, catalogue id and the verb it answers. */
export function server(line: string, facts: ServerLineFacts, conn = 'c1'): UnstampedEvent {
  return { kind: 'app.line', conn, host: 'hamburger.edu', protocol: 'smtp', from: 'server', line, ...facts };
}
