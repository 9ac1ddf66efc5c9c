// Our SMTP client machine against a real SMTP server: a standard-library Python sink on loopback, reached
// through a NodeSocket bound with bindLineSession, exactly as the simulation binds it to virtual TCP.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActor } from 'xstate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNodeSocket } from '../../src/bridge/nodeSocket.ts';
import { utf8ToOctets } from '../../src/protocols/shared/octets.ts';
import {
  smtpClientMachine,
  smtpClientReader,
  type SmtpClientInput,
  type SmtpClientOutput,
} from '../../src/protocols/smtp/smtpClientMachine.ts';
import { bindLineSession } from '../../src/sim/services/lineSession.ts';
import type { UnstampedEvent } from '../../src/sim/trace.ts';
import { fixture, Processes } from './processes.ts';

interface SinkTransaction {
  readonly helo: string;
  readonly from: string;
  readonly params: Readonly<Record<string, string>>;
  readonly accepted: readonly string[];
  readonly rejected: readonly string[];
  readonly data: string;
}

const processes = new Processes();
let scratch: string;
let output: string;
let sinkPort: number;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'mail-lab-sink-'));
  output = join(scratch, 'received.json');
  const { match } = await processes.serve(
    'python3',
    [fixture('smtp_sink.py'), output, 'nobody@sink.test'],
    /listening (\d+)/,
  );
  sinkPort = Number(match[1]);
});

afterAll(() => {
  processes.killAll();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function received(): SinkTransaction[] {
  return (JSON.parse(readFileSync(output, 'utf8')) as { transactions: SinkTransaction[] }).transactions;
}

// Runs one delivery over a real connection and resolves with the machine's output and the lines it traced.
async function deliver(
  input: SmtpClientInput,
): Promise<{ output: SmtpClientOutput; events: UnstampedEvent[] }> {
  const socket = await connectNodeSocket('127.0.0.1', sinkPort, 'n1');
  const actor = createActor(smtpClientMachine, { input });
  const events: UnstampedEvent[] = [];
  const done = new Promise<SmtpClientOutput>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the client machine did not finish')), 10_000);
    actor.subscribe((snapshot) => {
      if (snapshot.status !== 'done') return;
      clearTimeout(timer);
      resolve(snapshot.output);
    });
  });
  bindLineSession(socket, actor, {
    host: 'crepes.fr',
    protocol: 'smtp',
    machine: 'smtp-client',
    maxLine: 4096,
    reader: smtpClientReader,
    emit: (e) => events.push(e),
  });
  return { output: await done, events };
}

// CRLF line ends, a line that starts with "." (and one that is only "."), and UTF-8 text as octets.
const MESSAGE = utf8ToOctets(
  [
    'From: Alice <alice@crepes.fr>',
    'To: Bob <bob@sink.test>',
    'Subject: Dots and octets',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    '.starts with a dot',
    '.',
    '..two dots',
    'Crème brûlée, 김치',
    '',
  ].join('\r\n'),
);

describe('smtpClientMachine against a real SMTP server', () => {
  it('delivers to the accepted recipients and reports the 550 for the rejected one', async () => {
    const { output } = await deliver({
      heloName: 'crepes.fr',
      envelope: { from: 'alice@crepes.fr', to: ['bob@sink.test', 'nobody@sink.test', 'carol@sink.test'] },
      data: MESSAGE,
    });
    expect(output.session.ended).toBe('quit');
    expect(output.session.pipelining).toBe(true);
    const outcomes = output.recipients.map((r) => [r.recipient, r.outcome, r.reply?.code]);
    expect(outcomes).toEqual([
      ['bob@sink.test', 'delivered', 250],
      ['nobody@sink.test', 'permanent', 550],
      ['carol@sink.test', 'delivered', 250],
    ]);
    const [transaction] = received().filter((t) => t.data.includes('Subject: Dots and octets'));
    expect(transaction).toMatchObject({
      helo: 'crepes.fr',
      from: 'alice@crepes.fr',
      accepted: ['bob@sink.test', 'carol@sink.test'],
      rejected: ['nobody@sink.test'],
    });
  });

  it('gets the message across byte for byte, dot-stuffing undone and 8-bit octets intact', async () => {
    await deliver({
      heloName: 'crepes.fr',
      envelope: { from: 'alice@crepes.fr', to: ['dave@sink.test'] },
      data: MESSAGE,
    });
    const transaction = received().find((t) => t.accepted.includes('dave@sink.test'));
    expect(transaction?.data).toBe(MESSAGE);
  });

  it('declares the exact message size and 8BITMIME in MAIL FROM', async () => {
    await deliver({
      heloName: 'crepes.fr',
      envelope: { from: 'alice@crepes.fr', to: ['erin@sink.test'] },
      data: MESSAGE,
    });
    const transaction = received().find((t) => t.accepted.includes('erin@sink.test'));
    expect(transaction?.params).toEqual({ SIZE: String(MESSAGE.length), BODY: '8BITMIME' });
  });

  it('traces the dot-stuffed line as it went over the wire', async () => {
    const { events } = await deliver({
      heloName: 'crepes.fr',
      envelope: { from: 'alice@crepes.fr', to: ['frank@sink.test'] },
      data: MESSAGE,
    });
    const lines = events.flatMap((e) => (e.kind === 'app.line' ? [e.line] : []));
    expect(lines).toContain('..starts with a dot');
    expect(lines).toContain('...two dots');
    expect(lines.at(-1)).toBe('QUIT');
  });

  it('ends every recipient as permanent when the only one is rejected, without sending DATA', async () => {
    const { output, events } = await deliver({
      heloName: 'crepes.fr',
      envelope: { from: 'alice@crepes.fr', to: ['nobody@sink.test'] },
      data: MESSAGE,
    });
    expect(output.recipients.map((r) => [r.outcome, r.reply?.code])).toEqual([['permanent', 550]]);
    const lines = events.flatMap((e) => (e.kind === 'app.line' ? [e.line] : []));
    expect(lines).not.toContain('DATA');
  });
});
