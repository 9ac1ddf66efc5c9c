import { describe, expect, it } from 'vitest';
import { encodePlainResponse } from '../../../../../src/protocols/smtp/sasl.ts';
import { builtinScenario } from '../../../../../src/sim/builtinScenarios.ts';
import type { Fault, TimedInput } from '../../../../../src/sim/input.ts';
import { Session } from '../../../../../src/sim/session.ts';
import { MASK } from '../../../../../src/sim/shownLine.ts';
import type { TraceEvent } from '../../../../../src/sim/trace.ts';
import { protocolText } from '../../../../../src/ui/i18n/protocolText.ts';
import { explainLine } from '../../../../../src/ui/lab/inspector/explainLine.ts';
import { readSessionLines, type SessionLine } from '../../../../../src/ui/lab/inspector/sessionLines.ts';

const MIN = 60_000;

/** A person at Alice's PC types `lines` into a terminal connected to `target:port`, one line a second. */
function typed(target: string, port: number, lines: readonly string[], faults: Fault[] = []): TimedInput[] {
  return [
    ...faults.map((fault) => ({ at: 0, input: { type: 'fault' as const, fault } })),
    { at: 1000, input: { type: 'terminal.open', host: 'alice-pc', target, port } },
    ...lines.map((text, i) => ({
      at: 3000 + i * 1000,
      input: { type: 'terminal.type' as const, host: 'alice-pc', text },
    })),
  ];
}

/** The trace of the `name` world, without Alice's scripted message unless `scripted`, after `inputs`. */
function run(inputs: TimedInput[] = [], scripted = false, name = 'textbook'): readonly TraceEvent[] {
  const world = builtinScenario(name);
  if (world === undefined) throw new Error(`${name} is missing`);
  const session = new Session(scripted ? world : { ...world, inputs: [] }, inputs);
  session.runUntilQuiet(10 * MIN);
  return session.events;
}

/** The lines of the terminal's connection. */
function terminalLines(trace: readonly TraceEvent[]): SessionLine[] {
  const connected = trace.find((e) => e.kind === 'terminal.connected' && e.host === 'alice-pc');
  if (connected?.kind !== 'terminal.connected') throw new Error('the terminal never connected');
  return readSessionLines(trace, connected.conn);
}

function roleName(line: SessionLine): string {
  const role = line.role;
  if (role.kind === 'reply') return role.reply ?? `class:${role.tone}`;
  return role.kind === 'command' ? role.command.command : role.kind;
}

/** The SMTP code of a reply line, from its role. */
function codeOf(line: SessionLine): number | null {
  return line.role.kind === 'reply' && line.role.status.protocol === 'smtp' ? line.role.status.code : null;
}

