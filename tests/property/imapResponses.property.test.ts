import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyStructureOf, formatBodyStructure } from '../../src/protocols/imap/bodyStructure.ts';
import { bodyStructureFromValue } from '../../src/protocols/imap/bodyStructureValue.ts';
import { envelopeFromValue, envelopeOf, formatEnvelope } from '../../src/protocols/imap/envelope.ts';
import { Scanner } from '../../src/protocols/imap/lexer.ts';
import { parseResponse } from '../../src/protocols/imap/parseResponse.ts';
import { formatResponse } from '../../src/protocols/imap/responses.ts';
import { parseMessage } from '../../src/protocols/message/parseMessage.ts';
import { printable, response, responseText } from '../unit/protocols/imap/arbitraries.ts';

describe('IMAP responses under random input', () => {
  it('parseResponse never throws, and what it reads formats stably', () => {
    fc.assert(
      fc.property(fc.oneof(responseText, printable), (text) => {
        const parsed = parseResponse(text);
        if (!parsed.ok) return;
        const formatted = formatResponse(parsed.value);
        expect(parseResponse(formatted)).toEqual({ ok: true, value: parsed.value });
      }),
      { numRuns: 3000 },
    );
  });

  it('every well-formed response formats into text that parses back to it', () => {
    fc.assert(
      fc.property(response, (built) => {
        expect(parseResponse(formatResponse(built))).toEqual({ ok: true, value: built });
      }),
      { numRuns: 2000 },
    );
  });

  it('ENVELOPE and BODYSTRUCTURE of any message read back as what was written', () => {
    const line = fc.oneof(
      fc.constantFrom(
        'Content-Type: multipart/mixed; boundary=b',
        'Content-Type: message/rfc822',
        "Content-Type: text/plain; charset*=utf-8''%EB%B0%9B",
        'Content-Transfer-Encoding: base64',
        'Content-Disposition: attachment; filename="a b"',
        'Content-Language: en, ko',
        'From: "A, B" <a@b>, g: c@d, e (x) ;',
        'To: <@r:x@y>, =?UTF-8?B?67Cb?= <z@w>',
        'Subject: =?UTF-8?B?67Cb?=',
        '--b',
        '--b--',
        '',
      ),
      printable,
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const raw = lines.join('\r\n');
        const root = parseMessage(raw).root;
        const envelope = envelopeOf(root.headers);
        expect(envelopeFromValue(new Scanner(formatEnvelope(envelope)).value())).toEqual({
          ok: true,
          envelope,
        });
        const body = bodyStructureOf(raw, root);
        const read = bodyStructureFromValue(new Scanner(formatBodyStructure(body, true)).value());
        expect(read).toEqual({ ok: true, value: body });
      }),
      { numRuns: 1000 },
    );
  });
});
