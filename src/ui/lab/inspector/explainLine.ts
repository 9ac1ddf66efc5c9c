// Turns a session line's role into the words a student reads beside it, in the language of the catalogue given:
// a reply by the catalogue id its server wrote, a command by its verb. The transcript's tooltip and the inspector
// share it, so both always say the same.
import type { ProtocolText } from '../../i18n/protocolText.ts';
import type { SessionLine } from './smtpLines.ts';

/** LineExplanation is what a line means and what comes after it; `extra` covers multi-line reply details. */
export interface LineExplanation {
  readonly title: string;
  readonly meaning: string;
  readonly next: string;
  readonly extra: string | null;
}

/** explainLine explains one line, or gives null for a line of a protocol the catalogue does not cover. */
export function explainLine(line: SessionLine, text: ProtocolText): LineExplanation | null {
  const role = line.role;
  switch (role.kind) {
    case 'reply': {
      const byClass = text.classes[role.replyClass];
      const byId = role.reply === null ? byClass : text.replies[role.reply];
      const extension = role.extension === null ? undefined : text.extensions[role.extension];
      const extra = extension ?? (role.last && role.first ? null : text.continuation);
      return { title: byClass.meaning, meaning: byId.meaning, next: byId.next, extra };
    }
    case 'command': {
      const command = text.commands[role.command];
      return { title: role.verb, meaning: command.meaning, next: command.next, extra: null };
    }
    case 'data':
      return { title: 'DATA', ...text.dataLine, extra: null };
    case 'authResponse':
      return { title: 'AUTH', ...text.authResponse, extra: null };
    default:
      return null;
  }
}
