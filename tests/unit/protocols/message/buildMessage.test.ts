import { describe, expect, it } from 'vitest';
import {
  buildMessage,
  type MessageSpec,
  toCrlfText,
} from '../../../../src/protocols/message/buildMessage.ts';
import { parseHeaderBlock, unfold } from '../../../../src/protocols/message/headers.ts';
import { isAscii } from '../../../../src/protocols/shared/octets.ts';

const base: MessageSpec = {
  from: { name: 'Alice', address: 'alice@crepes.fr' },
  to: ['bob@hamburger.edu'],
  subject: 'Hello',
  date: Date.UTC(2024, 0, 2, 3, 4, 5),
  messageId: '1@crepes.fr',
  text: 'Hi Bob\nDo you like ketchup?\n',
};

function headerNames(octets: string): string[] {
  return parseHeaderBlock(octets).fields.map((field) => field.name);
}

describe('buildMessage', () => {
  it('writes a plain ASCII message as 7bit text with CRLF line ends', () => {
    const { octets } = buildMessage(base);
    expect(octets).toBe(
      'From: Alice <alice@crepes.fr>\r\nTo: bob@hamburger.edu\r\nSubject: Hello\r\n' +
        'Date: Tue, 02 Jan 2024 03:04:05 +0000\r\nMessage-ID: <1@crepes.fr>\r\nMIME-Version: 1.0\r\n' +
        'Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n' +
        'Hi Bob\r\nDo you like ketchup?\r\n',
    );
  });

  it('keeps Bcc out of the header but puts it in the envelope', () => {
    const built = buildMessage({ ...base, cc: ['carol@x.org'], bcc: ['secret@spy.example'] });
    expect(built.octets).not.toMatch(/^bcc:/im);
    expect(built.octets).not.toContain('secret@spy.example');
    expect(built.envelope).toEqual({
      from: 'alice@crepes.fr',
      recipients: ['bob@hamburger.edu', 'carol@x.org', 'secret@spy.example'],
    });
  });

  it('names an empty group when every recipient is blind', () => {
    const built = buildMessage({ ...base, to: [], bcc: ['secret@spy.example'] });
    expect(built.octets).toContain('To: undisclosed-recipients:;\r\n');
  });

  it('sends one RCPT per address however many fields name it', () => {
    const built = buildMessage({ ...base, cc: ['BOB@hamburger.edu'], bcc: ['bob@hamburger.edu'] });
    expect(built.envelope.recipients).toHaveLength(1);
  });

  it('stays 7-bit clean with a Korean subject, names and body', () => {
    const { octets } = buildMessage({
      ...base,
      from: { name: '앨리스', address: 'alice@crepes.fr' },
      subject: '안녕하세요, 밥! 케첩 좋아해요?',
      text: '밥에게, 케첩 좋아해요?',
    });
    expect(isAscii(octets)).toBe(true);
    expect(octets).toContain('Subject: =?UTF-8?B?');
    expect(octets).toContain('Content-Type: text/plain; charset=UTF-8\r\n');
  });

  it('folds a long subject within 78 chars and a Korean one within 76', () => {
    const ascii = buildMessage({ ...base, subject: 'word '.repeat(40).trim() }).octets;
    const korean = buildMessage({ ...base, subject: '안녕하세요, 밥! 케첩 좋아해요? '.repeat(5) }).octets;
    for (const [octets, max] of [
      [ascii, 78],
      [korean, 76],
    ] as const) {
      const header = octets.slice(0, octets.indexOf('\r\n\r\n'));
      const subject = header.slice(header.indexOf('Subject:'), header.indexOf('\r\nDate:'));
      expect(subject.split('\r\n').length).toBeGreaterThan(1);
      for (const line of subject.split('\r\n')) expect(line.length).toBeLessThanOrEqual(max);
    }
    expect(unfold(ascii)).toContain(`Subject: ${'word '.repeat(40).trim()}\r\n`);
  });

  it('chooses quoted-printable for mostly-ASCII text and Base64 for Korean', () => {
    expect(buildMessage({ ...base, text: 'Café au lait, please.' }).octets).toContain('quoted-printable');
    expect(buildMessage({ ...base, text: '케첩 좋아해요? '.repeat(10) }).octets).toContain(
      'Transfer-Encoding: base64',
    );
    expect(buildMessage({ ...base, text: '케첩', textEncoding: 'quoted-printable' }).octets).toContain(
      '=EC=BC=80',
    );
  });

  it('writes html as multipart/alternative and attachments as multipart/mixed', () => {
    const { octets } = buildMessage({
      ...base,
      html: '<p>Hi</p>',
      attachments: [{ filename: 'a.bin', contentType: 'application/octet-stream', content: '\x00\x01' }],
    });
    expect(octets).toMatch(/Content-Type: multipart\/mixed; boundary="[^"]+"/);
    expect(octets).toMatch(/Content-Type: multipart\/alternative; boundary="[^"]+"/);
    expect(octets).toContain('Content-Disposition: attachment; filename=a.bin');
  });

  it('makes the same octets from the same spec and new boundaries from a new seed', () => {
    const spec = { ...base, html: '<p>x</p>' };
    expect(buildMessage(spec).octets).toBe(buildMessage(spec).octets);
    const boundary = (s: MessageSpec) => /boundary="([^"]+)"/.exec(buildMessage(s).octets)?.[1];
    expect(boundary({ ...spec, boundarySeed: 'a' })).not.toBe(boundary({ ...spec, boundarySeed: 'b' }));
  });

  it('picks another boundary when the text contains the first choice', () => {
    const first = /boundary="([^"]+)"/.exec(buildMessage({ ...base, html: '<p/>' }).octets)?.[1] ?? '';
    const built = buildMessage({ ...base, html: '<p/>', text: `--${first}\n` });
    expect(built.octets).not.toContain(`boundary="${first}"`);
  });

  it('takes the message id from a function and adds angle brackets', () => {
    const built = buildMessage({ ...base, messageId: () => 'generated@crepes.fr' });
    expect(built.messageId).toBe('<generated@crepes.fr>');
    expect(built.octets).toContain('Message-ID: <generated@crepes.fr>\r\n');
  });

  it('writes extra headers before the MIME fields, encoding Unicode values', () => {
    const { octets } = buildMessage({ ...base, extraHeaders: [{ name: 'X-Greeting', value: '안녕' }] });
    expect(headerNames(octets)).toEqual([
      'From',
      'To',
      'Subject',
      'Date',
      'Message-ID',
      'X-Greeting',
      'MIME-Version',
      'Content-Type',
      'Content-Transfer-Encoding',
    ]);
    expect(octets).toContain('X-Greeting: =?UTF-8?B?');
  });

  it('refuses extra headers it writes itself, Bcc included', () => {
    for (const name of ['Bcc', 'subject', 'Content-Type', 'Bad Name']) {
      expect(() => buildMessage({ ...base, extraHeaders: [{ name, value: 'x' }] }), name).toThrow(RangeError);
    }
  });

  it('refuses an address that would break a field or the envelope', () => {
    expect(() => buildMessage({ ...base, to: ['bob@h.edu>\r\nBcc: eve@x'] })).toThrow(RangeError);
    expect(() => buildMessage({ ...base, to: [''] })).toThrow(RangeError);
  });

  it('refuses an attachment content type that is not type/subtype', () => {
    for (const contentType of ['text', 'a/b/c', 'text/plain\r\nBcc: eve@x', 'text/plain; charset']) {
      const attachments = [{ filename: 'a', contentType, content: '' }];
      expect(() => buildMessage({ ...base, attachments })).toThrow(RangeError);
    }
  });

  it('keeps the parameters of an attachment content type, as the compose form sends them', () => {
    const attachments = [
      { filename: 'menu.txt', contentType: 'text/plain; charset=UTF-8; name=wrong', content: 'hi' },
    ];
    const { octets } = buildMessage({ ...base, attachments });
    expect(octets).toContain('Content-Type: text/plain; charset=UTF-8; name=menu.txt\r\n');
  });

  it('cannot be made to inject a field through an attachment parameter', () => {
    const attachments = [
      { filename: 'a', contentType: 'text/plain; charset="x\r\nBcc: eve@x"', content: '' },
    ];
    const { octets } = buildMessage({ ...base, attachments });
    expect(headerNames(octets)).not.toContain('Bcc');
    expect(octets).not.toMatch(/\r\nBcc:/);
  });

  it('cannot be made to inject a field through the subject', () => {
    const { octets } = buildMessage({ ...base, subject: 'hi\r\nBcc: eve@evil.example' });
    expect(headerNames(octets)).not.toContain('Bcc');
  });

  it('ends text with exactly one CRLF when normalising', () => {
    expect(toCrlfText('a\nb')).toBe('a\r\nb\r\n');
    expect(toCrlfText('a\r\n')).toBe('a\r\n');
    expect(toCrlfText('')).toBe('\r\n');
  });
});