describe('the lines of an SMTP session', () => {
  // The modern world's client opens with EHLO and pipelines MAIL and RCPT; the textbook's speaks as the book does.
  const modern = run([], true, 'modern');

  it('are read as commands, replies and message text from the facts of the modern session', () => {
    const lines = readSessionLines(modern, 'c1');
    const roles = lines.map(roleName);
    expect(roles.slice(0, 9)).toEqual([
      'smtp.greeting',
      'EHLO',
      'smtp.ehlo.ok',
      'smtp.ehlo.ok',
      'smtp.ehlo.ok',
      'smtp.ehlo.ok',
      'smtp.ehlo.ok',
      'smtp.ehlo.ok',
      'MAIL',
    ]);
    expect(roles.slice(9, 14)).toEqual(['RCPT', 'smtp.mail.ok', 'smtp.rcpt.ok', 'DATA', 'smtp.data.start']);
    expect(roles.slice(-4)).toEqual(['endOfData', 'smtp.data.accepted', 'QUIT', 'smtp.quit']);
    expect(roles.filter((r) => r === 'data').length).toBe(12);
    for (const line of lines) expect(explainLine(line, protocolText.ko), line.line).not.toBeNull();
  });

  it('say which command each reply answers, even when the client pipelines its commands', () => {
    const lines = readSessionLines(modern, 'c1');
    const answers = lines.flatMap((l) => (l.role.kind === 'reply' && l.role.last ? [l.role.answers] : []));
    expect(answers).toEqual([null, 'EHLO', 'MAIL', 'RCPT', 'DATA', '.', 'QUIT']);
  });

  it('mark the first and last line of a multi-line reply, and the extension each EHLO line lists', () => {
    const lines = readSessionLines(modern, 'c1');
    const ehlo = lines.filter((l) => l.role.kind === 'reply' && l.role.answers === 'EHLO');
    expect(ehlo.map((l) => (l.role.kind === 'reply' ? [l.role.first, l.role.last] : null))).toEqual([
      [true, false],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
      [false, true],
    ]);
    expect(ehlo.map((l) => (l.role.kind === 'reply' ? l.role.extension : null))).toEqual([
      null,
      'PIPELINING',
      'SIZE',
      '8BITMIME',
      'ENHANCEDSTATUSCODES',
      'HELP',
    ]);
    const pipelining = ehlo[1];
    expect(pipelining && explainLine(pipelining, protocolText.en)?.extra).toMatch(/^PIPELINING:/);
    expect(pipelining && explainLine(pipelining, protocolText.ko)?.extra).toMatch(/명령 여러 개/);
  });
});

describe('a login typed by hand on the submission port', () => {
  const secret = encodePlainResponse('alice', 'croissant');
  const trace = run(typed('crepes.fr', 587, ['EHLO alice-pc', `AUTH PLAIN ${secret}`, 'QUIT']));
  const lines = terminalLines(trace);

  it('explains the 235 as smtp.auth.ok answering AUTH', () => {
    const ok = lines.find((l) => codeOf(l) === 235);
    expect(ok?.role).toMatchObject({ kind: 'reply', reply: 'smtp.auth.ok', answers: 'AUTH', last: true });
    if (ok === undefined) throw new Error('no 235');
    expect(explainLine(ok, protocolText.en)?.meaning).toBe(protocolText.en.replies['smtp.auth.ok'].meaning);
    expect(explainLine(ok, protocolText.ko)?.meaning).toBe(protocolText.ko.replies['smtp.auth.ok'].meaning);
  });

  it('shows the AUTH command with its credential masked', () => {
    const auth = lines.find((l) => l.role.kind === 'command' && l.role.command.command === 'AUTH');
    expect(auth?.line).toBe(`AUTH PLAIN ${MASK}`);
    for (const line of lines) expect(line.line).not.toContain(secret);
  });

  it('masks each answer to a 334 challenge and calls it an authentication answer', () => {
    const login = run(
      typed('crepes.fr', 587, ['EHLO alice-pc', 'AUTH LOGIN', btoa('alice'), btoa('croissant'), 'QUIT']),
    );
    const session = terminalLines(login);
    const answers = session.filter((l) => l.role.kind === 'authResponse');
    expect(answers.map((l) => l.line)).toEqual([MASK, MASK]);
    expect(session.map(roleName)).toContain('smtp.auth.challenge');
    expect(session.find((l) => codeOf(l) === 235)?.role).toMatchObject({
      reply: 'smtp.auth.ok',
      answers: 'AUTH',
    });
  });
});

describe('a reply a teacher chose', () => {
  it('explains a 450 at RCPT as smtp.fault.mailboxBusy, a transient failure answering RCPT', () => {
    const busy: Fault = { type: 'smtp.reply', host: 'hamburger.edu', stage: 'rcpt', code: 450 };
    const trace = run(
      typed(
        'hamburger.edu',
        25,
        ['HELO crepes.fr', 'MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<bob@hamburger.edu>'],
        [busy],
      ),
    );
    const reply = terminalLines(trace).find((l) => codeOf(l) === 450);
    expect(reply?.role).toMatchObject({
      reply: 'smtp.fault.mailboxBusy',
      answers: 'RCPT',
      tone: 'transient',
    });
    if (reply === undefined) throw new Error('no 450');
    const explained = explainLine(reply, protocolText.ko);
    expect(explained?.meaning).toBe(protocolText.ko.replies['smtp.fault.mailboxBusy'].meaning);
    expect(explained?.title).toBe(protocolText.ko.classes.transient.meaning);
  });
});

