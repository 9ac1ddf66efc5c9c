import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../../src/sim/builtinScenarios.ts';
import type { TimedInput } from '../../../../src/sim/input.ts';
import { Session } from '../../../../src/sim/session.ts';
import type { ImapReading, TraceEvent } from '../../../../src/sim/trace.ts';
import { hasFlag, readerAt } from '../../../../src/ui/lab/readerView.ts';

function run(name: string, extra: readonly TimedInput[] = []): readonly TraceEvent[] {
  const scenario = builtinScenario(name);
  if (scenario === undefined) throw new Error(`no built-in ${name}`);
  const session = new Session(scenario, extra);
  session.runUntilQuiet(3_600_000);
  return session.events;
}

function last(trace: readonly TraceEvent[]): number {
  return trace.length - 1;
}

// The position of the first event at or after `t`, less one: the cursor just before that moment.
function before(trace: readonly TraceEvent[], t: number): number {
  return trace.findIndex((e) => e.t >= t) - 1;
}

// A bare trace of one device's IMAP readings, for cases no built-in scenario reaches cheaply.
function imapTrace(host: string, readings: readonly ImapReading[]): TraceEvent[] {
  return readings.map((reading, seq) => ({
    kind: 'ua.imap',
    host,
    server: 'hamburger.edu',
    user: 'bob',
    reading,
    t: seq * 10,
    seq,
  }));
}

describe('readerAt over POP3', () => {
  const trace = run('pop3-delete');

  it('shows the message Bob’s PC downloaded, read from the message itself', () => {
    const view = readerAt(trace, last(trace), 'bob-pc');
    expect(view.downloaded.map((m) => [m.subject, m.from])).toEqual([['Lunch', 'Alice <alice@crepes.fr>']]);
    expect(view.downloaded[0]?.text).toContain('Do you like ketchup?');
    expect(view.last).toMatchObject({ protocol: 'pop3', outcome: 'ok', count: 1 });
    expect(view.imap).toBeNull();
  });

  it('shows nothing downloaded before the fetch, and the fetch as under way once it was asked for', () => {
    expect(readerAt(trace, before(trace, 30_000), 'bob-pc')).toMatchObject({
      downloaded: [],
      fetching: null,
    });
    const asked = trace.findIndex((e) => e.kind === 'input' && e.input.type === 'mail.fetch');
    expect(readerAt(trace, asked, 'bob-pc')).toMatchObject({ downloaded: [], fetching: 'pop3', last: null });
  });

  it('leaves the phone empty-handed after the PC deleted the message from the server', () => {
    const view = readerAt(trace, last(trace), 'bob-phone');
    expect(view.downloaded).toEqual([]);
    expect(view.last).toMatchObject({ outcome: 'ok', count: 0 });
  });

  it('does not show on the PC a fetch asked of another device', () => {
    const other = run('pop3-delete', [
      { at: 40_000, input: { type: 'mail.fetch', host: 'alice-pc', protocol: 'pop3' } },
    ]);
    const pc = readerAt(other, last(other), 'bob-pc');
    expect(pc.downloaded).toHaveLength(1);
    expect(pc.last?.t).toBeLessThan(40_000);
  });
});

