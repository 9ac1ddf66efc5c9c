// Lines a machine sends in a run reach listeners as the same lines, in order, and a large message leaves the SMTP
// client and the POP3 server as one run, since XState's queue of emitted events costs more the longer it grows.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { memoryMaildrop } from '../../../src/protocols/pop3/memoryMaildrop.ts';
import { pop3ServerMachine } from '../../../src/protocols/pop3/pop3ServerMachine.ts';
import { onSentLine } from '../../../src/protocols/sentLines.ts';
import { startClient } from './smtp/clientHarness.ts';

const BIG =
  Array.from({ length: 5000 }, (_, i) => `${i % 7 === 0 ? '.' : ''}line ${i}`).join('\r\n') + '\r\n';

describe('lines sent in a run', () => {
  it('leave the SMTP client as one run, dot-stuffed and ended by the lone dot', () => {
    const client = startClient({ data: BIG });
    const runs: number[] = [];
    client.actor.on('lines.send', (event) => runs.push(event.lines.length));
    client.reply('220 hamburger.edu', '250 hamburger.edu', '250 ok', '250 ok', '354 go on');
    expect(runs).toEqual([5001]);
    expect(client.log.at(-1)).toBe('C: .');
    expect(client.log).toContain('C: ..line 0');
  });

  it('leave the POP3 server as one run for a RETR, one line for a status', () => {
    const maildrop = memoryMaildrop({ accounts: { bob: { password: 'hungry', messages: [BIG] } } });
    const actor = createActor(pop3ServerMachine, { input: { hostname: 'h', timestamp: null, maildrop } });
    const heard: string[] = [];
    let runs = 0;
    let singles = 0;
    onSentLine(actor, ({ line }) => heard.push(line));
    actor.on('lines.send', () => (runs += 1));
    actor.on('line.send', () => (singles += 1));
    actor.start();
    for (const event of [
      { type: 'connection.opened' as const },
      ...['USER bob', 'PASS hungry', 'RETR 1'].map((line) => ({ type: 'line.received' as const, line })),
    ])
      actor.send(event);
    expect(singles).toBe(3);
    expect(runs).toBe(1);
    expect(heard.slice(3, 5)).toEqual([`+OK ${BIG.length} octets`, '..line 0']);
    expect(heard.at(-1)).toBe('.');
    expect(heard).toHaveLength(3 + 1 + 5000 + 1);
  });
});
