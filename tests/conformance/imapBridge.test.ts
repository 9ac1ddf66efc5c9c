// Real IMAP clients (Python's imaplib, curl, a raw socket for IDLE) against the bridge: a message a real SMTP client
// sent to hamburger.edu is read back over IMAP from the same simulated store, and changes made over IMAP land there.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/sim/mail/mailboxStore.ts';
import { MASK } from '../../src/sim/shownLine.ts';
import { useBridge } from './bridgeUnderTest.ts';

type Datum = string | null | [string, string];

type Step =
  | { readonly op: 'list' | 'expunge' }
  | { readonly op: 'create' | 'select'; readonly mailbox: string }
  | { readonly op: 'status'; readonly mailbox: string; readonly items: readonly string[] }
  | { readonly op: 'search'; readonly criteria: readonly string[] }
  | { readonly op: 'fetch'; readonly uid: number; readonly items: string }
  | { readonly op: 'store'; readonly uid: number; readonly change: string; readonly flags: string }
  | { readonly op: 'copy' | 'move'; readonly uid: number; readonly mailbox: string }
  | { readonly op: 'append'; readonly mailbox: string; readonly flags?: string; readonly message: string };

type StepResult = { readonly typ: string; readonly data: Datum[] } | { readonly error: string };

interface ImaplibResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly welcome?: string;
  readonly capabilities?: string[];
  readonly login?: [string, string[]];
  readonly steps?: StepResult[];
  readonly logout?: string;
}

const log: string[] = [];
const lab = useBridge({ smtp: 0, imap: 0, log: (line) => log.push(line) });
const { processes } = lab;

async function imaplib(steps: readonly Step[], password = 'hungry'): Promise<ImaplibResult> {
  return JSON.parse(
    await lab.python('imaplib_client.py', { port: lab.port('imap'), user: 'bob', password, steps }),
  ) as ImaplibResult;
}

function folder(name: string): readonly StoredMessage[] {
  return lab.bridge.world.mailServer('hamburger.edu')?.store.folder('bob', name)?.messages ?? [];
}

function withSubject(name: string, subject: string): StoredMessage | undefined {
  return folder(name).find((m) => m.raw.includes(`\r\nSubject: ${subject}\r\n`));
}

// The step results of a run that must have logged in and run every step without imaplib raising.
function stepsOf(result: ImaplibResult): { typ: string; data: Datum[] }[] {
  expect(result).toMatchObject({ ok: true, login: ['OK', expect.any(Array)] });
  const steps = result.steps ?? [];
  for (const step of steps) expect(step).not.toHaveProperty('error');
  return steps as { typ: string; data: Datum[] }[];
}

function curl(args: readonly string[]) {
  return processes.run('curl', ['-s', '--max-time', '10', ...args]);
}

