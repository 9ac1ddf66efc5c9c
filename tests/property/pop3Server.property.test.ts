// Fuzzing the POP3 server machine with random command sequences and hostile lines: it never throws or errors,
// every line it emits belongs to a well-formed response (a +OK/-ERR status line, or a dot-stuffed multi-line body
// ended by "."), no message is removed without QUIT, and it is never stuck.
import fc from 'fast-check';
import { onSentLine } from '../../src/protocols/sentLines.ts';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { RESPONSE_LINE_MAX } from '../../src/protocols/pop3/limits.ts';
import { memoryMaildrop } from '../../src/protocols/pop3/memoryMaildrop.ts';
import { pop3ServerMachine } from '../../src/protocols/pop3/pop3ServerMachine.ts';
import type { Pop3ServerEvent } from '../../src/protocols/pop3/pop3ServerMachine.ts';
import type { ServerLineFacts } from '../../src/protocols/shared/lineFacts.ts';

// status [SP text] with printable ASCII text (RFC 1939 §3); the status alone is allowed.
const STATUS_LINE = /^(\+OK|-ERR)(?: [\x20-\x7e]*)?$/;
const DIGEST = 'c4c9334bac560ecc979e58001b3e22fb';

const octet = fc.integer({ min: 0, max: 255 }).map((code) => String.fromCharCode(code));
const binaryLine = fc.string({ unit: octet, maxLength: 60 });
const commandLike = fc
  .tuple(
    fc.constantFrom(
      'USER',
      'pass',
      'APOP',
      'STAT',
      'LIST',
      'RETR',
      'DELE',
      'NOOP',
      'RSET',
      'TOP',
      'UIDL',
      'CAPA',
      'AUTH',
      'HELO',
    ),
    fc.constantFrom(
      '',
      ' ',
      ' mrose',
      ' secret',
      ' wrong',
      ` mrose ${DIGEST}`,
      ' 1',
      ' 2',
      ' 3',
      ' 0',
      ' +1',
      ' 1 0',
      ' 2 5',
      '  1',
      ' x',
    ),
  )
  .map((parts) => parts.join(''));
const login = fc.constantFrom('USER mrose', 'PASS secret', `APOP mrose ${DIGEST}`);
const transaction = fc.constantFrom(
  'RETR 1',
  'RETR 2',
  'RETR 3',
  'TOP 1 0',
  'TOP 3 1',
  'LIST',
  'UIDL',
  'DELE 1',
  'RSET',
);

const event: fc.Arbitrary<Pop3ServerEvent> = fc.oneof(
  { weight: 6, arbitrary: commandLike.map((line) => ({ type: 'line.received' as const, line })) },
  { weight: 2, arbitrary: login.map((line) => ({ type: 'line.received' as const, line })) },
  { weight: 4, arbitrary: transaction.map((line) => ({ type: 'line.received' as const, line })) },
  { weight: 1, arbitrary: fc.constant({ type: 'line.received' as const, line: 'QUIT' }) },
  { weight: 2, arbitrary: binaryLine.map((line) => ({ type: 'line.received' as const, line })) },
  { weight: 1, arbitrary: fc.constant({ type: 'line.received' as const, line: 'x'.repeat(300) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'line.overlong' as const }) },
);

// Most sequences open the maildrop first, so that the TRANSACTION commands and their multi-line responses are met.
const session: fc.Arbitrary<Pop3ServerEvent[]> = fc
  .tuple(
    fc.constantFrom([], ['USER mrose', 'PASS secret'], [`APOP mrose ${DIGEST}`]),
    fc.array(event, { maxLength: 40 }),
  )
  .map(([opening, rest]) => [...opening.map((line) => ({ type: 'line.received' as const, line })), ...rest]);

// Messages whose lines start with "." and hold a lone ".", so that dot-stuffing is always exercised.
const MESSAGES = [
  'Subject: a\r\n\r\n.\r\n..\r\n.x\r\n',
  'Subject: b\r\n\r\nplain\r\n',
  '.starts\r\nno blank line',
];

function run(events: readonly Pop3ServerEvent[]) {
  const maildrop = memoryMaildrop({
    accounts: { mrose: { password: 'secret', apopSecret: 'tanstaaf', messages: MESSAGES } },
  });
  const actor = createActor(pop3ServerMachine, {
    input: { hostname: 'dewey', timestamp: '<1896.697170952@dbc.mtview.ca.us>', maildrop },
  });
  const emitted: Array<{ line: string; facts: ServerLineFacts }> = [];
  onSentLine<ServerLineFacts>(actor, ({ line, facts }) => emitted.push({ line, facts }));
  actor.start();
  actor.send({ type: 'connection.opened' });
  const feed = (next: Pop3ServerEvent): void => {
    if (actor.getSnapshot().status !== 'active') return;
    actor.send(next);
    expect(actor.getSnapshot().status).not.toBe('error');
  };
  for (const next of events) feed(next);
  return { actor, emitted, feed, maildrop };
}

// Groups emitted lines into responses by their facts: a response ends at the first line without `more`.
function responses(emitted: ReadonlyArray<{ line: string; facts: ServerLineFacts }>) {
  const out: Array<Array<{ line: string; facts: ServerLineFacts }>> = [[]];
  for (const entry of emitted) {
    out.at(-1)?.push(entry);
    if (entry.facts.more !== true) out.push([]);
  }
  return out.filter((group) => group.length > 0);
}

describe('pop3ServerMachine under random command sequences and hostile lines', () => {
  it('emits only whole responses: a status line, then for a multi-line one dot-stuffed lines and "."', () => {
    fc.assert(
      fc.property(session, (events) => {
        const { emitted } = run(events);
        const groups = responses(emitted);
        // Every response is finished: the last line emitted ends one.
        expect(emitted.at(-1)?.facts.more).not.toBe(true);
        for (const group of groups) {
          const [first, ...rest] = group;
          expect(first?.line).toMatch(STATUS_LINE);
          expect(first?.line.length ?? 0).toBeLessThanOrEqual(RESPONSE_LINE_MAX - 2);
          expect(first?.facts.status).toBe(first?.line.startsWith('+OK') ? '+OK' : '-ERR');
          expect(new Set(group.map((entry) => entry.facts.reply)).size).toBe(1);
          if (rest.length === 0) continue;
          expect(first?.line.startsWith('+OK')).toBe(true);
          expect(rest.at(-1)?.line).toBe('.');
          for (const entry of rest.slice(0, -1)) {
            expect(entry.line).not.toBe('.');
            expect(entry.line).not.toMatch(/[\r\n]/);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('removes no message unless the session quit from the TRANSACTION state, and always lets the lock go', () => {
    fc.assert(
      fc.property(session, fc.boolean(), (events, drop) => {
        const { actor, maildrop } = run(events);
        const quitInUpdate = actor.getSnapshot().value === 'UPDATE';
        if (drop) actor.send({ type: 'connection.closed' });
        if (!quitInUpdate) expect(maildrop.messages('mrose')).toHaveLength(MESSAGES.length);
        if (actor.getSnapshot().status === 'done' || quitInUpdate)
          expect(maildrop.isLocked('mrose')).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('is never stuck: after any input, CAPA is answered +OK unless the session has ended', () => {
    fc.assert(
      fc.property(session, (events) => {
        const { actor, emitted, feed } = run(events);
        if (actor.getSnapshot().status === 'done' || actor.getSnapshot().value === 'UPDATE') return;
        const before = emitted.length;
        feed({ type: 'line.received', line: 'CAPA' });
        expect(emitted[before]?.line).toBe('+OK Capability list follows');
      }),
      { numRuns: 400 },
    );
  });
});
