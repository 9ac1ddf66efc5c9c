// Mailbox conservation across push and pull: random interleavings of SMTP delivery, POP3 sessions (download and
// keep or delete, some cut before QUIT) and IMAP sessions (flag, move, expunge) over one world and one store.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/sim/builtinScenarios.ts';
import type { Input, TimedInput } from '../../src/sim/input.ts';
import { Kernel } from '../../src/sim/kernel.ts';
import type { Scenario } from '../../src/sim/scenario.ts';
import { isKind, type EventOf, type TraceEvent } from '../../src/sim/trace.ts';
import { World } from '../../src/sim/world.ts';

const SERVER = 'hamburger.edu';
const USER = 'bob';
const DEVICES = ['bob-pc', 'bob-phone'] as const;
const FOLDERS = ['INBOX', 'Trash', 'Sent'] as const;
// How far apart the actions are drawn, and how long the world runs after the last one so every session settles.
const SPAN_MS = 20_000;
const SETTLE_MS = 30_000;
// The pause between lines typed in a terminal: enough for the connection to open and each answer to come back.
const TYPING_MS = 150;

// Bob's mail on his PC and his phone, both of which can read with POP3 and IMAP or type at a terminal.
function world(): Scenario {
  const base = builtinScenario('pop3-keep');
  if (!base) throw new Error('pop3-keep is missing');
  return { ...base, faults: [], inputs: [] };
}

const device = fc.constantFrom(...DEVICES);
// INBOX most often, since delivery fills it and the other folders only hold what was moved there.
const folder = fc.oneof(
  { arbitrary: fc.constant<(typeof FOLDERS)[number]>('INBOX'), weight: 3 },
  { arbitrary: fc.constantFrom(...FOLDERS), weight: 2 },
);
// Small numbers, so that most commands name a message that is there.
const uid = fc.integer({ min: 1, max: 5 });
const msg = fc.integer({ min: 1, max: 3 });

// One thing a person does, at an offset into the run.
const action = fc.oneof(
  fc.record({ kind: fc.constant('send' as const), subject: fc.string({ maxLength: 12 }) }),
  fc.record({
    kind: fc.constant('pop3' as const),
    host: device,
    mode: fc.constantFrom('keep' as const, 'delete' as const),
  }),
  // A POP3 session typed by hand: RETR and DELE of message `msg`, and QUIT only when `quit` (else the connection
  // is closed in TRANSACTION, which must delete nothing: RFC 1939 §6).
  fc.record({ kind: fc.constant('pop3.typed' as const), host: device, msg, quit: fc.boolean() }),
  fc.record({ kind: fc.constant('imap.fetch' as const), host: device }),
  fc.record({
    kind: fc.constant('imap.flag' as const),
    host: device,
    folder,
    uid,
    flag: fc.constantFrom('\\Seen', '\\Flagged', '\\Deleted'),
    set: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('imap.move' as const), host: device, folder, uid, to: folder }),
  fc.record({ kind: fc.constant('imap.delete' as const), host: device, uid }),
  // An IMAP session typed by hand that marks message `msg` \Deleted and removes it with EXPUNGE or CLOSE.
  fc.record({
    kind: fc.constant('imap.typed' as const),
    host: device,
    folder,
    msg,
    remove: fc.constantFrom('EXPUNGE', 'CLOSE'),
    logout: fc.boolean(),
  }),
);

type Action = typeof action extends fc.Arbitrary<infer T> ? T : never;

const timed = fc.record({ at: fc.integer({ min: 0, max: SPAN_MS }), action });

// The typed lines of a terminal session, one TYPING_MS apart after the connection had time to open.
function typing(
  host: string,
  at: number,
  port: number,
  lines: readonly string[],
  close: boolean,
): TimedInput[] {
  const inputs: TimedInput[] = [{ at, input: { type: 'terminal.open', host, target: SERVER, port } }];
  lines.forEach((text, i) =>
    inputs.push({ at: at + 4 * TYPING_MS + i * TYPING_MS, input: { type: 'terminal.type', host, text } }),
  );
  if (close)
    inputs.push({
      at: at + 4 * TYPING_MS + lines.length * TYPING_MS + TYPING_MS,
      input: { type: 'terminal.close', host },
    });
  return inputs;
}

