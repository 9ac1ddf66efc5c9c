// The facts of the lines our IMAP client writes: each command's tag, verb and parsed arguments, and what a
// continuation line carries. The password is never copied into facts; `password: true` lets views mask it.
import type { ClientLineFacts, CommandArgs, CommandFacts } from '../shared/lineFacts.ts';
import { commandVerb, type ImapCommand } from './commandTypes.ts';
import { formatFetchAttribute } from './fetchItems.ts';
import { formatSearchKey } from './search.ts';
import { formatSequenceSet } from './sequenceSet.ts';

function commandArgs(command: ImapCommand): CommandArgs | undefined {
  switch (command.name) {
    case 'LOGIN':
      return { userid: command.userid, password: true };
    case 'AUTHENTICATE':
      return { mechanism: command.mechanism, initialResponse: command.initialResponse !== null };
    case 'SELECT':
    case 'EXAMINE':
    case 'CREATE':
    case 'DELETE':
    case 'SUBSCRIBE':
    case 'UNSUBSCRIBE':
      return { mailbox: command.mailbox };
    case 'RENAME':
      return { from: command.from, to: command.to };
    case 'LIST':
    case 'LSUB':
      return { reference: command.reference, pattern: command.pattern };
    case 'STATUS':
      return { mailbox: command.mailbox, items: command.items };
    case 'APPEND':
      return { mailbox: command.mailbox, flags: command.flags, size: command.message.length };
    case 'EXPUNGE':
      return command.uid ? { set: formatSequenceSet(command.set) } : undefined;
    case 'SEARCH':
      return {
        criteria: command.keys.map(formatSearchKey),
        ...(command.charset === null ? {} : { charset: command.charset }),
      };
    case 'FETCH':
      return {
        set: formatSequenceSet(command.set),
        items: command.macro === null ? command.items.map(formatFetchAttribute) : [command.macro],
      };
    case 'STORE':
      return {
        set: formatSequenceSet(command.set),
        operation: command.operation,
        silent: command.silent,
        flags: command.flags,
      };
    case 'COPY':
    case 'MOVE':
      return { set: formatSequenceSet(command.set), mailbox: command.mailbox };
    default:
      return undefined;
  }
}

/**
 * clientCommandFacts are the facts of a command our client formats (see formatCommand): its tag, its verb as
 * sent (`UID FETCH` for the UID form) and its arguments. For LOGIN the facts name the user, never the password.
 */
export function clientCommandFacts(command: ImapCommand): CommandFacts {
  const args = commandArgs(command);
  return { tag: command.tag, verb: commandVerb(command), ...(args === undefined ? {} : { args }) };
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
