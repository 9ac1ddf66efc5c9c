// Attachments round-trip: what a person attaches in the compose form (text, or the bytes of any file as Base64)
// reaches Bob's mailbox byte for byte under its own name, Korean names included (RFC 2231), and a scenario or a
// link that carries an attachment the user agent could not send is refused when it is read, naming the field.
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../../src/protocols/message/base64.ts';
import { parseMessage } from '../../../src/protocols/message/parseMessage.ts';
import { bytesToOctets, utf8ToOctets } from '../../../src/protocols/shared/octets.ts';
import type { DraftAttachment } from '../../../src/sim/input.ts';
import { parseTimedInputs } from '../../../src/sim/scenario.ts';
import { Session } from '../../../src/sim/session.ts';
import { at, scenario } from './mailWorld.ts';

// Every byte value once, then a PNG's signature: what a photo's first bytes look like, far from UTF-8.
const ALL_BYTES = bytesToOctets(new Uint8Array([...Array(256).keys(), 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]));

const ATTACHMENTS: readonly DraftAttachment[] = [
  { filename: '점심 메뉴.txt', text: '크레이프\nketchup\npickles\n' },
  { filename: 'menu.csv', contentType: 'text/csv; charset=UTF-8', text: 'dish,price\n비빔밥,9000\n' },
  { filename: '사진.png', contentType: 'image/png', base64: encodeBase64(ALL_BYTES) },
  {
    filename: 'report "final".pdf',
    contentType: 'application/pdf',
    base64: encodeBase64('%PDF-1.4\n\u00e2\u00e3'),
  },
  { filename: 'ñandú — 메모.bin', base64: encodeBase64('\u0000\u00ff\u0000') },
];

function deliveredAttachments(attachments: readonly DraftAttachment[]) {
  const world = scenario('textbook');
  const session = new Session({
    ...world,
    inputs: [
      at(1000, {
        type: 'mail.send',
        host: 'alice-pc',
        to: ['bob@hamburger.edu'],
        subject: '첨부',
        body: 'See attached.',
        attachments: [...attachments],
      }),
    ],
  });
  session.runUntilQuiet(10 * 60_000);
  const stored = session.events.find((e) => e.kind === 'mailbox.stored' && e.user === 'bob');
  if (stored?.kind !== 'mailbox.stored') throw new Error('nothing reached Bob');
  return parseMessage(stored.raw).attachments;
}

describe('an attachment sent from the compose form', () => {
  const received = deliveredAttachments(ATTACHMENTS);

  it('arrives under its own name, in order, Korean and quoted names included', () => {
    expect(received.map((a) => a.filename)).toEqual(ATTACHMENTS.map((a) => a.filename));
  });

  it.each(ATTACHMENTS.map((a, i) => [a.filename, a, i] as const))(
    'arrives byte for byte: %s',
    (_name, sent, i) => {
      const part = received[i]!;
      const octets =
        part.decoded.kind === 'multipart' || part.decoded.kind === 'message' ? null : part.decoded.octets;
      expect(octets).toBe(sent.base64 === undefined ? utf8ToOctets(sent.text) : atobOctets(sent.base64));
    },
  );

  it('keeps its media type, application/octet-stream when none was given', () => {
    expect(received.map((a) => `${a.contentType.type}/${a.contentType.subtype}`)).toEqual([
      'text/plain',
      'text/csv',
      'image/png',
      'application/pdf',
      'application/octet-stream',
    ]);
  });
});

describe('an attachment in a link or scenario', () => {
  const textbook = scenario('textbook');
  const send = (attachment: unknown) => [
    {
      at: 0,
      input: { type: 'mail.send', host: 'alice-pc', to: ['bob@hamburger.edu'], attachments: [attachment] },
    },
  ];

  it('is read with its bytes as Base64', () => {
    const read = parseTimedInputs(
      send({ filename: 'a.png', contentType: 'image/png', base64: 'iVBORw==' }),
      textbook,
    );
    expect(read.ok).toBe(true);
  });

  it('is refused, naming the field, when its Base64 is not Base64', () => {
    const read = parseTimedInputs(send({ filename: 'a.png', base64: 'not base64!' }), textbook);
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.issues.map((i) => i.path)).toEqual(['inputs[0].input.attachments[0].base64']);
  });

  it('is refused when its media type could not be written in a Content-Type field', () => {
    const read = parseTimedInputs(
      send({ filename: 'a.txt', contentType: 'text plain', text: 'hi' }),
      textbook,
    );
    expect(read.ok).toBe(false);
  });

  it('is refused when it has both text and Base64, or neither', () => {
    expect(parseTimedInputs(send({ filename: 'a', text: 'x', base64: 'eA==' }), textbook).ok).toBe(false);
    expect(parseTimedInputs(send({ filename: 'a' }), textbook).ok).toBe(false);
  });
});

function atobOctets(base64: string): string {
  return Buffer.from(base64, 'base64').toString('latin1');
}
