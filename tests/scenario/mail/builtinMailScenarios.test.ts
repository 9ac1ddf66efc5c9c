import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/protocols/message/parseMessage.ts';
import { isKind } from '../../../src/sim/trace.ts';
import { mailbox, notices, queueStory, run, scenario, subjects } from './mailWorld.ts';

describe('the textbook scenario', () => {
  const trace = run(scenario('textbook'));

  it("carries Alice's message through crepes.fr's queue into Bob's mailbox on the first attempt", () => {
    expect(queueStory(trace)).toEqual([
      '1.135 enqueued bob@hamburger.edu',
      '1.135 attempt 1 hamburger.edu',
      '1.895 delivered bob@hamburger.edu',
      '1.895 removed',
    ]);
    expect(subjects(mailbox(trace, 'hamburger.edu', 'bob'))).toEqual(['Lunch']);
  });

  it('adds one Received field per hop and a Return-Path at final delivery', () => {
    const [raw = ''] = mailbox(trace, 'hamburger.edu', 'bob');
    const message = parseMessage(raw);
    expect(raw.startsWith('Return-Path: <alice@crepes.fr>\r\n')).toBe(true);
    expect(message.received).toHaveLength(2);
    expect(message.received[0]).toMatch(
      /^from crepes\.fr \(crepes\.fr \[192\.0\.2\.11\]\)\s+by hamburger\.edu/,
    );
    expect(message.received[1]).toMatch(/^from alice-pc \(alice-pc \[192\.0\.2\.10\]\)\s+by crepes\.fr/);
    expect(message.text).toBe('Do you like ketchup?\r\nHow about pickles?\r\n');
  });

  it('looks up the MX of hamburger.edu before connecting to it', () => {
    const mx = trace.filter(isKind('dns.answer')).find((e) => e.host === 'crepes.fr' && e.qtype === 'MX');
    const firstSmtp = trace.filter(isKind('app.line')).find((e) => e.host === 'hamburger.edu');
    expect(mx?.records).toEqual([
      { name: 'hamburger.edu', type: 'MX', ttl: 3600, preference: 10, exchange: 'hamburger.edu' },
    ]);
    expect(mx && firstSmtp && mx.t < firstSmtp.t).toBe(true);
  });
});

describe('outage: hamburger.edu is down for two hours', () => {
  const trace = run(scenario('outage'));

  it('retries every 30 minutes, counted from the start of each attempt, and delivers once the server returns', () => {
    expect(queueStory(trace)).toEqual([
      '1.135 enqueued bob@hamburger.edu',
      '1.135 attempt 1 hamburger.edu',
      '32.255 deferred bob@hamburger.edu until 1801.135',
      '1801.135 attempt 2 hamburger.edu',
      '1832.135 deferred bob@hamburger.edu until 3601.135',
      '3601.135 attempt 3 hamburger.edu',
      '3632.135 deferred bob@hamburger.edu until 5401.135',
      '5401.135 attempt 4 hamburger.edu',
      '5432.255 deferred bob@hamburger.edu until 7201.135',
      '7201.135 attempt 5 hamburger.edu',
      '7201.775 delivered bob@hamburger.edu',
      '7201.775 removed',
    ]);
    expect(mailbox(trace, 'hamburger.edu', 'bob')).toHaveLength(1);
    expect(mailbox(trace, 'crepes.fr', 'alice')).toHaveLength(0);
  });

  it('explains each deferral with the connection timing out', () => {
    const reasons = trace.filter(isKind('queue.deferred')).map((e) => e.reason);
    expect(new Set(reasons)).toEqual(
      new Set(['connect to hamburger.edu[192.0.2.14]:25: Connection timed out']),
    );
  });
});

