// Arbitraries for the IMAP properties: random text with pieces of IMAP syntax in it, and well-formed commands
// and responses built as structures.
import fc from 'fast-check';
import type { ImapCommandBody } from '../../../../src/protocols/imap/commandTypes.ts';
import {
  MACRO_ITEMS,
  type FetchAttribute,
  type SectionText,
} from '../../../../src/protocols/imap/fetchItems.ts';
import type { ResponseCode } from '../../../../src/protocols/imap/responseCodes.ts';
import type { ImapResponse } from '../../../../src/protocols/imap/responses.ts';
import type { SearchKey } from '../../../../src/protocols/imap/search.ts';
import type { SequenceRange } from '../../../../src/protocols/imap/sequenceSet.ts';

// Any chars up to U+02FF: octets, and some beyond, which formatting must send as UTF-8.
export const wide = fc.string({
  unit: fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});
export const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 80,
});

// Pieces of IMAP syntax, so that random commands often get past the tag and verb and into the arguments.
const piece = fc.oneof(
  fc.constantFrom(
    'a1',
    'UID',
    'FETCH',
    'STORE',
    'SEARCH',
    'COPY',
    'MOVE',
    'EXPUNGE',
    'LOGIN',
    'SELECT',
    'LIST',
    'LSUB',
    'STATUS',
    'APPEND',
    'AUTHENTICATE',
    'RENAME',
    'NOOP',
    'IDLE',
    'CAPABILITY',
    'inbox',
    '1:*',
    '*',
    '2,4:7',
    '0',
    '(',
    ')',
    '[',
    ']',
    '<0.10>',
    'FLAGS',
    '+FLAGS.SILENT',
    '-FLAGS',
    '\\Seen',
    '\\deleted',
    '$Junk',
    'ALL',
    'FAST',
    'FULL',
    'BODY',
    'BODY.PEEK',
    'BODY[]',
    'BODY[1.2.MIME]',
    'BODY[HEADER.FIELDS (DATE FROM)]',
    'BODYSTRUCTURE',
    'ENVELOPE',
    'RFC822.SIZE',
    'OR',
    'NOT',
    'SINCE',
    '1-Feb-1994',
    'LARGER',
    '10',
    'HEADER',
    'CHARSET',
    'UTF-8',
    '"x y"',
    '"a\\"b"',
    '""',
    '"',
    '{3}\r\nabc',
    '{0}\r\n',
    '{5}',
    'NIL',
    '(MESSAGES UNSEEN)',
    '"17-Jul-1996 02:44:25 -0700"',
    '%',
    'Work/%',
    '&vBvHQNO4ycDVaA-',
  ),
  printable,
);
export const commandText = fc
  .tuple(fc.constantFrom('a1', 'A002', 'x.y', '*', '+'), fc.array(piece, { maxLength: 8 }))
  .map(([tag, pieces]) => [tag, ...pieces].join(' '));

const responsePiece = fc.oneof(
  fc.constantFrom(
    '*',
    '+',
    'a1',
    'OK',
    'NO',
    'BAD',
    'BYE',
    'PREAUTH',
    '[READ-WRITE]',
    '[UIDVALIDITY 3]',
    '[COPYUID 1 1:2 3:4]',
    '[PERMANENTFLAGS (\\Seen \\*)]',
    '[APPENDUID 1 2]',
    'CAPABILITY',
    'IMAP4rev1',
    'FLAGS',
    '(\\Seen)',
    'LIST',
    '"/"',
    'NIL',
    'INBOX',
    'STATUS',
    '(MESSAGES 1)',
    'SEARCH',
    '3',
    'EXISTS',
    'FETCH',
    '(UID 4)',
    '(FLAGS ())',
    '(BODY[HEADER] {2}\r\nab)',
    '(BODY ("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1))',
    'RFC822.SIZE',
    '((NIL NIL "a" "b"))',
  ),
  printable,
);
export const responseText = fc
  .array(responsePiece, { minLength: 1, maxLength: 8 })
  .map((pieces) => pieces.join(' '));

