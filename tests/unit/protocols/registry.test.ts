// The protocol registry: one table naming each protocol's ports, catalogue and machines.
import { describe, expect, it } from 'vitest';
import { PROTOCOLS, catalogueEntry, protocolForPort } from '../../../src/protocols/registry.ts';
import { REPLIES } from '../../../src/protocols/smtp/replies.ts';

describe('the protocol registry', () => {
  it('names the protocol of each well-known port and nothing for others', () => {
    expect([25, 587, 110, 143, 80].map(protocolForPort)).toEqual(['smtp', 'smtp', 'pop3', 'imap', 'http']);
    expect(protocolForPort(2525)).toBeNull();
  });

  it('gives each port to one protocol only', () => {
    const ports = Object.values(PROTOCOLS).flatMap((entry) => entry.ports);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('lists every SMTP reply of the catalogue under its own id, prefixed by the protocol', () => {
    const ids = PROTOCOLS.smtp.catalogue.map((entry) => entry.id);
    expect(ids.length).toBe(Object.keys(REPLIES).length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith('smtp.'))).toBe(true);
    expect(catalogueEntry('smtp.auth.ok')).toEqual({ id: 'smtp.auth.ok', code: 235 });
    expect(catalogueEntry('smtp.no.such.reply')).toBeUndefined();
  });

  it('gives SMTP both machines and a reader of typed lines', () => {
    expect(PROTOCOLS.smtp.serverMachine).not.toBeNull();
    expect(PROTOCOLS.smtp.clientMachine).not.toBeNull();
    expect(PROTOCOLS.smtp.typedLines?.().client('QUIT')).toEqual({ verb: 'QUIT' });
  });
});
