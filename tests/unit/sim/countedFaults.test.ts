import { describe, expect, it } from 'vitest';
import { CountedFaults } from '../../../src/sim/countedFaults.ts';

interface Fault {
  readonly on: string;
  readonly every: number;
}

describe('counted faults', () => {
  it('fire every n-th matching request and never on the others', () => {
    const faults = new CountedFaults<Fault>();
    faults.add({ on: 'RETR', every: 3 });
    const fired = ['RETR', 'LIST', 'RETR', 'RETR', 'LIST', 'RETR', 'RETR', 'RETR'].map(
      (verb) => faults.due((f) => f.on === verb) !== null,
    );
    expect(fired).toEqual([false, false, false, true, false, false, false, true]);
  });

  it('give one request to one fault: the first due, after counting the ones before it', () => {
    const faults = new CountedFaults<Fault>();
    const everySecond = { on: 'RETR', every: 2 };
    const everyTime = { on: 'RETR', every: 1 };
    faults.add(everySecond);
    faults.add(everyTime);
    expect(faults.due((f) => f.on === 'RETR')).toBe(everyTime);
    expect(faults.due((f) => f.on === 'RETR')).toBe(everySecond);
    expect(faults.due((f) => f.on === 'RETR')).toBe(everyTime);
  });

  it('stop a fault that was removed or cleared', () => {
    const faults = new CountedFaults<Fault>();
    const remove = faults.add({ on: 'DELE', every: 1 });
    remove();
    expect(faults.due((f) => f.on === 'DELE')).toBeNull();
    faults.add({ on: 'DELE', every: 1 });
    faults.clear();
    expect(faults.due((f) => f.on === 'DELE')).toBeNull();
  });
});
