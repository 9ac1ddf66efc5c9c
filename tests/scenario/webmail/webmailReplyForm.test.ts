// The webmail's Reply form comes filled in, as every webmail's does: To the parent's Reply-To, else its From
// (RFC 5322 §3.6.3), and "Re: " before its subject once (§3.6.5). The browser reports the form's fields in its
// web.page fact, which is where the Read mail panel learns them, and a reply sent with them carries them.
import { describe, expect, it } from 'vitest';
import { findField } from '../../../src/protocols/message/headers.ts';
import { parseMessage } from '../../../src/protocols/message/parseMessage.ts';
import type { Input } from '../../../src/sim/input.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { isKind, type TraceEvent, type WebFormField } from '../../../src/sim/trace.ts';
import { at, mailbox } from '../mail/mailWorld.ts';
import { bobOpens, typedToBob } from './webmailWorld.ts';

type TimedInput = Scenario['inputs'][number];

// Alice typing a message to Bob by hand, with the header fields she chooses.
function typedMessage(headers: readonly string[]): TimedInput[] {
  return typedToBob(['Message-ID: <typed.1@crepes.fr>', ...headers], ['Typed by hand.']);
}

// The webmail world where Bob's only message is `first` (typed, or sent by Alice's user agent), Bob opening its
// Reply form at 35 s; then `send`, if given, at 37 s.
function replyForm(first: readonly TimedInput[], send?: Extract<Input, { type: 'web.send' }>) {
  const trace = bobOpens(first, '/compose?reply=1', send);
  return { trace, fields: formFields(trace) };
}

// The fields of the reply form, as the browser's web.page fact for /compose?reply=1 lists them.
function formFields(trace: readonly TraceEvent[]): Record<string, string> {
  const page = trace.filter(isKind('web.page')).find((e) => e.target === '/compose?reply=1');
  const form = page?.forms?.find((f) => f.target === '/send');
  if (form === undefined) throw new Error('the reply form was not reported');
  return Object.fromEntries(form.fields.map((f: WebFormField) => [f.name, f.value]));
}

const alice = (subject: string, body = 'Hi'): TimedInput =>
  at(1_000, { type: 'mail.send', host: 'alice-pc', to: ['bob@hamburger.edu'], subject, body });

describe('the webmail’s Reply form', () => {
  it('is addressed to the parent’s Reply-To when it has one', () => {
    const { fields } = replyForm(typedMessage(['Reply-To: Lunch Club <lunch@crepes.fr>', 'Subject: Lunch']));
    expect(fields['to']).toBe('Lunch Club <lunch@crepes.fr>');
    expect(fields['subject']).toBe('Re: Lunch');
    expect(fields['in-reply-to']).toBe('<typed.1@crepes.fr>');
  });

  it('is addressed to the parent’s From when it has no Reply-To', () => {
    const { fields } = replyForm(typedMessage(['Subject: Lunch']));
    expect(fields['to']).toBe('Alice <alice@crepes.fr>');
  });

  it('keeps a subject that already starts with "Re:" as it is, not "Re: Re:"', () => {
    expect(replyForm([alice('Re: hello')]).fields['subject']).toBe('Re: hello');
    expect(replyForm([alice('hello')]).fields['subject']).toBe('Re: hello');
  });

  it('round-trips a subject with quotes, <, & and Korean, sent as encoded-words, decoded as the page shows it', () => {
    const subject = '"점심" <b>&amp; 케첩</b> & 피클';
    const { fields, trace } = replyForm([alice(subject)]);
    expect(fields['subject']).toBe(`Re: ${subject}`);
    // The page's own view of the message shows the subject the same way (one decoding, in the webmail).
    const [raw = ''] = mailbox(trace, 'hamburger.edu', 'bob');
    expect(findField(parseMessage(raw).root.headers, 'Subject')?.value).toMatch(/=\?UTF-8\?/i);
    expect(parseMessage(raw).subject).toBe(subject);
  });

  it('sends a reply that carries the filled-in To and Subject with the parent’s thread', () => {
    const { fields } = replyForm([alice('Lunch')]);
    const to = fields['to'] ?? '';
    const subject = fields['subject'] ?? '';
    const { trace } = replyForm([alice('Lunch')], {
      type: 'web.send',
      host: 'bob-pc',
      to: [to],
      subject,
      body: fields['body'] ?? '',
    });
    const [sent] = mailbox(trace, 'crepes.fr', 'alice').map(parseMessage);
    expect(sent?.subject).toBe('Re: Lunch');
    expect(sent?.to.map((m) => m.address)).toEqual(['alice@crepes.fr']);
    expect(findField(sent?.root.headers ?? [], 'In-Reply-To')?.value.trim()).toMatch(/^<.+@crepes\.fr>$/);
    expect(sent?.text).toContain('> Hi');
  });
});
