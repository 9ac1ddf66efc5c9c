// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../../src/protocols/message/buildMessage.ts';
import { parseMessage } from '../../../src/protocols/message/parseMessage.ts';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import type { TimedInput } from '../../../src/sim/input.ts';
import { Session } from '../../../src/sim/session.ts';
import type { EventOf, TraceEvent } from '../../../src/sim/trace.ts';
import { sandboxDocument } from '../../../src/sim/webmail/safeHtml.ts';
import { sanitizeHtml } from '../../../src/ui/lab/inspector/sanitizeHtml.ts';
import {
  compareRecipients,
  findEnvelope,
  hexRows,
  mimeRows,
  namesRecipients,
  rawPieces,
} from '../../../src/ui/lab/messageView.ts';
import { receivedHops } from '../../../src/protocols/smtp/traceFields.ts';

const RICH_ID = '<rich.1@crepes.fr>';

// Alice types a message at Bob's server by hand; its headers name only a list, so Bob is a Bcc recipient.
const rich = buildMessage({
  from: { name: 'Alice', address: 'alice@crepes.fr' },
  to: [{ name: 'Lunch club', address: 'lunch@crepes.fr' }],
  bcc: ['bob@hamburger.edu'],
  subject: '점심 메뉴',
  date: Date.UTC(2026, 8, 1, 0, 3),
  messageId: RICH_ID,
  text: '김치찌개?',
  html: '<p>Kimchi</p>',
  attachments: [{ filename: 'menu.txt', contentType: 'text/plain', content: 'kimchi stew\n' }],
});

function typed(start: number): TimedInput[] {
  const lines = [
    'HELO alice-pc',
    'MAIL FROM:<alice@crepes.fr>',
    'RCPT TO:<bob@hamburger.edu>',
    'DATA',
    ...rich.octets.replace(/\r\n$/, '').split('\r\n'),
    '.',
    'QUIT',
  ];
  return [
    { at: start, input: { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 } },
    ...lines.map((text, i) => ({
      at: start + 1000 + i * 300,
      input: { type: 'terminal.type' as const, host: 'alice-pc', text },
    })),
  ];
}

function run(name: string, inputs: TimedInput[] = []): readonly TraceEvent[] {
  const scenario = builtinScenario(name);
  if (scenario === undefined) throw new Error(`${name} is missing`);
  const session = new Session(scenario, inputs);
  session.runUntilQuiet(7 * 86_400_000);
  return session.events;
}

function stored(trace: readonly TraceEvent[], marker: string): EventOf<'mailbox.stored'> {
  const event = trace.find(
    (e): e is EventOf<'mailbox.stored'> => e.kind === 'mailbox.stored' && e.raw.includes(marker),
  );
  if (event === undefined) throw new Error(`no stored message with ${marker}`);
  return event;
}

const textbook = run('textbook', typed(120_000));

describe('the envelope of a message', () => {
  it('is the one the server recorded when it took a stored message over SMTP', () => {
    const bob = stored(textbook, 'Subject: Lunch');
    const envelope = findEnvelope(textbook, bob);
    expect(envelope).toMatchObject({
      source: 'smtp',
      from: 'alice@crepes.fr',
      recipients: ['bob@hamburger.edu'],
    });
    const taken = textbook[envelope.seq ?? -1];
    expect(taken?.kind === 'smtp.accepted' && taken.host === 'hamburger.edu' && taken.queueId).toBe(
      bob.queueId,
    );
  });

  it('is the one that crossed the wire for a message typed by hand without a Message-ID, with no Bcc', () => {
    // The solution of the lesson "SMTP by hand": a message of two lines and no header at all.
    const lines = [
      'HELO crepes.fr',
      'MAIL FROM: <alice@crepes.fr>',
      'RCPT TO: <bob@hamburger.edu>',
      'DATA',
      'Do you like ketchup?',
      'How about pickles?',
      '.',
      'QUIT',
    ];
    const byHand = run('textbook', [
      { at: 120_000, input: { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 } },
      ...lines.map((text, i) => ({
        at: 121_000 + i * 500,
        input: { type: 'terminal.type' as const, host: 'alice-pc', text },
      })),
    ]);
    // The textbook's own message says the same, a minute earlier and with every header; this is the later one.
    const message = byHand.findLast(
      (e): e is EventOf<'mailbox.stored'> => e.kind === 'mailbox.stored' && e.raw.includes('ketchup'),
    );
    if (message === undefined) throw new Error('the typed message was not stored');
    const parsed = parseMessage(message.raw);
    expect(parsed.messageId).toBeNull();
    const envelope = findEnvelope(byHand, message);
    expect(envelope).toMatchObject({
      source: 'smtp',
      from: 'alice@crepes.fr',
      recipients: ['bob@hamburger.edu'],
    });
    expect(namesRecipients(parsed)).toBe(false);
    expect(compareRecipients(envelope, parsed)).toEqual([
      { address: 'bob@hamburger.edu', envelope: true, to: false, cc: false, bcc: false },
    ]);
  });

  it('is not taken from another server’s acceptance of a message with the same queue id', () => {
    const bob = stored(textbook, 'Subject: Lunch');
    const elsewhere = textbook.map((e) =>
      e.kind === 'smtp.accepted' && e.host === 'hamburger.edu' ? { ...e, host: 'elsewhere.example' } : e,
    );
    expect(findEnvelope(elsewhere, bob).source).not.toBe('smtp');
  });

  it('is the queue entry itself for a queued message, and the submission session for a submitted one', () => {
    const queued = textbook.find((e): e is EventOf<'queue.enqueued'> => e.kind === 'queue.enqueued');
    const submitted = textbook.find((e): e is EventOf<'ua.submitted'> => e.kind === 'ua.submitted');
    if (queued === undefined || submitted === undefined) throw new Error('the textbook queues and submits');
    expect(findEnvelope(textbook, queued)).toMatchObject({ source: 'queue', from: 'alice@crepes.fr' });
    const envelope = findEnvelope(textbook, submitted);
    expect(envelope).toMatchObject({
      source: 'smtp',
      from: 'alice@crepes.fr',
      recipients: ['bob@hamburger.edu'],
    });
    const taken = textbook[envelope.seq ?? -1];
    expect(taken?.kind === 'smtp.accepted' && taken.host).toBe('crepes.fr');
  });

  it('of a submission is the submission itself until a server has taken the message', () => {
    const submitted = textbook.find((e): e is EventOf<'ua.submitted'> => e.kind === 'ua.submitted');
    if (submitted === undefined) throw new Error('the textbook submits');
    const sofar = textbook.slice(0, submitted.seq + 1);
    expect(findEnvelope(sofar, submitted)).toEqual({
      source: 'submission',
      from: null,
      recipients: ['bob@hamburger.edu'],
      seq: submitted.seq,
    });
  });

  it('is said to be local for a bounce the server put in its own user’s mailbox', () => {
    const bounce = run('bounce');
    const dsn = stored(bounce, 'Undelivered Mail Returned to Sender');
    expect(findEnvelope(bounce, dsn)).toEqual({
      source: 'local',
      from: null,
      recipients: ['alice@crepes.fr'],
      seq: null,
    });
  });

  it('shows a recipient only the envelope names as Bcc, beside the headers', () => {
    const message = stored(textbook, RICH_ID);
    const envelope = findEnvelope(textbook, message);
    expect(envelope.source).toBe('smtp');
    expect(compareRecipients(envelope, parseMessage(message.raw))).toEqual([
      { address: 'bob@hamburger.edu', envelope: true, to: false, cc: false, bcc: true },
      { address: 'lunch@crepes.fr', envelope: false, to: true, cc: false, bcc: false },
    ]);
  });
});

