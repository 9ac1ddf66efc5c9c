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
  const number = (n: number, digits: number) =>
    isPlainWhole(n) ? String(n) : numberFormat(language, digits).format(n);
  // ms stays as Korean networking texts print it too.
  const unit = UNITS[language];
  if (ms < 1000) return `${number(ms, 1)} ms`;
  if (ms < 120_000) return `${number(ms / 1000, 3)}${unit.s}`;
  if (ms < 7_200_000) return `${number(ms / 60_000, 1)}${unit.min}`;
  if (ms < 172_800_000) return `${number(ms / 3_600_000, 1)}${unit.h}`;
  return `${number(ms / 86_400_000, 1)}${unit.d}`;
}

// A whole number under a thousand reads the same in every language here as its digits (no grouping, no
// decimals): the first page's map labels its links with such latencies, and making its first Intl.NumberFormat
// (ICU's number data) would otherwise cost the first paint some tens of milliseconds on a phone.
function isPlainWhole(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0);
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