describe('Python imaplib against the bridge', () => {
  it('finds with SEARCH and fetches the ENVELOPE and, byte for byte, the BODY[] of what smtplib sent', async () => {
    await lab.sendToBob('Read me over IMAP', 'Do you like ketchup?\r\n.A line that starts with a dot\r\n');
    const stored = withSubject('INBOX', 'Read me over IMAP');
    if (stored === undefined) throw new Error('smtplib’s message did not reach Bob’s INBOX');
    const result = await imaplib([
      { op: 'list' },
      { op: 'select', mailbox: 'INBOX' },
      { op: 'search', criteria: ['SUBJECT', '"Read me over IMAP"'] },
      { op: 'fetch', uid: stored.uid, items: '(ENVELOPE BODY[])' },
    ]);
    expect(result.welcome).toMatch(/^\* OK .*hamburger\.edu/);
    expect(result.capabilities).toEqual(expect.arrayContaining(['IMAP4REV1', 'IDLE', 'MOVE', 'UIDPLUS']));
    const [list, select, search, fetch] = stepsOf(result);
    expect(list?.data).toEqual(expect.arrayContaining(['(\\HasNoChildren) "/" INBOX']));
    expect(list?.data).toEqual(expect.arrayContaining(['(\\HasNoChildren) "/" Sent']));
    expect(select?.data).toEqual([String(folder('INBOX').length)]);
    expect(search?.data).toEqual([String(stored.uid)]);
    const [head, body] = fetch?.data[0] as [string, string];
    expect(head).toContain('ENVELOPE (NIL "Read me over IMAP" (("Alice" NIL "alice" "crepes.fr"))');
    expect(head).toMatch(/BODY\[\] \{\d+\}$/);
    expect(body).toBe(stored.raw);
    // BODY[] without .PEEK sets \Seen (RFC 3501 §6.4.5), in the one store.
    expect(stored.flags.has('\\Seen')).toBe(true);
  });

  it('sets a flag with STORE +FLAGS that the store keeps and SEARCH then finds', async () => {
    await lab.sendToBob('Flag me', 'Important.\r\n');
    const uid = withSubject('INBOX', 'Flag me')?.uid as number;
    const result = await imaplib([
      { op: 'select', mailbox: 'INBOX' },
      { op: 'store', uid, change: '+FLAGS', flags: '(\\Flagged)' },
      { op: 'search', criteria: ['FLAGGED'] },
    ]);
    const [, store, search] = stepsOf(result);
    expect(store?.data[0]).toMatch(new RegExp(`FLAGS \\([^)]*\\\\Flagged[^)]*\\) UID ${uid}\\)$`));
    expect(search?.data[0]?.toString().split(' ')).toContain(String(uid));
    expect(withSubject('INBOX', 'Flag me')?.flags.has('\\Flagged')).toBe(true);
  });

  it('APPENDs a message sent as a literal, with its flags, and gets its APPENDUID', async () => {
    const message =
      'From: Bob <bob@hamburger.edu>\r\nTo: Alice <alice@crepes.fr>\r\nSubject: Appended\r\n\r\nA draft.\r\n';
    const [append] = stepsOf(await imaplib([{ op: 'append', mailbox: 'Sent', flags: '(\\Seen)', message }]));
    const stored = withSubject('Sent', 'Appended');
    expect(stored?.raw).toBe(message);
    expect(stored?.flags.has('\\Seen')).toBe(true);
    const validity = lab.bridge.world.mailServer('hamburger.edu')?.store.folder('bob', 'Sent')?.uidValidity;
    expect(append?.data).toEqual([`[APPENDUID ${validity} ${stored?.uid}] APPEND completed`]);
  });

  it('COPYs a message to Trash and MOVEs it to a folder it CREATEs, leaving one copy in each and none in INBOX', async () => {
    await lab.sendToBob('Move me', 'Archive this.\r\n');
    const uid = withSubject('INBOX', 'Move me')?.uid as number;
    const result = await imaplib([
      { op: 'create', mailbox: 'Archive' },
      { op: 'select', mailbox: 'INBOX' },
      { op: 'copy', uid, mailbox: 'Trash' },
      { op: 'move', uid, mailbox: 'Archive' },
      { op: 'status', mailbox: 'Archive', items: ['MESSAGES'] },
    ]);
    const steps = stepsOf(result);
    expect(steps.map((s) => s.typ)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
    expect(steps[4]?.data).toEqual(['Archive (MESSAGES 1)']);
    expect(withSubject('INBOX', 'Move me')).toBeUndefined();
    expect(folder('Trash').filter((m) => m.raw.includes('Subject: Move me'))).toHaveLength(1);
    expect(folder('Archive').filter((m) => m.raw.includes('Subject: Move me'))).toHaveLength(1);
  });

  it('refuses a wrong password, and the log shows neither password', async () => {
    const result = await imaplib([], 'not-bobs-password');
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/AUTHENTICATIONFAILED|LOGIN/);
    expect(log.some((line) => line.includes('not-bobs-password'))).toBe(false);
    expect(log.some((line) => line.includes('hungry'))).toBe(false);
  });

  it('logs LOGIN with its tag and user name and the password masked', () => {
    const logins = log.filter((line) => / C: \S+ LOGIN /.test(line));
    expect(logins.length).toBeGreaterThan(0);
    for (const line of logins) expect(line).toMatch(new RegExp(` C: \\S+ LOGIN bob ${MASK}$`));
  });
});

// A connection that speaks IMAP by hand: `waitFor` resolves once what the server sent so far matches.
function rawImap() {
  const socket = connect(lab.port('imap'), '127.0.0.1');
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(received)) return;
        clearTimeout(timer);
        socket.off('data', check);
        resolve();
      };
      const timer = setTimeout(() => {
        socket.off('data', check);
        reject(new Error(`no ${pattern} in:\n${received}`));
      }, 10_000);
      socket.on('data', check);
      check();
    });
  return { write: (text: string) => socket.write(text), waitFor, destroy: () => socket.destroy() };
}

