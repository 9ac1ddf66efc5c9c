import { describe, expect, it } from 'vitest';
import { buildMessage, type MessageSpec } from '../../../../src/protocols/message/buildMessage.ts';
import { findField } from '../../../../src/protocols/message/headers.ts';
import { type MessagePart, parseMessage } from '../../../../src/protocols/message/parseMessage.ts';
import { utf8ToOctets } from '../../../../src/protocols/shared/octets.ts';

const ALL_OCTETS = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
const SUBJECT = '안녕하세요, 밥! 케첩 좋아해요?';

const spec: MessageSpec = {
  from: { name: '앨리스', address: 'alice@crepes.fr' },
  to: [{ name: 'Bob Smith', address: 'bob@hamburger.edu' }],
  cc: ['carol@x.org'],
  subject: SUBJECT,
  date: Date.UTC(2024, 4, 5, 6, 7, 8),
  messageId: 'id-1@crepes.fr',
  text: '밥에게,\n케첩 좋아해요?\n.\n',
  html: '<p>밥에게</p>',
  attachments: [
    { filename: '모든 바이트.bin', contentType: 'application/octet-stream', content: ALL_OCTETS },
    { filename: 'notes.txt', contentType: 'text/plain', content: 'plain notes\r\n' },
  ],
};

function shape(part: MessagePart): unknown {
  return { type: `${part.contentType.type}/${part.contentType.subtype}`, children: part.children.map(shape) };
}

describe('parseMessage of a built message', () => {
  const built = buildMessage(spec);
  const parsed = parseMessage(built.octets);

  it('finds no problems', () => {
    expect(parsed.problems).toEqual([]);
  });

  it('gives the same structure that was built', () => {
    expect(shape(parsed.root)).toEqual({
      type: 'multipart/mixed',
      children: [
        {
          type: 'multipart/alternative',
          children: [
            { type: 'text/plain', children: [] },
            { type: 'text/html', children: [] },
          ],
        },
        { type: 'application/octet-stream', children: [] },
        { type: 'text/plain', children: [] },
      ],
    });
  });

  it('decodes the Korean subject, names and body', () => {
    expect(parsed.subject).toBe(SUBJECT);
    expect(parsed.from).toEqual([{ name: '앨리스', address: 'alice@crepes.fr' }]);
    expect(parsed.to).toEqual([{ name: 'Bob Smith', address: 'bob@hamburger.edu' }]);
    expect(parsed.cc).toEqual([{ address: 'carol@x.org' }]);
    expect(parsed.text).toBe('밥에게,\r\n케첩 좋아해요?\r\n.\r\n');
    expect(parsed.messageId).toBe('<id-1@crepes.fr>');
    expect(parsed.date).toBe(spec.date);
  });

  it('returns an attachment of all 256 byte values byte for byte', () => {
    const [binary, notes] = parsed.attachments;
    expect(binary?.filename).toBe('모든 바이트.bin');
    expect(binary?.decoded).toEqual({ kind: 'binary', octets: ALL_OCTETS });
    expect(notes?.filename).toBe('notes.txt');
    expect(notes?.decoded).toMatchObject({
      kind: 'text',
      text: 'plain notes\r\n',
      octets: 'plain notes\r\n',
    });
  });

  it('gives offsets that point at the right octets', () => {
    const raw = built.octets;
    const visit = (part: MessagePart): void => {
      expect(raw.slice(part.headerStart, part.headerEnd)).toBe(
        part.headers.map((field) => field.raw).join(''),
      );
      for (const field of part.headers) expect(raw.slice(field.start, field.end)).toBe(field.raw);
      expect(raw.slice(part.headerEnd, part.bodyStart)).toBe('\r\n');
      part.children.forEach(visit);
    };
    visit(parsed.root);
    const html = parsed.root.children[0]?.children[1];
    expect(raw.slice(html?.bodyStart, html?.bodyEnd)).toBe('PHA+67Cl7JeQ6rKMPC9wPg0K\r\n');
    expect(raw.slice(parsed.root.start, parsed.root.end)).toBe(raw);
  });

  it('never writes Bcc, even when given', () => {
    const withBcc = parseMessage(buildMessage({ ...spec, bcc: ['secret@spy.example'] }).octets);
    expect(findField(withBcc.root.headers, 'bcc')).toBeUndefined();
  });
});

