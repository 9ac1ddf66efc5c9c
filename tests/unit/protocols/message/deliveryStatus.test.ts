import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../../../src/protocols/message/buildMessage.ts';
import {
  buildDeliveryStatusNotification,
  type DeliveryStatusSpec,
  parseDeliveryStatusNotification,
} from '../../../../src/protocols/message/deliveryStatus.ts';
import {
  STATUS_DETAIL_TEXT,
  statusKeys,
  statusText,
} from '../../../../src/protocols/message/deliveryStatusText.ts';
import { decodeWords } from '../../../../src/protocols/message/encodedWords.ts';
import { fieldText, findField, parseHeaderBlock } from '../../../../src/protocols/message/headers.ts';
import { type MessagePart, parseMessage } from '../../../../src/protocols/message/parseMessage.ts';
import { bytesToOctets, isAscii, utf8ToOctets } from '../../../../src/protocols/shared/octets.ts';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'latin1');
}

const SAMPLE_550 = fixture('dsn_550_postfix.eml');
const SAMPLE_DELAYED = fixture('dsn_delayed_postfix.eml');
const SAMPLE_EXPIRED = fixture('dsn_expired_postfix.eml');

const ORIGINAL =
  'Return-Path: <bob@hamburger.edu>\r\n' +
  'Received: from client.test (localhost [127.0.0.1])\r\n' +
  '\tby hamburger.edu (Mail Lab) with ESMTP id 718922163AE;\r\n' +
  '\tSun, 22 Nov 2026 01:28:21 +0000\r\n' +
  'Date: Sun, 22 Nov 2026 01:28:21 +0000\r\n' +
  'To: nouser@crepes.fr, alice@crepes.fr\r\n' +
  'From: bob@hamburger.edu\r\n' +
  'Subject: one bad rcpt\r\n' +
  'Message-ID: <20261122012821.017343@vm>\r\n' +
  '\r\n' +
  'This is a test mailing\r\n';

const failedSpec: DeliveryStatusSpec = {
  action: 'failed',
  reportingMta: 'hamburger.edu',
  queueId: '7736D2163C4',
  date: Date.UTC(2026, 10, 22, 1, 28, 21),
  messageId: '20261122012821.7736D2163C4@hamburger.edu',
  sender: 'bob@hamburger.edu',
  arrivalDate: Date.UTC(2026, 10, 22, 1, 28, 21),
  recipients: [
    {
      finalRecipient: 'nouser@crepes.fr',
      originalRecipient: 'nouser@crepes.fr',
      status: '5.1.1',
      remoteMta: '127.0.0.1',
      diagnosticCode: '550 5.1.1 No such user here',
      humanReason:
        'host 127.0.0.1[127.0.0.1] said: 550 5.1.1 No such user here (in reply to RCPT TO command)',
    },
  ],
  original: ORIGINAL,
  returnContent: 'full',
  boundarySeed: 'bounce-1',
};

const delayedSpec: DeliveryStatusSpec = {
  ...failedSpec,
  action: 'delayed',
  queueId: '9055A2167CD',
  date: Date.UTC(2026, 10, 22, 5, 25, 52),
  arrivalDate: Date.UTC(2026, 10, 22, 1, 25, 52),
  recipients: [
    {
      finalRecipient: 'carol@down.test',
      originalRecipient: 'carol@down.test',
      status: '4.4.1',
      diagnosticCode: 'connect to 127.0.0.1[127.0.0.1]:52699: Connection refused',
      diagnosticKind: 'x-local',
      willRetryUntil: Date.UTC(2026, 10, 27, 1, 25, 52),
      humanReason: 'connect to 127.0.0.1[127.0.0.1]:52699: Connection refused',
    },
  ],
  returnContent: 'headers',
  boundarySeed: 'warning-1',
};

// The fields a DSN gains on its way to the mailbox (RFC 5321 §4.4, Postfix local(8)), not when it is written.
const TRACE_FIELDS = new Set(['return-path', 'x-original-to', 'delivered-to', 'received']);

