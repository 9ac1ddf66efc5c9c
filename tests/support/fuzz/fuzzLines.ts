// What the fuzzer sends: lines drawn from each protocol's grammar (its verbs with good, bad and hostile arguments)
// mixed with lines of random octets, NULs, 8-bit bytes, bare CR or LF and lines far over every limit.
import type { Rng } from '../../../src/sim/rng.ts';

/** pick draws one element of a non-empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(0, items.length - 1)] as T;
}

/** randomOctets is `length` octets, each any value 0-255 (a binary string, as sockets carry). */
export function randomOctets(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCharCode(rng.int(0, 255));
  return out;
}

const HOSTILE = [
  '\0',
  '\0\0\0',
  '\x1b[2J\x1b]0;owned\x07',
  '\xff\xfe\xfd',
  'é한국어',
  '\r',
  '\n',
  '\t',
  ' ',
  '',
  '%s%s%n',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '"',
  '\\',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '*',
  '%',
  '-1',
  '0',
  '4294967296',
  '99999999999999999999',
  '1:*',
  '*:1',
  '1,2,3:5',
];

/** word is an argument: a plausible one, a hostile one, or random octets. */
export function word(rng: Rng, plausible: readonly string[]): string {
  const roll = rng.float();
  if (roll < 0.55) return pick(rng, plausible);
  if (roll < 0.85) return pick(rng, HOSTILE);
  return randomOctets(rng, rng.int(0, 12));
}

/** sentence joins words with single spaces, sometimes with several or a tab. */
export function sentence(rng: Rng, words: readonly string[]): string {
  return words
    .map((w, i) => (i === 0 ? w : `${rng.float() < 0.9 ? ' ' : pick(rng, ['  ', '\t', ''])}${w}`))
    .join('');
}

/** casing writes a verb as given, in lower case, or in mixed case: commands are case-insensitive. */
export function casing(rng: Rng, verb: string): string {
  const roll = rng.float();
  if (roll < 0.7) return verb;
  if (roll < 0.85) return verb.toLowerCase();
  return [...verb].map((c) => (rng.float() < 0.5 ? c.toLowerCase() : c)).join('');
}

/**
 * anyLine is a line with no grammar at all: random octets (NULs and 8-bit included) of any length up to `max`,
 * sometimes far past every protocol's limit, sometimes with a CR or LF inside.
 */
export function anyLine(rng: Rng, max: number): string {
  const roll = rng.float();
  if (roll < 0.6) return randomOctets(rng, rng.int(0, 40));
  if (roll < 0.8) return randomOctets(rng, rng.int(40, 1200));
  if (roll < 0.95) return 'A'.repeat(rng.int(max - 2, max + 2));
  return 'x'.repeat(rng.int(1, 8)).repeat(rng.int(1, Math.ceil(max / 4)));
}
