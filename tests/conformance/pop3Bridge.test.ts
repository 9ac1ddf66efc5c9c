// Real POP3 clients (Python's poplib, curl) against the bridge: a message a real SMTP client sent to hamburger.edu
// is read back over POP3 from the same simulated mailbox, deleted only by a QUIT that reaches UPDATE.
import { describe, expect, it } from 'vitest';
import { useBridge } from './bridgeUnderTest.ts';

interface PoplibResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly welcome?: string;
  readonly stat?: [number, number];
  readonly uidl?: string[];
  readonly messages?: string[];
  readonly quit?: string;
  readonly second?: string;
}

const lab = useBridge({ smtp: 0, pop3: 0 });
const { processes } = lab;

async function poplib(spec: object): Promise<PoplibResult> {
  return JSON.parse(
    await lab.python('poplib_client.py', { port: lab.port('pop3'), user: 'bob', ...spec }),
  ) as PoplibResult;
}

function inbox(): string[] {
  return (lab.bridge.world.mailServer('hamburger.edu')?.store.folder('bob')?.messages ?? []).map(
    (m) => m.raw,
  );
}

describe('Python poplib against the bridge', () => {
  it('reads back, byte for byte, the message smtplib sent, and keeps it without DELE', async () => {
    await lab.sendToBob('Read me', 'Do you like ketchup?\r\n.A line that starts with a dot\r\n');
    const stored = inbox().find((raw) => raw.includes('Subject: Read me'));
    const result = await poplib({ password: 'hungry' });
    expect(result.ok).toBe(true);
    expect(result.welcome).toMatch(/^\+OK POP3 server ready <\d+\.\d+@hamburger\.edu>$/);
    expect(result.messages).toContain(stored);
    expect(result.messages?.find((m) => m.includes('Subject: Read me'))).toContain(
      '\r\n.A line that starts with a dot\r\n',
    );
    expect(result.uidl?.every((uid) => /^\d+\.\d+$/.test(uid))).toBe(true);
    expect(inbox()).toContain(stored);
  });

  it('logs in with APOP, the digest made from the greeting’s timestamp', async () => {
    const result = await poplib({ password: 'hungry', apop: true });
    expect(result).toMatchObject({ ok: true });
    const answer = lab.bridge.kernel.trace
      .slice()
      .findLast((e) => e.kind === 'app.line' && e.from === 'server' && e.answers === 'APOP');
    expect(answer?.kind === 'app.line' && answer.reply).toBe('pop3.apop.ok');
  });

  it('refuses a wrong password with -ERR [AUTH]', async () => {
    const result = await poplib({ password: 'ketchup' });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^-ERR \[AUTH\]/);
  });

  it('gives a second session -ERR [IN-USE] while the first holds the maildrop', async () => {
    const result = await poplib({ password: 'hungry', hold: true });
    expect(result.ok).toBe(true);
    expect(result.second).toMatch(/^-ERR \[IN-USE\]/);
  });

  it('removes what it marked with DELE once QUIT enters UPDATE', async () => {
    await lab.sendToBob('Delete me', 'Gone after QUIT.\r\n');
    const result = await poplib({ password: 'hungry', delete: true });
    expect(result.ok).toBe(true);
    expect(result.messages?.some((m) => m.includes('Subject: Delete me'))).toBe(true);
    expect(result.quit).toMatch(/^\+OK .*maildrop empty/);
    expect(inbox()).toEqual([]);
  });
});

describe('curl against the bridge', () => {
  it('lists the maildrop and retrieves a message over pop3://', async () => {
    await lab.sendToBob('Curl reads', 'Fetched by curl.\r\n');
    const url = `pop3://127.0.0.1:${lab.port('pop3')}/`;
    const list = await processes.run('curl', ['-s', '--max-time', '10', '-u', 'bob:hungry', url]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^1 \d+\r?\n$/);
    const retr = await processes.run('curl', ['-s', '--max-time', '10', '-u', 'bob:hungry', `${url}1`]);
    expect(retr.code).toBe(0);
    expect(retr.stdout).toContain('Subject: Curl reads\r\n');
    expect(retr.stdout).toContain('\r\n\r\nFetched by curl.\r\n');
    // Reading is not deleting: the message is still there.
    expect(inbox().some((raw) => raw.includes('Subject: Curl reads'))).toBe(true);
  });

  it('fails with curl’s login error for a wrong password', async () => {
    const out = await processes.run('curl', [
      '-s',
      '--max-time',
      '10',
      '-u',
      'bob:wrong',
      `pop3://127.0.0.1:${lab.port('pop3')}/`,
    ]);
    // CURLE_LOGIN_DENIED
    expect(out.code).toBe(67);
  });
});