function inputsOf(at: number, a: Action): TimedInput[] {
  const one = (input: Input): TimedInput[] => [{ at, input }];
  switch (a.kind) {
    case 'send':
      return one({
        type: 'mail.send',
        host: 'alice-pc',
        to: [`${USER}@${SERVER}`],
        subject: a.subject,
        body: 'x',
      });
    case 'pop3':
      return one({ type: 'mail.fetch', host: a.host, protocol: 'pop3', mode: a.mode });
    case 'pop3.typed': {
      const lines = [
        `USER ${USER}`,
        'PASS hungry',
        `RETR ${a.msg}`,
        `DELE ${a.msg}`,
        ...(a.quit ? ['QUIT'] : []),
      ];
      return typing(a.host, at, 110, lines, !a.quit);
    }
    case 'imap.fetch':
      return one({ type: 'mail.fetch', host: a.host, protocol: 'imap' });
    case 'imap.flag':
      return one({ type: 'mail.flag', host: a.host, folder: a.folder, uid: a.uid, flag: a.flag, set: a.set });
    case 'imap.move':
      return one({ type: 'mail.move', host: a.host, folder: a.folder, uid: a.uid, to: a.to });
    case 'imap.delete':
      return one({ type: 'mail.delete', host: a.host, folder: 'INBOX', uid: a.uid });
    case 'imap.typed': {
      const lines = [
        `t1 LOGIN ${USER} hungry`,
        `t2 SELECT ${a.folder}`,
        `t3 STORE ${a.msg} +FLAGS (\\Deleted)`,
        `t4 ${a.remove}`,
        ...(a.logout ? ['t5 LOGOUT'] : []),
      ];
      return typing(a.host, at, 143, lines, !a.logout);
    }
  }
}

// A terminal has one connection at a time, so a host's typed sessions are laid end to end, never overlapping.
function schedule(actions: readonly { at: number; action: Action }[]): TimedInput[] {
  const free = new Map<string, number>();
  const inputs: TimedInput[] = [];
  for (const { at, action: a } of [...actions].sort((x, y) => x.at - y.at)) {
    if (a.kind !== 'pop3.typed' && a.kind !== 'imap.typed') {
      inputs.push(...inputsOf(at, a));
      continue;
    }
    const start = Math.max(at, free.get(a.host) ?? 0);
    const session = inputsOf(start, a);
    inputs.push(...session);
    free.set(a.host, Math.max(...session.map((i) => i.at)) + 4 * TYPING_MS);
  }
  return inputs.sort((x, y) => x.at - y.at);
}

// Runs the world as Session does, keeping the World so the store can be read at the end.
function run(seed: number, inputs: readonly TimedInput[]): { trace: readonly TraceEvent[]; world: World } {
  const scenario = { ...world(), seed };
  const kernel = new Kernel(seed);
  kernel.emit({ kind: 'sim.start', scenario: scenario.name, seed });
  const w = new World(scenario, kernel);
  inputs.forEach((entry, index) =>
    kernel.schedule(
      entry.at,
      () => {
        kernel.emit({ kind: 'input', index, input: entry.input });
        w.apply(entry.input);
      },
      'input',
    ),
  );
  kernel.runUntil(Math.max(0, ...inputs.map((i) => i.at)) + SETTLE_MS);
  return { trace: kernel.trace.slice(), world: w };
}

function messageIdOf(raw: string): string {
  return /\r\nMessage-ID: (<[^>]+>)/i.exec(`\r\n${raw}`)?.[1] ?? '';
}

const mine = (e: { host: string; user: string }) => e.host === SERVER && e.user === USER;

