import { describe, expect, it } from 'vitest';
import { en } from '../../../../src/ui/i18n/en.ts';
import { ko } from '../../../../src/ui/i18n/ko.ts';
import { formatDuration, formatNumber, pickLanguage } from '../../../../src/ui/i18n/language.ts';

describe('pickLanguage', () => {
  it('obeys ?lang= above the browser’s preference', () => {
    expect(pickLanguage('?lang=ko', ['en-GB'])).toBe('ko');
    expect(pickLanguage('?lang=en', ['ko-KR'])).toBe('en');
  });

  it('follows the first browser language it knows when the URL says nothing usable', () => {
    expect(pickLanguage('', ['fr-FR', 'ko-KR', 'en'])).toBe('ko');
    expect(pickLanguage('?lang=xx', ['ko'])).toBe('ko');
  });

  it('falls back to English', () => {
    expect(pickLanguage('', ['de-DE'])).toBe('en');
    expect(pickLanguage('', [])).toBe('en');
  });
});

describe('formatDuration', () => {
  it('writes short times in ms and longer ones in seconds', () => {
    expect(formatDuration(0, 'en')).toBe('0 ms');
    expect(formatDuration(220, 'en')).toBe('220 ms');
    expect(formatDuration(60_840, 'en')).toBe('60.84 s');
    expect(formatDuration(59_980, 'ko')).toBe('59.98초');
  });

  it('writes numbers as Intl.NumberFormat does in both languages, without making one', () => {
    // Halves, carries into a new digit, values whose shortest decimal is not their binary one, negatives, zero.
    const tricky = [
      0, -0, 0.05, 0.15, 0.95, 1.005, 1.45, 2.675, 9.95, 99.95, 999.96, 999_999.95, -0.04, -12.25,
    ];
    const random = Array.from({ length: 4000 }, (_, i) => {
      const scale = 10 ** ((i % 9) - 3);
      return Math.round(Math.sin(i * 7919) * 1e6) * scale * (i % 2 ? 1 : 1.0001);
    });
    for (const language of ['en', 'ko'] as const)
      for (const digits of [0, 1, 3]) {
        const intl = new Intl.NumberFormat(language, { maximumFractionDigits: digits });
        for (const n of [...tricky, ...random])
          expect(formatNumber(n, digits, language), `${n}`).toBe(intl.format(n));
      }
  });

  it('writes hours from two hours on and days from two days on', () => {
    expect(formatDuration(1_800_000, 'en')).toBe('30 min');
    expect(formatDuration(7_199_000, 'en')).toBe('120 min');
    expect(formatDuration(7_200_000, 'en')).toBe('2 h');
    expect(formatDuration(4 * 3_600_000, 'ko')).toBe('4시간');
    expect(formatDuration(5 * 86_400_000, 'en')).toBe('5 d');
  });
});

describe('the Korean catalogue', () => {
  it('translates the handshake and the diagram’s name as Korean textbooks do', () => {
    expect(ko.eyebrow).toBe('시퀀스 다이어그램');
    expect(ko.phases.handshake.join(' ')).toBe('3-way 핸드셰이크');
    expect(ko.scenarios['tcp-demo']?.title).not.toBe(en.scenarios['tcp-demo']?.title);
  });
});
