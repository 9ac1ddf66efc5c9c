// A teacher's faults on one mail server's POP3 service: a chosen command answered with -ERR, every time or every
// n-th time, until the teacher sets the server back to normal. The server machine asks through its `interpose`.
import type { Pop3FaultCommand } from '../input.ts';
import { CountedFaults } from '../countedFaults.ts';

/** Pop3ReplyFault makes the POP3 server refuse `command` with -ERR `text`: every time, or every n-th time. */
export interface Pop3ReplyFault {
  readonly command: Pop3FaultCommand;
  readonly text?: string;
  readonly every: number;
}

/** FORCED_TEXT is what a forced -ERR says when the teacher gave no words of their own. */
export const FORCED_TEXT = 'command refused by the server (fault injected)';

/** Pop3Faults lives as long as its server; every POP3 session asks `interpose` before it answers a command. */
/** Pop3Faults lives as long as its server; every POP3 session asks `interpose` before it answers a command. */
export class Pop3Faults extends CountedFaults<Pop3ReplyFault> {
  /** interpose returns the text of the -ERR forced for `verb` now, or null to answer as usual. */
  interpose(verb: string): string | null {
    const fault = this.due((f) => f.command === verb);
    return fault === null ? null : (fault.text ?? FORCED_TEXT);
  }
}
