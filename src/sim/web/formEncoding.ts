// Writing an HTML form's fields as a browser posts them: application/x-www-form-urlencoded (WHATWG URL §5.2),
// UTF-8 octets percent-encoded, a space as `+`.
import { utf8ToOctets } from '../../protocols/shared/octets.ts';

/** encodeForm writes name/value pairs as an urlencoded body (octets, one char per byte, all ASCII). */
export function encodeForm(fields: readonly (readonly [string, string])[]): string {
  return fields.map(([name, value]) => `${encodeComponent(name)}=${encodeComponent(value)}`).join('&');
}

// WHATWG's application/x-www-form-urlencoded percent-encode set leaves *-._ and alphanumerics alone.
function encodeComponent(text: string): string {
  let out = '';
  for (const octet of utf8ToOctets(text)) {
    if (/[A-Za-z0-9*\-._]/.test(octet)) out += octet;
    else if (octet === ' ') out += '+';
    else out += `%${octet.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
