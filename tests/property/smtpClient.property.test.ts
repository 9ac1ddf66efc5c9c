// Fuzzing the SMTP client machine with whatever a server might send: it never errors, it always finishes once the
// connection closes, and it reports exactly one result per recipient, in envelope order.
import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { smtpClientMachine } from '../../src/protocols/smtp/smtpClientMachine.ts';
import type { SmtpClientEvent } from '../../src/protocols/smtp/smtpClientMachine.ts';

const replyLine = fc
  .tuple(
    fc.constantFrom('220', '221', '235', '250', '334', '354', '421', '450', '502', '535', '550', '554'),
    fc.constantFrom(' ', '-'),
  )
  .map(([code, separator]) => `${code}${separator}text`);
const octet = fc.integer({ min: 0, max: 255 }).map((code) => String.fromCharCode(code));

const event: fc.Arbitrary<SmtpClientEvent> = fc.oneof(
  { weight: 6, arbitrary: replyLine.map((line) => ({ type: 'line.received' as const, line })) },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: octet, maxLength: 40 })
      .map((line) => ({ type: 'line.received' as const, line })),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'line.overlong' as const }) },
);

describe('smtpClientMachine under arbitrary server replies', () => {
  it('finishes with one result per recipient once the connection closes, and never errors', () => {
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 30 }),
        fc.uniqueArray(fc.constantFrom('bob@hamburger.edu', 'carol@hamburger.edu', 'dan@elsewhere.org'), {
          maxLength: 3,
        }),
        fc.constantFrom(undefined, 'PLAIN' as const, 'LOGIN' as const),
        (events, to, mechanism) => {
          const input = {
            heloName: 'crepes.fr',
            envelope: { from: 'alice@crepes.fr', to },
            data: 'Hi\r\n.\r\n',
            ...(mechanism ? { auth: { user: 'bob', password: 'ketchup', mechanism } } : {}),
          };
          const actor = createActor(smtpClientMachine, { input });
          actor.start();
          actor.send({ type: 'connection.opened' });
          for (const next of [...events, { type: 'connection.closed' as const }]) {
            if (actor.getSnapshot().status !== 'active') break;
            actor.send(next);
            expect(actor.getSnapshot().status).not.toBe('error');
          }
          const snapshot = actor.getSnapshot();
          expect(snapshot.status).toBe('done');
          expect(snapshot.output?.recipients.map((result) => result.recipient)).toEqual(to);
        },
      ),
      { numRuns: 400 },
    );
  });
});