describe('bounce: hamburger.edu is down for six days', () => {
  const trace = run(scenario('bounce'));
  const story = queueStory(trace);

  it('warns Alice once, after four hours, and bounces the message after five days', () => {
    expect(story.filter((line) => line.includes('warned'))).toEqual(['14432.135 warned bob@hamburger.edu']);
    expect(story.slice(-3)).toEqual([
      '432001.135 attempt 241 hamburger.edu',
      '432032.255 bounced bob@hamburger.edu 4.4.1',
      '432032.255 removed',
    ]);
  });

  it('sends a delay notice and then a failure notice that parse as RFC 3464 reports', () => {
    const [delayed, failed] = notices(mailbox(trace, 'crepes.fr', 'alice'));
    expect(delayed?.subject).toBe('Delayed Mail (still being retried)');
    expect(delayed?.recipients).toMatchObject([
      { finalRecipient: 'bob@hamburger.edu', action: 'delayed', status: '4.4.1' },
    ]);
    expect(delayed?.recipients[0]?.willRetryUntil).toBe('Sun, 06 Sep 2026 09:00:01 +0900');
    expect(failed?.subject).toBe('Undelivered Mail Returned to Sender');
    expect(failed?.recipients).toMatchObject([
      { finalRecipient: 'bob@hamburger.edu', action: 'failed', status: '4.4.1' },
    ]);
    expect(failed?.perMessage['Reporting-MTA']).toBe('dns; crepes.fr');
    expect(failed?.from).toBe('MAILER-DAEMON@crepes.fr');
  });

  it('delivers the notices from the null sender, so they can never bounce in turn', () => {
    for (const raw of mailbox(trace, 'crepes.fr', 'alice'))
      expect(raw.startsWith('Return-Path: <>\r\n')).toBe(true);
  });
});

describe('unknown-user: a mistyped address', () => {
  const trace = run(scenario('unknown-user'));

  it('bounces at once on the 550 reply to RCPT TO, without retrying', () => {
    expect(queueStory(trace)).toEqual([
      '1.135 enqueued bobby@hamburger.edu',
      '1.135 attempt 1 hamburger.edu',
      '1.735 bounced bobby@hamburger.edu 5.0.0',
      '1.735 removed',
    ]);
  });

  it("quotes the remote server's reply in the bounce", () => {
    const [notice] = notices(mailbox(trace, 'crepes.fr', 'alice'));
    expect(notice?.recipients[0]).toMatchObject({
      finalRecipient: 'bobby@hamburger.edu',
      action: 'failed',
      remoteMta: 'hamburger.edu',
      diagnosticType: 'smtp',
    });
    expect(notice?.recipients[0]?.diagnosticCode).toMatch(/^550 /);
  });
});

describe('mixed: three recipients, three fates', () => {
  const trace = run(scenario('mixed'));

  it('delivers one at once, defers one until its server returns, and bounces one', () => {
    expect(queueStory(trace)).toEqual([
      '1.125 enqueued bob@hamburger.edu,carol@bratwurst.de,dave@nowhere.example',
      '1.125 attempt 1 hamburger.edu',
      '1.125 attempt 1 bratwurst.de',
      '1.125 attempt 1 nowhere.example',
      '1.185 bounced dave@nowhere.example 5.4.4',
      '1.805 delivered bob@hamburger.edu',
      '32.245 deferred carol@bratwurst.de until 1801.125',
      '1801.125 attempt 2 bratwurst.de',
      '1832.125 deferred carol@bratwurst.de until 3601.125',
      '3601.125 attempt 3 bratwurst.de',
      '3601.825 delivered carol@bratwurst.de',
      '3601.825 removed',
    ]);
    expect(mailbox(trace, 'hamburger.edu', 'bob')).toHaveLength(1);
    expect(mailbox(trace, 'bratwurst.de', 'carol')).toHaveLength(1);
    expect(notices(mailbox(trace, 'crepes.fr', 'alice')).map((n) => n.recipients[0]?.finalRecipient)).toEqual(
      ['dave@nowhere.example'],
    );
  });
});

describe("direct: Alice's user agent sends straight to Bob's server", () => {
  const trace = run(scenario('direct'));

  it("fails in Alice's face when the server is down, with no queue to wait in", () => {
    expect(queueStory(trace)).toEqual([]);
    const result = trace.find(isKind('ua.result'));
    expect(result?.outcome).toBe('failed');
    expect(result?.detail).toContain('Connection timed out');
  });
});

describe('duplicate: the reply to the final "." is lost', () => {
  const trace = run(scenario('duplicate'));

  it('retries because the sender cannot know, and Bob receives the message twice', () => {
    expect(queueStory(trace)).toEqual([
      '1.135 enqueued bob@hamburger.edu',
      '1.135 attempt 1 hamburger.edu',
      '1.815 deferred bob@hamburger.edu until 1801.135',
      '1801.135 attempt 2 hamburger.edu',
      '1801.775 delivered bob@hamburger.edu',
      '1801.775 removed',
    ]);
    const copies = mailbox(trace, 'hamburger.edu', 'bob').map((raw) => parseMessage(raw).messageId);
    expect(copies).toHaveLength(2);
    expect(copies[0]).toBe(copies[1]);
    expect(trace.find(isKind('queue.deferred'))?.reason).toContain('message may be sent more than once');
  });
});
