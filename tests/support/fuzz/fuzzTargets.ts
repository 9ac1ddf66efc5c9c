// The server machines the fuzzer drives, one entry per protocol of the registry: how to start a session, what lines
// its grammar allows, how to bring any session back to reading commands, the probe it must still answer, and what
// a grammatical reply of its own looks like. HTTP is driven as a whole request at a time (head, maybe a body).
import { parseResponse } from '../../../src/protocols/imap/parseResponse.ts';
import { ALLOWED } from '../../../src/protocols/imap/serverDecisions.ts';
import type { ProtocolName } from '../../../src/protocols/registry.ts';
import type { Rng } from '../../../src/sim/rng.ts';
import type { AppLine } from '../../../src/sim/trace.ts';
import { anyLine, casing, pick, randomOctets, sentence, word } from './fuzzLines.ts';
import { HTTP } from './httpFuzzTarget.ts';

const IMAP_COMMANDS: readonly string[] = [...new Set([...ALLOWED.notAuthenticated, ...ALLOWED.selected])];

/** FuzzTarget is one protocol as the fuzzer sees it. */
export interface FuzzTarget {
  readonly protocol: ProtocolName;
  /** port is the mail server's (or webmail host's) simulated port whose machine is fuzzed. */
  readonly port: number;
  /** line draws one line, without its CRLF: from the grammar, or without any. */
  line(rng: Rng): string;
  /**
   * recovery is what brings a session in any state back to reading commands: it ends message text, cancels a
   * SASL exchange, leaves IDLE and fills a pending literal (the grammar announces none over 64 octets).
   */
  readonly recovery: string;
  /** probe is the command the session must still answer afterwards (NOOP; for HTTP a plain GET). */
  readonly probe: string;
  /** answersProbe tells whether a server line is the answer to the probe. */
  answersProbe(line: AppLine): boolean;
  /** replyProblem says what is wrong with one whole reply (its lines, `more` on all but the last), or null. */
  replyProblem(reply: readonly AppLine[]): string | null;
  /** scenario names the built-in world whose server is fuzzed: `textbook` unless said. */
  readonly scenario?: string;
  /** maxSessionLines bounds the lines (requests) of one session: 40 unless said. */
  readonly maxSessionLines?: number;
  /**
   * idleCloseMs says the server may leave a session neither answering the probe nor closed (a body still owed),
   * and must then close it by itself within this long; without it, such a session is a failure.
   */
  readonly idleCloseMs?: number;
}

const USERS = ['bob', 'alice', 'postmaster', 'nobody', 'Bob', '"bob"'];
const PASSWORDS = ['hungry', 'croissant', 'wrong', ''];
const ADDRESSES = [
  '<alice@crepes.fr>',
  '<bob@hamburger.edu>',
  '<>',
  '<postmaster>',
  '<"bob"@hamburger.edu>',
  '<eve@elsewhere.example>',
  'bob@hamburger.edu',
  '<bob@[127.0.0.1]>',
  '<@relay.example:bob@hamburger.edu>',
  `<${'a'.repeat(70)}@hamburger.edu>`,
];
// Printable ASCII, as RFC 5321 §4.2 and RFC 1939 §3 allow a reply's text.
const PRINTABLE = /^[\x20-\x7e]*$/;

function lineOf(rng: Rng, max: number, grammar: () => string): string {
  return rng.float() < 0.8 ? grammar() : anyLine(rng, max);
}

const SMTP: FuzzTarget = {
  protocol: 'smtp',
  port: 25,
  line(rng) {
    return lineOf(rng, 1000, () => {
      const verb = pick(rng, [
        'HELO',
        'EHLO',
        'MAIL',
        'RCPT',
        'DATA',
        'RSET',
        'NOOP',
        'VRFY',
        'EXPN',
        'HELP',
        'AUTH',
        'STARTTLS',
        'BDAT',
        'QUIT',
        '.',
        'Subject: hi',
        '',
      ]);
      const args: string[] = [];
      if (verb === 'MAIL')
        args.push(
          `FROM:${word(rng, ADDRESSES)}`,
          ...(rng.chance(0.3)
            ? [pick(rng, ['SIZE=477', 'SIZE=99999999999', 'BODY=8BITMIME', 'SMTPUTF8', 'X=Y'])]
            : []),
        );
      else if (verb === 'RCPT') args.push(`TO:${word(rng, ADDRESSES)}`);
      else if (verb === 'AUTH')
        args.push(
          word(rng, ['PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2']),
          ...(rng.chance(0.5) ? [word(rng, ['AGJvYgBodW5ncnk=', '=', '*', 'Ym9i'])] : []),
        );
      else if (verb === 'HELO' || verb === 'EHLO') args.push(word(rng, ['crepes.fr', '[127.0.0.1]', 'x']));
      else if (rng.chance(0.3)) args.push(word(rng, USERS));
      return sentence(rng, [casing(rng, verb), ...args]);
    });
  },
  // In DATA, the empty line and "." end the message; in a SASL exchange, "*" cancels it (RFC 4954 §4).
  recovery: '*\r\n\r\n.\r\n',
  probe: 'NOOP',
  answersProbe: (line) => line.answers === 'NOOP' && line.more !== true,
  replyProblem(reply) {
    const first = reply[0];
    for (const [i, line] of reply.entries()) {
      // RFC 5321 §4.2: Reply-code [ SP textstring ] CRLF, or "-" between code and text on all lines but the last.
      const match = /^([2-5][0-5]\d)([ -])?(.*)$/.exec(line.line);
      if (!match) return `not a reply line: ${JSON.stringify(line.line)}`;
      const last = i === reply.length - 1;
      if ((match[2] === '-') === last && !(last && match[2] === undefined))
        return `"-" must mark every line but the last: ${JSON.stringify(line.line)}`;
      if (match[1] !== first?.line.slice(0, 3)) return `one reply, two codes: ${JSON.stringify(line.line)}`;
      if (!PRINTABLE.test(line.line))
        return `a reply line with octets outside printable ASCII: ${JSON.stringify(line.line)}`;
      if (line.line.length > 510) return `a reply line over 512 octets (RFC 5321 §4.5.3.1.5)`;
      if (line.code !== Number(match[1])) return `the facts say ${line.code}, the line ${match[1]}`;
    }
    return null;
  },
};

