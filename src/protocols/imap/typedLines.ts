// Reads the IMAP lines a person types in a terminal: commands, the lines of a literal they announced with `{n}`
// (sent once the server answers `+`), the SASL responses of AUTHENTICATE and the DONE that ends IDLE.
import type { ClientLineFacts, TypedLineReader } from '../shared/lineFacts.ts';
import { commandVerb } from './commandTypes.ts';
import { commandFacts } from './lineFacts.ts';
import { parseCommand } from './parseCommand.ts';
import { CommandReader } from './reader.ts';

// What the typed lines are in the middle of: nothing, a command whose literal is being sent, an AUTHENTICATE
// exchange, or IDLE; each ends when the server answers the command's tag.
type Pending =
  | { kind: 'none' }
  | { kind: 'literal'; tag: string; verb: string }
  | { kind: 'sasl'; tag: string }
  | { kind: 'idle'; tag: string };

// The tag and verb at the start of a command line, as far as they can be read.
function head(line: string): { tag: string; verb: string } {
  const [tag = '', verb = '', sub = ''] = line.split(' ', 3);
  const upper = verb.toUpperCase();
  return { tag, verb: upper === 'UID' ? `UID ${sub.toUpperCase()}` : upper };
}

/**
 * imapTypedLines reads one connection's typed lines. A literal's lines are message text (`data`), except in LOGIN
 * and AUTHENTICATE, where they are credentials (`sasl`, never shown raw) like every line of a SASL exchange.
 */
export function imapTypedLines(): TypedLineReader {
  let reader = new CommandReader();
  let pending: Pending = { kind: 'none' };
  return {
    client(line: string): ClientLineFacts {
      if (pending.kind === 'sasl') return { content: 'sasl' };
      if (pending.kind === 'idle')
        return { verb: line.toUpperCase() === 'DONE' ? 'DONE' : line.toUpperCase() };
      const inLiteral = pending.kind === 'literal' ? pending : null;
      const read = reader.push(line);
      if (read.kind === 'continue' && inLiteral === null) {
        const { tag, verb } = head(line);
        pending = { kind: 'literal', tag, verb };
        return {
          tag,
          verb,
          ...(verb === 'LOGIN' || verb === 'AUTHENTICATE' ? { args: { password: true } } : {}),
        };
      }
      if (inLiteral !== null) {
        if (read.kind !== 'partial' && read.kind !== 'continue') pending = { kind: 'none' };
        const secret = inLiteral.verb === 'LOGIN' || inLiteral.verb === 'AUTHENTICATE';
        return { content: secret ? 'sasl' : 'data' };
      }
      if (read.kind !== 'command') return commandFacts(parseCommand(line));
      const parsed = parseCommand(read.text);
      if (parsed.ok && parsed.command.name === 'AUTHENTICATE' && parsed.command.initialResponse === null) {
        pending = { kind: 'sasl', tag: parsed.command.tag };
      } else if (parsed.ok && commandVerb(parsed.command) === 'IDLE') {
        pending = { kind: 'idle', tag: parsed.command.tag };
      }
      return commandFacts(parsed);
    },
    server(line: string): void {
      if (pending.kind === 'none' || !line.startsWith(`${pending.tag} `)) return;
      // The command was answered: a refused literal is never sent, a SASL exchange or IDLE is over.
      pending = { kind: 'none' };
      reader = new CommandReader();
    },
  };
}
