// The bridge in a classroom: whatever the clients send, the teacher's terminal shows it escaped, credentials masked
// and message text cut short; the bridge listens on loopback unless told, and stores no more than its limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWN_TEXT_LINES, startBridge, type Bridge } from '../../src/bridge/bridge.ts';
import { MASK } from '../../src/sim/shownLine.ts';
import { open } from '../../scripts/soak.ts';

const log: string[] = [];
let bridge: Bridge;
const STORAGE_LIMIT = 64 * 1024;

beforeAll(async () => {
  bridge = await startBridge({
    smtp: 0,
    submission: 0,
    pop3: 0,
    imap: 0,
    storageLimit: STORAGE_LIMIT,
    log: (line) => log.push(line),
  });
});

afterAll(() => bridge?.stop());

/** session opens `kind`, waits for the greeting, then sends each line and waits for the answer it names. */
async function session(
  kind: 'smtp' | 'submission' | 'pop3' | 'imap',
  exchange: readonly (readonly [string, string])[],
): Promise<string[]> {
  const { socket, reader } = await open(bridge.ports[kind] as number);
  const heard: string[] = [await reader.line()];
  for (const [line, until] of exchange) {
    socket.write(`${line}\r\n`);
    for (;;) {
      const reply = await reader.line();
      heard.push(reply);
      if (reply.startsWith(until)) break;
    }
  }
  socket.end();
  return heard;
}

function logSince(mark: number): string[] {
  return log.slice(mark);
}

describe('the bridge’s log', () => {
  it('escapes the control characters a client sends, so they cannot clear or retitle the terminal', async () => {
    const mark = log.length;
    await session('smtp', [
      ['NOOP \x1b[2J\x1b]0;owned\x07', '250'],
      ['QUIT', '221'],
    ]);
    const shown = logSince(mark);
    expect(shown.some((l) => l.includes('NOOP \\x1b[2J\\x1b]0;owned\\x07'))).toBe(true);
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(shown.filter((l) => /[\u0000-\u001f\u007f-\u009f]/.test(l))).toEqual([]);
  });

  it('shows AUTH PLAIN’s initial response masked, never its base64', async () => {
    const mark = log.length;
    const payload = Buffer.from('\0bob\0hungry').toString('base64');
    await session('submission', [
      ['EHLO teacher', '250 '],
      [`AUTH PLAIN ${payload}`, '235'],
      ['QUIT', '221'],
    ]);
    const shown = logSince(mark).join('\n');
    expect(shown).toContain(`AUTH PLAIN ${MASK}`);
    expect(shown).not.toContain(payload);
  });

  it('masks what follows AUTH LOGIN, the user name and the password', async () => {
    const mark = log.length;
    const user = Buffer.from('bob').toString('base64');
    const password = Buffer.from('hungry').toString('base64');
    await session('submission', [
      ['EHLO teacher', '250 '],
      ['AUTH LOGIN', '334'],
      [user, '334'],
      [password, '235'],
      ['QUIT', '221'],
    ]);
    const shown = logSince(mark).join('\n');
    expect(shown).not.toContain(password);
    expect(shown).toContain(MASK);
  });

  it('masks POP3’s PASS and IMAP’s LOGIN password', async () => {
    const mark = log.length;
    await session('pop3', [
      ['USER bob', '+OK'],
      ['PASS hungry', '+OK'],
      ['QUIT', '+OK'],
    ]);
    await session('imap', [
      ['a1 LOGIN bob hungry', 'a1 '],
      ['a2 LOGOUT', 'a2 '],
    ]);
    const shown = logSince(mark).join('\n');
    expect(shown).not.toContain('hungry');
    expect(shown).toContain(`PASS ${MASK}`);
    expect(shown).toContain(`a1 LOGIN bob ${MASK}`);
  });

  it('shows the first lines of a message’s text and counts the rest, both after DATA and in RETR', async () => {
    const mark = log.length;
    const lines = Array.from({ length: 200 }, (_, i) => `body line ${i + 1}`);
    await session('smtp', [
      ['HELO teacher', '250'],
      ['MAIL FROM:<alice@crepes.fr>', '250'],
      ['RCPT TO:<bob@hamburger.edu>', '250'],
      ['DATA', '354'],
      [['Subject: long', '', ...lines, '.'].join('\r\n'), '250'],
      ['QUIT', '221'],
    ]);
    const sent = logSince(mark);
    expect(sent.filter((l) => l.includes('C: body line'))).toHaveLength(SHOWN_TEXT_LINES - 2);
    const counted = 202 - SHOWN_TEXT_LINES;
    expect(sent.filter((l) => l.includes(`C: … ${counted} more lines of message text`))).toHaveLength(1);
    expect(sent.some((l) => l.includes('C: .'))).toBe(true);

    const stat = await session('pop3', [
      ['USER bob', '+OK'],
      ['PASS hungry', '+OK'],
      ['STAT', '+OK'],
      ['QUIT', '+OK'],
    ]);
    const retrMark = log.length;
    const listing = await session('pop3', [
      ['USER bob', '+OK'],
      ['PASS hungry', '+OK'],
      [`RETR ${stat[3]?.split(' ')[1]}`, '.'],
      ['QUIT', '+OK'],
    ]);
    expect(listing.length).toBeGreaterThan(200);
    const read = logSince(retrMark);
    expect(read.filter((l) => l.includes('S: body line'))).toHaveLength(0);
    expect(read.filter((l) => /S: … \d+ more lines of the reply/.test(l))).toHaveLength(1);
    expect(read.length).toBeLessThan(40);
  });

  it('cuts a long line short and counts what it left out', async () => {
    const mark = log.length;
    await session('smtp', [
      [`NOOP ${'y'.repeat(900)}`, ''],
      ['QUIT', '221'],
    ]);
    const noop = logSince(mark).find((l) => l.includes('C: NOOP'));
    expect(noop?.length).toBeLessThan(300);
    expect(noop).toMatch(/… \(\d+ more octets\)$/);
  });

  it('says at the start how it bounds its memory', () => {
    expect(log.some((l) => l.startsWith('memory: the trace keeps only its newest'))).toBe(true);
  });
});

