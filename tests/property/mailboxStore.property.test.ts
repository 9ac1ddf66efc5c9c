// The mailbox store under random deliveries, flag changes, copies, moves, expunges, renames, creates and deletes,
// watched by two sessions: no message is lost or duplicated, UIDs strictly increase in every folder and a
// (UIDVALIDITY, UID) pair never names two messages, and \Recent goes to one session at most.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIERARCHY_DELIMITER } from '../../src/sim/mail/folderNames.ts';
import { MailboxStore } from '../../src/sim/mail/mailboxStore.ts';

const NAMES = ['INBOX', 'inbox', 'Sent', 'Trash', 'A', 'A/B', 'A/B/C', 'B', '받은편지함'] as const;
const FLAGS = ['\\Seen', '\\Flagged', '\\Deleted', '$Work'] as const;

// INBOX twice as often as the rest, so operations meet on one folder.
const name = fc.oneof({ weight: 2, arbitrary: fc.constant('INBOX') }, fc.constantFrom(...NAMES));
const picks = fc.array(fc.nat({ max: 20 }), { maxLength: 4 });

type Op =
  | { op: 'deliver'; folder: string }
  | { op: 'append'; folder: string }
  | { op: 'flag'; folder: string; picks: number[]; how: 'add' | 'remove' | 'replace'; flags: string[] }
  | { op: 'copy' | 'move'; folder: string; picks: number[]; to: string }
  | { op: 'expunge'; folder: string; picks: number[] }
  | { op: 'rename'; folder: string; to: string }
  | { op: 'create' | 'delete'; folder: string }
  | { op: 'sync'; session: 0 | 1; expunges: boolean }
  | { op: 'sessionMove'; session: 0 | 1; picks: number[]; to: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('deliver' as const), folder: name }) },
  fc.record({ op: fc.constant('append' as const), folder: name }),
  fc.record({
    op: fc.constant('flag' as const),
    folder: name,
    picks,
    how: fc.constantFrom('add' as const, 'remove' as const, 'replace' as const),
    flags: fc.subarray([...FLAGS]),
  }),
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constantFrom('copy' as const, 'move' as const),
      folder: name,
      picks,
      to: name,
    }),
  },
  fc.record({ op: fc.constant('expunge' as const), folder: name, picks }),
  fc.record({ op: fc.constant('rename' as const), folder: name, to: name }),
  fc.record({ op: fc.constantFrom('create' as const, 'delete' as const), folder: name }),
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('sync' as const),
      session: fc.constantFrom(0 as const, 1 as const),
      expunges: fc.boolean(),
    }),
  },
  fc.record({
    op: fc.constant('sessionMove' as const),
    session: fc.constantFrom(0 as const, 1 as const),
    picks,
    to: name,
  }),
);

function canonical(folder: string): string {
  const [first, ...rest] = folder.split(HIERARCHY_DELIMITER);
  return [first?.toUpperCase() === 'INBOX' ? 'INBOX' : first, ...rest].join(HIERARCHY_DELIMITER);
}

