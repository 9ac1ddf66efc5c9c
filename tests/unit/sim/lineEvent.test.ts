// lineEvent builds each app.line whole instead of spreading its facts (issue 12's compact trace); whichever way
// it builds one, the event must have the keys, order and JSON that the spread gave.
import { describe, expect, it } from 'vitest';
import type { LineFacts } from '../../../src/protocols/shared/lineFacts.ts';
import { Kernel } from '../../../src/sim/kernel.ts';
import { lineEvent } from '../../../src/sim/services/lineEvent.ts';
import type { EmittedEvent } from '../../../src/sim/trace.ts';

const FACTS: readonly LineFacts[] = [
  { content: 'data' },
  { content: 'sasl' },
  { content: 'header', args: { name: 'Host' } },
  { verb: 'QUIT' },
  { verb: 'RCPT', args: { to: 'bob@hamburger.edu' } },
  { verb: 'NOOP', tag: 'a1' },
  { verb: 'LOGIN', tag: 'a2', args: { user: 'bob' } },
  { code: 220, reply: 'smtp.greeting' },
  { code: 250, reply: 'smtp.mail.ok', answers: 'MAIL' },
  { code: 250, reply: 'smtp.ehlo.ok', answers: 'EHLO', more: true },
  { code: 250, reply: 'smtp.ehlo.ok', answers: 'EHLO', extension: 'SIZE' },
  { code: 250, reply: 'smtp.ehlo.ok', answers: 'EHLO', more: true, extension: 'PIPELINING' },
  { status: '+OK', reply: 'pop3.greeting' },
  { status: '+OK', reply: 'pop3.user.ok', answers: 'USER' },
  { status: '+OK', reply: 'pop3.list.ok', answers: 'LIST', more: true },
  { status: 'OK', reply: 'imap.login.ok', tag: 'a1', answers: 'LOGIN' },
  // Shapes no builder lists, and keys in an order none expects: spread as they come.
  { status: 'OK', reply: 'imap.select.ok', answers: 'SELECT', responseCode: 'UIDVALIDITY' },
  { reply: 'smtp.greeting', code: 220 },
  { args: { to: 'bob@hamburger.edu' }, verb: 'RCPT' },
];

function stamped(event: EmittedEvent): EmittedEvent {
  const kernel = new Kernel(1);
  kernel.schedule(5, () => kernel.emit(event));
  kernel.runUntil(10);
  return kernel.trace.at(0) as EmittedEvent;
}

describe('lineEvent', () => {
  it.each(FACTS.map((facts) => [JSON.stringify(facts), facts] as const))(
    'gives a line with facts %s the keys, order and JSON that spreading them gave',
    (_, facts) => {
      const spread: EmittedEvent =
        'reply' in facts
          ? {
              kind: 'app.line',
              conn: 'c1',
              host: 'mx',
              protocol: 'smtp',
              line: 'x',
              from: 'server',
              ...facts,
            }
          : {
              kind: 'app.line',
              conn: 'c1',
              host: 'mx',
              protocol: 'smtp',
              line: 'x',
              from: 'client',
              ...facts,
            };
      const built = stamped(lineEvent('c1', 'mx', 'smtp', 'x', facts));
      const expected = stamped(spread);
      expect(Object.keys(built)).toEqual(Object.keys(expected));
      expect(JSON.stringify(built)).toBe(JSON.stringify(expected));
      expect(built).toStrictEqual(expected);
    },
  );
});
