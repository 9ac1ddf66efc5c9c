// ENVELOPE and BODYSTRUCTURE built from parsed messages, compared with the shapes RFC 3501 §7.4.2 and §8
// show, and read back by the client's parser.
import { describe, expect, it } from 'vitest';
import { bodyStructureOf, formatBodyStructure } from '../../../../src/protocols/imap/bodyStructure.ts';
import { bodyStructureFromValue } from '../../../../src/protocols/imap/bodyStructureValue.ts';
import { envelopeFromValue, envelopeOf, formatEnvelope } from '../../../../src/protocols/imap/envelope.ts';
import { envelopeAddresses } from '../../../../src/protocols/imap/envelopeAddresses.ts';
import { type ImapValue, Scanner } from '../../../../src/protocols/imap/lexer.ts';
import { encodeBase64Lines } from '../../../../src/protocols/message/base64.ts';
import { parseMessage } from '../../../../src/protocols/message/parseMessage.ts';

const crlf = (lines: readonly string[]) => lines.join('\r\n');

function value(text: string): ImapValue {
  return new Scanner(text).value();
}

const SAMPLE_HEADER = [
  'Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)',
  'From: Terry Gray <gray@cac.washington.edu>',
  'Subject: IMAP4rev1 WG mtg summary and minutes',
  'To: imap@cac.washington.edu',
  'cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>',
  'Message-Id: <B27397-0100000@cac.washington.edu>',
  'MIME-Version: 1.0',
  'Content-Type: TEXT/PLAIN; CHARSET=US-ASCII',
];

describe('ENVELOPE', () => {
  it('is the envelope of the RFC 3501 §8 sample, Sender and Reply-To taken from From', () => {
    const message = crlf([...SAMPLE_HEADER, '', 'minutes', '']);
    expect(formatEnvelope(envelopeOf(parseMessage(message).root.headers))).toBe(
      '("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)" "IMAP4rev1 WG mtg summary and minutes" ' +
        '(("Terry Gray" NIL "gray" "cac.washington.edu")) (("Terry Gray" NIL "gray" "cac.washington.edu")) ' +
        '(("Terry Gray" NIL "gray" "cac.washington.edu")) ((NIL NIL "imap" "cac.washington.edu")) ' +
        '((NIL NIL "minutes" "CNRI.Reston.VA.US")("John Klensin" NIL "KLENSIN" "MIT.EDU")) NIL NIL ' +
        '"<B27397-0100000@cac.washington.edu>")',
    );
  });

  it('marks groups, keeps source routes and encoded words, and removes quoting', () => {
    expect(
      envelopeAddresses(
        '"Kim, C." <@relay.kr:kim@x.kr>, team: a@b.c, =?UTF-8?B?7ZmN?= <hong@d.e>;, undisclosed:;',
      ),
    ).toEqual([
      { name: 'Kim, C.', adl: '@relay.kr', mailbox: 'kim', host: 'x.kr' },
      { name: null, adl: null, mailbox: 'team', host: null },
      { name: null, adl: null, mailbox: 'a', host: 'b.c' },
      { name: '=?UTF-8?B?7ZmN?=', adl: null, mailbox: 'hong', host: 'd.e' },
      { name: null, adl: null, mailbox: null, host: null },
      { name: null, adl: null, mailbox: 'undisclosed', host: null },
      { name: null, adl: null, mailbox: null, host: null },
    ]);
    expect(envelopeAddresses('  ')).toBeNull();
  });

  it('reads back from a response into the same envelope', () => {
    const envelope = envelopeOf(
      parseMessage(crlf([...SAMPLE_HEADER, 'Bcc: "q\\"t" <q@t>', '', ''])).root.headers,
    );
    expect(envelopeFromValue(value(formatEnvelope(envelope)))).toEqual({ ok: true, envelope });
    expect(envelopeFromValue(value('(NIL NIL)'))).toEqual({
      ok: false,
      message: 'an ENVELOPE is a list of 10 members',
    });
  });
});

// A text part of 23 lines and 1152 octets, as in the RFC 3501 §7.4.2 example, and a BASE64 attachment.
const TEXT_LINES = Array.from({ length: 23 }, (_, i) =>
  i === 22 ? 'x'.repeat(1152 - 22 * 50) : 'y'.repeat(48),
);
const ATTACHMENT = encodeBase64Lines('diff --git a/cc.c b/cc.c\n'.repeat(40));
const MULTIPART = crlf([
  'From: Terry Gray <gray@cac.washington.edu>',
  'Subject: diffs',
  'MIME-Version: 1.0',
  'Content-Type: MULTIPART/MIXED; BOUNDARY="b1"',
  '',
  '--b1',
  'Content-Type: TEXT/PLAIN; CHARSET=US-ASCII',
  '',
  ...TEXT_LINES,
  '--b1',
  'Content-Type: TEXT/PLAIN; CHARSET=US-ASCII; NAME=cc.diff',
  'Content-ID: <960723163407.20117h@cac.washington.edu>',
  'Content-Description: Compiler diff',
  'Content-Transfer-Encoding: BASE64',
  'Content-Disposition: attachment; filename="cc.diff"',
  '',
  ...ATTACHMENT,
  '--b1--',
  '',
]);

