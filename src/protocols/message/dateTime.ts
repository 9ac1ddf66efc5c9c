// The RFC 5322 §3.3 date-time of the Date field, written from virtual time and read back leniently.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// RFC 5322 §4.3 obsolete zone names, in minutes east of UTC; military letters are unreliable and read as 0.
const ZONES: Record<string, number> = {
  UT: 0,
  GMT: 0,
  Z: 0,
  EDT: -240,
  EST: -300,
  CDT: -300,
  CST: -360,
  MDT: -360,
  MST: -420,
  PDT: -420,
  PST: -480,
};

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * formatDate writes virtual ms since the epoch as `Thu, 01 Jan 1970 09:00:00 +0900`, in the zone
 * offsetMinutes east of UTC (so a host in Seoul can show +0900).
 */
export function formatDate(ms: number, offsetMinutes = 0): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const day = `${DAYS[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const zone = `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
  return `${day} ${pad(local.getUTCFullYear(), 4)} ${time} ${zone}`;
}

// [day-of-week ","] day month year hour ":" minute [":" second] zone, with obsolete leniency (RFC 5322 §4.3).
const DATE_TIME =
  /^\s*(?:[A-Za-z]{3}\s*,\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?/;

// Minutes east of UTC for "+hhmm" / "-hhmm" or an obsolete zone name.
function zoneOffset(zone: string): number {
  const numeric = /^([+-])(\d{2})(\d{2})$/.exec(zone);
  if (numeric === null) return ZONES[zone.toUpperCase()] ?? 0;
  const [, sign, hours = '0', minutes = '0'] = numeric;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/** parseDate reads a date-time, obsolete forms included (RFC 5322 §4.3), into ms since the epoch, or null. */
export function parseDate(text: string): number | null {
  const match = DATE_TIME.exec(text);
  if (match === null) return null;
  const [, day = '', monthName = '', yearText = '', hour = '', minute = '', second = '0', zone = '+0000'] =
    match;
  const month = MONTHS.findIndex((name) => name.toLowerCase() === monthName.toLowerCase());
  if (month === -1) return null;
  let year = Number(yearText);
  // RFC 5322 §4.3: two-digit years below 50 are 20xx, others 19xx; three digits add 1900.
  if (yearText.length === 2) year += year < 50 ? 2000 : 1900;
  else if (yearText.length === 3) year += 1900;
  const offset = zoneOffset(zone);
  const utc = Date.UTC(year, month, Number(day), Number(hour), Number(minute), Number(second));
  return Number.isNaN(utc) ? null : utc - offset * 60_000;
}
