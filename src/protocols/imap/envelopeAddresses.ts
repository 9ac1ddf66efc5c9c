// RFC 5322 address lists read into the address structures of an IMAP ENVELOPE (RFC 3501 §7.4.2): personal
// name, source route, mailbox and host, with group syntax marked by NIL hosts. Names stay as sent
// (encoded words undecoded, quoting removed), as clients expect to decode them themselves.

/**
 * EnvelopeAddress is one address structure. A group opens with `{ mailbox: groupName, host: null }` and
 * closes with every field null (RFC 3501 §7.4.2).
 */
export type EnvelopeAddress = {
  name: string | null;
  adl: string | null;
  mailbox: string | null;
  host: string | null;
};

type Token =
  { kind: 'word'; text: string } | { kind: 'special'; char: string } | { kind: 'literal'; text: string };

// Runs of anything but whitespace and specials; "." stays inside, so dotted local parts are one word.
const ATOM = /[^ \t\r\n()<>,:;@"[\]]+/y;

function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < value.length) {
    const char = value.charAt(i);
    if (/[ \t\r\n]/.test(char)) {
      i++;
    } else if (char === '"') {
      let text = '';
      for (i++; i < value.length && value.charAt(i) !== '"'; i++) {
        if (value.charAt(i) === '\\') i++;
        text += value.charAt(i);
      }
      tokens.push({ kind: 'word', text: text.replace(/\r\n(?=[ \t])/g, '') });
      i++;
    } else if (char === '(') {
      // Comments carry no part of the address (RFC 5322 §3.2.2); they nest, with quoted-pairs.
      let depth = 0;
      for (; i < value.length; i++) {
        const c = value.charAt(i);
        if (c === '\\') i++;
        else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) break;
      }
      i++;
    } else if (char === '[') {
      const end = value.indexOf(']', i);
      const close = end === -1 ? value.length : end + 1;
      tokens.push({ kind: 'literal', text: value.slice(i, close) });
      i = close;
    } else if ('<>,:;@'.includes(char)) {
      tokens.push({ kind: 'special', char });
      i++;
    } else {
      ATOM.lastIndex = i;
      const text = ATOM.exec(value)?.[0] ?? char;
      tokens.push({ kind: 'word', text });
      i += text.length;
    }
  }
  return tokens;
}

function text(tokens: readonly Token[]): string {
  return tokens.map((token) => (token.kind === 'special' ? token.char : token.text)).join('');
}

function phrase(tokens: readonly Token[]): string | null {
  const words = tokens.flatMap((token) => (token.kind === 'special' ? [] : [token.text]));
  return words.length === 0 ? null : words.join(' ');
}

function isSpecial(token: Token | undefined, char: string): boolean {
  return token?.kind === 'special' && token.char === char;
}

// addr-spec, possibly with a source route before it: "@a,@b:local@host".
function addrSpec(tokens: readonly Token[], name: string | null): EnvelopeAddress {
  const routeEnd = tokens.findLastIndex((token) => isSpecial(token, ':'));
  const adl = routeEnd === -1 ? null : text(tokens.slice(0, routeEnd));
  const spec = tokens.slice(routeEnd + 1);
  const at = spec.findLastIndex((token) => isSpecial(token, '@'));
  // A local part without a domain still gets a host, so that it is not read as the start of a group.
  return at === -1
    ? { name, adl, mailbox: text(spec), host: '' }
    : { name, adl, mailbox: text(spec.slice(0, at)), host: text(spec.slice(at + 1)) };
}

function mailbox(tokens: readonly Token[]): EnvelopeAddress | null {
  if (tokens.length === 0) return null;
  const open = tokens.findIndex((token) => isSpecial(token, '<'));
  if (open === -1) return addrSpec(tokens, null);
  const close = tokens.findIndex((token, i) => i > open && isSpecial(token, '>'));
  return addrSpec(tokens.slice(open + 1, close === -1 ? undefined : close), phrase(tokens.slice(0, open)));
}

/**
 * envelopeAddresses reads an address list's raw value into address structures, or null when it holds no
 * address (RFC 3501 §9: env-from and the others are NIL then). It never throws.
 */
export function envelopeAddresses(value: string): EnvelopeAddress[] | null {
  const addresses: EnvelopeAddress[] = [];
  let entry: Token[] = [];
  let inAngle = false;
  let inGroup = false;
  const flush = () => {
    const found = mailbox(entry);
    if (found !== null) addresses.push(found);
    entry = [];
  };
  for (const token of tokenize(value)) {
    if (isSpecial(token, '<')) inAngle = true;
    if (isSpecial(token, '>')) inAngle = false;
    if (inAngle || token.kind !== 'special' || !',:;'.includes(token.char)) {
      entry.push(token);
    } else if (token.char === ',') {
      flush();
    } else if (token.char === ':' && !inGroup) {
      addresses.push({ name: null, adl: null, mailbox: phrase(entry) ?? '', host: null });
      entry = [];
      inGroup = true;
    } else if (token.char === ';' && inGroup) {
      flush();
      addresses.push({ name: null, adl: null, mailbox: null, host: null });
      inGroup = false;
    } else {
      entry.push(token);
    }
  }
  flush();
  if (inGroup) addresses.push({ name: null, adl: null, mailbox: null, host: null });
  return addresses.length === 0 ? null : addresses;
}
