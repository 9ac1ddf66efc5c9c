// The facts SMTP lines carry into the trace, written by the machine that sends each line: replies say their code,
// catalogue id and the command they answer; commands say their verb and arguments; message text says it is data.
import { SimulatedClock } from 'xstate';
import { onSentLine } from '../../../../src/protocols/sentLines.ts';
import { describe, expect, it } from 'vitest';
import type { ClientLineFacts, ServerLineFacts } from '../../../../src/protocols/shared/lineFacts.ts';
import { commandFacts, replyLineFacts } from '../../../../src/protocols/smtp/lineFacts.ts';
import { parseCommand } from '../../../../src/protocols/smtp/commands.ts';
import { reply } from '../../../../src/protocols/smtp/replies.ts';
import { encodePlainResponse } from '../../../../src/protocols/smtp/sasl.ts';
import { SMTP_TIMEOUTS } from '../../../../src/protocols/smtp/timeouts.ts';
import { smtpTypedLines } from '../../../../src/protocols/smtp/typedLines.ts';
import { startClient } from './clientHarness.ts';
import { startServer } from './serverHarness.ts';

/** serverWithFacts starts a server and records each emitted line with its facts, as `line | code id answers`. */
function serverWithFacts(...args: Parameters<typeof startServer>) {
  const facts: { line: string; facts: ServerLineFacts }[] = [];
  const server = startServer(args[0], { ...args[1], open: false });
  server.actor.on('line.send', (event) => facts.push({ line: event.line, facts: event.facts }));
  server.actor.send({ type: 'connection.opened' });
  return { server, facts };
}

function answered(facts: readonly { facts: ServerLineFacts }[]) {
  return facts.map(
    (f) => `${f.facts.code} ${f.facts.reply} ${f.facts.answers ?? '-'}${f.facts.more ? ' more' : ''}`,
  );
}

describe('the facts of server replies', () => {
  it('name the command each reply answers, and nothing for the greeting', () => {
    const { server, facts } = serverWithFacts();
    server.send('HELO crepes.fr', 'MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<bob@hamburger.edu>');
    server.send('DATA', 'Hi', '.', 'QUIT');
    expect(answered(facts)).toEqual([
      '220 smtp.greeting -',
      '250 smtp.helo.ok HELO',
      '250 smtp.mail.ok MAIL',
      '250 smtp.rcpt.ok RCPT',
      '354 smtp.data.start DATA',
      '250 smtp.data.accepted .',
      '221 smtp.quit QUIT',
    ]);
  });

  it('mark every line of a multi-line reply but the last, each with the same code and id', () => {
    const { server, facts } = serverWithFacts({ style: 'modern' });
    server.send('EHLO crepes.fr');
    const ehlo = answered(facts.slice(1));
    expect(ehlo.at(-1)).toBe('250 smtp.ehlo.ok EHLO');
    expect(ehlo.slice(0, -1).every((f) => f === '250 smtp.ehlo.ok EHLO more')).toBe(true);
    expect(ehlo.length).toBeGreaterThan(2);
    expect(facts.slice(1).map((f) => f.facts.extension ?? null)).toEqual([
      null,
      'PIPELINING',
      'SIZE',
      '8BITMIME',
      'ENHANCEDSTATUSCODES',
      'HELP',
    ]);
  });

  it('say a SASL exchange answers AUTH, not the credential line', () => {
    const { server, facts } = serverWithFacts({ submission: true });
    server.send('EHLO crepes.fr', 'AUTH PLAIN', encodePlainResponse('bob', 'ketchup'));
    expect(answered(facts).slice(-2)).toEqual(['334 smtp.auth.challenge AUTH', '235 smtp.auth.ok AUTH']);
  });

  it('say a 421 on timeout answers nothing, since nobody asked', () => {
    const clock = new SimulatedClock();
    const { server, facts } = serverWithFacts({}, { clock });
    server.send('HELO crepes.fr');
    clock.increment(SMTP_TIMEOUTS.serverIdle);
    expect(answered(facts).at(-1)).toBe('421 smtp.service.timeout -');
  });

  it('name an unknown verb as it was typed, in capitals, with the 500 that answers it', () => {
    const { server, facts } = serverWithFacts();
    server.send('hello there');
    expect(answered(facts).at(-1)).toBe('500 smtp.error.unrecognized HELLO');
  });

  it('give a teacher’s fault reply its own catalogue id', () => {
    const faulty = serverWithFacts({
      backend: {
        ...startServer().backend,
        interpose: (stage) => (stage === 'rcpt' ? reply('fault.mailboxBusy', 'modern') : undefined),
      },
    });
    faulty.server.send('HELO crepes.fr', 'MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<bob@hamburger.edu>');
    expect(answered(faulty.facts).at(-1)).toBe('450 smtp.fault.mailboxBusy RCPT');
  });

  it('lose the final reply when the backend says so: the connection drops without a word', () => {
    const base = startServer().backend;
    const server = startServer(
      {
        backend: {
          ...base,
          accept: (envelope) => ({ ...base.accept(envelope), replyLost: true }),
        } as typeof base,
      },
      { open: false },
    );
    const events: string[] = [];
    server.actor.on('*', (event) => events.push(event.type === 'line.send' ? event.line : event.type));
    server.actor.send({ type: 'connection.opened' });
    server.send(
      'HELO crepes.fr',
      'MAIL FROM:<alice@crepes.fr>',
      'RCPT TO:<bob@hamburger.edu>',
      'DATA',
      'Hi',
      '.',
    );
    expect(events.slice(-2)).toEqual([
      '354 Enter mail, end with "." on a line by itself',
      'connection.abort',
    ]);
    expect(server.actor.getSnapshot().status).toBe('done');
  });
});

