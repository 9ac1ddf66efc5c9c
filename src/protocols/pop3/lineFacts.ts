// The facts a POP3 line carries into the trace: a command's verb and arguments, a response's status, catalogue id
// and the command it answers. Written by whoever sends the line: the machines, and the reader of a person's typing.
import type { CommandArgs, CommandFacts, ServerLineFacts } from '../shared/lineFacts.ts';
import type { ClientCommand, Pop3Command } from './commands.ts';
import type { Reply, ReplyKey } from './replies.ts';

/** Pop3ReplyId is a catalogued response's id across protocols: `pop3.` and its key (`pop3.dele.ok`). */
export type Pop3ReplyId = `pop3.${ReplyKey}`;

/** replyId namespaces a catalogue key so it is unique across protocols. */
export function replyId(key: ReplyKey): Pop3ReplyId {
  return `pop3.${key}`;
}

/**
 * replyLineFacts are the facts of each line of a response, in order (see formatReply). Every line carries the
 * status and catalogue id of the response it belongs to, the data lines of a multi-line response and its
 * terminating "." included; every line but the last is `more`, so the "." alone is not. `answers` is the verb of
 * the command answered, absent for the greeting and for a line too long to read.
 */
export function replyLineFacts(response: Reply, answers: string | undefined): ServerLineFacts[] {
  const count = response.body === null ? 1 : response.body.length + 2;
  const base = {
    status: response.status,
    reply: replyId(response.key),
    ...(answers === undefined ? {} : { answers }),
  };
  return Array.from({ length: count }, (_, i) => (i < count - 1 ? { ...base, more: true } : base));
}

/**
 * commandFacts are the facts of a command line as the server's parser reads it: the verb in capitals (the name as
 * typed, in capitals, for one the server does not know) and its arguments. A PASS password is never copied: the
 * facts say only `password: true`, so that views can mask the line.
 */
export function commandFacts(command: Pop3Command): CommandFacts {
  if ('error' in command) {
    const args: CommandArgs =
      command.verb === 'PASS' ? { error: command.detail, password: true } : { error: command.detail };
    return { verb: command.verb, args };
  }
  switch (command.verb) {
    case 'notImplemented':
    case 'unknown':
      return { verb: command.name.toUpperCase(), args: { known: false } };
    default:
      return clientCommandFacts(command);
  }
}

/** clientCommandFacts are the facts of a command our own client formats (see formatCommand). */
export function clientCommandFacts(command: ClientCommand): CommandFacts {
  switch (command.verb) {
    case 'USER':
      return { verb: 'USER', args: { name: command.name } };
    case 'PASS':
      return { verb: 'PASS', args: { password: true } };
    case 'APOP':
      return { verb: 'APOP', args: { name: command.name, digest: command.digest } };
    case 'LIST':
    case 'UIDL':
      return command.message === null
        ? { verb: command.verb }
        : { verb: command.verb, args: { msg: command.message } };
    case 'RETR':
    case 'DELE':
      return { verb: command.verb, args: { msg: command.message } };
    case 'TOP':
      return { verb: 'TOP', args: { msg: command.message, lines: command.lines } };
    default:
      return { verb: command.verb };
  }
}
