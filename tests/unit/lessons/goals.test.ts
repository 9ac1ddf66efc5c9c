import { describe, expect, it } from 'vitest';
import { checkGoal, goalProgress, matchesField, type Goal } from '../../../src/lessons/goals.ts';
import { fieldValue } from '../../../src/lessons/traceFields.ts';
import { client, server, traceOf } from './traceBuilder.ts';

const dialogue = traceOf(
  server('220 hamburger.edu', { code: 220, reply: 'smtp.greeting' }),
  client('HELO crepes.fr', { verb: 'HELO', args: { domain: 'crepes.fr' } }),
  server('250 Hello crepes.fr, pleased to meet you', { code: 250, reply: 'smtp.helo.ok', answers: 'HELO' }),
  client('MAIL FROM: <alice@crepes.fr>', { verb: 'MAIL', args: { from: 'alice@crepes.fr' } }),
  client('RCPT TO: <bob@hamburger.edu>', { verb: 'RCPT', args: { to: 'bob@hamburger.edu' } }),
  server('250 alice@crepes.fr ... Sender ok', { code: 250, reply: 'smtp.mail.ok', answers: 'MAIL' }),
  server('250 bob@hamburger.edu ... Recipient ok', { code: 250, reply: 'smtp.rcpt.ok', answers: 'RCPT' }),
  client('DATA', { verb: 'DATA' }),
  server('354 Enter mail, end with "." on a line by itself', {
    code: 354,
    reply: 'smtp.data.start',
    answers: 'DATA',
  }),
  client('MAIL FROM: this line is message text', { content: 'data' }),
  client('.', { verb: '.' }),
  server('250 Message accepted for delivery', { code: 250, reply: 'smtp.data.accepted', answers: '.' }),
  client('QUIT', { verb: 'QUIT' }),
  server('221 hamburger.edu closing connection', { code: 221, reply: 'smtp.quit', answers: 'QUIT' }),
);

describe('the fields of SMTP lines', () => {
  it('are the facts their senders recorded: what each reply answers, none for the greeting', () => {
    const answers = dialogue
      .filter((e) => fieldValue(e, 'code') !== undefined)
      .map((e) => fieldValue(e, 'answers'));
    expect(answers).toEqual([undefined, 'HELO', 'MAIL', 'RCPT', 'DATA', '.', 'QUIT']);
    expect(fieldValue(dialogue[6]!, 'reply')).toBe('smtp.rcpt.ok');
  });

  it('say a line of message text is content, not a command, whatever its text looks like', () => {
    const text = dialogue[9]!;
    expect(fieldValue(text, 'verb')).toBeUndefined();
    expect(fieldValue(text, 'content')).toBe('data');
    expect(checkGoal({ kind: 'app.line', fields: { verb: 'MAIL' } }, dialogue, 8)).toEqual({ met: false });
    expect(fieldValue(dialogue[10]!, 'verb')).toBe('.');
  });

  it('read a command’s arguments by their dotted names', () => {
    expect(fieldValue(dialogue[4]!, 'args.to')).toBe('bob@hamburger.edu');
    const goal: Goal = { kind: 'app.line', fields: { verb: 'RCPT', 'args.to': { prefix: 'bob@' } } };
    expect(checkGoal(goal, dialogue)).toEqual({ met: true, atSeq: 4 });
    const other: Goal = { kind: 'app.line', fields: { verb: 'RCPT', 'args.to': { prefix: 'carol@' } } };
    expect(checkGoal(other, dialogue)).toEqual({ met: false });
  });

  it('are never worked out from the text: a line without facts has no code or verb', () => {
    const raw = traceOf({
      kind: 'app.line',
      conn: 'c9',
      host: 'alice-pc',
      protocol: 'raw',
      from: 'server',
      line: '250 looks like SMTP',
    });
    expect(fieldValue(raw[0]!, 'code')).toBeUndefined();
    expect(checkGoal({ kind: 'app.line', fields: { code: 250 } }, raw)).toEqual({ met: false });
  });

  it('mark every line of a multi-line reply with what it answers, and all but the last with more', () => {
    const trace = traceOf(
      client('EHLO crepes.fr', { verb: 'EHLO', args: { domain: 'crepes.fr' } }),
      server('250-hamburger.edu Hello', { code: 250, reply: 'smtp.ehlo.ok', answers: 'EHLO', more: true }),
      server('250 HELP', { code: 250, reply: 'smtp.ehlo.ok', answers: 'EHLO' }),
    );
    expect(trace.map((e) => fieldValue(e, 'answers'))).toEqual([undefined, 'EHLO', 'EHLO']);
    expect(trace.map((e) => fieldValue(e, 'more'))).toEqual([undefined, true, undefined]);
  });
});