function names(fields: readonly { name: string }[]): string[] {
  return fields.map((field) => field.name.toLowerCase().replace(/^x-postfix-/, 'x-mail-lab-'));
}

function reportGroupNames(part: MessagePart): string[][] {
  const octets = part.decoded.kind === 'text' ? part.decoded.octets : '';
  return octets
    .split(/\r?\n\r?\n/)
    .filter((group) => group.trim() !== '')
    .map((group) => names(parseHeaderBlock(group).fields));
}

function shape(raw: string) {
  const { root } = parseMessage(raw);
  return {
    headers: names(root.headers).filter((name) => !TRACE_FIELDS.has(name)),
    type: `${root.contentType.type}/${root.contentType.subtype}; ${root.contentType.params['report-type']}`,
    parts: root.children.map((part) => ({
      type: `${part.contentType.type}/${part.contentType.subtype}`,
      headers: names(part.headers),
    })),
    report: root.children[1] === undefined ? [] : reportGroupNames(root.children[1]),
  };
}

function partOctets(raw: string, part: MessagePart): string {
  return raw.slice(part.bodyStart, part.bodyEnd);
}

describe('buildDeliveryStatusNotification', () => {
  const failed = buildDeliveryStatusNotification(failedSpec);
  const delayed = buildDeliveryStatusNotification(delayedSpec);

  it('writes a failure DSN that parses back to the same fields', () => {
    expect(parseDeliveryStatusNotification(failed)).toEqual({
      subject: 'Undelivered Mail Returned to Sender',
      from: 'MAILER-DAEMON@hamburger.edu',
      to: 'bob@hamburger.edu',
      humanText: expect.stringContaining('<nouser@crepes.fr>: host 127.0.0.1[127.0.0.1] said: 550 5.1.1'),
      perMessage: {
        'Reporting-MTA': 'dns; hamburger.edu',
        'X-Mail-Lab-Queue-ID': '7736D2163C4',
        'X-Mail-Lab-Sender': 'rfc822; bob@hamburger.edu',
        'Arrival-Date': 'Sun, 22 Nov 2026 01:28:21 +0000',
      },
      recipients: [
        {
          finalRecipient: 'nouser@crepes.fr',
          originalRecipient: 'nouser@crepes.fr',
          action: 'failed',
          status: '5.1.1',
          remoteMta: '127.0.0.1',
          diagnosticType: 'smtp',
          diagnosticCode: '550 5.1.1 No such user here',
        },
      ],
      originalHeaders: ORIGINAL.slice(0, ORIGINAL.indexOf('\r\n\r\n') + 2),
    });
  });

  it('returns the whole original message, byte for byte, in a message/rfc822 part', () => {
    const { root } = parseMessage(failed);
    const returned = root.children[2];
    expect(returned?.contentType.subtype).toBe('rfc822');
    expect(returned === undefined ? '' : partOctets(failed, returned)).toBe(ORIGINAL);
  });

  it('writes a delayed DSN that carries Will-Retry-Until and only the original headers', () => {
    const parsed = parseDeliveryStatusNotification(delayed);
    expect(parsed?.subject).toBe('Delayed Mail (still being retried)');
    expect(parsed?.recipients).toEqual([
      {
        finalRecipient: 'carol@down.test',
        originalRecipient: 'carol@down.test',
        action: 'delayed',
        status: '4.4.1',
        diagnosticType: 'X-Mail-Lab',
        diagnosticCode: 'connect to 127.0.0.1[127.0.0.1]:52699: Connection refused',
        willRetryUntil: 'Fri, 27 Nov 2026 01:25:52 +0000',
      },
    ]);
    const returned = parseMessage(delayed).root.children[2];
    expect(returned?.contentType).toMatchObject({ type: 'text', subtype: 'rfc822-headers' });
    expect(parsed?.originalHeaders).toContain('Subject: one bad rcpt\r\n');
    expect(delayed).not.toContain('This is a test mailing');
  });

  it('writes Will-Retry-Until only in a delayed DSN (RFC 3464 §2.3.9)', () => {
    const recipient = { ...failedSpec.recipients[0]!, willRetryUntil: Date.UTC(2026, 10, 27) };
    const raw = buildDeliveryStatusNotification({ ...failedSpec, recipients: [recipient] });
    expect(raw).not.toContain('Will-Retry-Until');
  });

  it('has the header set, part order, part headers and report fields of the Postfix bounce', () => {
    expect(shape(failed)).toEqual(shape(SAMPLE_550));
  });

  it('has the header set, part order, part headers and report fields of the Postfix delay warning', () => {
    expect(shape(delayed)).toEqual(shape(SAMPLE_DELAYED));
  });

  it('has the shape of the Postfix bounce of an expired message', () => {
    const expired = buildDeliveryStatusNotification({
      ...delayedSpec,
      action: 'failed',
      returnContent: 'full',
    });
    expect(shape(expired)).toEqual(shape(SAMPLE_EXPIRED));
    expect(parseDeliveryStatusNotification(expired)?.recipients[0]).toMatchObject({
      action: 'failed',
      status: '4.4.1',
    });
  });

  it('folds the Content-Type before the boundary, as Postfix does', () => {
    const folded =
      /\r\nContent-Type: multipart\/report; report-type=delivery-status;\r\n\tboundary="([^"]+)"\r\n/;
    expect(folded.exec(failed)?.[1]).toMatch(/^7736D2163C4\.[0-9a-f]{8}\/hamburger\.edu$/);
  });

  it('says Auto-Submitted: auto-replied, so no responder answers it (RFC 3834 §5)', () => {
    for (const raw of [failed, delayed]) {
      expect(findField(parseMessage(raw).root.headers, 'Auto-Submitted')?.value).toBe('auto-replied');
    }
  });

  it('comes From the Mail Delivery System at MAILER-DAEMON of the reporting MTA', () => {
    expect(failed).toContain('\r\nFrom: Mail Delivery System <MAILER-DAEMON@hamburger.edu>\r\n');
    expect(parseMessage(failed).from).toEqual([
      { name: 'Mail Delivery System', address: 'MAILER-DAEMON@hamburger.edu' },
    ]);
  });

  it('is addressed To the original envelope sender, with the given Date and Message-ID', () => {
    const parsed = parseMessage(failed);
    expect(parsed.to).toEqual([{ address: 'bob@hamburger.edu' }]);
    expect(parsed.date).toBe(failedSpec.date);
    expect(parsed.messageId).toBe('<20261122012821.7736D2163C4@hamburger.edu>');
  });

  it('writes Postfix’s apology in a failure notice, wrapping each recipient entry at 79 chars', () => {
    const text = parseDeliveryStatusNotification(failed)?.humanText ?? '';
    expect(text).toContain('This is the mail system at host hamburger.edu.\n\n');
    expect(text).toContain("I'm sorry to have to inform you that your message could not\n");
    expect(text).toContain('\n                   The mail system\n\n');
    expect(text).toContain(
      '<nouser@crepes.fr>: host 127.0.0.1[127.0.0.1] said: 550 5.1.1 No such user here\n' +
        '    (in reply to RCPT TO command)\n',
    );
    expect(text).not.toContain('WARNING');
  });

  it('writes the warning box and the retry-until wording in a delay notice', () => {
    const text = parseDeliveryStatusNotification(delayed)?.humanText ?? '';
    expect(text).toContain('# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n');
    expect(text).toContain('Your message could not be delivered for more than 4 hour(s).\n');
    expect(text).toContain('It will be retried until it is 5 day(s) old.\n');
    expect(text).not.toContain("I'm sorry");
  });

  it('writes one notice entry and one report group per recipient, in order', () => {
    const raw = buildDeliveryStatusNotification({
      ...failedSpec,
      recipients: [
        { finalRecipient: 'a@crepes.fr', status: '5.1.1', humanReason: 'no such user' },
        { finalRecipient: 'b@crepes.fr', status: '5.2.2', humanReason: 'mailbox full' },
      ],
    });
    const parsed = parseDeliveryStatusNotification(raw);
    expect(parsed?.recipients.map((r) => [r.finalRecipient, r.status])).toEqual([
      ['a@crepes.fr', '5.1.1'],
      ['b@crepes.fr', '5.2.2'],
    ]);
    expect(parsed?.humanText).toMatch(/\n<a@crepes\.fr>: no such user\n\n<b@crepes\.fr>: mailbox full\n$/);
  });

  it('folds a long diagnostic code and reads it back as one line', () => {
    const diagnosticCode =
      '550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the ' +
      "recipient's email address for typos or unnecessary spaces.";
    const recipient = { ...failedSpec.recipients[0]!, diagnosticCode };
    const raw = buildDeliveryStatusNotification({ ...failedSpec, recipients: [recipient] });
    expect(raw.split('\r\n').every((line) => line.length <= 79)).toBe(true);
    expect(parseDeliveryStatusNotification(raw)?.recipients[0]?.diagnosticCode).toBe(diagnosticCode);
  });

  it('ends every line with CRLF and keeps each within 998 octets', () => {
    for (const raw of [failed, delayed]) {
      expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(raw.endsWith('\r\n')).toBe(true);
      expect(raw.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    }
  });

  it('is deterministic: the same spec gives the same octets', () => {
    expect(buildDeliveryStatusNotification(failedSpec)).toBe(failed);
  });

  it('picks another boundary when the original holds the first one', () => {
    const boundary = /boundary="([^"]+)"/.exec(failed)?.[1] ?? '';
    const original = ORIGINAL + `--${boundary}\r\nnot a delimiter of the DSN\r\n`;
    const raw = buildDeliveryStatusNotification({ ...failedSpec, original });
    expect(raw).not.toContain(`boundary="${boundary}"`);
    const returned = parseMessage(raw).root.children[2];
    expect(returned === undefined ? '' : partOctets(raw, returned)).toBe(original);
  });

  it('writes line breaks inside values as spaces, so no value can start a field or a line', () => {
    const raw = buildDeliveryStatusNotification({
      ...failedSpec,
      recipients: [
        {
          finalRecipient: 'nouser@crepes.fr',
          status: '5.1.1',
          diagnosticCode: '550 nope\r\nAction: delivered',
          humanReason: 'nope\r\nInjected: yes',
        },
      ],
    });
    expect(raw).not.toMatch(/\r\n(Action: delivered|Injected: yes)/);
    expect(parseDeliveryStatusNotification(raw)?.recipients).toEqual([
      {
        finalRecipient: 'nouser@crepes.fr',
        action: 'failed',
        status: '5.1.1',
        diagnosticType: 'smtp',
        diagnosticCode: '550 nope Action: delivered',
      },
    ]);
  });

  it('keeps the delivery report 7-bit, writing a non-ASCII address as a utf-8 address (RFC 6533 §3)', () => {
    const raw = buildDeliveryStatusNotification({
      ...failedSpec,
      recipients: [{ finalRecipient: '밥@케첩.kr', status: '5.1.1', humanReason: '사용자 없음' }],
    });
    const report = parseMessage(raw).root.children[1];
    expect(isAscii(report === undefined ? '' : partOctets(raw, report))).toBe(true);
    expect(raw).toContain('Final-Recipient: utf-8; \\x{BC25}@\\x{CF00}\\x{CCA9}.kr\r\n');
    const parsed = parseDeliveryStatusNotification(raw);
    expect(parsed?.recipients[0]?.finalRecipient).toBe('밥@케첩.kr');
    expect(parsed?.humanText).toContain('<밥@케첩.kr>: 사용자 없음\n');
  });

  it('throws RangeError for a bad status, address, host or an empty recipient list', () => {
    const recipient = failedSpec.recipients[0]!;
    const bad: Partial<DeliveryStatusSpec>[] = [
      { recipients: [] },
      { recipients: [{ ...recipient, status: '5.01.1' }] },
      { recipients: [{ ...recipient, status: '550' }] },
      { recipients: [{ ...recipient, finalRecipient: 'two words@x' }] },
      { recipients: [{ ...recipient, remoteMta: 'mx; rm -rf' }] },
      { sender: '' },
      { reportingMta: 'hamburger.edu\r\nBcc: eve@x' },
      { messageId: 'a b@c' },
      { date: Number.NaN },
    ];
    for (const change of bad) {
      expect(() => buildDeliveryStatusNotification({ ...failedSpec, ...change })).toThrow(RangeError);
    }
  });
});