describe('the mailbox store under random operations', () => {
  it('loses and duplicates no message, and never reuses a UID', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 60, size: 'max' }), (ops) => {
        const store = new MailboxStore(
          'hamburger.edu',
          () => undefined,
          () => 0,
        );
        store.addUser('bob', 'hungry');
        const sessions = [store.openSession('bob'), store.openSession('bob')] as const;
        for (const s of sessions) s.select('INBOX', false);
        // The model: each folder's message texts, changed only as each operation says it should.
        const model = new Map<string, string[]>([
          ['INBOX', []],
          ['Sent', []],
          ['Trash', []],
        ]);
        const ever = new Map<string, string>();
        let next = 0;
        const uidsAt = (folder: string, chosen: readonly number[]) => {
          const messages = store.folder('bob', folder)?.messages ?? [];
          return messages.length === 0
            ? []
            : chosen.map((i) => (messages[i % messages.length] as { uid: number }).uid);
        };
        const rawsOf = (folder: string, uids: readonly number[]) =>
          (store.folder('bob', folder)?.messages ?? []).filter((m) => uids.includes(m.uid)).map((m) => m.raw);
        const take = (folder: string, raws: readonly string[]) => {
          const list = model.get(canonical(folder)) ?? [];
          for (const raw of raws) list.splice(list.indexOf(raw), 1);
        };
        const put = (folder: string, raws: readonly string[]) => {
          const key = canonical(folder);
          model.set(key, [...(model.get(key) ?? []), ...raws]);
        };

        for (const o of ops) {
          switch (o.op) {
            case 'deliver': {
              const raw = `m${next++}\r\n`;
              store.deliver('bob', raw, `Q${next}`, o.folder);
              put(o.folder, [raw]);
              break;
            }
            case 'append': {
              const raw = `m${next++}\r\n`;
              if (store.append('bob', o.folder, raw, ['\\Draft']).ok) put(o.folder, [raw]);
              break;
            }
            case 'flag':
              store.storeFlags('bob', o.folder, uidsAt(o.folder, o.picks), o.how, o.flags);
              break;
            case 'copy':
            case 'move': {
              const uids = uidsAt(o.folder, o.picks);
              const raws = rawsOf(o.folder, uids);
              const done = store[o.op]('bob', o.folder, uids, o.to);
              if (!done.ok) break;
              expect(done.uids.map((p) => p.from)).toEqual([...new Set(uids)].sort((a, b) => a - b));
              if (o.op === 'move') take(o.folder, raws);
              put(o.to, raws);
              break;
            }
            case 'sessionMove': {
              const session = sessions[o.session];
              const folder = session.selectedFolder?.name;
              if (folder === undefined) break;
              const uids = session.uids().filter((_, i) => o.picks.includes(i));
              const raws = rawsOf(folder, uids);
              const done = session.move(uids, o.to);
              if (!done.ok) break;
              take(folder, raws);
              put(o.to, raws);
              break;
            }
            case 'expunge': {
              const before = [...(store.folder('bob', o.folder)?.messages ?? [])];
              const gone = store.expunge('bob', o.folder, uidsAt(o.folder, o.picks));
              take(
                o.folder,
                before.filter((m) => gone.includes(m.uid)).map((m) => m.raw),
              );
              break;
            }
            case 'rename': {
              const from = store.folder('bob', o.folder)?.name;
              if (from === undefined || !store.rename('bob', o.folder, o.to).ok) break;
              const to = canonical(o.to);
              if (from === 'INBOX') {
                put(to, model.get('INBOX') ?? []);
                model.set('INBOX', []);
                break;
              }
              for (const [key, raws] of [...model]) {
                if (key !== from && !key.startsWith(from + HIERARCHY_DELIMITER)) continue;
                model.delete(key);
                model.set(to + key.slice(from.length), raws);
              }
              break;
            }
            case 'create':
              store.create('bob', o.folder);
              break;
            case 'delete':
              if (store.delete('bob', o.folder).ok) model.set(canonical(o.folder), []);
              break;
            case 'sync':
              sessions[o.session].sync({ expunges: o.expunges });
              break;
          }

          // No message lost or duplicated: every folder holds exactly what the model says.
          const folders = store.folders('bob');
          for (const folder of folders)
            expect([...folder.messages.map((m) => m.raw)].sort()).toEqual(
              [...(model.get(folder.name) ?? [])].sort(),
            );
          for (const [key, raws] of model)
            if (raws.length > 0) expect(store.folder('bob', key)).toBeDefined();
          // UIDs strictly increase, stay below UIDNEXT, and a (UIDVALIDITY, UID) pair always names the same text.
          expect(new Set(folders.map((f) => f.uidValidity)).size).toBe(folders.length);
          for (const folder of folders) {
            const uids = folder.messages.map((m) => m.uid);
            uids.forEach((uid, i) => expect(uid).toBeGreaterThan(i === 0 ? 0 : (uids[i - 1] as number)));
            if (uids.length > 0) expect(folder.uidNext).toBeGreaterThan(uids.at(-1) as number);
            for (const m of folder.messages) {
              const key = `${folder.uidValidity}.${m.uid}`;
              expect(ever.get(key) ?? m.raw).toBe(m.raw);
              ever.set(key, m.raw);
            }
          }
        }

        // Once told everything, each session's view is its folder, and no message is \Recent in both.
        for (const s of sessions) {
          s.sync({ expunges: true });
          const folder = s.selectedFolder;
          if (folder) expect(s.uids()).toEqual(folder.messages.map((m) => m.uid));
        }
        const [one, two] = sessions;
        if (one.selectedFolder && one.selectedFolder === two.selectedFolder)
          for (const uid of one.uids()) expect(one.isRecent(uid) && two.isRecent(uid)).toBe(false);
      }),
      { numRuns: 100 },
    );
    // Each run replays up to 60 operations with full checks after each; the shared machine can be slow.
  }, 30_000);
});