describe('a command the server does not carry out', () => {
  it('is told apart from one it has never heard of, by its verb', () => {
    const trace = run(typed('hamburger.edu', 25, ['HELO crepes.fr', 'EXPN staff', 'FROB now', 'QUIT']));
    const commands = terminalLines(trace).flatMap((l) =>
      l.role.kind === 'command' ? [[l.role.verb, l.role.command.command]] : [],
    );
    expect(commands).toEqual([
      ['HELO', 'HELO'],
      ['EXPN', 'notImplemented'],
      ['FROB', 'unknown'],
      ['QUIT', 'QUIT'],
    ]);
  });
});

describe('a line whose facts name no reply this table explains', () => {
  it('is explained by its reply class alone', () => {
    const base = { t: 0, conn: 'c9', protocol: 'smtp' as const };
    const trace: TraceEvent[] = [
      {
        ...base,
        seq: 0,
        kind: 'app.line',
        host: 'b',
        from: 'server',
        line: '220 b',
        code: 220,
        reply: 'smtp.greeting',
      },
      { ...base, seq: 1, kind: 'app.line', host: 'a', from: 'client', line: 'NOOP', verb: 'NOOP' },
      {
        ...base,
        seq: 2,
        kind: 'app.line',
        host: 'b',
        from: 'server',
        line: '554 no',
        code: 554,
        reply: 'pop3.nope',
        answers: 'NOOP',
      },
    ];
    const [, , refused] = readSessionLines(trace, 'c9');
    expect(refused?.role).toMatchObject({
      kind: 'reply',
      reply: null,
      tone: 'permanent',
      answers: 'NOOP',
    });
    if (refused === undefined) throw new Error('no reply');
    expect(explainLine(refused, protocolText.en)?.meaning).toBe(protocolText.en.classes.permanent.meaning);
  });
});

/** A person at Bob's PC types `lines` into a terminal connected to hamburger.edu on `port`. */
function typedByBob(port: number, lines: readonly string[]): TimedInput[] {
  return [
    { at: 1000, input: { type: 'terminal.open', host: 'bob-pc', target: 'hamburger.edu', port } },
    ...lines.map((text, i) => ({
      at: 3000 + i * 1000,
      input: { type: 'terminal.type' as const, host: 'bob-pc', text },
    })),
  ];
}