// The commands whose answer may remove messages for good: POP3's QUIT (entering UPDATE) and IMAP's expunges.
const REMOVING: Readonly<Record<string, { protocol: 'pop3' | 'imap'; marks: readonly string[] }>> = {
  QUIT: { protocol: 'pop3', marks: ['DELE'] },
  EXPUNGE: { protocol: 'imap', marks: [] },
  'UID EXPUNGE': { protocol: 'imap', marks: [] },
  CLOSE: { protocol: 'imap', marks: [] },
};

// Whether an expunge at time `t` was the work of a removing command answered then, on a connection that asked
// for it: a POP3 QUIT after a DELE, or an IMAP EXPUNGE or CLOSE.
function explicitRemovalAt(trace: readonly TraceEvent[], t: number): boolean {
  const lines = trace.filter(isKind('app.line'));
  return lines.some((answer) => {
    if (answer.t !== t || answer.from !== 'server' || answer.host !== SERVER || answer.answers === undefined)
      return false;
    const rule = REMOVING[answer.answers];
    if (rule === undefined || rule.protocol !== answer.protocol) return false;
    return rule.marks.every((verb) =>
      lines.some((l) => l.conn === answer.conn && l.from === 'client' && l.verb === verb && l.t <= t),
    );
  });
}

function checkConservation(trace: readonly TraceEvent[], w: World): void {
  // Where each delivered message lives, folded from the store's own events: `folder/uid` → Message-ID.
  const live = new Map<string, string>();
  const lastExpunge = new Map<string, number>();
  const delivered = new Map<string, number>();
  const assigned = new Map<string, number>();
  const assign = (folderName: string, u: number) => {
    // UIDs strictly increase within a folder (RFC 3501 §2.3.1.1): every new one is above all before it.
    expect(u, `UID ${u} in ${folderName}`).toBeGreaterThan(assigned.get(folderName) ?? 0);
    assigned.set(folderName, u);
  };
  for (const e of trace) {
    if (e.kind === 'mailbox.stored' && mine(e)) {
      const id = messageIdOf(e.raw);
      delivered.set(id, (delivered.get(id) ?? 0) + 1);
      assign(e.folder, e.uid);
      live.set(`${e.folder}/${e.uid}`, id);
    } else if (e.kind === 'mailbox.copied' && mine(e)) {
      const id = live.get(`${e.folder}/${e.uid}`);
      expect(id, `copied ${e.folder}/${e.uid} exists`).toBeDefined();
      assign(e.to, e.toUid);
      live.set(`${e.to}/${e.toUid}`, id as string);
    } else if (e.kind === 'mailbox.expunged' && mine(e)) {
      const id = live.get(`${e.folder}/${e.uid}`);
      expect(id, `expunged ${e.folder}/${e.uid} exists`).toBeDefined();
      live.delete(`${e.folder}/${e.uid}`);
      lastExpunge.set(id as string, e.t);
    } else if (e.kind === 'mailbox.appended' && mine(e)) {
      throw new Error(`nothing here APPENDs, yet ${e.folder}/${e.uid} was appended`);
    }
  }
  // SMTP delivered each message once: no faults here, so no lost final reply could excuse a duplicate.
  for (const [id, count] of delivered) expect(count, `deliveries of ${id}`).toBe(1);

  // The store agrees with its events, message by message.
  const store = w.mailServer(SERVER)?.store;
  const held = new Map<string, string>();
  for (const f of store?.folders(USER) ?? []) {
    const uids = f.messages.map((m) => m.uid);
    expect(uids, `${f.name} in UID order`).toEqual([...uids].sort((a, b) => a - b));
    expect(new Set(uids).size, `${f.name} UIDs distinct`).toBe(uids.length);
    for (const m of f.messages) {
      expect(m.uid, `${f.name} UIDNEXT above ${m.uid}`).toBeLessThan(f.uidNext);
      held.set(`${f.name}/${m.uid}`, messageIdOf(m.raw));
    }
  }
  expect(new Map([...held].sort()), 'store matches its trace').toEqual(new Map([...live].sort()));

  // Each delivered message is in exactly one place, or an explicit removal took it.
  const copies = new Map<string, number>();
  for (const id of held.values()) copies.set(id, (copies.get(id) ?? 0) + 1);
  for (const id of delivered.keys()) {
    const count = copies.get(id) ?? 0;
    expect(count, `copies of ${id}`).toBeLessThanOrEqual(1);
    if (count === 1) continue;
    const t = lastExpunge.get(id);
    expect(t, `${id} vanished without an expunge`).toBeDefined();
    expect(explicitRemovalAt(trace, t as number), `${id} removed at ${t} by no QUIT, EXPUNGE or CLOSE`).toBe(
      true,
    );
  }
  for (const id of copies.keys()) expect(delivered.has(id), `${id} was delivered`).toBe(true);
}

