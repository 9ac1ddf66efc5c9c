// A bridge started for one conformance test file, with the Python fixtures that talk to it: smtplib puts a message
// in Bob's mailbox at hamburger.edu, and each file's reader (poplib, imaplib) reads it back.
import { afterAll, beforeAll, expect } from 'vitest';
import { startBridge, type Bridge, type BridgeOptions, type ServiceKind } from '../../src/bridge/bridge.ts';
import { fixture, Processes } from './processes.ts';

/** BridgeUnderTest is the bridge a test file talks to and the real programs it ran; `useBridge` makes one. */
export class BridgeUnderTest {
  readonly processes = new Processes();
  #bridge: Bridge | undefined;

  /** bridge is the running bridge; it is there once the file's beforeAll has run. */
  get bridge(): Bridge {
    if (this.#bridge === undefined) throw new Error('the bridge is not running: read it inside a test');
    return this.#bridge;
  }

  /** port is the real port the bridge opened for `kind`, which the options must have asked for. */
  port(kind: ServiceKind): number {
    return this.bridge.ports[kind] as number;
  }

  /** start starts the bridge; `useBridge` calls it before the file's tests. */
  async start(options: BridgeOptions): Promise<void> {
    this.#bridge = await startBridge(options);
  }

  /** stop kills every program still running and stops the bridge; `useBridge` calls it after the file's tests. */
  async stop(): Promise<void> {
    this.processes.killAll();
    await this.#bridge?.stop();
  }

  /** python runs a fixture script with `spec` (and the bridge's host) as its JSON argument, and returns its output. */
  async python(script: string, spec: object): Promise<string> {
    const finished = await this.processes.run('python3', [
      fixture(script),
      JSON.stringify({ host: '127.0.0.1', ...spec }),
    ]);
    if (finished.code !== 0) throw new Error(`${script} failed (${finished.code}):\n${finished.stderr}`);
    return finished.stdout;
  }

  /** sendToBob has smtplib send a message from Alice to Bob through the bridge's SMTP port, and expects it taken. */
  async sendToBob(subject: string, body: string): Promise<void> {
    const message = `From: Alice <alice@crepes.fr>\r\nTo: Bob <bob@hamburger.edu>\r\nSubject: ${subject}\r\n\r\n${body}`;
    const out = JSON.parse(
      await this.python('smtplib_client.py', {
        port: this.port('smtp'),
        from: 'alice@crepes.fr',
        to: ['bob@hamburger.edu'],
        message,
      }),
    ) as { ok: boolean };
    expect(out.ok).toBe(true);
  }
}

/**
 * useBridge starts a bridge with `options` before the test file's tests and stops it, with every program they
 * ran, after them. Call it at the top level of the file.
 */
export function useBridge(options: BridgeOptions): BridgeUnderTest {
  const under = new BridgeUnderTest();
  beforeAll(() => under.start(options));
  afterAll(() => under.stop());
  return under;
}
