// Server responses (RFC 3501 §7): written by the server with their response codes and FETCH items, and read
// back by the client, the §8 sample session's server lines included.
import { describe, expect, it } from 'vitest';
import { parseResponse } from '../../../../src/protocols/imap/parseResponse.ts';
import { formatResponseCode, type ResponseCode } from '../../../../src/protocols/imap/responseCodes.ts';
import { formatResponse, type ImapResponse } from '../../../../src/protocols/imap/responses.ts';
import { ResponseReader } from '../../../../src/protocols/imap/reader.ts';

function parsed(text: string): ImapResponse {
  const result = parseResponse(text);
  if (!result.ok) throw new Error(`${text}: ${result.message}`);
  return result.value;
}

describe('response codes', () => {
  it('are written as RFC 3501 §7.1 and RFC 4315 §3 show them', () => {
    const codes: [ResponseCode, string][] = [
      [{ code: 'UIDVALIDITY', value: 3857529045 }, '[UIDVALIDITY 3857529045]'],
      [{ code: 'UIDNEXT', value: 4392 }, '[UIDNEXT 4392]'],
      [{ code: 'UNSEEN', value: 17 }, '[UNSEEN 17]'],
      [
        { code: 'PERMANENTFLAGS', flags: ['\\Deleted', '\\Seen', '\\*'] },
        '[PERMANENTFLAGS (\\Deleted \\Seen \\*)]',
      ],
      [{ code: 'READ-ONLY' }, '[READ-ONLY]'],
      [{ code: 'READ-WRITE' }, '[READ-WRITE]'],
      [{ code: 'TRYCREATE' }, '[TRYCREATE]'],
      [{ code: 'ALERT' }, '[ALERT]'],
      [{ code: 'APPENDUID', uidValidity: 38505, uid: 3955 }, '[APPENDUID 38505 3955]'],
      [
        {
          code: 'COPYUID',
          uidValidity: 38505,
          source: [
            { start: 304, end: 304 },
            { start: 319, end: 320 },
          ],
          destination: [{ start: 3956, end: 3958 }],
        },
        '[COPYUID 38505 304,319:320 3956:3958]',
      ],
      [{ code: 'BADCHARSET', charsets: ['UTF-8', 'US-ASCII'] }, '[BADCHARSET (UTF-8 US-ASCII)]'],
      [{ code: 'CAPABILITY', capabilities: ['IMAP4rev1', 'IDLE'] }, '[CAPABILITY IMAP4rev1 IDLE]'],
      [{ code: 'other', atom: 'X-LAB', text: 'anything (at all)' }, '[X-LAB anything (at all)]'],
    ];
    for (const [code, text] of codes) {
      expect(formatResponseCode(code)).toBe(text);
      expect(parsed(`a OK ${text} done`)).toEqual({
        kind: 'tagged',
        tag: 'a',
        status: 'OK',
        code,
        text: 'done',
      });
    }
  });
});

describe('formatResponse', () => {
  it('writes status, data and continuation responses', () => {
    expect(
      formatResponse({
        kind: 'tagged',
        tag: 'a002',
        status: 'OK',
        code: { code: 'READ-WRITE' },
        text: 'SELECT completed',
      }),
    ).toBe('a002 OK [READ-WRITE] SELECT completed');
    expect(formatResponse({ kind: 'untagged', status: 'BYE', code: null, text: 'logging out' })).toBe(
      '* BYE logging out',
    );
    expect(formatResponse({ kind: 'continue', code: null, text: 'Ready for literal data' })).toBe(
      '+ Ready for literal data',
    );
    expect(formatResponse({ kind: 'exists', count: 18 })).toBe('* 18 EXISTS');
    expect(formatResponse({ kind: 'search', numbers: [] })).toBe('* SEARCH');
    expect(
      formatResponse({
        kind: 'list',
        attributes: ['\\Noselect'],
        delimiter: '/',
        mailbox: '&vBvHQNO4ycDVaA-',
      }),
    ).toBe('* LIST (\\Noselect) "/" &vBvHQNO4ycDVaA-');
    expect(formatResponse({ kind: 'lsub', attributes: [], delimiter: null, mailbox: 'my box' })).toBe(
      '* LSUB () NIL "my box"',
    );
    expect(
      formatResponse({
        kind: 'status',
        mailbox: 'blurdybloop',
        values: [
          { item: 'MESSAGES', value: 231 },
          { item: 'UIDNEXT', value: 44292 },
        ],
      }),
    ).toBe('* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)');
  });

  it('never lets status text end the line early', () => {
    expect(
      formatResponse({ kind: 'tagged', tag: 'a', status: 'NO', code: null, text: 'bad\r\na OK forged' }),
    ).toBe('a NO bad a OK forged');
  });

  it('writes FETCH items, body data as a literal when it holds line breaks', () => {
    expect(
      formatResponse({
        kind: 'fetch',
        seq: 12,
        items: [
          { item: 'FLAGS', flags: ['\\Seen', '\\Recent'] },
          { item: 'UID', uid: 4827313 },
          { item: 'INTERNALDATE', date: { ms: Date.UTC(1996, 6, 17, 9, 44, 25), zoneMinutes: -420 } },
          { item: 'RFC822.SIZE', size: 4286 },
          {
            item: 'section',
            section: { part: [], text: { kind: 'HEADER' } },
            origin: null,
            data: 'To: b\r\n\r\n',
          },
          { item: 'section', section: { part: [1], text: null }, origin: 0, data: 'abc' },
          { item: 'RFC822.TEXT', data: null },
        ],
      }),
    ).toBe(
      '* 12 FETCH (FLAGS (\\Seen \\Recent) UID 4827313 INTERNALDATE "17-Jul-1996 02:44:25 -0700" RFC822.SIZE 4286 ' +
        'BODY[HEADER] {9}\r\nTo: b\r\n\r\n BODY[1]<0> "abc" RFC822.TEXT NIL)',
    );
  });
});

