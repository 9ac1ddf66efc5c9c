import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMessage, toCrlfText } from '../../src/protocols/message/buildMessage.ts';
import { needsEncodedWords } from '../../src/protocols/message/encodedWords.ts';
import { type MessagePart, parseMessage } from '../../src/protocols/message/parseMessage.ts';
import { isAscii } from '../../src/protocols/shared/octets.ts';

const unicode = fc.string({ unit: 'binary', maxLength: 120 });
const korean = fc.string({
  unit: fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});
const text = fc.oneof(unicode, korean, fc.string({ maxLength: 200 }));
const octets = fc
  .array(fc.integer({ min: 0, max: 255 }), { maxLength: 400 })
  .map((codes) => String.fromCharCode(...codes));
// Filenames holding "=?" are left out: readers decode encoded words in filenames, as mailers expect.
const filename = text.filter((name) => !name.includes('=?'));
const attachment = fc.record({
  filename,
  contentType: fc.constantFrom('application/octet-stream', 'image/png', 'text/plain'),
  content: octets,
});

// Fragments of MIME syntax, so that random input reaches the multipart and encoding paths.
const fragment = fc.oneof(
  fc.constantFrom(
    'Content-Type: multipart/mixed; boundary=b\r\n',
    'Content-Type: message/rfc822\r\n',
    "Content-Type: text/plain; charset*=utf-8''%ZZ\r\n",
    'Content-Transfer-Encoding: base64\r\n',
    'Content-Transfer-Encoding: quoted-printable\r\n',
    'Subject: =?UTF-8?B?67Cl?= =?x?Q?=?=\r\n',
    'To: "a, <b> (c\r\n',
    '--b\r\n',
    '--b--\r\n',
    '\r\n',
    '\n',
    '\r',
    ' ',
    ':',
    '=',
  ),
  octets,
);
const garbage = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));

function checkOffsets(part: MessagePart, length: number): void {
  expect(0 <= part.start && part.start <= part.headerEnd).toBe(true);
  expect(part.headerEnd <= part.bodyStart && part.bodyStart <= part.bodyEnd && part.bodyEnd <= length).toBe(
    true,
  );
  for (const child of part.children) {
    expect(child.start >= part.bodyStart && child.end <= part.bodyEnd).toBe(true);
    checkOffsets(child, length);
  }
}

describe('message properties', () => {
  it('random Unicode subject, body and attachments survive build then parse', () => {
    fc.assert(
      fc.property(
        text,
        text,
        fc.option(text, { nil: undefined }),
        fc.array(attachment, { maxLength: 3 }),
        (subject, body, html, attachments) => {
          const built = buildMessage({
            from: { name: subject, address: 'alice@crepes.fr' },
            to: ['bob@hamburger.edu'],
            subject,
            date: 0,
            messageId: 'p@crepes.fr',
            text: body,
            ...(html === undefined ? {} : { html }),
            attachments,
          });
          expect(isAscii(built.octets)).toBe(true);
          const parsed = parseMessage(built.octets);
          expect(parsed.problems).toEqual([]);
          expect(parsed.subject).toBe(
            needsEncodedWords(subject) ? subject : subject.replace(/^[ \t]+|[ \t]+$/g, ''),
          );
          const name = subject.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
          expect(parsed.from).toEqual([
            name === '' ? { address: 'alice@crepes.fr' } : { name, address: 'alice@crepes.fr' },
          ]);
          expect(parsed.text).toBe(toCrlfText(body));
          expect(
            parsed.attachments.map((part) => [
              part.filename,
              part.decoded.kind === 'multipart' || part.decoded.kind === 'message'
                ? null
                : part.decoded.octets,
            ]),
          ).toEqual(attachments.map((a) => [a.filename, a.content]));
        },
      ),
    );
  });

  it('encoded header lines never exceed 76 chars and no line exceeds 998', () => {
    fc.assert(
      fc.property(text, (subject) => {
        const { octets } = buildMessage({
          from: 'a@b.c',
          to: ['d@e.f'],
          subject,
          date: 0,
          messageId: 'x@y',
          text: '',
        });
        for (const line of octets.split('\r\n')) {
          expect(line.length).toBeLessThanOrEqual(line.includes('=?') ? 76 : 998);
        }
      }),
    );
  });

  it('parseMessage never throws on arbitrary octets and its offsets stay in bounds', () => {
    fc.assert(
      fc.property(fc.oneof(octets, garbage), (raw) => {
        const parsed = parseMessage(raw);
        checkOffsets(parsed.root, raw.length);
        expect(parsed.root.end).toBe(raw.length);
      }),
      { numRuns: 500 },
    );
  });
});