describe('readerAt over IMAP', () => {
  const trace = run('imap-folders');

  it('lists the folders and INBOX’s headers after a fetch, with nothing opened yet', () => {
    const view = readerAt(trace, before(trace, 50_000), 'bob-pc');
    expect(view.imap?.folders).toEqual(['INBOX', 'Sent', 'Trash']);
    expect(view.imap?.listed).toEqual(['INBOX']);
    expect(view.imap?.messages['INBOX']?.map((m) => m.subject)).toEqual(['Lunch', 'Dinner']);
    expect(view.imap?.messages['INBOX']?.every((m) => Object.keys(m.parts).length === 0)).toBe(true);
    expect(view.last).toMatchObject({ protocol: 'imap', outcome: 'ok', count: 2 });
  });

  it('keeps the text opened and marks it seen, then flagged', () => {
    const opened = readerAt(trace, before(trace, 60_000), 'bob-pc');
    const lunch = opened.imap?.messages['INBOX']?.find((m) => m.uid === 1);
    expect(lunch?.parts['1']?.text).toContain('How about pickles?');
    expect(lunch?.flags).toEqual(['\\Seen']);
    const flagged = readerAt(trace, before(trace, 70_000), 'bob-pc').imap?.messages['INBOX']?.[0];
    expect(flagged && hasFlag(flagged, '\\flagged')).toBe(true);
  });

  it('moves a deleted message to Trash under the UID the server gave it', () => {
    const view = readerAt(trace, last(trace), 'bob-pc');
    expect(view.imap?.messages['INBOX']?.map((m) => m.uid)).toEqual([1]);
    expect(view.imap?.messages['Trash']?.map((m) => [m.uid, m.subject])).toEqual([[1, 'Dinner']]);
    expect(view.imap?.listed).not.toContain('Trash');
  });

  it('hears on the idling phone what the PC changed, and keeps the phone’s own search', () => {
    const view = readerAt(trace, last(trace), 'bob-phone');
    expect(view.imap?.messages['INBOX']?.map((m) => m.uid)).toEqual([1]);
    const lunch = view.imap?.messages['INBOX']?.[0];
    expect(lunch && hasFlag(lunch, '\\Flagged')).toBe(true);
    expect(view.imap?.search).toEqual({ folder: 'INBOX', query: 'ketchup', uids: [1] });
    expect(view.imap?.messages['Trash']).toBeUndefined();
  });

  it('shows a MOVE the teacher made the server refuse with NO as refused, the message still in INBOX', () => {
    const refused = run('imap-folders', [
      {
        at: 65_000,
        input: { type: 'fault', fault: { type: 'imap.reply', host: 'hamburger.edu', command: 'MOVE' } },
      },
    ]);
    const view = readerAt(refused, before(refused, 80_000), 'bob-pc');
    expect(view.imap?.failure).toMatchObject({
      verb: 'UID MOVE',
      failure: { why: 'answered', status: 'NO' },
    });
    expect(view.imap?.messages['INBOX']?.map((m) => m.uid)).toEqual([1, 2]);
  });

  it('does not show the phone’s search, or anything after the cursor, on the PC', () => {
    expect(readerAt(trace, last(trace), 'bob-pc').imap?.search).toBeNull();
    expect(readerAt(trace, before(trace, 40_000), 'bob-pc').imap).toBeNull();
  });
});

describe('readerAt for parts and refusals', () => {
  const headers: ImapReading = {
    action: 'headers',
    folder: 'INBOX',
    messages: [
      {
        uid: 7,
        subject: 'Photo',
        from: 'alice@crepes.fr',
        size: 500_000,
        flags: ['\\Recent'],
        attachments: [{ part: '2', filename: 'paris.jpg', type: 'image/jpeg', size: 400_000 }],
      },
    ],
  };
  const chunk = (origin: number): ImapReading => ({
    action: 'opened',
    folder: 'INBOX',
    uid: 7,
    part: '2',
    origin,
    octets: 65_536,
    total: 400_000,
    text: null,
  });

  it('counts a large part fetched piece by piece as partial, up to the furthest octet fetched', () => {
    const trace = imapTrace('bob-pc', [headers, chunk(0), chunk(65_536)]);
    const photo = readerAt(trace, last(trace), 'bob-pc').imap?.messages['INBOX']?.[0];
    expect(photo?.attachments[0]?.filename).toBe('paris.jpg');
    expect(photo?.parts['2']).toEqual({
      part: '2',
      octets: 131_072,
      total: 400_000,
      partial: true,
      text: null,
    });
  });

  it('reports a refused job until the next thing that works', () => {
    const failed: ImapReading = {
      action: 'failed',
      job: 'move',
      verb: 'MOVE',
      failure: { why: 'answered', status: 'NO', text: 'no' },
    };
    const trace = imapTrace('bob-pc', [headers, failed, chunk(0)]);
    expect(readerAt(trace, 1, 'bob-pc').imap?.failure).toMatchObject({
      job: 'move',
      failure: { why: 'answered', status: 'NO' },
    });
    expect(readerAt(trace, 2, 'bob-pc').imap?.failure).toBeNull();
  });

  it('counts mail the server announced beyond the headers it sent, until the next header list', () => {
    const exists: ImapReading = {
      action: 'update',
      folder: 'INBOX',
      change: 'exists',
      uid: null,
      count: 3,
      flags: null,
    };
    const trace = imapTrace('bob-pc', [headers, exists, headers]);
    expect(readerAt(trace, 1, 'bob-pc').imap?.newMail).toEqual({ INBOX: 2 });
    expect(readerAt(trace, 2, 'bob-pc').imap?.newMail).toEqual({});
  });

  it('ignores readings of another device', () => {
    const trace = imapTrace('bob-phone', [headers, chunk(0)]);
    expect(readerAt(trace, last(trace), 'bob-pc').imap).toBeNull();
  });
});