const POP3: FuzzTarget = {
  protocol: 'pop3',
  port: 110,
  line(rng) {
    return lineOf(rng, 255, () => {
      const verb = pick(rng, [
        'USER',
        'PASS',
        'APOP',
        'STAT',
        'LIST',
        'RETR',
        'DELE',
        'NOOP',
        'RSET',
        'QUIT',
        'TOP',
        'UIDL',
        'CAPA',
        'AUTH',
        'STLS',
        'UTF8',
        'LANG',
        '',
      ]);
      const args: string[] = [];
      if (verb === 'USER') args.push(word(rng, USERS));
      else if (verb === 'PASS') args.push(word(rng, PASSWORDS));
      else if (verb === 'APOP')
        args.push(word(rng, USERS), word(rng, ['c4c9334bac560ecc979e58001b3e22fb', 'x']));
      else if (['LIST', 'RETR', 'DELE', 'UIDL'].includes(verb) && rng.chance(0.8))
        args.push(word(rng, ['1', '2', '3']));
      else if (verb === 'TOP') args.push(word(rng, ['1', '2']), word(rng, ['0', '5', '100']));
      else if (verb === 'AUTH' && rng.chance(0.7)) args.push(word(rng, ['PLAIN', 'LOGIN']));
      if (rng.chance(0.1)) args.push(word(rng, ['extra']));
      return sentence(rng, [casing(rng, verb), ...args]);
    });
  },
  recovery: '*\r\n',
  probe: 'NOOP',
  answersProbe: (line) => line.answers === 'NOOP' && line.more !== true,
  replyProblem(reply) {
    const [status, ...rest] = reply;
    if (!status) return 'an empty reply';
    // RFC 1939 §3: "+OK" or "-ERR", then text; RFC 5034 §4: "+ " and a challenge in a SASL exchange.
    if (!/^(\+OK|-ERR)( |$)|^\+ /.test(status.line))
      return `not a status line: ${JSON.stringify(status.line)}`;
    if (!PRINTABLE.test(status.line))
      return `a status line outside printable ASCII: ${JSON.stringify(status.line)}`;
    if (rest.length > 0) {
      if (!status.line.startsWith('+OK')) return 'a multi-line reply after -ERR';
      if (rest.at(-1)?.line !== '.')
        return `a multi-line reply not ended by ".": ${JSON.stringify(rest.at(-1)?.line)}`;
      // RFC 1939 §3: every other line that starts with "." is byte-stuffed.
      const unstuffed = rest.slice(0, -1).find((l) => l.line.startsWith('.') && !l.line.startsWith('..'));
      if (unstuffed)
        return `a line of a multi-line reply not byte-stuffed: ${JSON.stringify(unstuffed.line)}`;
    }
    return null;
  },
};

const MAILBOXES = [
  'INBOX',
  'Trash',
  'Sent',
  'inbox',
  'Nope',
  '"a b"',
  'INBOX/sub',
  '""',
  '&AMk-t&AOk-',
  '{3}',
];
const FETCH = [
  'FLAGS',
  'UID',
  'ENVELOPE',
  'BODYSTRUCTURE',
  'BODY[]',
  'BODY.PEEK[HEADER]',
  'BODY[1]<0.10>',
  '(FLAGS UID)',
  'ALL',
  'FAST',
  'FULL',
  'RFC822.SIZE',
  'BODY[TEXT]<5.3>',
  'INTERNALDATE',
];
const SETS = ['1', '1:*', '*', '1,2', '2:1', '0', '1:4294967295', '3'];