describe('the facts of client lines', () => {
  it('give each command its verb and arguments, and message lines content: data', () => {
    const facts: ClientLineFacts[] = [];
    const client = startClient();
    onSentLine<ClientLineFacts>(client.actor, (event) => facts.push(event.facts));
    client.reply('220 hamburger.edu', '250 hamburger.edu');
    client.reply('250 Ok', '250 Ok', '354 Go');
    expect(facts.slice(0, 4)).toEqual([
      { verb: 'EHLO', args: { domain: 'crepes.fr' } },
      { verb: 'MAIL', args: { from: 'alice@crepes.fr' } },
      { verb: 'RCPT', args: { to: 'bob@hamburger.edu' } },
      { verb: 'DATA' },
    ]);
    expect(facts.slice(4, -1).every((f) => 'content' in f && f.content === 'data')).toBe(true);
    expect(facts.at(-1)).toEqual({ verb: '.' });
  });

  it('never copy a credential into the facts of AUTH', () => {
    const facts = commandFacts(parseCommand(`AUTH PLAIN ${encodePlainResponse('alice', 'croissant')}`));
    expect(facts).toEqual({ verb: 'AUTH', args: { mechanism: 'PLAIN', initialResponse: true } });
    expect(JSON.stringify(facts)).not.toContain(encodePlainResponse('alice', 'croissant'));
  });

  it('name the null reverse-path as an empty sender', () => {
    expect(commandFacts(parseCommand('MAIL FROM:<>'))).toEqual({ verb: 'MAIL', args: { from: '' } });
  });
});

describe('reading what a person types', () => {
  it('takes lines after a 354 as message text until the lone dot', () => {
    const reader = smtpTypedLines();
    expect(reader.client('DATA')).toEqual({ verb: 'DATA' });
    reader.server('354 End data with <CR><LF>.<CR><LF>');
    expect(reader.client('MAIL FROM:<x@y.z>')).toEqual({ content: 'data' });
    expect(reader.client('.')).toEqual({ verb: '.' });
    expect(reader.client('QUIT')).toEqual({ verb: 'QUIT' });
  });

  it('takes the line after a 334 as a SASL response, and commands again after the final reply', () => {
    const reader = smtpTypedLines();
    reader.client('AUTH LOGIN');
    reader.server('334 VXNlcm5hbWU6');
    expect(reader.client('YWxpY2U=')).toEqual({ content: 'sasl' });
    reader.server('334 UGFzc3dvcmQ6');
    expect(reader.client('Y3JvaXNzYW50')).toEqual({ content: 'sasl' });
    reader.server('235 2.7.0 Authentication successful');
    expect(reader.client('MAIL FROM:<alice@crepes.fr>')).toMatchObject({ verb: 'MAIL' });
  });

  it('is not fooled by a continuation line that happens to carry 354', () => {
    const reader = smtpTypedLines();
    reader.server('354-not yet');
    expect(reader.client('NOOP')).toEqual({ verb: 'NOOP' });
  });
});

describe('replyLineFacts', () => {
  it('gives one fact per line with more on all but the last', () => {
    const facts = replyLineFacts({ key: 'ehlo.ok', code: 250, text: ['a', 'b', 'c'] }, 'EHLO');
    expect(facts.map((f) => f.more ?? false)).toEqual([true, true, false]);
    expect(new Set(facts.map((f) => f.reply))).toEqual(new Set(['smtp.ehlo.ok']));
  });
});