describe('a raw IMAP connection to the bridge', () => {
  // imaplib has no IDLE before Python 3.14, so the test speaks the protocol itself.
  it('hears, while in IDLE, the EXISTS of a message SMTP delivers meanwhile', async () => {
    const before = folder('INBOX').length;
    const client = rawImap();
    try {
      await client.waitFor(/^\* OK/);
      client.write('i1 LOGIN bob hungry\r\ni2 SELECT INBOX\r\n');
      await client.waitFor(/i2 OK/);
      client.write('i3 IDLE\r\n');
      await client.waitFor(/\r\n\+ /);
      await lab.sendToBob('Heard in IDLE', 'Ding.\r\n');
      await client.waitFor(new RegExp(`\\* ${before + 1} EXISTS\\r\\n`));
      client.write('DONE\r\ni4 LOGOUT\r\n');
      await client.waitFor(/i3 OK[^\r]*\r\n[\s\S]*i4 OK/);
    } finally {
      client.destroy();
    }
  });

  it('logs a LOGIN whose password is a literal masked: its announced length and its octets', async () => {
    const from = log.length;
    const client = rawImap();
    try {
      await client.waitFor(/^\* OK/);
      client.write('l1 LOGIN bob {6}\r\n');
      await client.waitFor(/\r\n\+ /);
      client.write('hungry\r\n');
      await client.waitFor(/l1 OK/);
      client.write('l2 LOGOUT\r\n');
      await client.waitFor(/l2 OK/);
    } finally {
      client.destroy();
    }
    const sent = log.slice(from).filter((line) => / C: /.test(line));
    expect(sent[0]).toMatch(new RegExp(` C: l1 LOGIN (bob )?${MASK}$`));
    expect(sent[1]).toMatch(new RegExp(` C: ${MASK}$`));
    expect(sent[2]).toMatch(/ C: l2 LOGOUT$/);
    expect(log.some((line) => line.includes('hungry') || line.includes('{6}'))).toBe(false);
  });

  it('logs a control character a client sent escaped, not obeyed', async () => {
    const client = rawImap();
    try {
      await client.waitFor(/^\* OK/);
      client.write('e1 NOOP\x1b[2J\r\n');
      await client.waitFor(/e1 /);
    } finally {
      client.destroy();
    }
    expect(log.some((line) => line.includes('C: e1 NOOP\\x1b[2J'))).toBe(true);
    expect(log.some((line) => line.includes('\x1b'))).toBe(false);
  });
});

describe('curl against the bridge over imap://', () => {
  it('lists the folders', async () => {
    const out = await curl(['-u', 'bob:hungry', `imap://127.0.0.1:${lab.port('imap')}/`]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('* LIST (\\HasNoChildren) "/" INBOX\r\n');
    expect(out.stdout).toContain('"/" Trash\r\n');
  });

  it('fetches a message by its UID, as the store holds it', async () => {
    await lab.sendToBob('Curl reads IMAP', 'Fetched by curl.\r\n');
    const stored = withSubject('INBOX', 'Curl reads IMAP');
    const out = await curl([
      '-u',
      'bob:hungry',
      `imap://127.0.0.1:${lab.port('imap')}/INBOX;UID=${stored?.uid}`,
    ]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(stored?.raw);
  });

  it('logs curl’s AUTHENTICATE PLAIN response masked', async () => {
    expect((await curl(['-u', 'bob:hungry', `imap://127.0.0.1:${lab.port('imap')}/`])).code).toBe(0);
    const response = Buffer.from('\0bob\0hungry').toString('base64');
    expect(log.some((line) => line.includes(response))).toBe(false);
    expect(log.some((line) => / C: A\d+ AUTHENTICATE PLAIN$/.test(line))).toBe(true);
    expect(log.some((line) => line.endsWith(` C: ${MASK}`))).toBe(true);
  });

  it('fails with curl’s login error for a wrong password', async () => {
    const out = await curl(['-u', 'bob:wrong', `imap://127.0.0.1:${lab.port('imap')}/`]);
    // CURLE_LOGIN_DENIED
    expect(out.code).toBe(67);
  });
});

describe('npm run bridge with --imap', () => {
  it('prints a ready line per service, and the IMAP port it names greets', async () => {
    // One node process (no tsx launcher in between), so killing it at the end leaves nothing behind.
    const { child, match } = await processes.serve(
      'node',
      ['--import', 'tsx', 'src/cli/bridge.ts', '--smtp', '0', '--pop3', '0', '--imap', '0'],
      /ready smtp 127\.0\.0\.1:\d+ \(hamburger\.edu\)\n(?:.*\n)*?ready pop3 127\.0\.0\.1:\d+ .*\n(?:.*\n)*?ready imap 127\.0\.0\.1:(\d+) \(hamburger\.edu\)\n/,
      40_000,
    );
    try {
      const socket = connect(Number(match[1]), '127.0.0.1');
      const greeting = await new Promise<string>((resolve, reject) => {
        socket.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1')));
        socket.once('error', reject);
      });
      socket.destroy();
      expect(greeting).toMatch(/^\* OK .*hamburger\.edu.*\r\n/);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
