// Writing commands as a client sends them (RFC 3501 §6), and cutting a command at its literals, since the
// client must wait for the server's "+" before sending each literal's octets (RFC 3501 §7.5).

import type { ImapCommand, ImapCommandBody } from './commandTypes.ts';
import { formatFetchItems } from './fetchItems.ts';
import { formatDateTime } from './imapDates.ts';
import { formatSearchKey } from './search.ts';
import { formatSequenceSet } from './sequenceSet.ts';
import { formatAstring, formatFlagList, formatListMailbox, formatLiteral, toOctets } from './strings.ts';

const STORE_PREFIX = { replace: '', add: '+', remove: '-' } as const;

function uidPrefix(command: { uid: boolean }): string {
  return command.uid ? 'UID ' : '';
}

function formatArguments(command: ImapCommandBody): string {
  switch (command.name) {
    case 'CAPABILITY':
    case 'NOOP':
    case 'LOGOUT':
    case 'STARTTLS':
    case 'CHECK':
    case 'CLOSE':
    case 'IDLE':
      return command.name;
    case 'LOGIN':
      return `LOGIN ${formatAstring(command.userid)} ${formatAstring(command.password)}`;
    case 'AUTHENTICATE':
      return command.initialResponse === null
        ? `AUTHENTICATE ${command.mechanism}`
        : `AUTHENTICATE ${command.mechanism} ${command.initialResponse}`;
    case 'SELECT':
    case 'EXAMINE':
    case 'CREATE':
    case 'DELETE':
    case 'SUBSCRIBE':
    case 'UNSUBSCRIBE':
      return `${command.name} ${formatAstring(command.mailbox)}`;
    case 'RENAME':
      return `RENAME ${formatAstring(command.from)} ${formatAstring(command.to)}`;
    case 'LIST':
    case 'LSUB':
      return `${command.name} ${formatAstring(command.reference)} ${formatListMailbox(command.pattern)}`;
    case 'STATUS':
      return `STATUS ${formatAstring(command.mailbox)} (${command.items.join(' ')})`;
    case 'APPEND': {
      const flags = command.flags.length > 0 ? ` ${formatFlagList(command.flags)}` : '';
      const date = command.date === null ? '' : ` ${formatDateTime(command.date)}`;
      // The message is always a literal (RFC 3501 §9 `append`), even when it could be quoted.
      return `APPEND ${formatAstring(command.mailbox)}${flags}${date} ${formatLiteral(toOctets(command.message))}`;
    }
    case 'EXPUNGE':
      return command.uid ? `UID EXPUNGE ${formatSequenceSet(command.set)}` : 'EXPUNGE';
    case 'SEARCH': {
      const charset = command.charset === null ? '' : ` CHARSET ${formatAstring(command.charset)}`;
      return `${uidPrefix(command)}SEARCH${charset} ${command.keys.map(formatSearchKey).join(' ')}`;
    }
    case 'FETCH':
      return `${uidPrefix(command)}FETCH ${formatSequenceSet(command.set)} ${formatFetchItems(command)}`;
    case 'STORE': {
      const item = `${STORE_PREFIX[command.operation]}FLAGS${command.silent ? '.SILENT' : ''}`;
      return `${uidPrefix(command)}STORE ${formatSequenceSet(command.set)} ${item} ${formatFlagList(command.flags)}`;
    }
    case 'COPY':
    case 'MOVE':
      return `${uidPrefix(command)}${command.name} ${formatSequenceSet(command.set)} ${formatAstring(command.mailbox)}`;
  }
}

/**
 * formatCommand writes a command as it goes on the wire, without the final CRLF; literals are inline
 * (`{n}` CRLF octets). Send it with commandChunks, waiting for "+" between the chunks.
 */
export function formatCommand(command: ImapCommand): string {
  return `${command.tag} ${formatArguments(command)}`;
}

/**
 * commandChunks cuts a formatted command after each literal's `{n}` CRLF: the client sends the first chunk,
 * then each next one after a "+" continuation request. Only the last chunk lacks its CRLF.
 */
export function commandChunks(wire: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  let search = 0;
  // Outside literals a command holds no CRLF, so each CRLF found ends a literal's announcement; the
  // literal's own octets, which may hold anything, are skipped by their count.
  for (let at = wire.indexOf('\r\n', search); at !== -1; at = wire.indexOf('\r\n', search)) {
    const size = /\{([0-9]+)\}$/.exec(wire.slice(start, at))?.[1];
    chunks.push(wire.slice(start, at + 2));
    start = at + 2;
    search = start + Number(size ?? 0);
  }
  chunks.push(wire.slice(start));
  return chunks;
}

/** IDLE_DONE is the line that ends IDLE (RFC 2177 §3). */
export const IDLE_DONE = 'DONE';
