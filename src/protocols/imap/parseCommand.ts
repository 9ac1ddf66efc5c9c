// Reading one whole command (from CommandReader: literals inline, no final CRLF) into an ImapCommand, by the
// grammar of RFC 3501 §9. Syntax only: whether the command is allowed in this state is the machine's call.

import type {
  BareCommandName,
  CommandParsed,
  ImapCommandBody,
  MailboxCommandName,
  StatusItem,
  StoreOperation,
} from './commandTypes.ts';
import { STATUS_ITEMS } from './commandTypes.ts';
import { readFetchItems } from './fetchItems.ts';
import { type ImapDateTime, readDateTime } from './imapDates.ts';
import { ImapSyntaxError, Scanner } from './lexer.ts';
import { normaliseMailbox } from './mailboxNames.ts';
import { readSearchKeys } from './search.ts';
import { readSequenceSet } from './sequenceSet.ts';

type Reader = (s: Scanner) => ImapCommandBody;

function mailbox(s: Scanner, what = 'the mailbox name'): string {
  return normaliseMailbox(s.astring(what));
}

function bare(name: BareCommandName): Reader {
  return () => ({ name });
}

function oneMailbox(name: MailboxCommandName): Reader {
  return (s) => {
    s.sp('the mailbox name');
    return { name, mailbox: mailbox(s) };
  };
}

function list(name: 'LIST' | 'LSUB'): Reader {
  return (s) => {
    s.sp('the reference name');
    const reference = mailbox(s, 'the reference name ("" for none)');
    s.sp('the mailbox pattern');
    return { name, reference, pattern: s.listMailbox('the mailbox pattern, like * or %') };
  };
}

function statusItems(s: Scanner): StatusItem[] {
  const open = s.pos;
  s.expect('(', 'a parenthesised list of status items, like (MESSAGES UNSEEN)');
  const items: StatusItem[] = [];
  do {
    const start = s.pos;
    const word = (s.match(/[A-Za-z]+/y) ?? s.expected('a status item')).toUpperCase();
    const item = STATUS_ITEMS.find((known) => known === word);
    if (item === undefined) {
      s.fail(`unknown status item "${word}"; use ${STATUS_ITEMS.join(', ')}`, start);
    }
    items.push(item);
  } while (s.take(' '));
  if (!s.take(')')) {
    if (s.atEnd()) s.fail('unbalanced parentheses: the status item list is never closed', open);
    s.expected('a space or ")" after a status item');
  }
  return items;
}

function append(s: Scanner): ImapCommandBody {
  s.sp('the mailbox name');
  const target = mailbox(s);
  s.sp('the message literal');
  let flags: string[] = [];
  let date: ImapDateTime | null = null;
  if (s.peek() === '(') {
    flags = s.flagList();
    s.sp('the message literal');
  }
  if (s.peek() === '"') {
    date = readDateTime(s);
    s.sp('the message literal');
  }
  if (s.peek() !== '{') s.expected('the message as a literal, like {310}');
  return { name: 'APPEND', mailbox: target, flags, date, message: s.literal() };
}

function authenticate(s: Scanner): ImapCommandBody {
  s.sp('the SASL mechanism name');
  const mechanism = s.atom('a SASL mechanism name, like PLAIN').toUpperCase();
  let initialResponse: string | null = null;
  // RFC 4959 (SASL-IR): an initial response may follow the mechanism, "=" for an empty one.
  if (s.take(' ')) initialResponse = s.match(/[A-Za-z0-9+/]*={0,2}/y) ?? s.expected('a BASE64 response');
  return { name: 'AUTHENTICATE', mechanism, initialResponse };
}

function store(uid: boolean): Reader {
  return (s) => {
    s.sp('the message set');
    const set = readSequenceSet(s);
    s.sp('FLAGS, +FLAGS or -FLAGS');
    const start = s.pos;
    const item = (s.match(/[+-]?[A-Za-z.]+/y) ?? s.expected('FLAGS, +FLAGS or -FLAGS')).toUpperCase();
    const found =
      /^([+-]?)FLAGS(\.SILENT)?$/.exec(item) ??
      s.fail(`"${item}" is not FLAGS, +FLAGS or -FLAGS (with .SILENT or not)`, start);
    const operation: StoreOperation = found[1] === '+' ? 'add' : found[1] === '-' ? 'remove' : 'replace';
    s.sp('the flags');
    let flags: string[];
    if (s.peek() === '(') {
      flags = s.flagList();
    } else {
      // RFC 3501 §9 store-att-flags: a flag list may also be written without parentheses.
      flags = [s.flag()];
      while (s.take(' ')) flags.push(s.flag());
    }
    return { name: 'STORE', uid, set, operation, silent: found[2] !== undefined, flags };
  };
}

function copyOrMove(name: 'COPY' | 'MOVE', uid: boolean): Reader {
  return (s) => {
    s.sp('the message set');
    const set = readSequenceSet(s);
    s.sp('the destination mailbox');
    return { name, uid, set, mailbox: mailbox(s, 'the destination mailbox') };
  };
}

