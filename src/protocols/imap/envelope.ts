// The ENVELOPE of a message (RFC 3501 §7.4.2): built from its header fields by the server, written as a
// parenthesised list, and read back from one by the client.

import { type EnvelopeAddress, envelopeAddresses } from './envelopeAddresses.ts';
import type { ImapValue } from './lexer.ts';
import { formatNstring } from './strings.ts';
import { findField, type HeaderField } from '../message/headers.ts';

/**
 * Envelope holds the fields of RFC 3501 §7.4.2 in their order. Strings are the raw header values (octets,
 * unfolded, encoded words left as they are); null is NIL: a field that is absent.
 */
export type Envelope = {
  date: string | null;
  subject: string | null;
  from: EnvelopeAddress[] | null;
  sender: EnvelopeAddress[] | null;
  replyTo: EnvelopeAddress[] | null;
  to: EnvelopeAddress[] | null;
  cc: EnvelopeAddress[] | null;
  bcc: EnvelopeAddress[] | null;
  inReplyTo: string | null;
  messageId: string | null;
};

type AddressKey = 'from' | 'sender' | 'replyTo' | 'to' | 'cc' | 'bcc';
type StringKey = 'date' | 'subject' | 'inReplyTo' | 'messageId';

// The envelope's members in wire order, with the header field each comes from.
const MEMBERS: readonly (
  { key: StringKey; field: string; addresses: false } | { key: AddressKey; field: string; addresses: true }
)[] = [
  { key: 'date', field: 'Date', addresses: false },
  { key: 'subject', field: 'Subject', addresses: false },
  { key: 'from', field: 'From', addresses: true },
  { key: 'sender', field: 'Sender', addresses: true },
  { key: 'replyTo', field: 'Reply-To', addresses: true },
  { key: 'to', field: 'To', addresses: true },
  { key: 'cc', field: 'Cc', addresses: true },
  { key: 'bcc', field: 'Bcc', addresses: true },
  { key: 'inReplyTo', field: 'In-Reply-To', addresses: false },
  { key: 'messageId', field: 'Message-ID', addresses: false },
];

/**
 * envelopeOf builds a message's envelope from its header fields (parseMessage's root.headers, or an enclosed
 * message's). Absent Sender and Reply-To take From's value, as RFC 3501 §7.4.2 asks.
 */
export function envelopeOf(headers: readonly HeaderField[]): Envelope {
  const raw = (name: string) => findField(headers, name)?.value ?? null;
  const addresses = (name: string) => {
    const value = raw(name);
    return value === null ? null : envelopeAddresses(value);
  };
  const from = addresses('From');
  return {
    date: raw('Date'),
    subject: raw('Subject'),
    from,
    sender: addresses('Sender') ?? from,
    replyTo: addresses('Reply-To') ?? from,
    to: addresses('To'),
    cc: addresses('Cc'),
    bcc: addresses('Bcc'),
    inReplyTo: raw('In-Reply-To'),
    messageId: raw('Message-ID'),
  };
}

function formatAddress(address: EnvelopeAddress): string {
  const fields = [address.name, address.adl, address.mailbox, address.host];
  return `(${fields.map(formatNstring).join(' ')})`;
}

// Address structures as RFC 3501 §9 env-from writes them: `((…)(…))`, or NIL.
function formatAddressList(addresses: readonly EnvelopeAddress[] | null): string {
  return addresses === null || addresses.length === 0 ? 'NIL' : `(${addresses.map(formatAddress).join('')})`;
}

/** formatEnvelope writes an envelope as its parenthesised list (RFC 3501 §9 `envelope`). */
export function formatEnvelope(envelope: Envelope): string {
  const members = MEMBERS.map((member) =>
    member.addresses ? formatAddressList(envelope[member.key]) : formatNstring(envelope[member.key]),
  );
  return `(${members.join(' ')})`;
}

/** EnvelopeRead is an envelope read from a response, or why the value is not one. */
export type EnvelopeRead = { ok: true; envelope: Envelope } | { ok: false; message: string };

function nstringOf(value: ImapValue | undefined): string | null | undefined {
  if (value?.kind === 'nil') return null;
  return value?.kind === 'string' ? value.text : undefined;
}

function addressesOf(value: ImapValue | undefined): EnvelopeAddress[] | null | undefined {
  if (value?.kind === 'nil') return null;
  if (value?.kind !== 'list') return undefined;
  const addresses: EnvelopeAddress[] = [];
  for (const item of value.items) {
    if (item.kind !== 'list' || item.items.length !== 4) return undefined;
    const [name, adl, mailbox, host] = item.items.map(nstringOf);
    if (name === undefined || adl === undefined || mailbox === undefined || host === undefined)
      return undefined;
    addresses.push({ name, adl, mailbox, host });
  }
  return addresses;
}

/** envelopeFromValue reads an envelope out of a generic value read from a FETCH response. */
export function envelopeFromValue(value: ImapValue): EnvelopeRead {
  if (value.kind !== 'list' || value.items.length !== MEMBERS.length) {
    return { ok: false, message: `an ENVELOPE is a list of ${MEMBERS.length} members` };
  }
  const envelope: Envelope = {
    date: null,
    subject: null,
    from: null,
    sender: null,
    replyTo: null,
    to: null,
    cc: null,
    bcc: null,
    inReplyTo: null,
    messageId: null,
  };
  for (const [i, member] of MEMBERS.entries()) {
    const item = value.items[i];
    if (member.addresses) {
      const addresses = addressesOf(item);
      if (addresses === undefined)
        return { ok: false, message: `ENVELOPE ${member.field} is not an address list` };
      envelope[member.key] = addresses;
    } else {
      const text = nstringOf(item);
      if (text === undefined)
        return { ok: false, message: `ENVELOPE ${member.field} is not a string or NIL` };
      envelope[member.key] = text;
    }
  }
  return { ok: true, envelope };
}
