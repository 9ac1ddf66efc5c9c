// A teacher's faults on one mail server, as a wrapper around its SMTP backend: chosen replies at chosen stages
// (catalogued `fault.*` replies), and final replies that are lost after the message was kept.
import type { InterposeStage, SmtpBackend } from '../../protocols/smtp/backend.ts';
import { faultReply } from '../../protocols/smtp/replies.ts';
import { CountedFaults } from '../countedFaults.ts';

/** ReplyFault makes the server answer `code` at `stage`: every time, or every n-th time it gets there. */
export interface ReplyFault {
  readonly stage: InterposeStage;
  readonly code: number;
  readonly text?: string;
  readonly every: number;
}

/** ServerFaultsState is ServerFaults as data. */
export interface ServerFaultsState {
  readonly replies: readonly { fault: ReplyFault; seen: number }[];
  readonly lostReplies: number;
}

/** ServerFaults lives as long as its server; every session's backend is wrapped by `wrap`. */
export class ServerFaults {
  readonly #replies = new CountedFaults<ReplyFault>();
  #lostReplies = 0;

  /** addReply makes the server answer a chosen code at a chosen stage until `clear`, or until the function it returns is called. */
  addReply(fault: ReplyFault): () => void {
    return this.#replies.add(fault);
  }

  /** loseFinalReplies makes the next `count` accepted messages lose their 250: kept, but the connection drops. */
  loseFinalReplies(count: number): void {
    this.#lostReplies += count;
  }

  /** state is the faults in force, as data, for a checkpoint; load puts it back. */
  state(): ServerFaultsState {
    return { replies: this.#replies.entries(), lostReplies: this.#lostReplies };
  }

  load(state: ServerFaultsState): void {
    this.#replies.load(state.replies);
    this.#lostReplies = state.lostReplies;
  }

  /** clear makes the server behave normally again. */
  clear(): void {
    this.#replies.clear();
    this.#lostReplies = 0;
  }

  /** wrap gives a backend that answers as `backend` does, except where a fault says otherwise. */
  wrap(backend: SmtpBackend): SmtpBackend {
    return {
      ...backend,
      interpose: (stage, session) => {
        const fault = this.#replies.due((f) => f.stage === stage);
        if (fault !== null) return faultReply(fault.code, session.style, fault.text);
        return backend.interpose?.(stage, session);
      },
      accept: (envelope) => {
        const result = backend.accept(envelope);
        if (!result.ok || this.#lostReplies === 0) return result;
        this.#lostReplies -= 1;
        return { ...result, replyLost: true };
      },
    };
  }
}