describe('an event goal', () => {
  it('is met by the first event of its kind whose fields all match', () => {
    const goal: Goal = { kind: 'app.line', fields: { from: 'client', verb: 'HELO' } };
    expect(checkGoal(goal, dialogue)).toEqual({ met: true, atSeq: 1 });
  });

  it('only counts events from the step’s start', () => {
    const goal: Goal = { kind: 'app.line', fields: { verb: 'HELO' } };
    expect(checkGoal(goal, dialogue, 2)).toEqual({ met: false });
  });

  it('with atLeast is met at the n-th match', () => {
    const goal: Goal = { kind: 'app.line', fields: { from: 'server', code: 250 }, atLeast: 3 };
    expect(checkGoal(goal, dialogue)).toEqual({ met: true, atSeq: 6 });
    expect(goalProgress({ ...goal, atLeast: 9 }, dialogue)).toEqual({ done: 4, total: 9 });
  });

  it('matches a field exactly, by prefix, by regular expression or by range', () => {
    expect(matchesField('MAIL FROM: <a@b>', { prefix: 'MAIL' })).toBe(true);
    expect(matchesField('mail from', { regex: '^MAIL', flags: 'i' })).toBe(true);
    expect(matchesField('RCPT', { regex: '^MAIL' })).toBe(false);
    expect(matchesField(3, { min: 2 })).toBe(true);
    expect(matchesField(1, { min: 2, max: 5 })).toBe(false);
    expect(matchesField('3', { min: 2 })).toBe(false);
    expect(matchesField(250, 250)).toBe(true);
  });

  it('matches a list field when any item matches, and a nested field by its dotted name', () => {
    const trace = traceOf({
      kind: 'tcp.segment',
      conn: 'c1',
      segment: 1,
      from: { host: 'alice-pc', addr: '192.0.2.10', port: 49152 },
      to: { host: 'hamburger.edu', addr: '192.0.2.14', port: 25 },
      flags: ['SYN', 'ACK'],
      seqNo: 0,
      ackNo: 0,
      window: 65535,
      bytes: 0,
      payload: '',
      retransmission: false,
      path: [],
    });
    expect(checkGoal({ kind: 'tcp.segment', fields: { flags: 'SYN', 'to.port': 25 } }, trace).met).toBe(true);
    expect(checkGoal({ kind: 'tcp.segment', fields: { flags: 'FIN' } }, trace).met).toBe(false);
  });
});

describe('combined goals', () => {
  const helo: Goal = { kind: 'app.line', fields: { verb: 'HELO' } };
  const ok: Goal = { kind: 'app.line', fields: { code: 250 } };
  const quit: Goal = { kind: 'app.line', fields: { verb: 'QUIT' } };

  it('a sequence needs each part after the one before', () => {
    expect(checkGoal({ sequence: [helo, ok] }, dialogue)).toEqual({ met: true, atSeq: 2 });
    expect(checkGoal({ sequence: [quit, helo] }, dialogue)).toEqual({ met: false });
  });

  it('reports how many parts of a sequence are done, in order', () => {
    const goal: Goal = { sequence: [helo, quit, { kind: 'mailbox.stored', fields: {} }] };
    expect(goalProgress(goal, dialogue)).toEqual({ done: 2, total: 3 });
  });

  it('all needs every part in any order, and is met at the last of them', () => {
    expect(checkGoal({ all: [quit, helo] }, dialogue)).toEqual({ met: true, atSeq: 12 });
    expect(goalProgress({ all: [quit, { kind: 'host.down', fields: {} }] }, dialogue)).toEqual({
      done: 1,
      total: 2,
    });
  });

  it('any is met by the earliest part that is met', () => {
    expect(checkGoal({ any: [quit, helo] }, dialogue)).toEqual({ met: true, atSeq: 1 });
    expect(checkGoal({ any: [{ kind: 'host.down', fields: {} }] }, dialogue)).toEqual({ met: false });
  });

  it('a same-connection sequence does not take its reply from another connection', () => {
    const trace = traceOf(
      client('HELO crepes.fr', { verb: 'HELO' }, 'c1'),
      server('250 other', { code: 250, reply: 'smtp.helo.ok', answers: 'HELO' }, 'c2'),
      client('HELO x', { verb: 'HELO' }, 'c3'),
      server('250 ok', { code: 250, reply: 'smtp.helo.ok', answers: 'HELO' }, 'c3'),
    );
    const replyOnSame: Goal = {
      sameConnection: true,
      sequence: [helo, { kind: 'app.line', fields: { code: 250 } }],
    };
    expect(checkGoal(replyOnSame, trace)).toEqual({ met: true, atSeq: 3 });
    expect(checkGoal({ sequence: [helo, { kind: 'app.line', fields: { code: 250 } }] }, trace)).toEqual({
      met: true,
      atSeq: 1,
    });
  });
});

describe('the derived fields of stored messages', () => {
  it('read a bounce’s delivery status, the decoded subject and the attachments', () => {
    const raw = [
      'From: MAILER-DAEMON@crepes.fr',
      'To: alice@crepes.fr',
      'Subject: =?UTF-8?B?7KCQ7Ius?=',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'It failed.',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; crepes.fr',
      '',
      'Final-Recipient: rfc822; bob@hamburger.edu',
      'Action: failed',
      'Status: 4.4.1',
      '',
      '--b--',
      '',
    ].join('\r\n');
    const [stored] = traceOf({
      kind: 'mailbox.stored',
      host: 'crepes.fr',
      user: 'alice',
      folder: 'INBOX',
      uid: 1,
      size: raw.length,
      queueId: 'Q1',
      raw,
    });
    expect(fieldValue(stored!, 'dsn')).toBe('failed');
    expect(fieldValue(stored!, 'subject')).toBe('점심');
    expect(
      checkGoal({ kind: 'mailbox.stored', fields: { user: 'alice', dsn: 'failed' } }, [stored!]).met,
    ).toBe(true);
    expect(fieldValue(stored!, 'attachments')).toBe(0);
  });

  it('say none for a message that is not a delivery status notification', () => {
    const raw = 'Subject: Lunch\r\n\r\nDo you like ketchup?\r\n';
    const [stored] = traceOf({
      kind: 'mailbox.stored',
      host: 'hamburger.edu',
      user: 'bob',
      folder: 'INBOX',
      uid: 1,
      size: raw.length,
      queueId: 'Q1',
      raw,
    });
    expect(fieldValue(stored!, 'dsn')).toBe('none');
    expect(fieldValue(stored!, 'text')).toContain('ketchup');
  });
});
