// A line ended by LF alone gets an immediate reply that explains CRLF: outside DATA a 500, inside DATA the
// message is refused at its final "." and the session goes on. Only CRLF.CRLF ends DATA, so no smuggling.
import { describe, expect, it } from 'vitest';
import { startServer } from './serverHarness.ts';

function bareLf(server: ReturnType<typeof startServer>, line: string): void {
  server.log.push(`C: ${line}<LF>`);
  server.actor.send({ type: 'line.bareLf', line });
}

describe('a command ended by a bare LF', () => {
  it('is refused at once with 500 and the reason, in the textbook style', () => {
    const server = startServer();
    bareLf(server, 'HELO crepes.fr');
    expect(server.log).toEqual([
      'S: 220 hamburger.edu',
      'C: HELO crepes.fr<LF>',
      'S: 500 Syntax error: line ends with a bare LF; end every line with CRLF',
    ]);
    expect(server.actor.getSnapshot().hasTag('identified')).toBe(false);
  });

  it('is refused at once with 500 5.5.2 in the modern style, and the session goes on', () => {
    const server = startServer({ style: 'modern' });
    bareLf(server, 'EHLO crepes.fr');
    server.send('HELO crepes.fr');
    expect(server.serverLines().slice(1)).toEqual([
      '500 5.5.2 Error: bare <LF> received; end each line with <CR><LF>',
      '250 hamburger.edu',
    ]);
  });

  it('says which command it answers', () => {
    const server = startServer();
    const facts: unknown[] = [];
    server.actor.on('line.send', (event) => facts.push(event.facts));
    bareLf(server, 'NOOP');
    expect(facts).toEqual([
      expect.objectContaining({ code: 500, reply: 'smtp.error.bareLf', answers: 'NOOP' }),
    ]);
  });
});

describe('a bare LF inside DATA', () => {
  const open = ['HELO crepes.fr', 'MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<bob@hamburger.edu>', 'DATA'];

  it('refuses the message at the final "." with an explanation, and keeps the session', () => {
    const server = startServer();
    server.send(...open, 'Subject: hi');
    bareLf(server, 'Do you like ketchup?');
    // A "." ended by LF alone does not end DATA: that is the smuggling trick, and it stays text.
    bareLf(server, '.');
    expect(server.state()).toContain('receivingData');
    server.send('How about pickles?', '.');
    expect(server.serverLines().at(-1)).toBe(
      '554 Message refused: it contains a bare CR or LF; end every line with CRLF',
    );
    expect(server.backend.accepted).toEqual([]);
    server.send('MAIL FROM:<alice@crepes.fr>');
    expect(server.serverLines().at(-1)).toBe('250 alice@crepes.fr ... Sender ok');
  });

  it('refuses it in the modern style too', () => {
    const server = startServer({ style: 'modern' });
    server.send(...open);
    bareLf(server, 'x');
    server.send('.');
    expect(server.serverLines().at(-1)).toBe(
      '554 5.6.0 Error: bare <CR> or <LF> in message; end each line with <CR><LF>',
    );
  });
});
