// Fuzzing the SMTP server machine with random and hostile lines: it never throws or errors, never gets stuck, and
// every line it emits is a well-formed SMTP reply line of at most 510 octets.
import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { REPLY_LINE_MAX } from '../../src/protocols/shared/limits.ts';
import { ReplyAssembler } from '../../src/protocols/shared/multilineReply.ts';
import { memoryBackend } from '../../src/protocols/smtp/memoryBackend.ts';
import { smtpServerMachine } from '../../src/protocols/smtp/smtpServerMachine.ts';
import type { SmtpServerEvent, SmtpServerInput } from '../../src/protocols/smtp/smtpServerMachine.ts';

// Reply-line of RFC 5321 §4.2: a code, then "-" or SP and printable text (SP alone after 334, RFC 4954 §4).
const REPLY_LINE = /^[2-5][0-5][0-9](?:[ -][\t\x20-\x7e]*)?$/;

const octet = fc.integer({ min: 0, max: 255 }).map((code) => String.fromCharCode(code));
const binaryLine = fc.string({ unit: octet, maxLength: 80 });
const withLoneBreak = fc
  .tuple(fc.string({ maxLength: 30 }), fc.constantFrom('\r', '\n'), fc.string({ maxLength: 30 }))
  .map((parts) => parts.join(''));
const commandLike = fc
  .tuple(
    fc.constantFrom(
      'EHLO',
      'helo',
      'MAIL FROM:',
      'RCPT TO:',
      'DATA',
      'RSET',
      'NOOP',
      'VRFY',
      'HELP',
      'AUTH',
      'EXPN',
      'STARTTLS',
    ),
    fc.constantFrom(
      '',
      ' ',
      ' crepes.fr',
      '<>',
      '<alice@crepes.fr>',
      ' <bob@hamburger.edu>',
      '<postmaster>',
      ' PLAIN',
      ' LOGIN Ym9i',
    ),
    fc.constantFrom('', ' SIZE=99999999', ' BODY=8BITMIME', ' X=1', ' SIZE=', '<'),
  )
  .map((parts) => parts.join(''));
const protocolish = fc.constantFrom(
  '.',
  '..',
  '*',
  '',
  'AGJvYgBrZXRjaHVw',
  'Ym9i',
  'a2V0Y2h1cA==',
  'DATA',
  '.',
  'RSET',
);

const event: fc.Arbitrary<SmtpServerEvent> = fc.oneof(
  { weight: 4, arbitrary: commandLike.map((line) => ({ type: 'line.received' as const, line })) },
  { weight: 3, arbitrary: protocolish.map((line) => ({ type: 'line.received' as const, line })) },
  { weight: 2, arbitrary: binaryLine.map((line) => ({ type: 'line.received' as const, line })) },
  { weight: 1, arbitrary: withLoneBreak.map((line) => ({ type: 'line.received' as const, line })) },
  { weight: 1, arbitrary: fc.constant({ type: 'line.received' as const, line: 'x'.repeat(2000) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'line.overlong' as const }) },
);

const config = fc.record({
  style: fc.constantFrom('textbook' as const, 'modern' as const),
  submission: fc.boolean(),
  maxSize: fc.integer({ min: 1, max: 200 }),
  maxRecipients: fc.integer({ min: 1, max: 3 }),
});

function run(
  settings: Pick<SmtpServerInput, 'style' | 'submission' | 'maxSize' | 'maxRecipients'>,
  events: SmtpServerEvent[],
) {
  const backend = memoryBackend({
    localDomains: ['hamburger.edu'],
    mailboxes: ['bob@hamburger.edu'],
    accounts: { bob: 'ketchup' },
  });
  const actor = createActor(smtpServerMachine, {
    input: { hostname: 'hamburger.edu', backend, ...settings },
  });
  const emitted: string[] = [];
  actor.on('line.send', ({ line }) => emitted.push(line));
  actor.start();
  actor.send({ type: 'connection.opened' });
  const feed = (next: SmtpServerEvent): void => {
    if (actor.getSnapshot().status !== 'active') return;
    actor.send(next);
    expect(actor.getSnapshot().status).not.toBe('error');
  };
  for (const next of events) feed(next);
  return { actor, emitted, feed };
}

// 400 random sessions of up to 40 lines through XState take seconds on a loaded two-core machine, more than the
// 5 s default meant for unit-sized tests.
const PROPERTY_BUDGET_MS = 60_000;

describe('smtpServerMachine under random and hostile input', () => {
  it(
    'emits only well-formed reply lines of at most 510 octets, forming whole replies',
    () => {
      fc.assert(
        fc.property(config, fc.array(event, { maxLength: 40 }), (settings, events) => {
          const { emitted } = run(settings, events);
          const assembler = new ReplyAssembler();
          for (const line of emitted) {
            expect(line).toMatch(REPLY_LINE);
            expect(line.length).toBeLessThanOrEqual(REPLY_LINE_MAX - 2);
            expect(assembler.push(line).kind).not.toBe('error');
          }
        }),
        { numRuns: 400 },
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'is never stuck: after any input, RSET then NOOP both get 250 unless the connection was closed',
    () => {
      fc.assert(
        fc.property(config, fc.array(event, { maxLength: 40 }), (settings, events) => {
          const { actor, emitted, feed } = run(settings, events);
          if (actor.getSnapshot().status === 'done') return;
          // Inside DATA or an AUTH exchange lines are not commands; "." and "*" are the protocol's own ways out.
          if (actor.getSnapshot().hasTag('receivingData')) feed({ type: 'line.received', line: '.' });
          if (actor.getSnapshot().hasTag('authenticating')) feed({ type: 'line.received', line: '*' });
          const before = emitted.length;
          feed({ type: 'line.received', line: 'RSET' });
          feed({ type: 'line.received', line: 'NOOP' });
          expect(emitted.slice(before).map((line) => line.slice(0, 4))).toEqual(['250 ', '250 ']);
        }),
        { numRuns: 400 },
      );
    },
    PROPERTY_BUDGET_MS,
  );
});