describe('a POP3 session typed by hand on port 110', () => {
  const trace = run(
    [...typedByBob(110, ['USER bob', 'PASS hungry', 'STAT', 'RETR 1', 'DELE 1', 'FROB', 'QUIT'])].map(
      (i) => ({
        ...i,
        at: i.at + 5 * MIN,
      }),
    ),
    true,
  );
  const connected = trace.find((e) => e.kind === 'terminal.connected' && e.host === 'bob-pc');
  const lines = connected?.kind === 'terminal.connected' ? readSessionLines(trace, connected.conn) : [];

  it('reads each command by its verb and each response by its catalogue id and the verb it answers', () => {
    const firsts = lines.filter((l) => l.role.kind !== 'reply' || l.role.first);
    expect(firsts.map(roleName)).toEqual([
      'pop3.greeting.apop',
      'USER',
      'pop3.user.ok',
      'PASS',
      'pop3.pass.ok',
      'STAT',
      'pop3.stat',
      'RETR',
      'pop3.retr',
      'DELE',
      'pop3.dele.ok',
      'unknown',
      'pop3.error.unknownCommand',
      'QUIT',
      'pop3.quit.updated',
    ]);
    const dele = lines.find((l) => l.role.kind === 'reply' && l.role.answers === 'DELE');
    expect(dele?.role).toMatchObject({ tone: 'positive', lead: '+OK', reply: 'pop3.dele.ok' });
    const refused = lines.find(
      (l) => l.role.kind === 'reply' && l.role.reply === 'pop3.error.unknownCommand',
    );
    expect(refused?.role).toMatchObject({ tone: 'permanent', lead: '-ERR', status: { status: '-ERR' } });
  });

  it('never shows the password, and explains every line in Korean', () => {
    expect(lines.map((l) => l.line).join('\n')).not.toContain('hungry');
    for (const line of lines) expect(explainLine(line, protocolText.ko), line.line).not.toBeNull();
  });

  it('tells the message lines of RETR from its status line, up to the final "."', () => {
    const retr = lines.filter((l) => l.role.kind === 'reply' && l.role.reply === 'pop3.retr');
    expect(retr.length).toBeGreaterThan(3);
    const [first, second] = retr;
    const last = retr.at(-1);
    expect(first?.role).toMatchObject({ first: true, last: false, lead: '+OK' });
    expect(second?.role).toMatchObject({ first: false, lead: null });
    expect(last?.line).toBe('.');
    expect(last?.role).toMatchObject({ last: true });
    if (first === undefined || second === undefined) throw new Error('no RETR lines');
    expect(explainLine(first, protocolText.en)?.title).toBe(protocolText.en.pop3.statuses['+OK'].meaning);
    expect(explainLine(second, protocolText.en)?.extra).toBe(protocolText.en.pop3.multiLine);
    expect(explainLine(first, protocolText.ko)?.meaning).toBe(protocolText.ko.replies['pop3.retr'].meaning);
  });
});

