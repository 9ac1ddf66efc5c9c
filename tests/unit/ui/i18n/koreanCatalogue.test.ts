import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CATALOGUES = join(import.meta.dirname, '../../../../src/ui/i18n');

// Left in English on purpose in Korean too: the product's name, key names as printed on keyboards, a command to type.
const KEPT = new Set(['Mail Lab', 'Shift + → / ←', 'telnet hamburger.edu 25']);

/** isEnglishProse: ASCII only, with two words of letters in a row, as in "Send message" (not "SMTP", "Home / End"). */
function isEnglishProse(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(value) && /[A-Za-z]{2,}\s+[a-z]{2,}/.test(value) && !KEPT.has(value);
}

function strings(value: unknown, path: string, out: [string, string][]): void {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
}

async function koreanValues(): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const file of readdirSync(CATALOGUES).filter((f) => f.endsWith('.ts'))) {
    const module = (await import(join(CATALOGUES, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module))
      if (typeof value === 'object' && value !== null && 'ko' in value && 'en' in value)
        strings((value as { ko: unknown }).ko, `${file}:${name}.ko`, out);
  }
  return out;
}

describe('the Korean catalogue', () => {
  it('holds no value that is English prose', async () => {
    const values = await koreanValues();
    expect(values.length).toBeGreaterThan(500);
    expect(values.filter(([, v]) => isEnglishProse(v)).map(([path, v]) => `${path}: ${v}`)).toEqual([]);
  }, 60_000);

  it('tells English prose from protocol names and key labels', () => {
    expect(isEnglishProse('Send message')).toBe(true);
    expect(isEnglishProse('메시지 보내기')).toBe(false);
    expect(isEnglishProse('SMTP')).toBe(false);
    expect(isEnglishProse('Home / End')).toBe(false);
    expect(isEnglishProse('TCP (RFC 793)')).toBe(false);
  });
});