describe('BODYSTRUCTURE', () => {
  const structure = bodyStructureOf(MULTIPART, parseMessage(MULTIPART).root);
  const attachmentOctets = ATTACHMENT.join('\r\n').length;

  it('has the non-extensible shape of RFC 3501 §7.4.2 for a text part and a BASE64 attachment', () => {
    expect(formatBodyStructure(structure, false)).toBe(
      '(("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 1152 23)' +
        '("TEXT" "PLAIN" ("CHARSET" "US-ASCII" "NAME" "cc.diff") "<960723163407.20117h@cac.washington.edu>" ' +
        `"Compiler diff" "BASE64" ${attachmentOctets} ${ATTACHMENT.length}) "MIXED")`,
    );
  });

  it('adds the extension data in the order of §7.4.2: MD5, disposition, language, location', () => {
    expect(formatBodyStructure(structure, true)).toBe(
      '(("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 1152 23 NIL NIL NIL NIL)' +
        '("TEXT" "PLAIN" ("CHARSET" "US-ASCII" "NAME" "cc.diff") "<960723163407.20117h@cac.washington.edu>" ' +
        `"Compiler diff" "BASE64" ${attachmentOctets} ${ATTACHMENT.length} NIL ("ATTACHMENT" ("FILENAME" "cc.diff")) NIL NIL)` +
        ' "MIXED" ("BOUNDARY" "b1") NIL NIL NIL)',
    );
  });

  it('describes a part without Content-Type as US-ASCII text, like the §7.4.2 example', () => {
    const message = crlf(['Subject: plain', '', ...Array.from({ length: 48 }, () => 'z'.repeat(46)), '']);
    expect(formatBodyStructure(bodyStructureOf(message, parseMessage(message).root), false)).toBe(
      '("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 2304 48)',
    );
  });

  it('describes an enclosed message with its envelope, structure and lines', () => {
    const inner = crlf(['Subject: inner', 'From: a@b.c', '', 'hi', '']);
    const message = crlf(['Content-Type: message/rfc822', 'Content-Language: en, ko', '', inner]);
    const body = bodyStructureOf(message, parseMessage(message).root);
    expect(formatBodyStructure(body, true)).toBe(
      '("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 35 ' +
        '(NIL "inner" ((NIL NIL "a" "b.c")) ((NIL NIL "a" "b.c")) ((NIL NIL "a" "b.c")) NIL NIL NIL NIL NIL) ' +
        '("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 4 1 NIL NIL NIL NIL) 4 NIL NIL ("en" "ko") NIL)',
    );
  });

  it('gives a multipart without any part one empty text part, as body-type-mpart needs one', () => {
    const message = crlf(['Content-Type: multipart/mixed; boundary=q', '', 'no delimiters here', '']);
    expect(formatBodyStructure(bodyStructureOf(message, parseMessage(message).root), false)).toBe(
      '(("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 0 0) "MIXED")',
    );
  });

  it('reads an encoded message/rfc822 from its decoded octets, and a digest part as a message', () => {
    const inner = crlf(['Subject: x', '', 'y', '']);
    const encoded = crlf([
      'Content-Type: message/rfc822',
      'Content-Transfer-Encoding: base64',
      '',
      ...encodeBase64Lines(inner),
    ]);
    expect(bodyStructureOf(encoded, parseMessage(encoded).root)).toMatchObject({
      kind: 'message',
      fields: { encoding: 'BASE64', params: [] },
      envelope: { subject: 'x' },
      body: { kind: 'text', fields: { octets: 3 }, lines: 1 },
    });
    const digest = crlf(['Content-Type: multipart/digest; boundary=d', '', '--d', '', inner, '--d--', '']);
    expect(bodyStructureOf(digest, parseMessage(digest).root)).toMatchObject({
      kind: 'multipart',
      subtype: 'DIGEST',
      parts: [{ kind: 'message', fields: { params: [] }, envelope: { subject: 'x' } }],
    });
  });

  it('reads back from a response into the same structure, with or without extension data', () => {
    const inner = crlf(['Subject: inner', '', 'hi', '']);
    const nested = crlf([
      'Content-Type: multipart/alternative; boundary=z',
      '',
      '--z',
      'Content-Type: message/rfc822',
      '',
      inner,
      '--z--',
      '',
    ]);
    for (const raw of [MULTIPART, nested]) {
      const body = bodyStructureOf(raw, parseMessage(raw).root);
      expect(bodyStructureFromValue(value(formatBodyStructure(body, true)))).toEqual({
        ok: true,
        value: body,
      });
      const bare = bodyStructureFromValue(value(formatBodyStructure(body, false)));
      expect(bare.ok && formatBodyStructure(bare.value, false)).toBe(formatBodyStructure(body, false));
    }
  });

  it('refuses a value that is not a body structure, saying why', () => {
    expect(bodyStructureFromValue(value('("TEXT" "PLAIN" NIL NIL NIL "7BIT" many 1)'))).toMatchObject({
      ok: false,
      message: 'the body size should be a number',
    });
    expect(bodyStructureFromValue(value('(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1))'))).toMatchObject({
      message: 'a multipart body structure should name its subtype after its parts',
    });
  });
});
