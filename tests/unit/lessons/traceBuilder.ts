// Builds small hand-made traces for lesson tests: each event gets the next seq and a time.
import type { TraceEvent, UnstampedEvent } from '../../../src/sim/trace.ts';

/** traceOf stamps events in order, 10 ms apart, seq from 0. */
export function traceOf(...events: UnstampedEvent[]): TraceEvent[] {
  return events.map((event, seq) => ({ ...event, t: seq * 10, seq }) as TraceEvent);
}

/** client is an SMTP line the client sent on `conn`. */
export function client(line: string, conn = 'c1'): UnstampedEvent {
  return { kind: 'app.line', conn, host: 'alice-pc', protocol: 'smtp', from: 'client', line };
}

/** server is an SMTP line the server sent on `conn`. */
export function server(line: string, conn = 'c1'): UnstampedEvent {
  return { kind: 'app.line', conn, host: 'hamburger.edu', protocol: 'smtp', from: 'server', line };
}