const IMAP: FuzzTarget = {
  protocol: 'imap',
  port: 143,
  line(rng) {
    return lineOf(rng, 64 * 1024, () => {
      const tag = word(rng, ['a1', 'a2', 'A003', '*', '+', 'x.y']);
      // Every command the server's state table knows, and some it does not (UID's sub-commands aside), which
      // must get BAD.
      const verb = pick(rng, [...IMAP_COMMANDS, 'UID', 'DONE', 'ENABLE', 'NAMESPACE', 'ID', 'UNSELECT']);
      const args: string[] = [];
      const literal = () => `{${rng.int(0, 64)}${rng.chance(0.3) ? '+' : ''}}`;
      switch (verb) {
        case 'LOGIN':
          args.push(word(rng, USERS), rng.chance(0.2) ? literal() : word(rng, PASSWORDS));
          break;
        case 'AUTHENTICATE':
          args.push(
            word(rng, ['PLAIN', 'LOGIN']),
            ...(rng.chance(0.4) ? [word(rng, ['AGJvYgBodW5ncnk=', '='])] : []),
          );
          break;
        case 'SELECT':
        case 'EXAMINE':
        case 'CREATE':
        case 'DELETE':
        case 'SUBSCRIBE':
        case 'UNSUBSCRIBE':
          args.push(word(rng, MAILBOXES));
          break;
        case 'RENAME':
        case 'COPY':
        case 'MOVE':
          args.push(verb === 'RENAME' ? word(rng, MAILBOXES) : word(rng, SETS), word(rng, MAILBOXES));
          break;
        case 'LIST':
        case 'LSUB':
          args.push(word(rng, ['""', 'INBOX']), word(rng, ['*', '%', '"*"', 'IN%']));
          break;
        case 'STATUS':
          args.push(
            word(rng, MAILBOXES),
            word(rng, ['(MESSAGES UNSEEN)', '(UIDNEXT UIDVALIDITY RECENT)', '()', '(BOGUS)']),
          );
          break;
        case 'APPEND':
          args.push(word(rng, MAILBOXES), ...(rng.chance(0.3) ? ['(\\Seen)'] : []), literal());
          break;
        case 'SEARCH':
          args.push(
            word(rng, [
              'ALL',
              'UNSEEN',
              'FROM bob',
              'SUBJECT "x"',
              'UID 1:*',
              'NOT OR SEEN DELETED',
              'CHARSET UTF-8 ALL',
              'BEFORE 1-Jan-2000',
            ]),
          );
          break;
        case 'FETCH':
          args.push(word(rng, SETS), word(rng, FETCH));
          break;
        case 'STORE':
          args.push(
            word(rng, SETS),
            word(rng, ['FLAGS', '+FLAGS', '-FLAGS.SILENT']),
            word(rng, ['(\\Seen)', '(\\Deleted)', '($Work)', '(\\Bogus)']),
          );
          break;
        case 'UID':
          args.push(
            pick(rng, ['FETCH', 'STORE', 'COPY', 'MOVE', 'SEARCH', 'EXPUNGE']),
            word(rng, SETS),
            word(rng, FETCH),
          );
          break;
        case 'ENABLE':
          args.push(word(rng, ['IMAP4rev2', 'UTF8=ACCEPT', 'X']));
          break;
      }
      return sentence(rng, [tag, casing(rng, verb), ...args]);
    });
  },
  // DONE leaves IDLE (RFC 2177), "*" cancels AUTHENTICATE (RFC 3501 §6.2.2), and 70 octets fill any literal the
  // grammar announced ({0} to {64}); whatever is left reads as a line the server answers BAD.
  recovery: `${'x'.repeat(70)}\r\nDONE\r\n*\r\n`,
  probe: 'zz NOOP',
  answersProbe: (line) => line.tag === 'zz' && line.more !== true,
  replyProblem(reply) {
    // A response with a literal spans lines; put it back together and read it as a client would (RFC 3501 §7).
    const text = reply.map((l) => l.line).join('\r\n');
    const parsed = parseResponse(text);
    if (!parsed.ok && !/unknown untagged response/.test(parsed.message))
      return `a response a client cannot read (${parsed.message}): ${JSON.stringify(text.slice(0, 200))}`;
    return null;
  },
};

/**
 * FUZZ_TARGETS lists every server machine the fuzzer drives. HTTP (webmail) takes a request at a time rather than
 * a line (httpFuzzTarget.ts).
 */
export const FUZZ_TARGETS: readonly FuzzTarget[] = [SMTP, POP3, IMAP, HTTP];

/** fuzzTarget finds the target of a protocol, or undefined for one the fuzzer does not drive. */
export function fuzzTarget(protocol: string): FuzzTarget | undefined {
  return FUZZ_TARGETS.find((t) => t.protocol === protocol);
}

// Re-exported for the runner, which also sends raw bursts.
export { randomOctets };