describe('parseMessage of received mail', () => {
  it('lists Received fields top to bottom', () => {
    const raw =
      'Received: from crepes.fr by hamburger.edu;\r\n Tue, 2 Jan 2024 03:05:00 +0000\r\n' +
      'Received: from ua.crepes.fr by crepes.fr; Tue, 2 Jan 2024 03:04:30 +0000\r\n' +
      'Subject: hi\r\n\r\nbody\r\n';
    expect(parseMessage(raw).received).toEqual([
      'from crepes.fr by hamburger.edu; Tue, 2 Jan 2024 03:05:00 +0000',
      'from ua.crepes.fr by crepes.fr; Tue, 2 Jan 2024 03:04:30 +0000',
    ]);
  });

  it('reads a message without MIME fields as US-ASCII text', () => {
    const parsed = parseMessage('From: a@b.c\r\nSubject: old\r\n\r\nHello\r\n');
    expect(parsed.root.contentType).toEqual({
      type: 'text',
      subtype: 'plain',
      params: { charset: 'us-ascii' },
    });
    expect(parsed.text).toBe('Hello\r\n');
    expect(parsed.problems).toEqual([]);
  });

  it('reads raw UTF-8 in headers and an 8bit body', () => {
    const raw = utf8ToOctets(
      'Subject: 밥\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n케첩\r\n',
    );
    const parsed = parseMessage(raw);
    expect(parsed.subject).toBe('밥');
    expect(parsed.text).toBe('케첩\r\n');
  });

  it('reads a bounce with its delivery status and the returned message', () => {
    const raw = [
      'From: MAILER-DAEMON@crepes.fr',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      '',
      'Delivery failed.',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Final-Recipient: rfc822; bob@hamburger.edu',
      '--b',
      'Content-Type: message/rfc822',
      '',
      'Subject: original',
      '',
      'Original body',
      '--b--',
      '',
    ].join('\r\n');
    const parsed = parseMessage(raw);
    expect(parsed.problems).toEqual([]);
    const [notice, status, returned] = parsed.root.children;
    expect(notice?.decoded).toMatchObject({ kind: 'text', text: 'Delivery failed.' });
    expect(status?.decoded).toMatchObject({
      kind: 'text',
      text: 'Final-Recipient: rfc822; bob@hamburger.edu',
    });
    expect(returned?.decoded).toEqual({ kind: 'message' });
    expect(returned?.children[0]?.headers[0]?.value).toBe('original');
    expect(returned?.children[0]?.decoded).toMatchObject({ kind: 'text', text: 'Original body' });
    expect(parsed.text).toBe('Delivery failed.');
  });

  it('does not take the text of an enclosed message as its own', () => {
    const parsed = parseMessage('Content-Type: message/rfc822\r\n\r\nSubject: inner\r\n\r\ninner text');
    expect(parsed.text).toBeNull();
    expect(parsed.root.children[0]?.decoded).toMatchObject({ text: 'inner text' });
  });

  it('keeps preamble and epilogue and treats digest parts as messages', () => {
    const raw =
      'Content-Type: multipart/digest; boundary=d\r\n\r\npre\r\n--d\r\nSubject: one\r\n\r\n1\r\n--d--\r\npost\r\n';
    const { root } = parseMessage(raw);
    expect(root.decoded).toEqual({ kind: 'multipart', boundary: 'd', preamble: 'pre', epilogue: 'post\r\n' });
    expect(root.children[0]?.contentType.subtype).toBe('rfc822');
    expect(root.children[0]?.children[0]?.decoded).toMatchObject({ kind: 'text', text: '1' });
  });

  it('does not mistake a longer boundary-like line for a delimiter', () => {
    const raw = 'Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n--bx\r\n--b--\r\n';
    expect(parseMessage(raw).root.children[0]?.decoded).toMatchObject({ text: '--bx' });
  });
});

describe('parseMessage of malformed mail', () => {
  it('reports a missing closing delimiter and keeps the last part', () => {
    const parsed = parseMessage('Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nunfinished');
    expect(parsed.root.children).toHaveLength(1);
    expect(parsed.root.children[0]?.decoded).toMatchObject({ text: 'unfinished' });
    expect(parsed.problems.some((problem) => problem.includes('closing'))).toBe(true);
  });

  it('reports a multipart without a boundary and keeps its body', () => {
    const parsed = parseMessage('Content-Type: multipart/mixed\r\n\r\nstuff');
    expect(parsed.root.decoded).toEqual({ kind: 'binary', octets: 'stuff' });
    expect(parsed.problems).toHaveLength(1);
  });

  it('reports bad Base64, an unknown encoding and an unknown charset', () => {
    const raw = [
      'Content-Type: multipart/mixed; boundary=b',
      '',
      '--b',
      'Content-Transfer-Encoding: base64',
      '',
      'Zm9v!',
      '--b',
      'Content-Transfer-Encoding: x-uuencode',
      '',
      'x',
      '--b',
      'Content-Type: text/plain; charset=x-klingon',
      '',
      'y',
      '--b--',
    ].join('\r\n');
    const parsed = parseMessage(raw);
    expect(parsed.root.children[0]?.decoded).toMatchObject({ text: 'foo' });
    expect(parsed.problems).toHaveLength(3);
  });

  it('reads garbage as a best-effort body with problems, never throwing', () => {
    const parsed = parseMessage('\x00\xff garbage\nwith: \r\r\n--\r\n');
    expect(parsed.root.decoded.kind).toBe('text');
    expect(parsed.problems.length).toBeGreaterThan(0);
  });

  it('stops parsing nesting deeper than its limit', () => {
    const open = 'Content-Type: message/rfc822\r\n\r\n'.repeat(100);
    const parsed = parseMessage(open + 'Subject: deep\r\n\r\nx');
    expect(parsed.problems.some((problem) => problem.includes('nested deeper'))).toBe(true);
  });
});