describe('the parts of a message', () => {
  const message = stored(textbook, RICH_ID);
  const parsed = parseMessage(message.raw);

  it('lists the MIME tree in document order with types, encodings and attachment names', () => {
    const rows = mimeRows(parsed);
    expect(rows.map((r) => [r.path, r.depth, r.mediaType, r.filename])).toEqual([
      ['1', 0, 'multipart/mixed', null],
      ['1.1', 1, 'multipart/alternative', null],
      ['1.1.1', 2, 'text/plain', null],
      ['1.1.2', 2, 'text/html', null],
      ['1.2', 1, 'text/plain', 'menu.txt'],
    ]);
    const attachment = rows[4]?.part;
    expect(rows[4]?.transferEncoding).toBe('base64');
    expect(attachment?.decoded.kind === 'text' && attachment.decoded.text).toBe('kimchi stew\n');
    expect(parsed.subject).toBe('점심 메뉴');
  });

  it('reads the Received lines newest first, each into its from, by and date', () => {
    const bob = parseMessage(stored(textbook, 'Subject: Lunch').raw);
    const hops = receivedHops(bob.received);
    expect(hops.map((h) => [h.from?.split(' ')[0], h.by?.split(' ')[0]])).toEqual([
      ['crepes.fr', 'hamburger.edu'],
      ['alice-pc', 'crepes.fr'],
    ]);
    expect(hops[1]?.date).toMatch(/2026/);
  });

  it('cuts the raw source exactly around the selected part', () => {
    const part = mimeRows(parsed)[3]?.part;
    if (part === undefined) throw new Error('no HTML part');
    const pieces = rawPieces(message.raw, part.start, part.end);
    expect(pieces.before + pieces.selected + pieces.after).toBe(message.raw);
    expect(pieces.selected).toMatch(/^Content-Type: text\/html/);
  });

  it('dumps octets sixteen to a row with printable text beside them', () => {
    const rows = hexRows('220 crepes.fr\r\nEHLO');
    expect(rows[0]).toEqual({
      offset: '0000',
      hex: '32 32 30 20 63 72 65 70 65 73 2e 66 72 0d 0a 45',
      text: '220 crepes.fr..E',
    });
    expect(rows[1]?.offset).toBe('0010');
  });
});

describe('the HTML of a hostile message', () => {
  const hostile = [
    '<h2 onmouseover="steal()">Hi</h2><script>steal()</script>',
    '<img src="x" onerror="steal()"><img src="http://tracker.example/p.png">',
    '<a href="javascript:steal()">click</a><a href="https://crepes.fr/">menu</a>',
    '<style>body{background:url(http://evil.example/)}</style><iframe src="https://evil.example/"></iframe>',
    '<svg onload="steal()"></svg><form action="https://evil.example/"><input name="p"></form>',
  ].join('');

  it('keeps its text but loses scripts, handlers, javascript: links and everything that loads', () => {
    const clean = sanitizeHtml(hostile);
    expect(clean).toContain('Hi');
    expect(clean).toContain('click');
    expect(clean).toContain('href="https://crepes.fr/"');
    for (const gone of [
      '<script',
      'onerror',
      'onmouseover',
      'onload',
      'javascript:',
      'src=',
      '<style',
      '<iframe',
      '<form',
      'steal',
    ])
      expect(clean).not.toContain(gone);
  });

  it('goes into a document whose policy forbids every load and script', () => {
    expect(sandboxDocument('<p>x</p>')).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });
});
