// Turns a session line's role into the words a student reads beside it, in the language of the catalogue given:
// a reply by the catalogue id its server wrote (else by its code or status), a command by its verb. The
// transcript's tooltip and the inspector share it, so both always say the same.
import type { ProtocolText } from '../../i18n/protocolText.ts';
import type { ReplyExplanation } from '../../i18n/replyExplanation.ts';
import type { Command, LineRole, ReadProtocol, SessionLine, Status } from './sessionLines.ts';

/** LineExplanation is what a line means and what comes after it; `extra` covers multi-line reply details. */
export interface LineExplanation {
  readonly title: string;
  readonly meaning: string;
  readonly next: string;
  readonly extra: string | null;
}

/** statusExplanation says what a reply's code or status means whatever the reply: `2xx: done`, `+OK`, `NO`. */
export function statusExplanation(status: Status, text: ProtocolText): ReplyExplanation {
  switch (status.protocol) {
    case 'smtp':
      return text.classes[status.replyClass];
    case 'pop3':
      return text.pop3.statuses[status.status];
    case 'imap':
      return text.imap.statuses[status.status];
    case 'http':
      return text.http.classes[status.statusClass];
  }
}

function commandExplanation(command: Command, text: ProtocolText): ReplyExplanation {
  switch (command.protocol) {
    case 'smtp':
      return text.commands[command.command];
    case 'pop3':
      return text.pop3.commands[command.command];
    case 'imap':
      return text.imap.commands[command.command];
    case 'http':
      return text.http.methods[command.command];
  }
}

// The note under a reply line: an EHLO keyword, or what a line of a multi-line or untagged reply is.
function replyExtra(role: Extract<LineRole, { kind: 'reply' }>, text: ProtocolText): string | null {
  const status = role.status;
  switch (status.protocol) {
    case 'smtp': {
      const extension = role.extension === null ? undefined : text.extensions[role.extension];
      return extension ?? (role.last && role.first ? null : text.continuation);
    }
    case 'pop3':
      return role.first ? null : text.pop3.multiLine;
    case 'imap': {
      const code = role.responseCode === null ? undefined : text.imap.responseCodes[role.responseCode];
      const untagged = status.tag === null && role.answers === null && status.status !== '+';
      return code ?? (untagged ? text.imap.untagged : null);
    }
    case 'http':
      return null;
  }
}

function contentExplanation(protocol: ReadProtocol, kind: 'data' | 'authResponse', text: ProtocolText) {
  if (protocol === 'imap') return { title: '+', ...text.imap.literal };
  // A body a person types line by line in the console (telnet to port 80).
  if (protocol === 'http') return { title: 'HTTP', ...text.http.body };
  return kind === 'data' ? { title: 'DATA', ...text.dataLine } : { title: 'AUTH', ...text.authResponse };
}

/** explainLine explains one line, or gives null for a line of a protocol the catalogue does not cover. */
export function explainLine(line: SessionLine, text: ProtocolText): LineExplanation | null {
  const role = line.role;
  switch (role.kind) {
    case 'reply': {
      const byStatus = statusExplanation(role.status, text);
      const byId = role.reply === null ? byStatus : text.replies[role.reply];
      return {
        title: byStatus.meaning,
        meaning: byId.meaning,
        next: byId.next,
        extra: replyExtra(role, text),
      };
    }
    case 'command': {
      const command = commandExplanation(role.command, text);
      const uid = role.command.protocol === 'imap' && role.command.uid ? text.imap.uid : null;
      const title = role.tag === null ? role.verb : `${role.tag} ${role.verb}`;
      return { title, meaning: command.meaning, next: command.next, extra: uid };
    }
    case 'data':
    case 'authResponse':
      return { ...contentExplanation(role.protocol, role.kind, text), extra: null };
    case 'field': {
      const side = line.from === 'client' ? 'request' : 'response';
      if (role.end) return { title: '', ...text.http[`${side}End`], extra: null };
      if (role.name === null) return { title: '', ...text.http.badField, extra: null };
      const field = text.http[`${side}Field`];
      return { title: role.name, ...field, extra: text.http.fields[role.name.toLowerCase()] ?? null };
    }
    case 'body':
      return {
        title: text.http.bodySize(role.size, role.wireOctets, role.chunks),
        ...text.http.body,
        extra: null,
      };
    default:
      return null;
  }
}
