// A reply sent from the webmail names the message it answers (RFC 5322 §3.6.4): the browser posts the reply form's
// hidden fields with what Bob typed, as any browser submits a form, and a new message names none.
import { describe, expect, it } from 'vitest';
import { findField } from '../../../src/protocols/message/headers.ts';
import { parseMessage } from '../../../src/protocols/message/parseMessage.ts';
import type { Input } from '../../../src/sim/input.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { isKind } from '../../../src/sim/trace.ts';
import { at, mailbox, run, scenario } from '../mail/mailWorld.ts';

const typed = { to: ['alice@crepes.fr'], subject: 'Re: Lunch', body: 'Ketchup, yes.' };

// The webmail-send world, Bob opening `form` (a reply to message 1, or a blank one), typing and sending.
function sendFrom(form: string, draft: Partial<Extract<Input, { type: 'web.send' }>> = {}) {
  const world = scenario('webmail-send');
  const inputs = world.inputs.filter((i) => i.input.type !== 'web.send');
  const played: Scenario = {
    ...world,
    inputs: [
      ...inputs,
      at(35_000, { type: 'web.open', host: 'bob-pc', url: form }),
      at(37_000, { type: 'web.send', host: 'bob-pc', ...typed, ...draft }),
    ],
  };
  const trace = run(played, 120_000);
  const [sent] = mailbox(trace, 'crepes.fr', 'alice').map(parseMessage);
  if (sent === undefined) throw new Error('nothing reached Alice');
  // Alice's message as Bob's server took it, by the fact it recorded, not by reading its text.
  const parent = trace.filter(isKind('smtp.accepted')).find((e) => e.host === 'hamburger.edu')?.messageId;
  const field = (name: string) => findField(sent.root.headers, name)?.value.trim() ?? null;
  return { parent, inReplyTo: field('In-Reply-To'), references: field('References'), subject: sent.subject };
}

// The Message-ID and References of a raw message, as its parsed header fields give them.
function thread(raw: string): { id: string | null; references: string | null } {
  const parsed = parseMessage(raw);
  return {
    id: parsed.messageId,
    references: findField(parsed.root.headers, 'References')?.value.trim() ?? null,
  };
}

describe('a reply sent from the webmail', () => {
  it('carries In-Reply-To and References naming the message answered, from the reply form Bob opened', () => {
    const reply = sendFrom('/compose?reply=1');
    expect(reply.parent).toMatch(/^<.+@crepes\.fr>$/);
    expect(reply.inReplyTo).toBe(reply.parent);
    expect(reply.references).toBe(reply.parent);
    expect(reply.subject).toBe('Re: Lunch');
  });

  it('names no parent when Bob writes a new message from a blank form', () => {
    const fresh = sendFrom('/compose');
    expect(fresh.inReplyTo).toBeNull();
    expect(fresh.references).toBeNull();
  });

  it('answers the message a script names instead of the form’s, without the form’s thread', () => {
    const named = sendFrom('/compose?reply=1', { inReplyTo: '<other.1@crepes.fr>' });
    expect(named.inReplyTo).toBe('<other.1@crepes.fr>');
    expect(named.references).toBe('<other.1@crepes.fr>');
  });

  it('keeps the thread: a reply to a reply lists the parent’s References, then the parent', () => {
    const world = scenario('webmail-send');
    const toBob: Extract<Input, { type: 'web.send' }> = {
      type: 'web.send',
      host: 'bob-pc',
      to: ['bob@hamburger.edu'],
      subject: 'Re: Lunch',
    };
    const trace = run(
      {
        ...world,
        inputs: [
          ...world.inputs.filter((i) => i.input.type !== 'web.send'),
          at(35_000, { type: 'web.open', host: 'bob-pc', url: '/compose?reply=1' }),
          at(37_000, { ...toBob, body: 'Noted.' }),
          at(60_000, { type: 'web.open', host: 'bob-pc', url: '/compose?reply=2' }),
          at(62_000, { ...toBob, body: 'Noted twice.' }),
        ],
      },
      120_000,
    );
    const [lunch, first, second] = mailbox(trace, 'hamburger.edu', 'bob').map(thread);
    expect(first?.references).toBe(lunch?.id);
    expect(second?.references).toBe(`${lunch?.id} ${first?.id}`);
  });
});