function fetch(uid: boolean): Reader {
  return (s) => {
    s.sp('the message set');
    const set = readSequenceSet(s);
    s.sp('the data items to fetch');
    return { name: 'FETCH', uid, set, ...readFetchItems(s) };
  };
}

function search(uid: boolean): Reader {
  return (s) => {
    s.sp('the search criteria');
    let charset: string | null = null;
    if (s.match(/CHARSET (?=[^ ])/iy) !== null) {
      charset = s.astring('the charset name');
      s.sp('the search criteria');
    }
    return { name: 'SEARCH', uid, charset, keys: readSearchKeys(s) };
  };
}

// One reader per verb (RFC 3501 §6), the way imapflow keeps one module per command in a table.
const COMMANDS: ReadonlyMap<string, Reader> = new Map(
  Object.entries({
    CAPABILITY: bare('CAPABILITY'),
    NOOP: bare('NOOP'),
    LOGOUT: bare('LOGOUT'),
    STARTTLS: bare('STARTTLS'),
    CHECK: bare('CHECK'),
    CLOSE: bare('CLOSE'),
    IDLE: bare('IDLE'),
    LOGIN: (s) => {
      s.sp('the user name');
      const userid = s.astring('the user name');
      s.sp('the password');
      return { name: 'LOGIN', userid, password: s.astring('the password') };
    },
    AUTHENTICATE: authenticate,
    SELECT: oneMailbox('SELECT'),
    EXAMINE: oneMailbox('EXAMINE'),
    CREATE: oneMailbox('CREATE'),
    DELETE: oneMailbox('DELETE'),
    SUBSCRIBE: oneMailbox('SUBSCRIBE'),
    UNSUBSCRIBE: oneMailbox('UNSUBSCRIBE'),
    RENAME: (s) => {
      s.sp('the mailbox to rename');
      const from = mailbox(s, 'the mailbox to rename');
      s.sp('the new name');
      return { name: 'RENAME', from, to: mailbox(s, 'the new name') };
    },
    LIST: list('LIST'),
    LSUB: list('LSUB'),
    STATUS: (s) => {
      s.sp('the mailbox name');
      const target = mailbox(s);
      s.sp('the status items');
      return { name: 'STATUS', mailbox: target, items: statusItems(s) };
    },
    APPEND: append,
    EXPUNGE: () => ({ name: 'EXPUNGE', uid: false }),
    SEARCH: search(false),
    FETCH: fetch(false),
    STORE: store(false),
    COPY: copyOrMove('COPY', false),
    MOVE: copyOrMove('MOVE', false),
  } satisfies Record<string, Reader>),
);

// RFC 3501 §6.4.8, RFC 6851 §3.2 (UID MOVE) and RFC 4315 §2.1 (UID EXPUNGE).
const UID_COMMANDS: ReadonlyMap<string, Reader> = new Map(
  Object.entries({
    FETCH: fetch(true),
    STORE: store(true),
    COPY: copyOrMove('COPY', true),
    MOVE: copyOrMove('MOVE', true),
    SEARCH: search(true),
    EXPUNGE: (s) => {
      s.sp('the UID set');
      return { name: 'EXPUNGE', uid: true, set: readSequenceSet(s) };
    },
  } satisfies Record<string, Reader>),
);

function verbAt(s: Scanner): string {
  return (s.match(/[^ ]+/y) ?? '').toUpperCase();
}

/**
 * parseCommand reads one whole command: tag, verb and arguments. Verbs and keywords are case-insensitive
 * (RFC 3501 §9 note 1), SP is exactly one space (note 2). It never throws; a failure says what was wrong in
 * words fit for the BAD reply.
 */
export function parseCommand(text: string): CommandParsed {
  const s = new Scanner(text);
  const tag = s.tag();
  if (tag === null || !(s.atEnd() || s.peek() === ' ')) {
    const message =
      text === ''
        ? 'empty command line'
        : s.peek() === '+'
          ? 'a tag may not contain "+"'
          : 'a command must start with a tag of letters and digits, like a001';
    return { ok: false, tag: null, verb: null, problem: 'noTag', message, at: s.pos };
  }
  let verb: string | null = null;
  try {
    s.sp('the command name');
    const start = s.pos;
    verb = verbAt(s);
    let reader = COMMANDS.get(verb);
    if (verb === 'UID') {
      s.sp('the command after UID');
      const sub = verbAt(s);
      reader = UID_COMMANDS.get(sub);
      if (reader === undefined) {
        s.fail(`UID may only precede FETCH, STORE, COPY, MOVE, SEARCH or EXPUNGE, not "${sub}"`, start);
      }
      verb = `UID ${sub}`;
    }
    if (reader === undefined) {
      const unknown = verb;
      verb = null;
      return {
        ok: false,
        tag,
        verb,
        problem: 'unknownCommand',
        message: `unknown command "${unknown}"`,
        at: start,
      };
    }
    const body = reader(s);
    s.end(`the arguments of ${verb}`);
    return { ok: true, command: { tag, ...body } };
  } catch (error) {
    if (!(error instanceof ImapSyntaxError)) throw error;
    return {
      ok: false,
      tag,
      verb: verb === '' ? null : verb,
      problem: 'syntax',
      message: error.message,
      at: error.at,
    };
  }
}