describe('the returned original', () => {
  const SUBJECT = '안녕하세요, 밥! 케첩 좋아해요?';

  it('keeps a Korean subject written in encoded words (RFC 2047)', () => {
    const { octets } = buildMessage({
      from: { name: '앨리스', address: 'alice@crepes.fr' },
      to: ['nouser@crepes.fr'],
      subject: SUBJECT,
      date: Date.UTC(2026, 10, 22),
      messageId: 'k1@crepes.fr',
      text: '밥에게,\n케첩 좋아해요?\n',
    });
    for (const returnContent of ['full', 'headers'] as const) {
      const raw = buildDeliveryStatusNotification({ ...failedSpec, original: octets, returnContent });
      const headers = parseDeliveryStatusNotification(raw)?.originalHeaders ?? '';
      const subject = findField(parseHeaderBlock(headers).fields, 'Subject');
      expect(decodeWords(fieldText(subject?.value ?? ''))).toBe(SUBJECT);
    }
  });

  it('keeps a raw UTF-8 Korean subject and body as they are, only inside 8bit parts (RFC 6532)', () => {
    const original = utf8ToOctets(
      `From: alice@crepes.fr\r\nTo: nouser@crepes.fr\r\nSubject: ${SUBJECT}\r\n\r\n케첩 좋아해요?\r\n`,
    );
    const raw = buildDeliveryStatusNotification({ ...failedSpec, original });
    expect(raw).toContain(original);
    const { root } = parseMessage(raw);
    const enclosed = root.children[2]?.children[0];
    const subject = enclosed === undefined ? undefined : findField(enclosed.headers, 'Subject');
    expect(fieldText(subject?.value ?? '')).toBe(SUBJECT);
    // Non-ASCII octets appear only in parts labelled 8bit; the top-level header and preamble are ASCII.
    expect(isAscii(raw.slice(0, root.children[0]?.start ?? 0))).toBe(true);
    for (const part of root.children) {
      if (!isAscii(raw.slice(part.start, part.end))) expect(part.transferEncoding).toBe('8bit');
    }
  });
});

