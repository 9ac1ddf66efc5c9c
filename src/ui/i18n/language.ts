// Which language the page speaks: `?lang=ko` or `?lang=en` if given, else the browser's preference, else English.
import { en } from './en.ts';
import { ko } from './ko.ts';
import type { Messages } from './messages.ts';

/** Language is a language the page has a catalogue for. */
export type Language = 'en' | 'ko';

/** LANGUAGES lists the catalogues with each language's name in itself, for the language switch. */
export const LANGUAGES: readonly {
  readonly code: Language;
  readonly name: string;
  readonly messages: Messages;
}[] = [
  { code: 'en', name: 'English', messages: en },
  { code: 'ko', name: '한국어', messages: ko },
];

function known(tag: string | null | undefined): Language | undefined {
  const primary = tag?.toLowerCase().split('-')[0];
  return LANGUAGES.find((l) => l.code === primary)?.code;
}

/**
 * pickLanguage chooses from a URL query (`?lang=ko`) first, then the browser's preferred languages in order
 * (`navigator.languages`); an unknown or missing choice falls through to the next, and finally to English.
 */
export function pickLanguage(search: string, preferred: readonly string[]): Language {
  const asked = known(new URLSearchParams(search).get('lang'));
  if (asked !== undefined) return asked;
  for (const tag of preferred) {
    const language = known(tag);
    if (language !== undefined) return language;
  }
  return 'en';
}

/** messagesFor is the catalogue of a language. */
export function messagesFor(language: Language): Messages {
  return (LANGUAGES.find((l) => l.code === language) ?? (LANGUAGES[0] as (typeof LANGUAGES)[number]))
    .messages;
}

/**
 * formatDuration writes virtual time as people read it: `0 ms`, `220 ms`, `1.4 s`, `60.84 s`, `5 min`, `2 h`,
 * `5 d` (hours from two hours on and days from two days on, so a long outage does not read as `7,200 min`); in
 * Korean `1.4초`, `5분`, `2시간`, `5일`. Digits follow the language's number format.
 */
export function formatDuration(ms: number, language: Language): string {
  const number = (n: number, digits: number) => formatNumber(n, digits, language);
  // ms stays as Korean networking texts print it too.
  const unit = UNITS[language];
  if (ms < 1000) return `${number(ms, 1)} ms`;
  if (ms < 120_000) return `${number(ms / 1000, 3)}${unit.s}`;
  if (ms < 7_200_000) return `${number(ms / 60_000, 1)}${unit.min}`;
  if (ms < 172_800_000) return `${number(ms / 3_600_000, 1)}${unit.h}`;
  return `${number(ms / 86_400_000, 1)}${unit.d}`;
}

/**
 * formatNumber writes `n` with at most `digits` decimals as Intl.NumberFormat does for both languages here (they
 * write numbers alike: groups of three after a comma, a point before the decimals, halves rounded away from zero,
 * no trailing zeros), from the shortest decimal that reads back as `n`, which is also what ICU rounds. Intl stays
 * for what that cannot say (exponents, infinities): making the page's first Intl.NumberFormat loads ICU's number
 * data, which cost the first world's drawing some tens of milliseconds on a phone.
 */
export function formatNumber(n: number, digits: number, language: Language): string {
  const shortest = String(Math.abs(n));
  if (!Number.isFinite(n) || shortest.includes('e')) return numberFormat(language, digits).format(n);
  const [whole = '0', fraction = ''] = shortest.split('.');
  let kept = `${whole}${fraction.slice(0, digits).padEnd(Math.min(digits, fraction.length), '0')}`;
  if (fraction.length > digits && (fraction[digits] ?? '0') >= '5') kept = addOne(kept);
  const cut = kept.length - Math.min(digits, fraction.length);
  const integer = kept.slice(0, cut);
  const decimals = kept.slice(cut).replace(/0+$/, '');
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, ',');
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${grouped}${decimals ? `.${decimals}` : ''}`;
}

// addOne adds one to a string of decimal digits.
function addOne(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

// Making an Intl.NumberFormat costs far more than formatting with one, and the timeline words every break it
// shows on each zoom step, so one formatter per language and number of digits is kept.
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, digits: number): Intl.NumberFormat {
  const key = `${language} ${digits}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format;
}

const UNITS: Readonly<Record<Language, Readonly<Record<'s' | 'min' | 'h' | 'd', string>>>> = {
  en: { s: ' s', min: ' min', h: ' h', d: ' d' },
  ko: { s: '초', min: '분', h: '시간', d: '일' },
};
