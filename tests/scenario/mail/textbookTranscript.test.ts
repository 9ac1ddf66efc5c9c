// The built-in textbook scenario against Kurose & Ross's example session, line by line, and the modern scenario
// beside it (EHLO, SIZE, PIPELINING), so that the two can be compared.
import { describe, expect, it } from 'vitest';
import { isKind, type AppLine, type TraceEvent } from '../../../src/sim/trace.ts';
import { run, scenario } from './mailWorld.ts';

// Kurose & Ross §2.3.1: crepes.fr (the client) hands Alice's message to hamburger.edu (the server).
const KUROSE_ROSS = [
  'S: 220 hamburger.edu',
  'C: HELO crepes.fr',
  'S: 250 Hello crepes.fr, pleased to meet you',
  'C: MAIL FROM: <alice@crepes.fr>',
  'S: 250 alice@crepes.fr ... Sender ok',
  'C: RCPT TO: <bob@hamburger.edu>',
  'S: 250 bob@hamburger.edu ... Recipient ok',
  'C: DATA',
  'S: 354 Enter mail, end with "." on a line by itself',
  'C: Do you like ketchup?',
  'C: How about pickles?',
  'C: .',
  'S: 250 Message accepted for delivery',
  'C: QUIT',
  'S: 221 hamburger.edu closing connection',
];

// The lines of the one SMTP connection from `client` to `server`, in order.
function conversation(trace: readonly TraceEvent[], client: string, server: string): AppLine[] {
  const opened = trace
    .filter(isKind('conn.opened'))
    .filter((e) => e.client === client && e.server === server && e.protocol === 'smtp');
  expect(opened).toHaveLength(1);
  const conn = opened[0]?.conn;
  return trace.filter(isKind('app.line')).filter((e) => e.conn === conn);
}

// The book shows the message without its header section, which a real user agent must write (RFC 5322 §3.6);
// the facts say which lines are message text, and the header section is those up to the first empty one.
function splitHeaders(lines: readonly AppLine[]): { headers: AppLine[]; rest: AppLine[] } {
  const first = lines.findIndex((e) => e.from === 'client' && e.content === 'data');
  const blank = lines.findIndex((e, i) => i >= first && e.content === 'data' && e.line === '');
  return {
    headers: lines.slice(first, blank + 1),
    rest: [...lines.slice(0, first), ...lines.slice(blank + 1)],
  };
}

const shown = (e: AppLine) => `${e.from === 'client' ? 'C' : 'S'}: ${e.line}`;

describe('the textbook scenario', () => {
  const trace = run(scenario('textbook'));
  const lines = conversation(trace, 'crepes.fr', 'hamburger.edu');

  it('reads like the book’s fifteen lines between crepes.fr and hamburger.edu', () => {
    expect(splitHeaders(lines).rest.map(shown)).toEqual(KUROSE_ROSS);
  });

  it('sends the header section the book leaves out between the 354 and the body', () => {
    const { headers } = splitHeaders(lines);
    const names = headers.map((e) => e.line.slice(0, e.line.indexOf(':')));
    expect(names).toEqual(
      expect.arrayContaining(['Received', 'From', 'To', 'Subject', 'Date', 'Message-ID']),
    );
    expect(headers.every((e) => e.content === 'data')).toBe(true);
  });

  it('sends one command at a time: each command waits for the reply to the one before', () => {
    const order = lines.filter((e) => e.content !== 'data').map((e) => e.from);
    expect(order).toEqual(['server', ...Array.from({ length: 6 }, () => ['client', 'server']).flat()]);
  });

  it('has Alice’s user agent talk to crepes.fr the book’s way too: HELO, no SIZE', () => {
    const ua = conversation(trace, 'alice-pc', 'crepes.fr').filter((e) => e.from === 'client' && e.verb);
    expect(ua.map((e) => e.line)).toEqual([
      'HELO alice-pc',
      'MAIL FROM: <alice@crepes.fr>',
      'RCPT TO: <bob@hamburger.edu>',
      'DATA',
      '.',
      'QUIT',
    ]);
  });
});

describe('the modern scenario', () => {
  const trace = run(scenario('modern'));
  const lines = conversation(trace, 'crepes.fr', 'hamburger.edu');

  it('opens with EHLO, offers PIPELINING and SIZE, and sends MAIL with SIZE and RCPT together', () => {
    const commands = lines.filter((e) => e.from === 'client' && e.verb !== undefined && e.verb !== '.');
    expect(commands.map((e) => e.verb)).toEqual(['EHLO', 'MAIL', 'RCPT', 'DATA', 'QUIT']);
    expect(commands[1]?.line).toMatch(/^MAIL FROM:<alice@crepes\.fr> SIZE=\d+$/);
    expect(commands[2]?.line).toBe('RCPT TO:<bob@hamburger.edu>');
    const ehloReply = lines.filter((e) => e.from === 'server' && e.answers === 'EHLO').map((e) => e.line);
    expect(ehloReply).toEqual(
      expect.arrayContaining(['250-PIPELINING', expect.stringMatching(/^250-SIZE \d+$/)]),
    );
    // Pipelined: RCPT goes out before the reply to MAIL arrives (RFC 2920 §3).
    const rcptAt = lines.indexOf(commands[2] as AppLine);
    const mailReplyAt = lines.findIndex((e) => e.from === 'server' && e.answers === 'MAIL');
    expect(rcptAt).toBeLessThan(mailReplyAt);
  });

  it('delivers the same message to Bob', () => {
    const body = lines.filter((e) => e.content === 'data').map((e) => e.line);
    expect(body.slice(-2)).toEqual(['Do you like ketchup?', 'How about pickles?']);
  });
});
