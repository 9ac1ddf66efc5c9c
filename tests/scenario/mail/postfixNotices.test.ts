// Our delay warning and bounce of an expired message, field by field against the ones a real Postfix wrote
// (/work/shared/reference/dsn-samples, copied under fixtures/), leaving out host names, ids, addresses and dates.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeliveryStatusNotification } from '../../../src/protocols/message/deliveryStatus.ts';
import { parseHeaderBlock } from '../../../src/protocols/message/headers.ts';
import { parseMessage, type MessagePart } from '../../../src/protocols/message/parseMessage.ts';
import { mailbox, run, scenario } from './mailWorld.ts';

function sample(name: string): string {
  const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
  return text.replace(/\r?\n/g, '\r\n');
}

// Postfix names its RFC 3464 §2.4 extension fields X-Postfix-… and its diagnostic type X-Postfix; ours say
// X-Mail-Lab in the same places.
const ours = (name: string) => name.replace(/^X-Postfix(?=-|$)/i, 'X-Mail-Lab').toLowerCase();

interface Shape {
  readonly top: string[];
  readonly subject: string;
  readonly autoSubmitted: string;
  readonly parts: { fields: string[]; type: string; description: string }[];
  readonly perMessage: string[];
  readonly recipients: { fields: string[]; action: string; status: string; diagnosticType: string }[];
  readonly returnedFirstFields: string[];
}

function fieldNames(part: MessagePart): string[] {
  return part.headers.map((f) => ours(f.name));
}

// What a notice says and how it is laid out, without the values that name hosts, ids, addresses or times.
function shape(raw: string): Shape {
  const message = parseMessage(raw);
  const dsn = parseDeliveryStatusNotification(raw);
  if (dsn === null) throw new Error('not a DSN');
  const top = parseHeaderBlock(raw).fields;
  const value = (name: string) => top.find((f) => f.name.toLowerCase() === name)?.value.trim() ?? '';
  const reportPart = message.root.children.find((p) => p.contentType.subtype === 'delivery-status');
  const reportText = reportPart?.decoded.kind === 'text' ? reportPart.decoded.octets : '';
  const groups = reportText.split(/\r\n\r\n/).filter((g) => g.trim() !== '');
  const names = (group: string) => parseHeaderBlock(group + '\r\n').fields.map((f) => ours(f.name));
  const returned = message.root.children.at(-1);
  const returnedOctets = raw.slice(returned?.bodyStart ?? 0, returned?.bodyEnd ?? 0);
  return {
    top: top.map((f) => ours(f.name)),
    subject: value('subject'),
    autoSubmitted: value('auto-submitted'),
    parts: message.root.children.map((p) => ({
      fields: fieldNames(p),
      type: `${p.contentType.type}/${p.contentType.subtype}`,
      description: p.headers.find((f) => f.name.toLowerCase() === 'content-description')?.value.trim() ?? '',
    })),
    perMessage: names(groups[0] ?? ''),
    recipients: dsn.recipients.map((r, i) => ({
      fields: names(groups[i + 1] ?? ''),
      action: r.action,
      status: r.status,
      diagnosticType: ours(r.diagnosticType ?? ''),
    })),
    returnedFirstFields: parseHeaderBlock(returnedOctets)
      .fields.slice(0, 2)
      .map((f) => ours(f.name)),
  };
}

describe('notices as Postfix writes them', () => {
  // bounce: hamburger.edu is down for six days, so crepes.fr warns Alice after four hours and bounces at five days.
  const notices = mailbox(run(scenario('bounce')), 'crepes.fr', 'alice');
  const [delayed = '', failed = ''] = notices;

  it('writes the delay warning as Postfix does, field by field', () => {
    expect(shape(delayed)).toEqual(shape(sample('dsn_delayed_postfix.eml')));
  });

  it('writes the bounce of an expired message as Postfix does, field by field, keeping 4.4.1', () => {
    const postfix = shape(sample('dsn_expired_postfix.eml'));
    expect(postfix.recipients[0]?.status).toBe('4.4.1');
    expect(shape(failed)).toEqual(postfix);
  });

  it('keeps the last real reason in the bounce of an expired message (RFC 3464 §2.3.3)', () => {
    const dsn = parseDeliveryStatusNotification(failed);
    expect(dsn?.recipients[0]?.diagnosticCode).toBe(
      'connect to hamburger.edu[192.0.2.14]:25: Connection timed out',
    );
    expect(dsn?.humanText).not.toContain('temporarily suspended');
  });

  it('opens each notice with the Received field of the server that made it, naming the notice’s own queue id', () => {
    for (const raw of notices) {
      const received = parseHeaderBlock(raw).fields.find((f) => f.name === 'Received');
      expect(received?.raw).toMatch(/^Received: by crepes\.fr \(Mail Lab\)\r\n\tid [0-9A-F]{10}; /);
    }
  });

  it('writes its dates in the scenario’s own offset, +09:00, not in UTC', () => {
    for (const raw of notices) {
      const dates = parseHeaderBlock(raw).fields.filter((f) => f.name === 'Date' || f.name === 'Received');
      expect(dates).toHaveLength(2);
      for (const field of dates) expect(field.value.trim()).toMatch(/ \+0900$/);
      expect(parseDeliveryStatusNotification(raw)?.perMessage['Arrival-Date']).toMatch(
        /^Tue, 01 Sep 2026 09:00:01 \+0900$/,
      );
    }
  });

  it('delivers each notice with Return-Path, X-Original-To and Delivered-To first', () => {
    for (const raw of notices)
      expect(
        raw.startsWith(
          'Return-Path: <>\r\nX-Original-To: alice@crepes.fr\r\nDelivered-To: alice@crepes.fr\r\n',
        ),
      ).toBe(true);
  });
});
