import { describe, expect, it } from 'vitest';
import { FORCED_TEXT, Pop3Faults } from '../../../../src/sim/mail/pop3Faults.ts';

describe('a teacher’s POP3 faults', () => {
  it('refuse only the chosen command, with the teacher’s words or a plain default', () => {
    const faults = new Pop3Faults();
    faults.add({ command: 'RETR', text: 'disk error', every: 1 });
    faults.add({ command: 'DELE', every: 1 });
    expect(faults.interpose('RETR')).toBe('disk error');
    expect(faults.interpose('DELE')).toBe(FORCED_TEXT);
    expect(faults.interpose('STAT')).toBeNull();
  });

  it('refuse every n-th time when asked to', () => {
    const faults = new Pop3Faults();
    faults.add({ command: 'RETR', every: 3 });
    const answers = Array.from({ length: 6 }, () => faults.interpose('RETR'));
    expect(answers).toEqual([null, null, FORCED_TEXT, null, null, FORCED_TEXT]);
  });

  it('stop refusing once cleared', () => {
    const faults = new Pop3Faults();
    faults.add({ command: 'PASS', every: 1 });
    faults.clear();
    expect(faults.interpose('PASS')).toBeNull();
  });
});
