// The POP3 response catalogue: named responses, their lines with dot-stuffing, and reading a status line back.
import { describe, expect, it } from 'vitest';
import { pop3Catalogue } from '../../../../src/protocols/pop3/catalogue.ts';
import {
  REPLIES,
  countMessages,
  formatReply,
  parseStatusLine,
  reply,
} from '../../../../src/protocols/pop3/replies.ts';
import { PROTOCOLS, catalogueEntry, protocolForPort } from '../../../../src/protocols/registry.ts';

describe('the response catalogue', () => {
  it('gives every response a status in upper case and, but for two, its own wording', () => {
    for (const [key, definition] of Object.entries(REPLIES)) {
      expect(['+OK', '-ERR'], key).toContain(definition.status);
    }
    // APOP's welcome is worded as PASS's, and UIDL's "+OK" as NOOP's, as in RFC 1939's examples.
    const wordings = Object.entries(REPLIES)
      .filter(([key]) => key !== 'apop.ok' && key !== 'uidl')
      .map(([, definition]) => `${definition.status} ${definition.text}`);
    expect(new Set(wordings).size).toBe(wordings.length);
  });

  it('starts no text with "[" unless it is a response code the server advertises (RFC 2449 §8)', () => {
    for (const [key, definition] of Object.entries(REPLIES)) {
      if (definition.text.startsWith('[')) expect(definition.text, key).toMatch(/^\[(IN-USE|AUTH)\] /);
    }
  });

  it('is listed in the registry on port 110, each response under its own id with its status', () => {
    const ids = PROTOCOLS.pop3.catalogue.map((entry) => entry.id);
    expect(ids).toHaveLength(Object.keys(REPLIES).length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pop3Catalogue()).toEqual(PROTOCOLS.pop3.catalogue);
    expect(catalogueEntry('pop3.auth.inUse')).toEqual({ id: 'pop3.auth.inUse', status: '-ERR' });
    expect(catalogueEntry('pop3.dele.ok')).toEqual({ id: 'pop3.dele.ok', status: '+OK' });
    expect(protocolForPort(110)).toBe('pop3');
    expect(PROTOCOLS.pop3.serverMachine).not.toBeNull();
    expect(PROTOCOLS.pop3.clientMachine).not.toBeNull();
    expect(PROTOCOLS.pop3.typedLines?.().client('retr 1')).toEqual({ verb: 'RETR', args: { msg: 1 } });
  });
});

describe('formatReply', () => {
  it('writes a single-line response, with no space after a status without text', () => {
    expect(formatReply(reply('dele.ok', { msg: 1 }))).toEqual(['+OK message 1 deleted']);
    expect(formatReply(reply('noop'))).toEqual(['+OK']);
  });

  it('dot-stuffs the lines of a multi-line response and ends it with "."', () => {
    expect(formatReply(reply('retr', { octets: 12 }, ['.hidden', '', '.', 'end']))).toEqual([
      '+OK 12 octets',
      '..hidden',
      '',
      '..',
      'end',
      '.',
    ]);
  });

  it('ends an empty multi-line response at once', () => {
    expect(formatReply(reply('list', { messages: countMessages(0), octets: 0 }, []))).toEqual([
      '+OK 0 messages (0 octets)',
      '.',
    ]);
  });
});

describe('parseStatusLine', () => {
  it('reads the status, a response code if any, and the text', () => {
    expect(parseStatusLine('+OK 2 320')).toEqual({ status: '+OK', code: null, text: '2 320' });
    expect(parseStatusLine('+OK')).toEqual({ status: '+OK', code: null, text: '' });
    expect(parseStatusLine('-ERR [IN-USE] maildrop already locked')).toEqual({
      status: '-ERR',
      code: 'IN-USE',
      text: '[IN-USE] maildrop already locked',
    });
    expect(parseStatusLine('-ERR [SYS/TEMP] try later')?.code).toBe('SYS/TEMP');
  });

  it('refuses lines that are not status lines', () => {
    expect(['+ok', 'OK', '+OKAY', '-ERRor', '', '. '].map(parseStatusLine)).toEqual(Array(6).fill(null));
  });
});

describe('countMessages', () => {
  it('counts as RFC 1939 writes it', () => {
    expect([0, 1, 2].map(countMessages)).toEqual(['0 messages', '1 message', '2 messages']);
  });
});