describe('parseDeliveryStatusNotification of real Postfix DSNs', () => {
  it('reads the bounce for an unknown user (550 5.1.1)', () => {
    const parsed = parseDeliveryStatusNotification(SAMPLE_550);
    expect(parsed).toMatchObject({
      subject: 'Undelivered Mail Returned to Sender',
      from: 'MAILER-DAEMON@hamburger.edu',
      to: 'bob@hamburger.edu',
      perMessage: {
        'Reporting-MTA': 'dns; hamburger.edu',
        'X-Postfix-Queue-ID': '718922163AE',
        'X-Postfix-Sender': 'rfc822; bob@hamburger.edu',
        'Arrival-Date': 'Sun, 22 Nov 2026 01:28:21 +0000 (UTC)',
      },
      recipients: [
        {
          finalRecipient: 'nouser@crepes.fr',
          originalRecipient: 'nouser@crepes.fr',
          action: 'failed',
          status: '5.1.1',
          remoteMta: '127.0.0.1',
          diagnosticType: 'smtp',
          diagnosticCode: '550 5.1.1 No such user here',
        },
      ],
    });
    expect(parsed?.humanText).toContain(
      '<nouser@crepes.fr>: host 127.0.0.1[127.0.0.1] said: 550 5.1.1 No such user here\n',
    );
    expect(parsed?.originalHeaders).toMatch(/^Return-Path: <bob@hamburger\.edu>\n/);
    expect(parsed?.originalHeaders).toMatch(/\nSubject: one bad rcpt\n.*\nX-Mailer: swaks[^\n]*\n$/s);
  });

  it('reads the delay warning, unfolding its X-Postfix diagnostic', () => {
    const parsed = parseDeliveryStatusNotification(SAMPLE_DELAYED);
    expect(parsed?.subject).toBe('Delayed Mail (still being retried)');
    expect(parsed?.recipients).toEqual([
      {
        finalRecipient: 'carol@down.test',
        originalRecipient: 'carol@down.test',
        action: 'delayed',
        status: '4.4.1',
        diagnosticType: 'X-Postfix',
        diagnosticCode: 'connect to 127.0.0.1[127.0.0.1]:52699: Connection refused',
        willRetryUntil: 'Sun, 22 Nov 2026 01:27:22 +0000 (UTC)',
      },
    ]);
    expect(parsed?.humanText).toContain('# THIS IS A WARNING ONLY.');
    expect(parsed?.originalHeaders).toContain('Subject: to a down server\n');
  });

  it('reads the bounce of a message that expired after retries (failed, 4.4.1)', () => {
    const parsed = parseDeliveryStatusNotification(SAMPLE_EXPIRED);
    expect(parsed?.subject).toBe('Undelivered Mail Returned to Sender');
    expect(parsed?.recipients).toEqual([
      {
        finalRecipient: 'carol@down.test',
        originalRecipient: 'carol@down.test',
        action: 'failed',
        status: '4.4.1',
        diagnosticType: 'X-Postfix',
        diagnosticCode: 'connect to 127.0.0.1[127.0.0.1]:52699: Connection refused',
      },
    ]);
    expect(parsed?.originalHeaders).toContain('Message-Id: <20261122012552.014671@vm>\n');
    expect(parsed?.originalHeaders).not.toContain('This is a test mailing');
  });

  it('reads the samples the same with CRLF line ends as with the bare LF they were saved with', () => {
    const lf = (text: string) => text.replace(/\r\n/g, '\n');
    for (const sample of [SAMPLE_550, SAMPLE_DELAYED, SAMPLE_EXPIRED]) {
      const crlf = parseDeliveryStatusNotification(sample.replace(/\n/g, '\r\n'));
      const bare = parseDeliveryStatusNotification(sample);
      expect({ ...crlf, originalHeaders: lf(crlf?.originalHeaders ?? '') }).toEqual(bare);
    }
  });

  it('reads a status followed by a comment, and addresses in angle brackets', () => {
    const raw = SAMPLE_550.replace('Status: 5.1.1', 'Status: 5.1.1 (bad destination mailbox)').replace(
      'Final-Recipient: rfc822; nouser@crepes.fr',
      'Final-Recipient: RFC822; <nouser@crepes.fr>',
    );
    expect(parseDeliveryStatusNotification(raw)?.recipients[0]).toMatchObject({
      finalRecipient: 'nouser@crepes.fr',
      status: '5.1.1',
    });
  });
});

