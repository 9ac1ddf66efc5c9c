// The facts an SMTP line carries into the trace: a command's verb and arguments, a reply's code, catalogue id and
// the command it answers. Written by whoever sends the line: the machines, and the reader of a person's typing.
import type { ClientLineFacts, CommandArgs, CommandFacts, ServerLineFacts } from '../shared/lineFacts.ts';
import type { ClientCommand, SmtpCommand } from './commands.ts';
import { replyId, type Reply } from './replies.ts';

/** END_OF_DATA is the verb the facts give the lone `.` that ends DATA (RFC 5321 §4.1.1.4). */
export const END_OF_DATA = '.';

/**
 * replyLineFacts are the facts of each line of a reply, in order: every line carries the code and the catalogue
 * id, all but the last are `more`. `answers` is the verb of the command answered, absent for a greeting or a
 * notice nobody asked for (a 421 on timeout or shutdown).
 */
export function replyLineFacts(reply: Reply, answers: string | undefined): ServerLineFacts[] {
  const count = Math.max(1, reply.text.length);
  const base = { code: reply.code, reply: replyId(reply.key), ...(answers === undefined ? {} : { answers }) };
  return Array.from({ length: count }, (_, i) => {
    const line = i < count - 1 ? { ...base, more: true } : base;
    // After its first line an EHLO reply is the list of extensions the server itself wrote, one keyword a line.
    const keyword = reply.key === 'ehlo.ok' && i > 0 ? reply.text[i]?.split(' ')[0] : undefined;
    return keyword ? { ...line, extension: keyword.toUpperCase() } : line;
  });
}

/**
 * commandFacts are the facts of a command line as the server's parser reads it: the verb in capitals (the name as
 * typed for one the server does not know) and its arguments. Credentials are left out: an AUTH initial response
 * is named `initialResponse: true`, never copied.
 */
export function commandFacts(command: SmtpCommand): CommandFacts {
  if ('error' in command) return { verb: command.verb, args: { error: command.detail } };
  switch (command.verb) {
    case 'HELO':
    case 'EHLO':
      return { verb: command.verb, args: { domain: command.domain } };
    case 'MAIL':
      return {
        verb: 'MAIL',
        args: withParams({ from: command.from.kind === 'null' ? '' : command.from.address }, command.params),
      };
    case 'RCPT':
      return {
        verb: 'RCPT',
        args: { to: command.to.kind === 'postmaster' ? 'Postmaster' : command.to.address },
      };
    case 'VRFY':
      return { verb: 'VRFY', args: { argument: command.argument } };
    case 'HELP':
      return { verb: 'HELP', args: command.topic === null ? {} : { topic: command.topic } };
    case 'AUTH':
      return {
        verb: 'AUTH',
        args: {
          mechanism: command.mechanism.toUpperCase(),
          initialResponse: command.initialResponse !== null,
        },
      };
    // RFC 5321 §4.2.4: a verb SMTP defines but this server does not carry out (502), or none it knows (500).
    case 'notImplemented':
      return { verb: command.name.toUpperCase(), args: { implemented: false } };
    case 'unknown':
      return { verb: command.name.toUpperCase(), args: { known: false } };
    default:
      return { verb: command.verb };
  }
}

/** clientCommandFacts are the facts of a command our own client formats (see `formatCommand`). */
export function clientCommandFacts(command: ClientCommand): CommandFacts {
  switch (command.verb) {
    case 'EHLO':
    case 'HELO':
      return { verb: command.verb, args: { domain: command.domain } };
    case 'MAIL':
      return { verb: 'MAIL', args: withParams({ from: command.from }, command.params) };
    case 'RCPT':
      return { verb: 'RCPT', args: { to: command.to } };
    case 'AUTH':
      return {
        verb: 'AUTH',
        args: { mechanism: command.mechanism, initialResponse: command.initialResponse !== undefined },
      };
    default:
      return { verb: command.verb };
  }
}

function withParams(args: Record<string, string>, params: object | undefined): CommandArgs {
  const out: Record<string, string | number> = { ...args };
  for (const [keyword, value] of Object.entries(params ?? {}))
    if (typeof value === 'string' || typeof value === 'number') out[keyword] = value;
  return out;
}

/** DATA_LINE and SASL_LINE are the facts of a line that is not a command: message text, or a SASL response. */
export const DATA_LINE: ClientLineFacts = { content: 'data' };
export const SASL_LINE: ClientLineFacts = { content: 'sasl' };
