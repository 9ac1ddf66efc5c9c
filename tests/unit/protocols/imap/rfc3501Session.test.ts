// RFC 3501 §8's sample IMAP4rev1 connection, played against imapServerMachine: the same commands in the same order
// get responses of the same kinds, numbers and response codes; only the human-readable texts are the lab's own.
import { describe, expect, it } from 'vitest';
import { memoryBackend } from './memoryBackend.ts';
import { message, startServer } from './serverHarness.ts';

// mrc's INBOX as §8 finds it: 18 messages, the first 16 seen and old, 17 and 18 recent and unseen; UIDVALIDITY
// counts from 1000 in the double, where the RFC's server had 3857529045.
function mrcBackend() {
  const inbox = Array.from({ length: 18 }, (_, i) =>
    i < 16
      ? {
          raw: message(`message ${i + 1}`),
          flags: ['\\Seen'],
          recent: false,
          date: Date.UTC(1996, 6, 17, 9, 44, 25),
        }
      : { raw: message(`message ${i + 1}`) },
  );
  return memoryBackend({ users: { mrc: { password: 'secret', folders: { INBOX: inbox } } } });
}

describe('the sample session of RFC 3501 §8', () => {
  it('answers every command as the RFC shows, with the same data and codes', () => {
    const server = startServer({ backend: mrcBackend() });
    expect(server.log).toEqual(['S: * OK IMAP4rev1 server hamburger.edu ready']);
    expect(server.send('a001 login mrc secret')).toEqual(['a001 OK LOGIN completed, welcome mrc']);
    expect(server.send('a002 select inbox')).toEqual([
      '* 18 EXISTS',
      '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)',
      '* 2 RECENT',
      '* OK [UNSEEN 17] Message 17 is first unseen',
      '* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Limited',
      '* OK [UIDVALIDITY 1000] UIDs valid',
      '* OK [UIDNEXT 19] Predicted next UID',
      'a002 OK [READ-WRITE] SELECT completed',
    ]);
    const full = server.send('a003 fetch 12 full');
    expect(full).toHaveLength(2);
    expect(full[0]).toMatch(
      /^\* 12 FETCH \(FLAGS \(\\Seen\) INTERNALDATE "17-Jul-1996 09:44:25 \+0000" RFC822\.SIZE \d+ ENVELOPE \("Thu, 15 Jan 2026 12:00:00 \+0000" "message 12" .*\) BODY \("TEXT" "PLAIN" .*\)\)$/,
    );
    expect(full[1]).toBe('a003 OK FETCH completed');
    const header = server.send('a004 fetch 12 body[header]');
    // The message is already \Seen, so the fetch reports no FLAGS, as in the RFC.
    expect(header[0]).toMatch(
      /^\* 12 FETCH \(BODY\[HEADER\] \{\d+\}\r\nFrom: Alice <alice@crepes\.fr>\r\n[^]*\r\n\r\n\)$/,
    );
    expect(header[1]).toBe('a004 OK FETCH completed');
    expect(server.send('a005 store 12 +flags \\deleted')).toEqual([
      '* 12 FETCH (FLAGS (\\Seen \\Deleted))',
      'a005 OK STORE completed',
    ]);
    expect(server.send('a006 logout')).toEqual([
      '* BYE IMAP4rev1 server hamburger.edu logging out',
      'a006 OK LOGOUT completed',
      '<close>',
    ]);
    expect(server.state()).toBe('"logout"');
  });

  it('records each response line with its status, tag and the command it answers', () => {
    const server = startServer({ backend: mrcBackend() });
    server.send('a001 login mrc secret', 'a002 select inbox');
    expect(server.facts[0]).toEqual({ status: 'OK', reply: 'imap.greeting' });
    expect(server.facts[1]).toEqual({ status: 'OK', reply: 'imap.login.ok', tag: 'a001', answers: 'LOGIN' });
    expect(server.facts[2]).toEqual({ status: 'EXISTS', reply: 'imap.exists', answers: 'SELECT' });
    expect(server.facts.at(-1)).toEqual({
      status: 'OK',
      reply: 'imap.select.ok',
      tag: 'a002',
      answers: 'SELECT',
      responseCode: 'READ-WRITE',
    });
  });
});