describe('where the bridge listens', () => {
  it('listens on 127.0.0.1 only, without a warning, unless told otherwise', () => {
    expect(log.filter((l) => l.startsWith('ready '))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^ready smtp 127\.0\.0\.1:\d+ /)]),
    );
    expect(log.some((l) => l.startsWith('warning:'))).toBe(false);
  });

  it('listens on the address --listen names, warning first that the lab’s passwords are public', async () => {
    const lines: string[] = [];
    const open = await startBridge({ smtp: 0, listen: '0.0.0.0', log: (line) => lines.push(line) });
    await open.stop();
    const warning = lines.findIndex((l) => l.startsWith('warning: listening on 0.0.0.0'));
    expect(warning).toBeGreaterThanOrEqual(0);
    expect(lines.findIndex((l) => l.startsWith('ready smtp 0.0.0.0:'))).toBeGreaterThan(warning);
  });

  it('refuses an address this machine does not have, saying so', async () => {
    await expect(startBridge({ smtp: 0, listen: '192.0.2.1' })).rejects.toThrow(
      /cannot listen on 192\.0\.2\.1/,
    );
  });
});

describe('the bridge’s storage', () => {
  it('answers 452 once its mail servers hold their limit, and takes mail again once Bob deletes his', async () => {
    // About 16 KiB each, so the 64 KiB limit is reached by the fifth message.
    const text = ['Subject: filler', '', ...Array<string>(230).fill('z'.repeat(70)), '.'].join('\r\n');
    const send = () =>
      session('smtp', [
        ['HELO teacher', '250'],
        ['MAIL FROM:<alice@crepes.fr>', '250'],
        ['RCPT TO:<bob@hamburger.edu>', ''],
        ['QUIT', '221'],
      ]);
    let refusal: string | undefined;
    for (let i = 0; i < 10 && refusal === undefined; i++) {
      const heard = await send();
      if (heard[3]?.startsWith('452')) refusal = heard[3];
      else
        await session('smtp', [
          ['HELO teacher', '250'],
          ['MAIL FROM:<alice@crepes.fr>', '250'],
          ['RCPT TO:<bob@hamburger.edu>', '250'],
          ['DATA', '354'],
          [text, '250'],
          ['QUIT', '221'],
        ]);
    }
    // The textbook world's servers answer as sendmail does, without enhanced codes.
    expect(refusal).toBe('452 Insufficient disk space; try again later');
    expect(bridge.mailServer.store.octets).toBeGreaterThanOrEqual(STORAGE_LIMIT);
    expect(bridge.mailServer.store.octets).toBeLessThan(2 * STORAGE_LIMIT);

    const stat = await session('pop3', [
      ['USER bob', '+OK'],
      ['PASS hungry', '+OK'],
      ['STAT', '+OK'],
    ]);
    const count = Number(stat[3]?.split(' ')[1]);
    await session('pop3', [
      ['USER bob', '+OK'],
      ['PASS hungry', '+OK'],
      ...Array.from({ length: count }, (_, i) => [`DELE ${i + 1}`, '+OK'] as const),
      ['QUIT', '+OK'],
    ]);
    const again = await send();
    expect(again[3]).toMatch(/^250 /);
  });
});
