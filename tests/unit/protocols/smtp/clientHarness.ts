// A scripted server for smtpClientMachine: plays the "S: …" lines of a transcript into the client and logs what the
// client emits as "C: …" ("C: <close>" when it closes), so the log can be compared with the whole script.
import { createActor } from 'xstate';
import { onSentLine } from '../../../../src/protocols/sentLines.ts';
import type { SimulatedClock } from 'xstate';
import { LineFramer } from '../../../../src/protocols/shared/lineFramer.ts';
import { smtpClientMachine, smtpClientReader } from '../../../../src/protocols/smtp/smtpClientMachine.ts';
import type { SmtpClientInput } from '../../../../src/protocols/smtp/smtpClientMachine.ts';
import { transcript } from './serverHarness.ts';

/** ALICE is the sending side of Kurose & Ross's example, delivering to bob. */
export const ALICE: SmtpClientInput = {
  heloName: 'crepes.fr',
  envelope: { from: 'alice@crepes.fr', to: ['bob@hamburger.edu'] },
  data: 'Do you like ketchup?\r\nHow about pickles?\r\n',
};

/** startClient starts a client whose emitted lines are logged; the connection is opened unless told otherwise. */
export function startClient(input: Partial<SmtpClientInput> = {}, options: { clock?: SimulatedClock } = {}) {
  const full: SmtpClientInput = { ...ALICE, ...input };
  const actor = createActor(
    smtpClientMachine,
    options.clock ? { input: full, clock: options.clock } : { input: full },
  );
  const log: string[] = [];
  onSentLine(actor, (event) => log.push(`C: ${event.line}`));
  actor.on('connection.close', () => log.push('C: <close>'));
  actor.start();
  actor.send({ type: 'connection.opened' });
  const framer = new LineFramer(4096);
  return {
    actor,
    log,
    /** reply feeds server lines; "<close>" closes the connection instead. */
    reply(...lines: string[]) {
      for (const line of lines) {
        log.push(`S: ${line}`);
        actor.send(line === '<close>' ? { type: 'connection.closed' } : { type: 'line.received', line });
      }
    },
    /** replyChunk feeds server octets as one segment, handing the lines over by smtpClientReader as bindLineSession does. */
    replyChunk(octets: string) {
      const items = framer.push(octets);
      for (let i = 0; i < items.length;) {
        const { event, count } = smtpClientReader(actor.getSnapshot(), items, i);
        for (const item of items.slice(i, i + count))
          log.push(`S: ${item.kind === 'overlong' ? '<overlong>' : item.line}`);
        actor.send(event);
        i += count;
      }
    },
    output: () => actor.getSnapshot().output,
    state: () => JSON.stringify(actor.getSnapshot().value),
  };
}

/** playServer runs a client against the server lines of a script and returns the client's log with them. */
export function playServer(script: string, input: Partial<SmtpClientInput> = {}) {
  const client = startClient(input);
  for (const entry of transcript(script)) if (entry.startsWith('S: ')) client.reply(entry.slice(3));
  return client;
}
