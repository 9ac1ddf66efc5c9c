import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from '../../../../src/protocols/message/dateTime.ts';

describe('formatDate', () => {
  it('writes virtual time as an RFC 5322 date-time in UTC', () => {
    expect(formatDate(0)).toBe('Thu, 01 Jan 1970 00:00:00 +0000');
  });

  it('writes local time for a zone east or west of UTC', () => {
    expect(formatDate(0, 540)).toBe('Thu, 01 Jan 1970 09:00:00 +0900');
    expect(formatDate(0, -330)).toBe('Wed, 31 Dec 1969 18:30:00 -0530');
  });
});

describe('parseDate', () => {
  it('reads back what formatDate wrote, in any zone', () => {
    const t = Date.UTC(2024, 1, 29, 12, 34, 56);
    for (const zone of [0, 540, -300]) expect(parseDate(formatDate(t, zone))).toBe(t);
  });

  it('reads obsolete forms: no weekday, two-digit years, zone names', () => {
    expect(parseDate('1 Jan 99 00:00 GMT')).toBe(Date.UTC(1999, 0, 1));
    expect(parseDate('Sat, 1 Jan 2000 00:00:00 EST')).toBe(Date.UTC(2000, 0, 1, 5));
    expect(parseDate('1 Jan 20 00:00:00 +0000')).toBe(Date.UTC(2020, 0, 1));
  });

  it('returns null for what is not a date', () => {
    expect(parseDate('yesterday')).toBeNull();
    expect(parseDate('1 Foo 2000 00:00')).toBeNull();
  });
});
