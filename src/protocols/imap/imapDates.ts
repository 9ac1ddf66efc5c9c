// The two date forms of RFC 3501 §9: `date` (1-Feb-1994, for SEARCH) and `date-time`
// ("17-Jul-1996 02:44:25 -0700", for INTERNALDATE and APPEND).

import type { Scanner } from './lexer.ts';

/** ImapDate is a calendar day as SEARCH names it; month is 1–12. */
export type ImapDate = { year: number; month: number; day: number };

/** ImapDateTime is an instant (virtual ms since the epoch, UTC) and the zone it is written in. */
export type ImapDateTime = { ms: number; zoneMinutes: number };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Date.UTC reads years 0–99 as 1900–1999, so the year is set apart.
function utc(year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0): number {
  const date = new Date(Date.UTC(2000, month - 1, day, hours, minutes, seconds));
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function daysIn(year: number, month: number): number {
  return new Date(utc(year, month + 1, 0)).getUTCDate();
}

function monthNumber(s: Scanner, start: number): number {
  const name = s.match(/[A-Za-z]{3}/y) ?? s.expected('a month name like "Feb"');
  const index = MONTHS.findIndex((month) => month.toLowerCase() === name.toLowerCase());
  if (index === -1) s.fail(`"${name}" is not a month; use Jan, Feb, … Dec`, start);
  return index + 1;
}

function dayMonthYear(s: Scanner, day: string): ImapDate {
  const start = s.pos;
  s.expect('-', 'a "-" between the day and the month');
  const month = monthNumber(s, s.pos);
  s.expect('-', 'a "-" between the month and the year');
  const year = Number(s.match(/[0-9]{4}/y) ?? s.expected('a four-digit year'));
  const dayNumber = Number(day);
  if (dayNumber < 1 || dayNumber > daysIn(year, month)) {
    s.fail(`${MONTHS[month - 1]} ${year} has no day ${dayNumber}`, start - day.length);
  }
  return { year, month, day: dayNumber };
}

/** readDate reads `date`: date-text, bare or in double quotes, like 1-Feb-1994 (RFC 3501 §9). */
export function readDate(s: Scanner): ImapDate {
  const quoted = s.take('"');
  const day = s.match(/[0-9]{1,2}/y) ?? s.expected('a date like 1-Feb-1994');
  const date = dayMonthYear(s, day);
  if (quoted) s.expect('"', 'a """ closing the date');
  return date;
}

/** formatDate writes `date` as date-text: 1-Feb-1994. */
export function formatDate(date: ImapDate): string {
  return `${date.day}-${MONTHS[date.month - 1] ?? 'Jan'}-${String(date.year).padStart(4, '0')}`;
}

/**
 * readDateTime reads `date-time`: "dd-Mon-yyyy hh:mm:ss +zzzz" in double quotes, the day a space-padded
 * or two-digit number (RFC 3501 §9 date-day-fixed).
 */
export function readDateTime(s: Scanner): ImapDateTime {
  const start = s.pos;
  s.expect('"', 'a date-time like "17-Jul-1996 02:44:25 -0700"');
  const day = (s.match(/ [0-9]|[0-9]{2}/y) ?? s.expected('a two-digit day in the date-time')).trim();
  const date = dayMonthYear(s, day);
  s.expect(' ', 'a space before the time');
  const time = s.match(/[0-9]{2}:[0-9]{2}:[0-9]{2}/y) ?? s.expected('a time like 02:44:25');
  const [hours = 0, minutes = 0, seconds = 0] = time.split(':').map(Number);
  if (hours > 23 || minutes > 59 || seconds > 60) s.fail(`${time} is not a time of day`, s.pos - time.length);
  s.expect(' ', 'a space before the zone');
  const zone = s.match(/[+-][0-9]{4}/y) ?? s.expected('a zone like +0900 or -0700');
  const offset = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3));
  // "-0000" is UTC too; it must not become -0, which formats as "+0000" and compares unequal.
  const zoneMinutes = zone.startsWith('-') && offset !== 0 ? -offset : offset;
  s.expect('"', 'a """ closing the date-time');
  const local = utc(date.year, date.month, date.day, hours, minutes, seconds);
  if (Number.isNaN(local)) s.fail('the date-time is out of range', start);
  return { ms: local - zoneMinutes * 60_000, zoneMinutes };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** formatDateTime writes `date-time` with its quotes: "17-Jul-1996 02:44:25 -0700". */
export function formatDateTime(dateTime: ImapDateTime): string {
  const local = new Date(dateTime.ms + dateTime.zoneMinutes * 60_000);
  const abs = Math.abs(dateTime.zoneMinutes);
  const zone = `${dateTime.zoneMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
  const day = `${pad(local.getUTCDate())}-${MONTHS[local.getUTCMonth()] ?? 'Jan'}-${String(local.getUTCFullYear()).padStart(4, '0')}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return `"${day} ${time} ${zone}"`;
}

/**
 * dateInZone gives the calendar day of an instant in a zone: SEARCH BEFORE/ON/SINCE compare days and
 * disregard time and zone (RFC 3501 §6.4.4).
 */
export function dateInZone(ms: number, zoneMinutes: number): ImapDate {
  const local = new Date(ms + zoneMinutes * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** compareDates orders two days: negative when a is earlier, 0 on the same day, positive when later. */
export function compareDates(a: ImapDate, b: ImapDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