describe('reading mail with POP3 and IMAP over one store', () => {
  it('loses and duplicates no message, removes one only by DELE then QUIT or an expunge, and keeps UIDs rising', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(timed, { minLength: 2, maxLength: 8 }),
        fc.integer({ min: 1, max: 1000 }),
        (early, actions, seed) => {
          // A few messages are sent first, so the readers have something to work on from the start.
          const sends = Array.from({ length: early }, (_, i) => ({
            at: i * 300,
            action: { kind: 'send', subject: `early ${i}` } as const,
          }));
          const { trace, world: w } = run(seed, schedule([...sends, ...actions]));
          checkConservation(trace, w);
        },
      ),
      { numRuns: 10 },
    );
  }, 60_000);

  it('counts a POP3 session cut before QUIT as deleting nothing, though it sent DELE', () => {
    const inputs = schedule([
      { at: 0, action: { kind: 'send', subject: 'kept' } },
      { at: 5_000, action: { kind: 'pop3.typed', host: 'bob-pc', msg: 1, quit: false } },
    ]);
    const { trace, world: w } = run(7, inputs);
    checkConservation(trace, w);
    const dele = trace.filter(isKind('app.line')).find((l) => l.from === 'client' && l.verb === 'DELE');
    expect(dele).toBeDefined();
    expect(w.mailServer(SERVER)?.store.folder(USER)?.messages).toHaveLength(1);
  });

  it('counts a POP3 DELE then QUIT as an explicit removal', () => {
    const inputs = schedule([
      { at: 0, action: { kind: 'send', subject: 'gone' } },
      { at: 5_000, action: { kind: 'pop3.typed', host: 'bob-pc', msg: 1, quit: true } },
    ]);
    const { trace, world: w } = run(7, inputs);
    checkConservation(trace, w);
    const expunged: EventOf<'mailbox.expunged'>[] = trace.filter(isKind('mailbox.expunged'));
    expect(expunged).toHaveLength(1);
    expect(explicitRemovalAt(trace, expunged[0]?.t as number)).toBe(true);
    expect(w.mailServer(SERVER)?.store.folder(USER)?.messages).toHaveLength(0);
  });

  it('does not count an IMAP MOVE as a removal: the message lives on in the folder it went to', () => {
    const inputs = schedule([
      { at: 0, action: { kind: 'send', subject: 'moved' } },
      { at: 5_000, action: { kind: 'imap.move', host: 'bob-phone', folder: 'INBOX', uid: 1, to: 'Trash' } },
    ]);
    const { trace, world: w } = run(7, inputs);
    checkConservation(trace, w);
    const expunged = trace.filter(isKind('mailbox.expunged'));
    expect(expunged).toHaveLength(1);
    expect(explicitRemovalAt(trace, expunged[0]?.t as number)).toBe(false);
    expect(w.mailServer(SERVER)?.store.folder(USER, 'Trash')?.messages).toHaveLength(1);
  });
});
