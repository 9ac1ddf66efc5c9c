// Reads the POP3 lines a person types in a terminal: every one is a command, since POP3 has no data mode on the
// client's side (RFC 1939 §3: only responses are multi-line). A person is a client who knows what they typed.
import type { ClientLineFacts, TypedLineReader } from '../shared/lineFacts.ts';
import { parseCommand } from './commands.ts';
import { commandFacts } from './lineFacts.ts';

/** pop3TypedLines reads one connection's typed lines; what the server sends changes nothing of their meaning. */
export function pop3TypedLines(): TypedLineReader {
  return {
    client(line: string): ClientLineFacts {
      return commandFacts(parseCommand(line));
    },
    server(): void {},
  };
}
