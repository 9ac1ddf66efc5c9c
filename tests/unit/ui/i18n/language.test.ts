import { describe, expect, it } from 'vitest';
import { en } from '../../../../src/ui/i18n/en.ts';
import { ko } from '../../../../src/ui/i18n/ko.ts';
import { formatDuration, pickLanguage } from '../../../../src/ui/i18n/language.ts';

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

  it('writes a whole number of ms under a thousand as Intl would, in both languages', () => {
    for (const language of ['en', 'ko'] as const) {
      const intl = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
      for (let ms = 0; ms < 1000; ms += 1) expect(formatDuration(ms, language)).toBe(`${intl.format(ms)} ms`);
    }
    expect(formatDuration(12.25, 'en')).toBe('12.3 ms');
    expect(formatDuration(999.96, 'ko')).toBe('1,000 ms');
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
