// Reads the SMTP lines a person types in a terminal, as the person means them: commands, message text after a
// 354, or a SASL response after a 334. A person is a client who knows what they typed; this is that knowledge.
import type { ClientLineFacts, TypedLineReader } from '../shared/lineFacts.ts';
import { parseCommand } from './commands.ts';
import { DATA_LINE, END_OF_DATA, SASL_LINE, commandFacts } from './lineFacts.ts';
import { parseReplyLine } from '../shared/multilineReply.ts';

type Mode = 'command' | 'data' | 'sasl';

/**
 * smtpTypedLines reads one connection's typed lines. Feed it every line the person types (`client`) and every
 * line the server sends back (`server`) in the order they happen: a final 354 turns what follows into message
 * text until the lone `.`, a final 334 makes the next line a SASL response (RFC 4954 §4).
 */
export function smtpTypedLines(): TypedLineReader {
  let mode: Mode = 'command';
  return {
    client(line: string): ClientLineFacts {
      if (mode === 'data') {
        if (line !== END_OF_DATA) return DATA_LINE;
        mode = 'command';
        return { verb: END_OF_DATA };
      }
      if (mode === 'sasl') return SASL_LINE;
      return commandFacts(parseCommand(line));
    },
    server(line: string): void {
      const reply = parseReplyLine(line);
      if (reply === null || !reply.final) return;
      if (reply.code === 354) mode = 'data';
      else if (reply.code === 334) mode = 'sasl';
      else if (mode === 'sasl') mode = 'command';
    },
  };
}
