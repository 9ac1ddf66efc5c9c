// The bench's comparison with the code issue 12 was filed against: the old machines come out of git history and
// deliver the bench's kind of message the way the world of that time drove them, a line an event.
import { describe, expect, it } from 'vitest';
import { filedTransaction, loadFiledMachines } from '../../../bench/filedMachines.ts';

const CLIENT = {
  heloName: 'crepes.fr',
  envelope: { from: 'alice@crepes.fr', to: ['bob@hamburger.edu'] },
  data: `Subject: Lunch\r\n\r\n${'Do you like ketchup?\r\n'.repeat(30)}`,
};

describe('the filed SMTP machines', () => {
  it('come out of git history and deliver a message between them, each line its own event', async () => {
    const filed = await loadFiledMachines();
    if (!filed.ok) throw new Error(filed.problem);
    expect(() => filedTransaction(filed.machines, CLIENT)).not.toThrow();
  });

  it('say so when the message was not delivered, so the bench never times a failed session', async () => {
    const filed = await loadFiledMachines();
    if (!filed.ok) throw new Error(filed.problem);
    const toNobody = { ...CLIENT, envelope: { from: 'alice@crepes.fr', to: ['nobody@hamburger.edu'] } };
    expect(() => filedTransaction(filed.machines, toNobody)).toThrow(/did not deliver/);
  });

  it('says which commit is missing when the clone has no such history, and unpacks nothing', async () => {
    const missing = 'f'.repeat(40);
    expect(await loadFiledMachines(missing)).toEqual({
      ok: false,
      problem: "this clone's history has no commit fffffff",
    });
  });
});
