// Real SMTP clients (Python's smtplib, curl) against the bridge: the textbook world's hamburger.edu answers on
// loopback ports, and what they send must land in the simulated mailboxes or travel through its queue.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBridge, type Bridge } from '../../src/bridge/bridge.ts';
import type { EventOf } from '../../src/sim/trace.ts';
import { fixture, Processes } from './processes.ts';

interface SmtplibResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly code?: number;
  readonly text?: string;
  readonly refused: Readonly<Record<string, [number, string]>>;
}

interface SmtplibSpec {
  readonly port: number;
  readonly from: string;
  readonly to: readonly string[];
  readonly message: string;
  readonly login?: readonly [string, string];
}

const processes = new Processes();
let bridge: Bridge;
let smtpPort: number;
let submissionPort: number;
let scratch: string;

beforeAll(async () => {
  bridge = await startBridge({ smtp: 0, submission: 0 });
  smtpPort = bridge.ports.smtp as number;
  submissionPort = bridge.ports.submission as number;
  scratch = mkdtempSync(join(tmpdir(), 'mail-lab-conformance-'));
});

afterAll(async () => {
  processes.killAll();
  await bridge?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function smtplib(spec: SmtplibSpec): Promise<SmtplibResult> {
  const finished = await processes.run('python3', [
    fixture('smtplib_client.py'),
    JSON.stringify({ host: '127.0.0.1', ...spec }),
  ]);
  if (finished.code !== 0)
    throw new Error(`smtplib_client.py failed (${finished.code}):\n${finished.stderr}`);
  return JSON.parse(finished.stdout) as SmtplibResult;
}

function message(subject: string, body = 'Do you like ketchup?\r\nHow about pickles?\r\n'): string {
  return `From: Alice <alice@crepes.fr>\r\nTo: Bob <bob@hamburger.edu>\r\nSubject: ${subject}\r\n\r\n${body}`;
}

function inbox(user: string, host = 'hamburger.edu'): string[] {
  const store = bridge.world.mailServer(host)?.store;
  return (store?.folder(user)?.messages ?? []).map((m) => m.raw);
}

function withSubject(user: string, subject: string, host = 'hamburger.edu'): string[] {
  return inbox(user, host).filter((raw) => raw.includes(`\r\nSubject: ${subject}\r\n`));
}

// The SMTP lines of bridge connections (ids b1, b2…) traced since `from`, as the teaching log shows them.
function bridgeLines(from: number): EventOf<'app.line'>[] {
  return bridge.kernel.trace
    .slice(from)
    .filter((e): e is EventOf<'app.line'> => e.kind === 'app.line' && e.conn.startsWith('b'));
}

describe('Python smtplib against the bridge', () => {
  it('delivers a message to one recipient into Bob’s mailbox', async () => {
    const result = await smtplib({
      port: smtpPort,
      from: 'alice@crepes.fr',
      to: ['bob@hamburger.edu'],
      message: message('One recipient'),
    });
    expect(result).toEqual({ ok: true, refused: {} });
    expect(withSubject('bob', 'One recipient')).toHaveLength(1);
  });

  it('stores the message with Return-Path and Received added in front of it', async () => {
    await smtplib({
      port: smtpPort,
      from: 'alice@crepes.fr',
      to: ['bob@hamburger.edu'],
      message: message('Trace fields'),
    });
    const [raw] = withSubject('bob', 'Trace fields');
    expect(raw).toMatch(
      /^Return-Path: <alice@crepes\.fr>\r\nX-Original-To: bob@hamburger\.edu\r\nDelivered-To: bob@hamburger\.edu\r\nReceived: from \S+ \(127\.0\.0\.1 \[127\.0\.0\.1\]\)/,
    );
    expect(raw).toMatch(/\r\n\tby hamburger\.edu .* with ESMTP id [0-9A-F]+\r\n/);
    expect(raw).toContain('\r\n\r\nDo you like ketchup?\r\nHow about pickles?\r\n');
  });

  it('returns the one unknown recipient refused with 550 while the others get the message', async () => {
    const result = await smtplib({
      port: smtpPort,
      from: 'alice@crepes.fr',
      to: ['bob@hamburger.edu', 'nobody@hamburger.edu', 'postmaster@hamburger.edu'],
      message: message('Several recipients'),
    });
    expect(result.ok).toBe(true);
    expect(Object.keys(result.refused)).toEqual(['nobody@hamburger.edu']);
    expect(result.refused['nobody@hamburger.edu']?.[0]).toBe(550);
    expect(result.refused['nobody@hamburger.edu']?.[1]).toContain('User unknown');
    expect(withSubject('bob', 'Several recipients')).toHaveLength(1);
    expect(withSubject('postmaster', 'Several recipients')).toHaveLength(1);
  });

  it('accepts the lowercase commands smtplib sends', async () => {
    const from = bridge.kernel.trace.length;
    await smtplib({
      port: smtpPort,
      from: 'alice@crepes.fr',
      to: ['bob@hamburger.edu'],
      message: message('Lowercase'),
    });
    const lines = bridgeLines(from).map((e) => `${e.from === 'client' ? 'C' : 'S'}: ${e.line}`);
    const after = (command: RegExp) => lines[lines.findIndex((l) => command.test(l)) + 1];
    expect(after(/^C: ehlo /)).toMatch(/^S: 250-/);
    expect(after(/^C: mail FROM:<alice@crepes\.fr>/)).toMatch(/^S: 250 /);
    expect(after(/^C: rcpt TO:<bob@hamburger\.edu>/)).toMatch(/^S: 250 /);
    expect(after(/^C: data$/)).toMatch(/^S: 354 /);
    // smtplib says QUIT in capitals when its `with` block ends.
    expect(after(/^C: quit$/i)).toMatch(/^S: 221 /);
    expect(withSubject('bob', 'Lowercase')).toHaveLength(1);
  });

  it('gets a body line that starts with a dot back unchanged after dot-stuffing', async () => {
    await smtplib({
      port: smtpPort,
      from: 'alice@crepes.fr',
      to: ['bob@hamburger.edu'],
      message: message('Dots', '.hidden line\r\n..two dots\r\n.\r\nend\r\n'),
    });
    const [raw] = withSubject('bob', 'Dots');
    expect(raw).toContain('\r\n\r\n.hidden line\r\n..two dots\r\n.\r\nend\r\n');
  });
});

describe('curl against the bridge', () => {
  function upload(subject: string, recipient: string): Promise<{ code: number | null; stderr: string }> {
    const file = join(scratch, `${subject.replace(/\W+/g, '-')}.eml`);
    writeFileSync(file, message(subject));
    return processes.run('curl', [
      '--silent',
      '--show-error',
      '--max-time',
      '10',
      '--url',
      // The URL's path is the name curl gives in EHLO.
      `smtp://127.0.0.1:${smtpPort}/crepes.fr`,
      '--mail-from',
      'alice@crepes.fr',
      '--mail-rcpt',
      recipient,
      '-T',
      file,
    ]);
  }

  it('uploads a message that lands in Bob’s mailbox', async () => {
    const from = bridge.kernel.trace.length;
    const result = await upload('Sent with curl', 'bob@hamburger.edu');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(bridgeLines(from).map((e) => e.line)).toContain('EHLO crepes.fr');
    const [raw] = withSubject('bob', 'Sent with curl');
    expect(raw).toMatch(
      /^Return-Path: <alice@crepes\.fr>\r\nX-Original-To: bob@hamburger\.edu\r\nDelivered-To: bob@hamburger\.edu\r\nReceived: from crepes\.fr /,
    );
  });

  it('fails with the 550 when the recipient is unknown', async () => {
    const result = await upload('Curl to nobody', 'nobody@hamburger.edu');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('550');
    expect(withSubject('postmaster', 'Curl to nobody')).toHaveLength(0);
  });
});

describe('submission and relaying through the bridge', () => {
  it('relays to a foreign domain after smtplib logs in with AUTH PLAIN on the submission port', async () => {
    const from = bridge.kernel.trace.length;
    const result = await smtplib({
      port: submissionPort,
      from: 'bob@hamburger.edu',
      to: ['alice@crepes.fr'],
      message: message('Relayed after login'),
      login: ['bob', 'hungry'],
    });
    expect(result).toEqual({ ok: true, refused: {} });
    const lines = bridgeLines(from).map((e) => e.line);
    expect(lines.some((l) => l.startsWith('AUTH PLAIN '))).toBe(true);
    expect(lines).toContain('235 Authentication successful');
    const queued = bridge.kernel.trace
      .slice(from)
      .find((e) => e.kind === 'queue.enqueued' && e.recipients.includes('alice@crepes.fr'));
    expect(queued).toMatchObject({ host: 'hamburger.edu', from: 'bob@hamburger.edu' });
    // Virtual time follows real time, so the simulated queue delivers to crepes.fr within a second or so.
    await vi.waitFor(() => expect(withSubject('alice', 'Relayed after login', 'crepes.fr')).toHaveLength(1), {
      timeout: 10_000,
      interval: 50,
    });
    const [raw] = withSubject('alice', 'Relayed after login', 'crepes.fr');
    expect(raw).toMatch(/with ESMTPA id/);
  });

  it('refuses to relay to a foreign domain on port 25 without login, with sendmail’s 550 5.7.1 in the textbook world', async () => {
    const result = await smtplib({
      port: smtpPort,
      from: 'someone@example.org',
      to: ['alice@crepes.fr'],
      message: message('Open relay attempt'),
    });
    expect(result.ok).toBe(false);
    expect(result.error).toBe('SMTPRecipientsRefused');
    expect(result.refused['alice@crepes.fr']?.[0]).toBe(550);
    expect(result.refused['alice@crepes.fr']?.[1]).toContain('Relaying denied');
  });

  it('requires AUTH before MAIL on the submission port', async () => {
    const result = await smtplib({
      port: submissionPort,
      from: 'bob@hamburger.edu',
      to: ['alice@crepes.fr'],
      message: message('No login'),
    });
    expect(result).toMatchObject({ ok: false, error: 'SMTPSenderRefused', code: 530 });
  });

  it('refuses a wrong password with 535', async () => {
    const result = await smtplib({
      port: submissionPort,
      from: 'bob@hamburger.edu',
      to: ['alice@crepes.fr'],
      message: message('Wrong password'),
      login: ['bob', 'mustard'],
    });
    expect(result).toMatchObject({ ok: false, error: 'SMTPAuthenticationError', code: 535 });
  });
});

describe('the bridge itself', () => {
  it('refuses to start on a port that is already in use, saying so', async () => {
    await expect(startBridge({ smtp: smtpPort })).rejects.toThrow(
      `cannot listen on 127.0.0.1:${smtpPort}: the port is already in use`,
    );
  });

  it('refuses to serve a host that runs no mail server', async () => {
    await expect(startBridge({ smtp: 0, host: 'ns.example' })).rejects.toThrow(
      /ns\.example runs no mail server/,
    );
  });
});
