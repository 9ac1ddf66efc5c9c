// The lines that answer a continuation instead of being commands: DONE (RFC 2177) and SASL responses.
import { describe, expect, it } from 'vitest';
import { isIdleDone, parseSaslResponse } from '../../../../src/protocols/imap/continuationLines.ts';
import { IDLE_DONE } from '../../../../src/protocols/imap/formatCommand.ts';

describe('continuation lines', () => {
  it('end IDLE with DONE in any case, and nothing else', () => {
    expect(isIdleDone(IDLE_DONE)).toBe(true);
    expect(isIdleDone('done')).toBe(true);
    expect(isIdleDone('DONE ')).toBe(false);
    expect(isIdleDone('a1 DONE')).toBe(false);
  });

  it('read an AUTHENTICATE response as BASE64, "*" as a cancel, and refuse anything else', () => {
    expect(parseSaslResponse('AGJvYgBzZWNyZXQ=')).toEqual({ kind: 'response', base64: 'AGJvYgBzZWNyZXQ=' });
    expect(parseSaslResponse('')).toEqual({ kind: 'response', base64: '' });
    expect(parseSaslResponse('*')).toEqual({ kind: 'cancel' });
    expect(parseSaslResponse('not base64!')).toMatchObject({ kind: 'invalid' });
  });
});
