// The facts IMAP lines carry into the trace: the server's lines from its catalogue, a command's tag, verb and
// arguments with credentials masked, and the typed-line reader that follows literals, SASL and IDLE.
import { describe, expect, it } from 'vitest';
import { imapCatalogue } from '../../../../src/protocols/imap/catalogue.ts';
import { commandFacts } from '../../../../src/protocols/imap/lineFacts.ts';
import { parseCommand } from '../../../../src/protocols/imap/parseCommand.ts';
import { imapTypedLines } from '../../../../src/protocols/imap/typedLines.ts';
import { catalogueEntry } from '../../../../src/protocols/registry.ts';
import { selected } from './serverHarness.ts';

describe('IMAP line facts', () => {
  it('name a catalogued reply on every line the server sends', () => {
    const server = selected();
    server.send('a1 FETCH 1 (FLAGS)', 'a2 COPY 1 Sent', 'a3 FROB', 'a4 IDLE', 'DONE', 'a5 LOGOUT');
    const ids = new Set(imapCatalogue().map((entry) => entry.id));
    expect(server.facts.length).toBeGreaterThan(15);
    for (const facts of server.facts) expect(ids).toContain(facts.reply);
    expect(catalogueEntry('imap.copy.ok')).toEqual({ id: 'imap.copy.ok', status: 'OK' });
  });

  it('say the response code by name and the command answered', () => {
    const server = selected();
    server.send('a2 COPY 1 Sent');
    expect(server.facts.at(-1)).toEqual({
      status: 'OK',
      reply: 'imap.copy.ok',
      tag: 'a2',
      answers: 'COPY',
      responseCode: 'COPYUID',
    });
  });

  it('never copy a LOGIN password or an AUTHENTICATE initial response', () => {
    const login = commandFacts(parseCommand('a1 LOGIN bob hungry'));
    expect(login).toEqual({ verb: 'LOGIN', tag: 'a1', args: { userid: 'bob', password: true } });
    expect(JSON.stringify(login)).not.toContain('hungry');
    const auth = commandFacts(parseCommand('a2 AUTHENTICATE PLAIN AGJvYgBodW5ncnk='));
    expect(JSON.stringify(auth)).not.toContain('AGJvYgBodW5ncnk=');
    expect(auth.args).toMatchObject({ password: true });
  });

  it('give UID commands their two-word verb and decode mailbox names', () => {
    expect(commandFacts(parseCommand('a UID MOVE 1:3 &vBvHQNO4ycDVaA-'))).toEqual({
      verb: 'UID MOVE',
      tag: 'a',
      args: { set: '1:3', mailbox: '받은편지함' },
    });
  });
});

describe('the reader of typed IMAP lines', () => {
  it('reads a literal announced with {n} as message text, once the server said "+"', () => {
    const typed = imapTypedLines();
    expect(typed.client('a1 APPEND INBOX {13}')).toMatchObject({ tag: 'a1', verb: 'APPEND' });
    typed.server('+ Ready for literal data');
    expect(typed.client('Subject: hi')).toEqual({ content: 'data' });
    // The empty line after the literal's last CRLF ends the command.
    expect(typed.client('')).toEqual({ content: 'data' });
    expect(typed.client('a2 NOOP')).toEqual({ verb: 'NOOP', tag: 'a2' });
  });

  it('masks every line of an AUTHENTICATE exchange until the server answers the tag', () => {
    const typed = imapTypedLines();
    expect(typed.client('a1 AUTHENTICATE PLAIN')).toMatchObject({ verb: 'AUTHENTICATE' });
    typed.server('+');
    expect(typed.client('AGJvYgBodW5ncnk=')).toEqual({ content: 'sasl' });
    typed.server('a1 OK AUTHENTICATE completed');
    expect(typed.client('a2 NOOP')).toEqual({ verb: 'NOOP', tag: 'a2' });
  });

  it('masks a password sent as a literal', () => {
    const typed = imapTypedLines();
    expect(typed.client('a1 LOGIN bob {6}')).toMatchObject({ verb: 'LOGIN', args: { password: true } });
    expect(typed.client('hungry')).toEqual({ content: 'sasl' });
  });

  it('reads DONE as the end of IDLE', () => {
    const typed = imapTypedLines();
    typed.client('a1 IDLE');
    typed.server('+ idling');
    expect(typed.client('done')).toEqual({ verb: 'DONE' });
    typed.server('a1 OK IDLE terminated');
    expect(typed.client('a2 LOGOUT')).toEqual({ verb: 'LOGOUT', tag: 'a2' });
  });
});
