// The facts an IMAP line carries into the trace: a command's tag, verb and arguments (credentials never copied), a
// response's tag, status or data name, response code, catalogue id and the command it answers.
import type { CommandArgs, CommandFacts, ServerLineFacts } from '../shared/lineFacts.ts';
import { commandVerb, type CommandParsed, type ImapCommand } from './commandTypes.ts';
import { formatFetchItems } from './fetchItems.ts';
import { decodeMailboxName } from './mailboxNames.ts';
import { type ReplyKey, replyStatus, type ServerLine } from './replies.ts';
import { formatSearchKey } from './search.ts';
import { formatSequenceSet } from './sequenceSet.ts';

/** ImapReplyId is a catalogued response's id across protocols: `imap.` and its key (`imap.login.ok`). */
export type ImapReplyId = `imap.${ReplyKey}`;

/** replyId namespaces a catalogue key so it is unique across protocols. */
export function replyId(key: ReplyKey): ImapReplyId {
  return `imap.${key}`;
}

/**
 * serverLineFacts are the facts of one response line: its tag (tagged responses only), its status (OK, NO, BAD,
 * PREAUTH, BYE; `+` for a continuation request; the data name such as EXISTS or FETCH for untagged data), the
 * response code, the catalogue id, and the verb of the command it answers when one is being answered.
 */
export function serverLineFacts(line: ServerLine, answers: string | null): ServerLineFacts {
  const { response } = line;
  const code = 'code' in response ? response.code : null;
  return {
    status: replyStatus(line.key),
    reply: replyId(line.key),
    ...(response.kind === 'tagged' ? { tag: response.tag } : {}),
    ...(answers === null ? {} : { answers }),
    ...(code === null ? {} : { responseCode: code.code === 'other' ? code.atom.toUpperCase() : code.code }),
  };
}

// A wire mailbox name as the person means it: decoded from modified UTF-7 when it is valid, as sent otherwise.
function mailboxArg(wire: string): string {
  const decoded = decodeMailboxName(wire);
  return decoded.ok ? decoded.name : wire;
}

function commandArgs(command: ImapCommand): CommandArgs | undefined {
  switch (command.name) {
    case 'LOGIN':
      // The password is never copied: `password: true` lets a view mask the line (see sim/shownLine.ts).
      return { userid: command.userid, password: true };
    case 'AUTHENTICATE':
      return command.initialResponse === null
        ? { mechanism: command.mechanism.toUpperCase() }
        : { mechanism: command.mechanism.toUpperCase(), initialResponse: true, password: true };
    case 'SELECT':
    case 'EXAMINE':
    case 'CREATE':
    case 'DELETE':
    case 'SUBSCRIBE':
    case 'UNSUBSCRIBE':
      return { mailbox: mailboxArg(command.mailbox) };
    case 'RENAME':
      return { from: mailboxArg(command.from), to: mailboxArg(command.to) };
    case 'LIST':
    case 'LSUB':
      return { reference: mailboxArg(command.reference), pattern: mailboxArg(command.pattern) };
    case 'STATUS':
      return { mailbox: mailboxArg(command.mailbox), items: command.items };
    case 'APPEND':
      return { mailbox: mailboxArg(command.mailbox), flags: command.flags, size: command.message.length };
    case 'EXPUNGE':
      return command.uid ? { set: formatSequenceSet(command.set) } : undefined;
    case 'SEARCH':
      return { criteria: command.keys.map(formatSearchKey).join(' ') };
    case 'FETCH':
      return { set: formatSequenceSet(command.set), items: formatFetchItems(command) };
    case 'STORE':
      return {
        set: formatSequenceSet(command.set),
        operation: command.operation,
        silent: command.silent,
        flags: command.flags,
      };
    case 'COPY':
    case 'MOVE':
      return { set: formatSequenceSet(command.set), mailbox: mailboxArg(command.mailbox) };
    default:
      return undefined;
  }
}

/**
 * commandFacts are the facts of a command as the server's parser reads it: its tag, the verb in capitals (`UID
 * FETCH` for a UID form) and its arguments, with LOGIN's password and AUTHENTICATE's initial response replaced by
 * `true`. A line that is not a command gets the tag and verb that could be read, and the problem.
 */
export function commandFacts(parsed: CommandParsed): CommandFacts {
  if (!parsed.ok) {
    const args: CommandArgs = { error: parsed.message };
    // A broken LOGIN may still hold a password: say so, so the line is masked.
    const masked =
      parsed.verb === 'LOGIN' || parsed.verb === 'AUTHENTICATE' ? { ...args, password: true } : args;
    return {
      verb: parsed.verb ?? '',
      args: masked,
      ...(parsed.tag === null ? {} : { tag: parsed.tag }),
    };
  }
  const { command } = parsed;
  const args = commandArgs(command);
  return { verb: commandVerb(command), tag: command.tag, ...(args === undefined ? {} : { args }) };
}