describe('parseResponse', () => {
  it('reads the server lines of the RFC 3501 §8 sample session', () => {
    const reader = new ResponseReader();
    const wire = [
      '* OK IMAP4rev1 Service Ready',
      'a001 OK LOGIN completed',
      '* 18 EXISTS',
      '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)',
      '* 2 RECENT',
      '* OK [UNSEEN 17] Message 17 is the first unseen message',
      '* OK [UIDVALIDITY 3857529045] UIDs valid',
      'a002 OK [READ-WRITE] SELECT completed',
      '* 12 FETCH (FLAGS (\\Seen) INTERNALDATE "17-Jul-1996 02:44:25 -0700" RFC822.SIZE 4286 ENVELOPE ("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)" "IMAP4rev1 WG mtg summary and minutes" (("Terry Gray" NIL "gray" "cac.washington.edu")) (("Terry Gray" NIL "gray" "cac.washington.edu")) (("Terry Gray" NIL "gray" "cac.washington.edu")) ((NIL NIL "imap" "cac.washington.edu")) ((NIL NIL "minutes" "CNRI.Reston.VA.US")("John Klensin" NIL "KLENSIN" "MIT.EDU")) NIL NIL "<B27397-0100000@cac.washington.edu>") BODY ("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 3028 92))',
      'a003 OK FETCH completed',
      '* 12 FETCH (BODY[HEADER] {21}',
      'Date: Wed, 17 Jul',
      '',
      ')',
      'a004 OK FETCH completed',
      '* 12 FETCH (FLAGS (\\Seen \\Deleted))',
      'a005 OK +FLAGS completed',
      '* BYE IMAP4rev1 server terminating connection',
      'a006 OK LOGOUT completed',
    ];
    const responses = wire.flatMap((line) => {
      const read = reader.push(line);
      return read.kind === 'response' ? [parsed(read.text)] : [];
    });
    expect(responses.map((response) => response.kind)).toEqual([
      'untagged',
      'tagged',
      'exists',
      'flags',
      'recent',
      'untagged',
      'untagged',
      'tagged',
      'fetch',
      'tagged',
      'fetch',
      'tagged',
      'fetch',
      'tagged',
      'untagged',
      'tagged',
    ]);
    expect(responses[5]).toEqual({
      kind: 'untagged',
      status: 'OK',
      code: { code: 'UNSEEN', value: 17 },
      text: 'Message 17 is the first unseen message',
    });
    expect(responses[8]).toMatchObject({
      kind: 'fetch',
      seq: 12,
      items: [
        { item: 'FLAGS', flags: ['\\Seen'] },
        { item: 'INTERNALDATE', date: { ms: Date.UTC(1996, 6, 17, 9, 44, 25), zoneMinutes: -420 } },
        { item: 'RFC822.SIZE', size: 4286 },
        { item: 'ENVELOPE', envelope: { subject: 'IMAP4rev1 WG mtg summary and minutes', bcc: null } },
        { item: 'BODY', body: { kind: 'text', subtype: 'PLAIN', lines: 92, fields: { octets: 3028 } } },
      ],
    });
    expect(responses[10]).toEqual({
      kind: 'fetch',
      seq: 12,
      items: [
        {
          item: 'section',
          section: { part: [], text: { kind: 'HEADER' } },
          origin: null,
          data: 'Date: Wed, 17 Jul\r\n\r\n',
        },
      ],
    });
  });

  it('reads back everything formatResponse writes', () => {
    const responses: ImapResponse[] = [
      { kind: 'tagged', tag: 'A1', status: 'NO', code: { code: 'TRYCREATE' }, text: 'no such mailbox' },
      { kind: 'untagged', status: 'PREAUTH', code: null, text: 'welcome' },
      { kind: 'continue', code: null, text: '' },
      { kind: 'capability', capabilities: ['IMAP4rev1', 'IDLE', 'MOVE', 'UIDPLUS', 'AUTH=PLAIN'] },
      { kind: 'flags', flags: ['\\Answered', '$Junk'] },
      { kind: 'list', attributes: ['\\HasNoChildren'], delimiter: '/', mailbox: 'INBOX' },
      { kind: 'status', mailbox: 'a b', values: [{ item: 'UNSEEN', value: 0 }] },
      { kind: 'search', numbers: [2, 84, 882] },
      { kind: 'recent', count: 0 },
      { kind: 'expunge', seq: 3 },
      {
        kind: 'fetch',
        seq: 1,
        items: [
          { item: 'RFC822', data: 'a\r\nb' },
          { item: 'UID', uid: 9 },
        ],
      },
    ];
    for (const response of responses)
      expect(parseResponse(formatResponse(response))).toEqual({ ok: true, value: response });
  });

  it('explains what it cannot read', () => {
    const message = (text: string) => {
      const result = parseResponse(text);
      return result.ok ? 'parsed' : result.message;
    };
    expect(message('* 3 FROB')).toBe('unknown untagged response "3 FROB"');
    expect(message('* NAMESPACE (("" "/")) NIL NIL')).toBe('unknown untagged response "NAMESPACE"');
    expect(message('a1 MAYBE so')).toBe('a tagged response must be OK, NO or BAD');
    expect(message('* 1 FETCH (FLAGS (\\Seen)')).toBe(
      'unbalanced parentheses: the FETCH data is never closed',
    );
    expect(message('a OK [UIDNEXT x] y')).toBe('expected the number of UIDNEXT, found "x] y"');
    expect(message('a OK [READ-ONLY y')).toBe('the response code is never closed with "]", found " y"');
  });
});