describe('the lines of an IMAP session, from their facts', () => {
  const base = { t: 0, conn: 'c7', protocol: 'imap' as const };
  const trace: TraceEvent[] = [
    {
      ...base,
      seq: 0,
      kind: 'app.line',
      host: 's',
      from: 'server',
      line: '* OK IMAP4rev1 ready',
      status: 'OK',
      reply: 'imap.greeting',
    },
    {
      ...base,
      seq: 1,
      kind: 'app.line',
      host: 'c',
      from: 'client',
      line: 'a001 LOGIN bob hungry',
      tag: 'a001',
      verb: 'LOGIN',
      args: { userid: 'bob', password: true },
    },
    {
      ...base,
      seq: 2,
      kind: 'app.line',
      host: 's',
      from: 'server',
      line: 'a001 OK LOGIN completed',
      tag: 'a001',
      status: 'OK',
      reply: 'imap.login.ok',
      answers: 'LOGIN',
    },
    {
      ...base,
      seq: 3,
      kind: 'app.line',
      host: 'c',
      from: 'client',
      line: 'a002 UID FETCH 1:* (FLAGS)',
      tag: 'a002',
      verb: 'UID FETCH',
    },
    {
      ...base,
      seq: 4,
      kind: 'app.line',
      host: 's',
      from: 'server',
      line: '* 1 FETCH (FLAGS (\\Seen) UID 4)',
      status: 'FETCH',
      reply: 'imap.fetch',
      answers: 'UID FETCH',
    },
    {
      ...base,
      seq: 5,
      kind: 'app.line',
      host: 's',
      from: 'server',
      line: '* 2 EXISTS',
      status: 'EXISTS',
      reply: 'imap.exists',
    },
    {
      ...base,
      seq: 6,
      kind: 'app.line',
      host: 's',
      from: 'server',
      line: 'a002 NO some were expunged',
      tag: 'a002',
      status: 'NO',
      reply: 'imap.fetch.expunged',
      answers: 'UID FETCH',
    },
    {
      ...base,
      seq: 7,
      kind: 'app.line',
      host: 'c',
      from: 'client',
      line: 'a003 FROB',
      tag: 'a003',
      verb: 'FROB',
    },
  ];
  const lines = readSessionLines(trace, 'c7');

  it('read the tag and status of each response, and colour OK, NO and untagged data apart', () => {
    expect(lines.map((l) => (l.role.kind === 'reply' ? [l.role.lead, l.role.tone] : null))).toEqual([
      ['* OK', 'positive'],
      null,
      ['a001 OK', 'positive'],
      null,
      ['*', 'info'],
      ['*', 'info'],
      ['a002 NO', 'transient'],
      null,
    ]);
  });

  it('explain a UID command as its command with a word on UIDs, and an unknown one as unknown', () => {
    const [, login, , fetch, , , , frob] = lines;
    if (login === undefined || fetch === undefined || frob === undefined) throw new Error('lines missing');
    expect(explainLine(fetch, protocolText.en)).toMatchObject({
      title: 'a002 UID FETCH',
      meaning: protocolText.en.imap.commands.FETCH.meaning,
      extra: protocolText.en.imap.uid,
    });
    expect(explainLine(login, protocolText.ko)?.meaning).toBe(protocolText.ko.imap.commands.LOGIN.meaning);
    expect(frob.role).toMatchObject({ kind: 'command', command: { protocol: 'imap', command: 'unknown' } });
    expect(login.line).not.toContain('hungry');
  });

  it('explain a response code by its name, in both languages', () => {
    const coded: TraceEvent = {
      ...base,
      seq: 8,
      kind: 'app.line',
      host: 's',
      from: 'server',
      line: '* OK [UIDVALIDITY 3] UIDs valid',
      status: 'OK',
      reply: 'imap.select.uidValidity',
      answers: 'SELECT',
      responseCode: 'UIDVALIDITY',
    };
    const [line] = readSessionLines([coded], 'c7');
    if (line === undefined) throw new Error('no line');
    expect(line.role).toMatchObject({ responseCode: 'UIDVALIDITY' });
    expect(explainLine(line, protocolText.en)?.extra).toBe(protocolText.en.imap.responseCodes['UIDVALIDITY']);
    expect(explainLine(line, protocolText.ko)?.extra).toMatch(/저장해 둔 UID/);
  });

  it('say an untagged line nobody asked for is news, and explain it by its catalogue id', () => {
    const exists = lines[5];
    if (exists === undefined) throw new Error('no EXISTS');
    const explained = explainLine(exists, protocolText.en);
    expect(explained?.extra).toBe(protocolText.en.imap.untagged);
    expect(explained?.meaning).toBe(protocolText.en.replies['imap.exists'].meaning);
  });
});

describe('an IMAP session typed by hand on port 143', () => {
  const trace = run(typedByBob(143, ['a001 LOGIN bob hungry', 'a002 SELECT INBOX', 'a003 LOGOUT']));
  const connected = trace.find((e) => e.kind === 'terminal.connected' && e.host === 'bob-pc');
  const lines = connected?.kind === 'terminal.connected' ? readSessionLines(trace, connected.conn) : [];

  it('reads tagged commands and responses, and the untagged data SELECT brings, from their facts', () => {
    const roles = lines.map(roleName);
    expect(roles.slice(0, 4)).toEqual(['imap.greeting', 'LOGIN', 'imap.login.ok', 'SELECT']);
    expect(roles).toContain('imap.select.uidValidity');
    expect(roles.slice(-3)).toEqual(['LOGOUT', 'imap.bye.logout', 'imap.logout.ok']);
    const selected = lines.find((l) => l.role.kind === 'reply' && l.role.reply === 'imap.select.ok');
    expect(selected?.role).toMatchObject({ lead: 'a002 OK', tone: 'positive', responseCode: 'READ-WRITE' });
  });

  it('masks the password of LOGIN and explains every line in both languages', () => {
    expect(lines.map((l) => l.line).join('\n')).not.toContain('hungry');
    for (const language of ['en', 'ko'] as const)
      for (const line of lines) expect(explainLine(line, protocolText[language]), line.line).not.toBeNull();
  });
});