describe('parseDeliveryStatusNotification of anything else', () => {
  it('returns null for a message that is not a delivery-status report, without throwing', () => {
    const plain = buildMessage({
      from: 'alice@crepes.fr',
      to: ['bob@hamburger.edu'],
      subject: 'hi',
      date: 0,
      messageId: 'x@crepes.fr',
      text: 'hello',
      attachments: [{ filename: 'a.txt', contentType: 'text/plain', content: 'a' }],
    }).octets;
    const inputs = [
      '',
      'garbage',
      '\r\n\r\n',
      plain,
      SAMPLE_550.replace('report-type=delivery-status', 'report-type=disposition-notification'),
      SAMPLE_550.replace('multipart/report', 'multipart/mixed'),
      SAMPLE_550.replace('Content-Type: message/delivery-status', 'Content-Type: text/plain'),
      bytesToOctets(new Uint8Array([0, 255, 13, 10, 13, 10, 128])),
    ];
    for (const input of inputs) expect(parseDeliveryStatusNotification(input)).toBeNull();
  });

  it('never throws on arbitrary octets or on a DSN cut short anywhere', () => {
    const failed = buildDeliveryStatusNotification(failedSpec);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat(failed.length), (bytes, cut) => {
        parseDeliveryStatusNotification(bytesToOctets(bytes));
        parseDeliveryStatusNotification(failed.slice(0, cut));
        parseDeliveryStatusNotification(failed.slice(cut));
      }),
    );
  });

  it('reads back whatever recipients a DSN was built with', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/);
    const address = fc.tuple(word, word).map(([local, domain]) => `${local}@${domain}`);
    const diagnostic = fc.array(fc.stringMatching(/^[\x21-\x7e]{1,30}$/), { minLength: 1, maxLength: 12 });
    const recipient = fc.record({
      finalRecipient: address,
      status: fc.constantFrom('5.1.1', '4.4.1', '4.4.7', '5.7.1', '4.2.2'),
      diagnosticCode: diagnostic.map((words) => words.join(' ')),
      humanReason: fc.string({ maxLength: 200 }),
    });
    fc.assert(
      fc.property(fc.array(recipient, { minLength: 1, maxLength: 4 }), (recipients) => {
        const parsed = parseDeliveryStatusNotification(
          buildDeliveryStatusNotification({ ...failedSpec, recipients }),
        );
        expect(parsed?.recipients).toEqual(
          recipients.map(({ finalRecipient, status, diagnosticCode }) => ({
            finalRecipient,
            action: 'failed',
            status,
            diagnosticType: 'smtp',
            diagnosticCode,
          })),
        );
      }),
    );
  });
});

