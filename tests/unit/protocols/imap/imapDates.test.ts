// The date and date-time forms of RFC 3501 §9.
import { describe, expect, it } from 'vitest';
import {
  compareDates,
  dateInZone,
  formatDate,
  formatDateTime,
  readDate,
  readDateTime,
} from '../../../../src/protocols/imap/imapDates.ts';
import { attempt, Scanner } from '../../../../src/protocols/imap/lexer.ts';

const date = (text: string) => attempt(() => readDate(new Scanner(text)));
const dateTime = (text: string) => attempt(() => readDateTime(new Scanner(text)));

describe('IMAP dates', () => {
  it('read a date with a one- or two-digit day, bare or quoted, the month in any case', () => {
    expect(date('1-Feb-1994')).toEqual({ ok: true, value: { year: 1994, month: 2, day: 1 } });
    expect(date('"29-feb-2024"')).toEqual({ ok: true, value: { year: 2024, month: 2, day: 29 } });
    expect(date('29-Feb-2023')).toMatchObject({ ok: false, message: 'Feb 2023 has no day 29' });
    expect(formatDate({ year: 1994, month: 2, day: 1 })).toBe('1-Feb-1994');
  });

  it('read a date-time as an instant in its zone, and write it back', () => {
    const read = dateTime('"17-Jul-1996 02:44:25 -0700"');
    expect(read).toEqual({ ok: true, value: { ms: Date.UTC(1996, 6, 17, 9, 44, 25), zoneMinutes: -420 } });
    expect(read.ok && formatDateTime(read.value)).toBe('"17-Jul-1996 02:44:25 -0700"');
    expect(dateTime('" 7-Feb-1994 21:52:25 +0900"')).toMatchObject({ ok: true });
    // Years below 100 stay themselves, not 1900 and something (Date.UTC's habit).
    expect(dateTime('"01-Jan-0050 00:00:00 +0000"')).toMatchObject({
      ok: true,
      value: { ms: -60589296000000 },
    });
    expect(formatDateTime({ ms: -60589296000000, zoneMinutes: 0 })).toBe('"01-Jan-0050 00:00:00 +0000"');
  });

  it('read the zone -0000 as UTC, written back as +0000', () => {
    const read = dateTime('"01-Jan-2024 00:00:00 -0000"');
    expect(read.ok && Object.is(read.value.zoneMinutes, 0)).toBe(true);
    expect(read.ok && formatDateTime(read.value)).toBe('"01-Jan-2024 00:00:00 +0000"');
  });

  it('refuse a date-time without its quotes or zone', () => {
    expect(dateTime('17-Jul-1996 02:44:25 -0700')).toMatchObject({ ok: false });
    expect(dateTime('"17-Jul-1996 02:44:25"')).toMatchObject({
      message: 'expected a space before the zone, found "\\""',
    });
  });

  it('give the calendar day of an instant in a zone, for SEARCH, and order days', () => {
    const instant = Date.UTC(2024, 0, 1, 20, 0, 0);
    expect(dateInZone(instant, 0)).toEqual({ year: 2024, month: 1, day: 1 });
    expect(dateInZone(instant, 540)).toEqual({ year: 2024, month: 1, day: 2 });
    expect(compareDates({ year: 2024, month: 1, day: 2 }, { year: 2024, month: 1, day: 1 })).toBeGreaterThan(
      0,
    );
    expect(compareDates({ year: 2023, month: 12, day: 31 }, { year: 2024, month: 1, day: 1 })).toBeLessThan(
      0,
    );
  });
});
