// The in-memory maildrop and the message text it keeps: CRLF sizes, unique-ids, exclusive locks and removal.
import { describe, expect, it } from 'vitest';
import { memoryMaildrop } from '../../../../src/protocols/pop3/memoryMaildrop.ts';
import { canonicalMessage, topOfMessage } from '../../../../src/protocols/pop3/messageText.ts';

describe('canonicalMessage', () => {
  it('ends every line with CRLF, so that the size counts each line end as two octets (RFC 1939 §11)', () => {
    expect(canonicalMessage('a\nb\rc\r\nd')).toBe('a\r\nb\r\nc\r\nd\r\n');
    expect(canonicalMessage('.dot\n')).toBe('.dot\r\n');
    expect(canonicalMessage('')).toBe('');
  });
});

describe('topOfMessage', () => {
  it('keeps the header, the blank line and the first lines of the body', () => {
    expect(topOfMessage('A: 1\r\nB: 2\r\n\r\none\r\ntwo\r\n', 1)).toEqual(['A: 1', 'B: 2', '', 'one']);
    expect(topOfMessage('A: 1\r\n\r\none\r\n', 0)).toEqual(['A: 1', '']);
  });

  it('sends all of a message without a blank line', () => {
    expect(topOfMessage('A: 1\r\nB: 2\r\n', 0)).toEqual(['A: 1', 'B: 2']);
  });
});

describe('memoryMaildrop', () => {
  const accounts = { Mrose: { password: 'secret', messages: ['one\n', { uid: 'kept-1', data: 'two' }] } };

  it('lists sizes with CRLF counted and unique-ids, given or made', () => {
    const maildrop = memoryMaildrop({ accounts });
    expect(maildrop.lock('mrose')).toEqual({
      ok: true,
      messages: [
        { uid: 'U00001', size: 5 },
        { uid: 'kept-1', size: 5 },
      ],
    });
    expect(maildrop.read('mrose', 'kept-1')).toBe('two\r\n');
  });

  it('lets one session at a time hold a user’s lock, names compared without regard to case', () => {
    const maildrop = memoryMaildrop({ accounts });
    expect(maildrop.lock('MROSE').ok).toBe(true);
    expect(maildrop.lock('mrose')).toEqual({ ok: false, reason: 'in-use' });
    maildrop.release('mrose');
    expect(maildrop.lock('mrose').ok).toBe(true);
  });

  it('removes only the messages it is given, and counts those it could not remove', () => {
    const maildrop = memoryMaildrop({ accounts, stuck: ['kept-1'] });
    expect(maildrop.commit('mrose', ['U00001', 'kept-1'])).toEqual({ notRemoved: 1 });
    expect(maildrop.messages('mrose').map((message) => message.uid)).toEqual(['kept-1']);
  });

  it('checks passwords and APOP secrets, refusing a way in that has none', () => {
    const maildrop = memoryMaildrop({ accounts: { a: { password: 'p' }, b: { apopSecret: 's' } } });
    expect([
      maildrop.checkPassword('a', 'p'),
      maildrop.checkPassword('a', 'x'),
      maildrop.checkPassword('b', ''),
    ]).toEqual([true, false, false]);
    expect([maildrop.apopSecret('a'), maildrop.apopSecret('b'), maildrop.apopSecret('c')]).toEqual([
      null,
      's',
      null,
    ]);
  });

  it('refuses unique-ids that RFC 1939 §7 does not allow, or that are taken', () => {
    expect(() => memoryMaildrop({ accounts: { a: { messages: [{ uid: 'has space', data: '' }] } } })).toThrow(
      RangeError,
    );
    expect(() =>
      memoryMaildrop({ accounts: { a: { messages: [{ uid: 'x'.repeat(71), data: '' }] } } }),
    ).toThrow(RangeError);
    const maildrop = memoryMaildrop({ accounts });
    expect(() => maildrop.deliver('mrose', { uid: 'kept-1', data: 'again' })).toThrow(RangeError);
  });
});
