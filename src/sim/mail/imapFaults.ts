// A teacher's faults on one mail server's IMAP service: a chosen command answered with a tagged NO, every time or
// every n-th time, until the teacher sets the server back to normal. The server machine asks through `interpose`.
import type { ImapFaultCommand } from '../input.ts';
import { CountedFaults } from '../countedFaults.ts';

/** ImapReplyFault makes the IMAP server refuse `command` with NO `text`: every time, or every n-th time. */
export interface ImapReplyFault {
  readonly command: ImapFaultCommand;
  readonly text?: string;
  readonly every: number;
}

/** FORCED_NO_TEXT is what a forced NO says when the teacher gave no words of their own. */
export const FORCED_NO_TEXT = 'command refused by the server (fault injected)';

/** ImapFaults lives as long as its server; every IMAP session asks `interpose` before it answers a command. */
/** ImapFaults lives as long as its server; every IMAP session asks `interpose` before it answers a command. */
export class ImapFaults extends CountedFaults<ImapReplyFault> {
  /** interpose returns the text of the NO forced for command `name` now, or null to answer as usual. */
  interpose(name: string): string | null {
    const fault = this.due((f) => f.command === name);
    return fault === null ? null : (fault.text ?? FORCED_NO_TEXT);
  }
}
