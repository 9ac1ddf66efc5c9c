// The SMTP client and server machines as they were when the lean-engine issue was filed, taken out of git history
// and run in memory on the bench's message, so that one run can say how many times faster today's machines are.
// Their sources go to bench/.filed/<commit>/ (ignored by git); a clone without that commit cannot measure this.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createActor, type AnyStateMachine } from 'xstate';
import type { SmtpClientInput } from '../src/protocols/smtp/smtpClientMachine.ts';
import { HAMBURGER, hamburgerServer } from './smtpMachines.ts';

/** FILED_COMMIT is main's head when issue 12 (a lean, realistic engine) was filed. */
export const FILED_COMMIT = 'e05420a6c2407ad4884bd14e86d20e83e74831bb';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** FiledMachines is what a filed transaction needs of the old sources. */
export interface FiledMachines {
  readonly server: AnyStateMachine;
  readonly client: AnyStateMachine;
  readonly memoryBackend: (options: typeof HAMBURGER) => unknown;
}

/** Filed is the old machines, or why they could not be had. */
export type Filed =
  { readonly ok: true; readonly machines: FiledMachines } | { readonly ok: false; readonly problem: string };

/**
 * loadFiledMachines takes src/protocols at FILED_COMMIT out of git history (once; later runs reuse it) and imports
 * the two machines and the memory backend from it. Inside the checkout, the old files import this checkout's
 * XState, the same version as today's code.
 */
export async function loadFiledMachines(commit = FILED_COMMIT): Promise<Filed> {
  const dir = join(ROOT, 'bench', '.filed', commit);
  const smtp = join(dir, 'src', 'protocols', 'smtp');
  if (!existsSync(dir)) {
    let archive: Buffer;
    try {
      archive = execFileSync('git', ['archive', '--format=tar', commit, 'src/protocols'], {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch {
      return { ok: false, problem: `this clone's history has no commit ${commit.slice(0, 7)}` };
    }
    // Unpacked beside and renamed into place, so that an interrupted run never leaves half the sources behind.
    const unpacking = `${dir}.unpacking`;
    rmSync(unpacking, { recursive: true, force: true });
    mkdirSync(unpacking, { recursive: true });
    execFileSync('tar', ['-x', '-C', unpacking], { input: archive });
    renameSync(unpacking, dir);
  }
  const [server, client, backend] = await Promise.all([
    import(join(smtp, 'smtpServerMachine.ts')) as Promise<{ smtpServerMachine: AnyStateMachine }>,
    import(join(smtp, 'smtpClientMachine.ts')) as Promise<{ smtpClientMachine: AnyStateMachine }>,
    import(join(smtp, 'memoryBackend.ts')) as Promise<Pick<FiledMachines, 'memoryBackend'>>,
  ]);
  return {
    ok: true,
    machines: {
      server: server.smtpServerMachine,
      client: client.smtpClientMachine,
      memoryBackend: backend.memoryBackend,
    },
  };
}

/** Line is one line the old machines sent, for the other end, or null when its sender closed. */
interface Line {
  readonly to: 'client' | 'server';
  readonly line: string | null;
}

/**
 * filedTransaction runs one session between the old machines as the world of that time did: each line sent in
 * as its own `line.received`, in the order sent, every line emitted as its own `line.send`. It throws unless the
 * message was delivered.
 */
export function filedTransaction(machines: FiledMachines, client: SmtpClientInput): void {
  const backend = machines.memoryBackend(HAMBURGER);
  // Nothing is due in memory: the session ends long before the first timer.
  const clock = { setTimeout: () => 0, clearTimeout: () => {} };
  const server = createActor(machines.server, {
    input: hamburgerServer(backend),
    clock,
  });
  const sender = createActor(machines.client, { input: client, clock });
  const queue: Line[] = [];
  server.on('line.send', (event: { line: string }) => queue.push({ to: 'client', line: event.line }));
  sender.on('line.send', (event: { line: string }) => queue.push({ to: 'server', line: event.line }));
  server.on('connection.close', () => queue.push({ to: 'client', line: null }));
  sender.on('connection.close', () => queue.push({ to: 'server', line: null }));
  server.start();
  sender.start();
  server.send({ type: 'connection.opened' });
  sender.send({ type: 'connection.opened' });
  for (const { to, line } of queue) {
    const actor = to === 'server' ? server : sender;
    if (actor.getSnapshot().status !== 'active') continue;
    actor.send(line === null ? { type: 'connection.closed' } : { type: 'line.received', line });
  }
  const output = sender.getSnapshot().output as { recipients: { outcome: string }[] } | undefined;
  if (output === undefined || output.recipients.some((r) => r.outcome !== 'delivered'))
    throw new Error('filedMachines: the filed machines did not deliver the message');
}
