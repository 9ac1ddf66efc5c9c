// The facts of the lines our IMAP client writes: each command's (as lineFacts.ts gives them), the DONE that ends
// IDLE, and what a line sent after a "+" carries. The password is never copied into facts.
import type { ClientLineFacts, CommandFacts } from '../shared/lineFacts.ts';
import type { ImapCommand } from './commandTypes.ts';
import { commandFacts } from './lineFacts.ts';

/**
 * clientCommandFacts are the facts of a command our client formats (see formatCommand): the same facts the
 * server's parser writes for it (see lineFacts.ts), so both ends of a session describe a command alike.
 */
export function clientCommandFacts(command: ImapCommand): CommandFacts {
  return commandFacts({ ok: true, command });
}

/** IDLE_DONE_FACTS are the facts of the DONE line that ends IDLE (RFC 2177 §3): a line with no tag. */
export const IDLE_DONE_FACTS: CommandFacts = { verb: 'DONE' };

/**
 * continuationFacts are the facts of a line sent after a "+": a SASL response, the octets of a literal that
 * holds a credential (LOGIN's), both shown masked, or other literal octets (`data`).
 */
export function continuationFacts(credential: boolean): ClientLineFacts {
  return { content: credential ? 'sasl' : 'data' };
}
