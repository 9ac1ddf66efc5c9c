// Reading BODY and BODYSTRUCTURE back from a FETCH response (RFC 3501 §9 `body`), for the client: the
// generic parenthesised value is matched against the shapes of a multipart, text, message or basic part.

import type {
  BodyDisposition,
  BodyExtension,
  BodyFields,
  BodyParam,
  BodyStructure,
} from './bodyStructure.ts';
import { envelopeFromValue } from './envelope.ts';
import { attempt, type ImapValue, ImapSyntaxError, MAX_NESTING, type Parsed } from './lexer.ts';

function fail(message: string): never {
  throw new ImapSyntaxError(message, 0);
}

function text(value: ImapValue | undefined, what: string): string {
  if (value?.kind === 'string' || value?.kind === 'atom') return value.text;
  return fail(`${what} should be a string`);
}

function ntext(value: ImapValue | undefined, what: string): string | null {
  return value === undefined || value.kind === 'nil' ? null : text(value, what);
}

function number(value: ImapValue | undefined, what: string): number {
  if (value?.kind === 'atom' && /^[0-9]+$/.test(value.text)) return Number(value.text);
  return fail(`${what} should be a number`);
}

function params(value: ImapValue | undefined): BodyParam[] {
  if (value === undefined || value.kind === 'nil') return [];
  if (value.kind !== 'list' || value.items.length % 2 !== 0) {
    return fail('a body parameter list should hold name and value pairs');
  }
  const pairs: BodyParam[] = [];
  for (let i = 0; i < value.items.length; i += 2) {
    pairs.push([text(value.items[i], 'a parameter name'), text(value.items[i + 1], 'a parameter value')]);
  }
  return pairs;
}

function disposition(value: ImapValue | undefined): BodyDisposition | null {
  if (value === undefined || value.kind === 'nil') return null;
  if (value.kind !== 'list') return fail('a body disposition should be a list or NIL');
  return { type: text(value.items[0], 'the disposition type'), params: params(value.items[1]) };
}

function language(value: ImapValue | undefined): string[] | null {
  if (value === undefined || value.kind === 'nil') return null;
  if (value.kind === 'list') return value.items.map((item) => text(item, 'a body language'));
  return [text(value, 'the body language')];
}

// The fields after md5 (or after a multipart's parameters) are shared; any beyond them are ignored, as
// RFC 3501 §7.4.2 asks clients to accept future extension data.
function common(items: readonly ImapValue[], from: number): BodyExtension {
  return {
    disposition: disposition(items[from]),
    language: language(items[from + 1]),
    location: ntext(items[from + 2], 'the body location'),
  };
}

function fields(items: readonly ImapValue[]): BodyFields {
  return {
    params: params(items[2]),
    id: ntext(items[3], 'the body id'),
    description: ntext(items[4], 'the body description'),
    encoding: text(items[5], 'the body encoding'),
    octets: number(items[6], 'the body size'),
  };
}

function body(value: ImapValue, depth: number): BodyStructure {
  if (depth > MAX_NESTING) fail(`body structures nest deeper than ${MAX_NESTING} levels`);
  if (value.kind !== 'list') return fail('a body structure should be a parenthesised list');
  const { items } = value;
  if (items[0]?.kind === 'list') {
    const count = items.findIndex((item) => item.kind !== 'list');
    if (count === -1) fail('a multipart body structure should name its subtype after its parts');
    const parts = items.slice(0, count).map((part) => body(part, depth + 1));
    const subtype = text(items[count], 'the multipart subtype');
    const extension =
      items.length > count + 1 ? { params: params(items[count + 1]), ...common(items, count + 2) } : null;
    return { kind: 'multipart', parts, subtype, extension };
  }
  const type = text(items[0], 'the body type');
  const subtype = text(items[1], 'the body subtype');
  const partExtension = (from: number) =>
    items.length > from ? { md5: ntext(items[from], 'the body MD5'), ...common(items, from + 1) } : null;
  if (type.toUpperCase() === 'TEXT') {
    return {
      kind: 'text',
      subtype,
      fields: fields(items),
      lines: number(items[7], 'the text lines'),
      extension: partExtension(8),
    };
  }
  if (type.toUpperCase() === 'MESSAGE' && subtype.toUpperCase() === 'RFC822') {
    const envelope =
      items[7] === undefined
        ? fail('a message/rfc822 part should carry an envelope')
        : envelopeFromValue(items[7]);
    if (!envelope.ok) fail(envelope.message);
    const enclosed = items[8] ?? fail('a message/rfc822 part should carry the body structure of its message');
    return {
      kind: 'message',
      subtype,
      fields: fields(items),
      envelope: envelope.envelope,
      body: body(enclosed, depth + 1),
      lines: number(items[9], 'the message lines'),
      extension: partExtension(10),
    };
  }
  return { kind: 'basic', type, subtype, fields: fields(items), extension: partExtension(7) };
}

/** bodyStructureFromValue reads a BODY or BODYSTRUCTURE value of a FETCH response. It never throws. */
export function bodyStructureFromValue(value: ImapValue): Parsed<BodyStructure> {
  return attempt(() => body(value, 0));
}
