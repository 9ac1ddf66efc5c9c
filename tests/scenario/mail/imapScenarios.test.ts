// The IMAP reading scenarios end to end: user agents reading with IMAP over virtual TCP from the mail server's
// store, what they learn recorded as ua.imap, and what one device does heard by the other in IDLE.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { isKind, type ImapReading, type TraceEvent } from '../../../src/sim/trace.ts';
import { run, scenario } from './mailWorld.ts';

function readings(trace: readonly TraceEvent[], host: string): ImapReading[] {
  return trace
    .filter(isKind('ua.imap'))
    .filter((e) => e.host === host)
    .map((e) => e.reading);
}

function clientVerbs(trace: readonly TraceEvent[], host: string): string[] {
  return trace
    .filter(isKind('app.line'))
    .filter((e) => e.protocol === 'imap' && e.from === 'client' && e.host === host)
    .map((e) => e.verb ?? '');
}

describe('imap-folders', () => {
  const trace = run(scenario('imap-folders'));

  it('lists the folders and fetches only the headers on both devices, leaving the mail on the server', () => {
    for (const host of ['bob-pc', 'bob-phone']) {
      const [folders, headers] = readings(trace, host);
      expect(folders).toMatchObject({ action: 'folders' });
      expect(folders?.action === 'folders' ? folders.folders : []).toEqual(
        expect.arrayContaining(['INBOX', 'Trash']),
      );
      expect(headers).toMatchObject({ action: 'headers', folder: 'INBOX' });
      expect(headers?.action === 'headers' ? headers.messages.map((m) => m.subject) : []).toEqual([
        'Lunch',
        'Dinner',
      ]);
    }
    const fetched = trace.filter(isKind('ua.fetchResult')).filter((e) => e.protocol === 'imap');
    expect(fetched.map((e) => [e.host, e.outcome, e.count])).toEqual([
      ['bob-phone', 'ok', 2],
      ['bob-pc', 'ok', 2],
    ]);
  });

  it('opens the text part on the PC, which sets \\Seen', () => {
    const opened = readings(trace, 'bob-pc').find((r) => r.action === 'opened');
    expect(opened).toMatchObject({ uid: 1, part: '1', origin: null });
    expect(opened?.action === 'opened' ? opened.text : '').toContain('ketchup');
    expect(clientVerbs(trace, 'bob-pc')).toContain('UID STORE');
  });

  it("tells the idling phone of the PC's flag change and of the message it moved to Trash", () => {
    const updates = readings(trace, 'bob-phone').filter((r) => r.action === 'update');
    expect(updates).toContainEqual(
      expect.objectContaining({
        change: 'flags',
        uid: 1,
        flags: expect.arrayContaining(['\\Seen', '\\Flagged']),
      }),
    );
    expect(updates).toContainEqual(expect.objectContaining({ change: 'expunge', uid: 2 }));
    // The PC's own changes come back as answers to its commands, not as news.
    expect(readings(trace, 'bob-pc').filter((r) => r.action === 'update')).toEqual([]);
    expect(readings(trace, 'bob-pc')).toContainEqual(
      expect.objectContaining({ action: 'moved', uid: 2, to: 'Trash', via: 'MOVE' }),
    );
  });

  it("ends the phone's IDLE with DONE to search, and finds the message", () => {
    expect(clientVerbs(trace, 'bob-phone')).toContain('DONE');
    expect(readings(trace, 'bob-phone')).toContainEqual({
      action: 'searched',
      folder: 'INBOX',
      query: 'ketchup',
      uids: [1],
    });
    expect(readings(trace, 'bob-phone').filter((r) => r.action === 'failed')).toEqual([]);
    expect(readings(trace, 'bob-pc').filter((r) => r.action === 'failed')).toEqual([]);
  });
});

// The shipped scenario attaches 5 MB, which takes the SMTP leg a minute and a half of CPU; the same world with a
// tenth of it (still eight chunks' worth) shows the same partial fetches.
function smallerPartialFetch(): Scenario {
  const world = scenario('partial-fetch');
  const inputs = world.inputs.map((timed) => {
    const input = timed.input;
    if (input.type !== 'mail.send') return timed;
    const attachments = (input.attachments ?? []).map((a) => ({
      ...a,
      repeat: Math.ceil((a.repeat ?? 1) / 10),
    }));
    return { ...timed, input: { ...input, attachments } };
  });
  return { ...world, inputs };
}

