// A teacher's faults on one mail server's POP3 service: a chosen command answered with -ERR, every time or every
// n-th time, until the teacher sets the server back to normal. The server machine asks through its `interpose`.
import type { Pop3FaultCommand } from '../input.ts';

/** Pop3ReplyFault makes the POP3 server refuse `command` with -ERR `text`: every time, or every n-th time. */
export interface Pop3ReplyFault {
  readonly command: Pop3FaultCommand;
  readonly text?: string;
  readonly every: number;
}

/** FORCED_TEXT is what a forced -ERR says when the teacher gave no words of their own. */
export const FORCED_TEXT = 'command refused by the server (fault injected)';

/** Pop3Faults lives as long as its server; every POP3 session asks `interpose` before it answers a command. */
export class Pop3Faults {
  #faults: { fault: Pop3ReplyFault; seen: number }[] = [];

  /** add makes the server refuse a command until `clear`, or until the function it returns is called. */
  add(fault: Pop3ReplyFault): () => void {
    const entry = { fault, seen: 0 };
    this.#faults.push(entry);
    return () => {
      this.#faults = this.#faults.filter((e) => e !== entry);
    };
  }

  /** clear makes the server answer every command on its merits again. */
  clear(): void {
    this.#faults = [];
  }

  /** interpose returns the text of the -ERR forced for `verb` now, or null to answer as usual. */
  interpose(verb: string): string | null {
    for (const entry of this.#faults) {
      if (entry.fault.command !== verb) continue;
      entry.seen += 1;
      if (entry.seen % entry.fault.every === 0) return entry.fault.text ?? FORCED_TEXT;
    }
    return null;
  }
}
