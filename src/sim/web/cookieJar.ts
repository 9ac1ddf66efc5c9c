// A browser's cookies for the sites it visits (RFC 6265): what Set-Cookie stored, sent back in Cookie to the host
// that set it. Host-only cookies, as the webmail's are: a cookie goes back to the very host that set it.
import type { HttpHeaders } from '../../protocols/http/message.ts';

/** CookieJar keeps name=value pairs per host, in the order they were set. */
export class CookieJar {
  readonly #byHost = new Map<string, Map<string, string>>();

  /**
   * store reads every Set-Cookie of a response from `host` (RFC 6265 §5.2): `name=value` then attributes; Max-Age
   * of 0 or less, or an Expires in the past (only the epoch is written by servers here), removes the cookie.
   */
  store(host: string, headers: HttpHeaders): void {
    for (const [name, value] of headers) {
      if (name.toLowerCase() !== 'set-cookie') continue;
      const [pair = '', ...attributes] = value.split(';');
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const cookie = pair.slice(0, at).trim();
      const content = pair.slice(at + 1).trim();
      const jar = this.#byHost.get(host.toLowerCase()) ?? new Map<string, string>();
      this.#byHost.set(host.toLowerCase(), jar);
      const expired = attributes.some((attribute) => {
        const [key = '', val = ''] = attribute.split('=').map((part) => part.trim());
        if (key.toLowerCase() === 'max-age') return Number(val) <= 0;
        return key.toLowerCase() === 'expires' && /1970/.test(val);
      });
      if (expired) jar.delete(cookie);
      else jar.set(cookie, content);
    }
  }

  /** header is the Cookie field's value for a request to `host` (RFC 6265 §5.4), or null when there is none. */
  header(host: string): string | null {
    const jar = this.#byHost.get(host.toLowerCase());
    if (jar === undefined || jar.size === 0) return null;
    return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}