// Well-formed commands of every kind, built as structures, so that round trips reach deep into the grammar.
const octets = fc.string({
  unit: fc.integer({ min: 1, max: 255 }).map((c) => String.fromCharCode(c)),
  maxLength: 20,
});
const atom = fc.stringMatching(/^[A-Za-z0-9$#&'+,./:;<=>?@^_`|}~!-]{1,10}$/);
const mailbox = fc
  .oneof(octets, fc.constant('INBOX'))
  .filter((name) => name === 'INBOX' || name.toUpperCase() !== 'INBOX');
const flag = fc.oneof(
  fc.constantFrom('\\Seen', '\\Answered', '\\Flagged', '\\Deleted', '\\Draft', '\\X-Ext'),
  atom,
);
const nz = fc.integer({ min: 1, max: 4_294_967_295 });
const seqNumber = fc.oneof(nz, fc.constant('*' as const));
const sequenceSet = fc.array(
  fc.oneof(
    seqNumber.map((n): SequenceRange => ({ start: n, end: n })),
    fc.record({ start: seqNumber, end: seqNumber }),
  ),
  { minLength: 1, maxLength: 4 },
);
const date = fc.record({
  year: fc.integer({ min: 1900, max: 2100 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
});
const { key: searchKey } = fc.letrec<{ key: SearchKey }>((tie) => ({
  key: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .constantFrom(
        'ALL',
        'ANSWERED',
        'DELETED',
        'DRAFT',
        'FLAGGED',
        'NEW',
        'OLD',
        'RECENT',
        'SEEN',
        'UNANSWERED',
        'UNDELETED',
        'UNDRAFT',
        'UNFLAGGED',
        'UNSEEN',
      )
      .map((key): SearchKey => ({ key })),
    fc.record({ key: fc.constantFrom('BCC', 'BODY', 'CC', 'FROM', 'SUBJECT', 'TEXT', 'TO'), value: octets }),
    fc.record({ key: fc.constantFrom('KEYWORD', 'UNKEYWORD'), flag: atom }),
    fc.record({ key: fc.constantFrom('BEFORE', 'ON', 'SINCE', 'SENTBEFORE', 'SENTON', 'SENTSINCE'), date }),
    fc.record({ key: fc.constantFrom('LARGER', 'SMALLER'), size: fc.nat() }),
    fc.record({ key: fc.constant('HEADER' as const), field: octets, value: octets }),
    fc.record({ key: fc.constantFrom('UID' as const, 'sequence' as const), set: sequenceSet }),
    fc.record({ key: fc.constant('NOT' as const), operand: tie('key') }),
    fc.record({ key: fc.constant('OR' as const), left: tie('key'), right: tie('key') }),
    fc.record({
      key: fc.constant('group' as const),
      keys: fc.array(tie('key'), { minLength: 1, maxLength: 3 }),
    }),
  ),
}));
const sectionText = fc.oneof(
  fc.constant(null),
  fc.constantFrom('HEADER' as const, 'TEXT' as const).map((kind): SectionText => ({ kind })),
  fc.record({
    kind: fc.constantFrom('HEADER.FIELDS' as const, 'HEADER.FIELDS.NOT' as const),
    fields: fc.array(octets, { minLength: 1, maxLength: 3 }),
  }),
);
const fetchAttribute: fc.Arbitrary<FetchAttribute> = fc.oneof(
  fc
    .constantFrom(
      'ENVELOPE',
      'FLAGS',
      'INTERNALDATE',
      'RFC822',
      'RFC822.HEADER',
      'RFC822.SIZE',
      'RFC822.TEXT',
      'BODY',
      'BODYSTRUCTURE',
      'UID',
    )
    .map((kind): FetchAttribute => ({ kind })),
  fc
    .record({
      peek: fc.boolean(),
      part: fc.array(fc.integer({ min: 1, max: 99 }), { maxLength: 3 }),
      text: sectionText,
      mime: fc.boolean(),
      partial: fc.option(
        fc.record({ origin: fc.nat({ max: 10_000 }), count: fc.integer({ min: 1, max: 10_000 }) }),
      ),
    })
    .map(({ peek, part, text, mime, partial }): FetchAttribute => ({
      kind: 'section',
      peek,
      section: { part, text: mime && part.length > 0 ? { kind: 'MIME' } : text },
      partial,
    })),
);
const uid = fc.boolean();
const commandBody: fc.Arbitrary<ImapCommandBody> = fc.oneof(
  fc
    .constantFrom('CAPABILITY', 'NOOP', 'LOGOUT', 'STARTTLS', 'CHECK', 'CLOSE', 'IDLE')
    .map((name): ImapCommandBody => ({ name })),
  fc.record({ name: fc.constant('LOGIN' as const), userid: octets, password: octets }),
  fc.record({
    name: fc.constant('AUTHENTICATE' as const),
    mechanism: fc.constantFrom('PLAIN', 'LOGIN', 'X-OAUTH2'),
    initialResponse: fc.option(fc.base64String({ minLength: 4, maxLength: 12 })),
  }),
  fc.record({
    name: fc.constantFrom('SELECT', 'EXAMINE', 'CREATE', 'DELETE', 'SUBSCRIBE', 'UNSUBSCRIBE'),
    mailbox,
  }),
  fc.record({ name: fc.constant('RENAME' as const), from: mailbox, to: mailbox }),
  fc.record({ name: fc.constantFrom('LIST', 'LSUB'), reference: mailbox, pattern: octets }),
  fc.record({
    name: fc.constant('STATUS' as const),
    mailbox,
    items: fc.array(fc.constantFrom('MESSAGES', 'RECENT', 'UIDNEXT', 'UIDVALIDITY', 'UNSEEN'), {
      minLength: 1,
      maxLength: 5,
    }),
  }),
  fc.record({
    name: fc.constant('APPEND' as const),
    mailbox,
    flags: fc.array(flag, { maxLength: 3 }),
    date: fc.option(
      fc.record({
        ms: fc.integer({ min: 0, max: 4_000_000_000 }).map((s) => s * 1000),
        zoneMinutes: fc.integer({ min: -720, max: 840 }),
      }),
    ),
    message: octets,
  }),
  fc.constant({ name: 'EXPUNGE' as const, uid: false as const }),
  fc.record({ name: fc.constant('EXPUNGE' as const), uid: fc.constant(true as const), set: sequenceSet }),
  fc.record({
    name: fc.constant('SEARCH' as const),
    uid,
    charset: fc.option(atom),
    keys: fc.array(searchKey, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    name: fc.constant('FETCH' as const),
    uid,
    set: sequenceSet,
    items: fc.array(fetchAttribute, { minLength: 1, maxLength: 4 }),
    macro: fc.constant(null),
  }),
  fc
    .record({
      name: fc.constant('FETCH' as const),
      uid,
      set: sequenceSet,
      macro: fc.constantFrom('ALL' as const, 'FAST' as const, 'FULL' as const),
    })
    .map((fetch) => ({
      ...fetch,
      items: MACRO_ITEMS[fetch.macro].map((kind): FetchAttribute => ({ kind })),
    })),
  fc.record({
    name: fc.constant('STORE' as const),
    uid,
    set: sequenceSet,
    operation: fc.constantFrom('replace' as const, 'add' as const, 'remove' as const),
    silent: fc.boolean(),
    flags: fc.array(flag, { maxLength: 3 }),
  }),
  fc.record({ name: fc.constantFrom('COPY' as const, 'MOVE' as const), uid, set: sequenceSet, mailbox }),
);
export const command = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9.]{1,6}$/), commandBody)
  .map(([tag, body]) => ({ tag, ...body }));

// Well-formed responses, with the codes and FETCH items a server writes.
const text = fc
  .stringMatching(/^[\x20-\x5a\x5e-\x7e]{1,20}$/)
  .filter((t) => !t.startsWith('[') && t.trim() === t);
const responseCode: fc.Arbitrary<ResponseCode> = fc.oneof(
  fc
    .constantFrom('ALERT', 'PARSE', 'READ-ONLY', 'READ-WRITE', 'TRYCREATE', 'UIDNOTSTICKY', 'TOOBIG')
    .map((code): ResponseCode => ({ code })),
  fc.record({ code: fc.constantFrom('UIDVALIDITY', 'UIDNEXT', 'UNSEEN'), value: nz }),
  fc.record({
    code: fc.constant('PERMANENTFLAGS' as const),
    flags: fc.array(fc.oneof(flag, fc.constant('\\*')), { maxLength: 3 }),
  }),
  fc.record({ code: fc.constant('APPENDUID' as const), uidValidity: nz, uid: nz }),
  fc.record({
    code: fc.constant('COPYUID' as const),
    uidValidity: nz,
    source: sequenceSet,
    destination: sequenceSet,
  }),
);
export const response: fc.Arbitrary<ImapResponse> = fc.oneof(
  fc.record({
    kind: fc.constant('tagged' as const),
    tag: fc.stringMatching(/^[A-Za-z0-9]{1,5}$/),
    status: fc.constantFrom('OK' as const, 'NO' as const, 'BAD' as const),
    code: fc.option(responseCode),
    text,
  }),
  fc.record({
    kind: fc.constant('untagged' as const),
    status: fc.constantFrom('OK' as const, 'BYE' as const, 'PREAUTH' as const),
    code: fc.option(responseCode),
    text,
  }),
  fc.record({
    kind: fc.constantFrom('list' as const, 'lsub' as const),
    attributes: fc.array(flag, { maxLength: 2 }),
    delimiter: fc.option(fc.constantFrom('/', '.', '"', '\\')),
    mailbox,
  }),
  fc.record({ kind: fc.constant('search' as const), numbers: fc.array(nz, { maxLength: 5 }) }),
  fc.record({
    kind: fc.constant('fetch' as const),
    seq: nz,
    items: fc.array(
      fc.oneof(
        fc.record({ item: fc.constant('FLAGS' as const), flags: fc.array(flag, { maxLength: 3 }) }),
        fc.record({ item: fc.constant('UID' as const), uid: nz }),
        fc.record({ item: fc.constant('RFC822.SIZE' as const), size: fc.nat() }),
        fc.record({
          item: fc.constantFrom('RFC822' as const, 'RFC822.TEXT' as const),
          data: fc.option(octets),
        }),
        fc.record({
          item: fc.constant('section' as const),
          section: fc.record({
            part: fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 2 }),
            text: sectionText,
          }),
          origin: fc.option(fc.nat()),
          data: fc.option(octets),
        }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  }),
);