describe('statusText', () => {
  it('explains the common enhanced status codes (RFC 3463)', () => {
    const cases: [string, RegExp][] = [
      ['2.0.0', /^Success$/],
      ['4.2.2', /^Temporary failure.*: mailbox full$/],
      ['4.4.1', /no answer from host/],
      ['4.4.7', /delivery time expired/],
      ['5.1.1', /^Permanent failure: bad destination mailbox address/],
      ['5.1.2', /bad destination system address: no such domain/],
      ['5.4.4', /unable to route/],
      ['5.7.1', /delivery not authorized/],
      ['5.3.4', /message too big/],
    ];
    for (const [status, text] of cases) expect(statusText(status)).toMatch(text);
  });

  it('falls back to the subject of a code whose detail it does not list', () => {
    expect(statusText('5.1.99')).toBe('Permanent failure: addressing problem');
    expect(statusText('4.9.9')).toBe('Temporary failure, still being retried');
  });

  it('reads a code followed by a comment, and names anything else as unknown', () => {
    expect(statusText('5.2.2 (mailbox full)')).toBe('Permanent failure: mailbox full');
    expect(statusText('550')).toBe('Unknown status "550"');
    expect(statusText('3.1.1')).toBe('Unknown status "3.1.1"');
  });

  it('gives table keys for every listed detail, so the UI can translate them', () => {
    expect(statusKeys('5.1.1')).toEqual({ classKey: '5', subjectKey: 'X.1', detailKey: 'X.1.1' });
    for (const key of Object.keys(STATUS_DETAIL_TEXT)) {
      expect(statusKeys(key.replace('X', '4'))?.detailKey).toBe(key);
    }
  });
});