describe('partial-fetch', () => {
  it('ships an attachment of more than 5 MB', () => {
    const send = scenario('partial-fetch').inputs.find((timed) => timed.input.type === 'mail.send')?.input;
    const [photo] = send?.type === 'mail.send' ? (send.attachments ?? []) : [];
    expect((photo?.text?.length ?? 0) * (photo?.repeat ?? 1)).toBeGreaterThan(5_000_000);
  });

  const trace = run(smallerPartialFetch());

  it("learns the attachment's size from the headers, and opens only the text part", () => {
    const reads = readings(trace, 'bob-pc');
    expect(reads.find((r) => r.action === 'headers')).toMatchObject({
      messages: [{ uid: 1, subject: 'Photo from Paris' }],
    });
    const [text] = reads.filter((r) => r.action === 'opened');
    expect(text).toMatchObject({ part: '1', origin: null });
    expect(text?.action === 'opened' ? text.octets : 0).toBeLessThan(1000);
  });

  it('fetches the large attachment a 64 KiB piece at a time, only when asked', () => {
    const pieces = readings(trace, 'bob-pc').filter((r) => r.action === 'opened' && r.part === '2');
    expect(pieces.map((r) => (r.action === 'opened' ? [r.origin, r.octets, r.text] : []))).toEqual([
      [0, 65_536, null],
      [65_536, 65_536, null],
    ]);
    const total = pieces[0]?.action === 'opened' ? (pieces[0].total ?? 0) : 0;
    expect(total).toBeGreaterThan(500_000);
    const fetches = trace
      .filter(isKind('app.line'))
      .filter((e) => e.protocol === 'imap' && e.from === 'client' && e.verb === 'UID FETCH')
      .map((e) => e.args?.['items']);
    expect(fetches).toEqual([
      '(UID FLAGS ENVELOPE RFC822.SIZE BODYSTRUCTURE)',
      '(UID BODY.PEEK[1])',
      '(UID BODY.PEEK[2]<0.65536>)',
      '(UID BODY.PEEK[2]<65536.65536>)',
    ]);
  });
});

describe('IMAP reading when the server is down', () => {
  it('fails the fetch plainly, and a later fetch after the server is back succeeds', () => {
    const world = scenario('imap-folders');
    const send = world.inputs.filter((timed) => timed.input.type === 'mail.send');
    const trace = run({
      ...world,
      inputs: [
        ...send,
        { at: 20_000, input: { type: 'fault', fault: { type: 'host.down', host: 'hamburger.edu' } } },
        { at: 30_000, input: { type: 'mail.fetch', host: 'bob-pc', protocol: 'imap' } },
        { at: 200_000, input: { type: 'fault', fault: { type: 'host.up', host: 'hamburger.edu' } } },
        { at: 210_000, input: { type: 'mail.fetch', host: 'bob-pc', protocol: 'imap' } },
      ],
    });
    const results = trace.filter(isKind('ua.fetchResult')).filter((e) => e.host === 'bob-pc');
    expect(results.map((e) => e.outcome)).toEqual(['failed', 'ok']);
    expect(results[1]?.count).toBe(2);
  });
});

describe('fetching another folder', () => {
  it('lists the headers of the folder asked for: the phone sees in Trash what the PC deleted', () => {
    const base = scenario('imap-folders');
    const asked: Scenario = {
      ...base,
      inputs: [
        ...base.inputs,
        { at: 100_000, input: { type: 'mail.fetch', host: 'bob-phone', protocol: 'imap', folder: 'Trash' } },
      ],
    };
    const trash = readings(run(asked), 'bob-phone').filter(
      (r) => r.action === 'headers' && r.folder === 'Trash',
    );
    expect(trash.map((r) => (r.action === 'headers' ? r.messages.map((m) => m.subject) : []))).toEqual([
      ['Dinner'],
    ]);
  });

  it('fetches only INBOX when no folder is named', () => {
    const folders = readings(run(scenario('imap-folders')), 'bob-phone').flatMap((r) =>
      r.action === 'headers' ? [r.folder] : [],
    );
    expect(new Set(folders)).toEqual(new Set(['INBOX']));
  });
});
