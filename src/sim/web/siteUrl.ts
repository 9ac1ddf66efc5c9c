// Where a browser goes when a person types an address or a page names one: the site (host and port) and the
// request-target, from `http://host[:port]/path`, `host/path`, or a path on the current site (RFC 9110 §4.2.1).

/** SiteUrl is an http URL taken apart: the host to connect to, its port, and the origin-form target. */
export interface SiteUrl {
  readonly host: string;
  readonly port: number;
  readonly target: string;
}

/** parseSiteUrl reads what was typed or linked, relative to `current` for a bare path; null if it reads as nothing. */
export function parseSiteUrl(text: string, current: SiteUrl | null): SiteUrl | null {
  const trimmed = text.trim();
  if (trimmed.startsWith('/')) return current === null ? null : { ...current, target: trimmed };
  const match = /^(?:http:\/\/)?([A-Za-z0-9.-]+)(?::(\d{1,5}))?(\/[\x21-\x7e]*)?$/i.exec(trimmed);
  if (match === null) return null;
  const port = match[2] === undefined ? 80 : Number(match[2]);
  if (port < 1 || port > 65535) return null;
  return { host: (match[1] ?? '').toLowerCase(), port, target: match[3] ?? '/' };
}

/** siteName is how a site is written in the Host field: the host, and the port when it is not 80 (RFC 9110 §7.2). */
export function siteName(url: Pick<SiteUrl, 'host' | 'port'>): string {
  return url.port === 80 ? url.host : `${url.host}:${url.port}`;
}
