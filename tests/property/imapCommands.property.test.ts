import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandChunks, formatCommand } from '../../src/protocols/imap/formatCommand.ts';
import { decodeMailboxName, encodeMailboxName } from '../../src/protocols/imap/mailboxNames.ts';
import { parseCommand } from '../../src/protocols/imap/parseCommand.ts';
import { CommandReader, type CommandRead } from '../../src/protocols/imap/reader.ts';
import {
  compressNumbers,
  expandSequenceSet,
  formatSequenceSet,
  parseSequenceSet,
} from '../../src/protocols/imap/sequenceSet.ts';
import { LineFramer } from '../../src/protocols/shared/lineFramer.ts';
import { command, commandText, printable, wide } from '../unit/protocols/imap/arbitraries.ts';

describe('IMAP commands under random input', () => {
  it('parseCommand never throws, and what it reads formats stably: parse(format(c)) is c', () => {
    fc.assert(
      fc.property(fc.oneof(commandText, printable), (text) => {
        const parsed = parseCommand(text);
        if (!parsed.ok) {
          expect(parsed.message).not.toBe('');
          return;
        }
        const formatted = formatCommand(parsed.command);
        const again = parseCommand(formatted);
        expect(again).toEqual({ ok: true, command: parsed.command });
        if (again.ok) expect(formatCommand(again.command)).toBe(formatted);
      }),
      { numRuns: 3000 },
    );
  });

  it('every well-formed command formats into text that parses back to it, and formats the same again', () => {
    fc.assert(
      fc.property(command, (built) => {
        const formatted = formatCommand(built);
        const parsed = parseCommand(formatted);
        expect(parsed).toEqual({ ok: true, command: built });
        if (parsed.ok) expect(formatCommand(parsed.command)).toBe(formatted);
      }),
      { numRuns: 2000 },
    );
  });

  it('formatted commands with a char dropped or repeated never throw, and reformat stably when they parse', () => {
    fc.assert(
      fc.property(command, fc.nat(), fc.boolean(), (built, at, repeat) => {
        const formatted = formatCommand(built);
        const cut = at % (formatted.length + 1);
        const mutated =
          formatted.slice(0, cut) + (repeat ? formatted.slice(cut - 1, cut) : '') + formatted.slice(cut + 1);
        const parsed = parseCommand(mutated);
        if (!parsed.ok) return;
        const again = formatCommand(parsed.command);
        expect(parseCommand(again)).toEqual({ ok: true, command: parsed.command });
      }),
      { numRuns: 2000 },
    );
  });

  it('CommandReader reads the same commands however the octets are chunked, and never throws', () => {
    const wireCommand = fc.oneof(
      commandText,
      fc.constantFrom('a APPEND x {5}\r\nab\r\nc', 'b LOGIN {2}\r\n\r\n {0}\r\n'),
    );
    fc.assert(
      fc.property(
        fc.array(wireCommand, { maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (commands, cuts) => {
          const wire = commands.map((command) => command + '\r\n').join('');
          const read = (chunks: string[]) => {
            const framer = new LineFramer(1000);
            const reader = new CommandReader({ maxLiteral: 100, maxText: 500 });
            return chunks
              .flatMap((chunk) => framer.push(chunk))
              .map((line): CommandRead => reader.push(line));
          };
          const points = [...new Set(cuts.map((cut) => cut % (wire.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points].map((start, i) => wire.slice(start, [...points, wire.length][i]));
          expect(read(chunks)).toEqual(read([wire]));
        },
      ),
    );
  });

  it('commandChunks splits a formatted command into pieces that join back to it', () => {
    fc.assert(
      fc.property(wide, wide, (user, pass) => {
        const wire = formatCommand({ tag: 't', name: 'LOGIN', userid: user, password: pass });
        const chunks = commandChunks(wire);
        expect(chunks.join('')).toBe(wire);
        expect(chunks.slice(0, -1).every((chunk) => /\{[0-9]+\}\r\n$/.test(chunk))).toBe(true);
      }),
    );
  });

  it('modified UTF-7 round-trips every well-formed name, and decoding never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), printable, (name, junk) => {
        expect(decodeMailboxName(encodeMailboxName(name))).toEqual({ ok: true, name });
        decodeMailboxName(junk);
      }),
    );
  });

  it('compressed sequence sets expand back to the numbers they came from', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 60 }), (numbers) => {
        const text = formatSequenceSet(compressNumbers(numbers));
        const parsed = text === '' ? { ok: true as const, value: [] } : parseSequenceSet(text);
        expect(parsed.ok && expandSequenceSet(parsed.value, 300)).toEqual(
          [...new Set(numbers)].sort((a, b) => a - b),
        );
      }),
    );
  });
});
