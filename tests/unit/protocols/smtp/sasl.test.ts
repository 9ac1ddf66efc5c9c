// SASL PLAIN and LOGIN helpers (RFC 4616, RFC 4954 §4).
import { describe, expect, it } from 'vitest';
import {
  decodeSaslResponse,
  encodePlainResponse,
  encodeSaslResponse,
  parsePlainResponse,
} from '../../../../src/protocols/smtp/sasl.ts';

describe('SASL helpers', () => {
  it('encode PLAIN as authzid NUL user NUL password in Base64', () => {
    expect(encodePlainResponse('bob', 'ketchup')).toBe('AGJvYgBrZXRjaHVw');
    expect(parsePlainResponse('\0bob\0ketchup')).toEqual({ user: 'bob', password: 'ketchup' });
    expect(parsePlainResponse('bob\0bob\0ketchup')).toEqual({ user: 'bob', password: 'ketchup' });
  });

  it('refuse PLAIN messages with the wrong shape or someone else as authzid', () => {
    expect(parsePlainResponse('bob\0ketchup')).toBeNull();
    expect(parsePlainResponse('\0\0ketchup')).toBeNull();
    expect(parsePlainResponse('alice\0bob\0ketchup')).toBeNull();
  });

  it('decode only strict Base64, and round-trip UTF-8', () => {
    expect(decodeSaslResponse('a2V0Y2h1cA==')).toBe('ketchup');
    expect(decodeSaslResponse('a2V0Y2h1cA')).toBeNull();
    expect(decodeSaslResponse('a2V0 Y2h1cA==')).toBeNull();
    expect(decodeSaslResponse('*')).toBeNull();
    expect(decodeSaslResponse(encodeSaslResponse('crêpe'))).toBe('crêpe');
  });
});
